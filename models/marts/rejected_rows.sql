with

int_accounts_checked as (
    select * from {{ ref('int_accounts_checked') }}
),

int_leads_checked as (
    select * from {{ ref('int_leads_checked') }}
),

int_marketing_events_checked as (
    select * from {{ ref('int_marketing_events_checked') }}
),

int_sales_dispositions_checked as (
    select * from {{ ref('int_sales_dispositions_checked') }}
),

int_opportunities_checked as (
    select * from {{ ref('int_opportunities_checked') }}
),

rejects as (
    select
        'crm.accounts' as source_table,
        account_id as source_key,
        reject_reason,
        raw_row
    from int_accounts_checked
    where reject_reason is not null
    union all
    select
        'crm.leads' as source_table,
        lead_id as source_key,
        reject_reason,
        raw_row
    from int_leads_checked
    where reject_reason is not null
    union all
    select
        'marketing.marketing_events' as source_table,
        event_id as source_key,
        reject_reason,
        raw_row
    from int_marketing_events_checked
    where reject_reason is not null
    union all
    select
        'crm.sales_dispositions' as source_table,
        disposition_id as source_key,
        reject_reason,
        raw_row
    from int_sales_dispositions_checked
    where reject_reason is not null
    union all
    select
        'crm.opportunities' as source_table,
        opportunity_id as source_key,
        reject_reason,
        raw_row
    from int_opportunities_checked
    where reject_reason is not null
),

rejects_numbered as (
    select
        source_table || ':' || cast(row_number() over (
            partition by source_table order by source_key asc, reject_reason asc, raw_row asc
        ) as {{ dbt.type_string() }}) as rejected_row_id,
        source_table,
        source_key,
        reject_reason,
        raw_row,
        {{ as_of_date() }} as as_of_date
    from rejects
)

select * from rejects_numbered
