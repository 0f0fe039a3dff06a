with

raw_accounts as (
    select * from {{ source('crm', 'accounts') }}
),

raw_leads as (
    select * from {{ source('crm', 'leads') }}
),

raw_marketing_events as (
    select * from {{ source('marketing', 'marketing_events') }}
),

raw_sales_dispositions as (
    select * from {{ source('crm', 'sales_dispositions') }}
),

raw_opportunities as (
    select * from {{ source('crm', 'opportunities') }}
),

source_rows_checked as (
    select * from {{ ref('int_source_rows_checked') }}
),

raw_counts as (
    select
        'crm.accounts' as source_table,
        count(*) as raw_rows
    from raw_accounts
    union all
    select
        'crm.leads' as source_table,
        count(*) as raw_rows
    from raw_leads
    union all
    select
        'marketing.marketing_events' as source_table,
        count(*) as raw_rows
    from raw_marketing_events
    union all
    select
        'crm.sales_dispositions' as source_table,
        count(*) as raw_rows
    from raw_sales_dispositions
    union all
    select
        'crm.opportunities' as source_table,
        count(*) as raw_rows
    from raw_opportunities
),

checked_counts as (
    select
        source_table,
        sum(case when reject_reason is null then 1 else 0 end) as accepted_rows,
        sum(case when reject_reason is not null then 1 else 0 end) as rejected_rows
    from source_rows_checked
    group by source_table
),

reconciliation as (
    select
        raw_counts.source_table,
        {{ as_of_date() }} as as_of_date,
        cast(raw_counts.raw_rows as bigint) as raw_rows,
        cast(coalesce(checked_counts.accepted_rows, 0) as bigint) as accepted_rows,
        cast(coalesce(checked_counts.rejected_rows, 0) as bigint) as rejected_rows
    from raw_counts
    left join checked_counts
        on raw_counts.source_table = checked_counts.source_table
)

select * from reconciliation
