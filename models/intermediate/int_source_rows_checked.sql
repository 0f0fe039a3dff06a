{{ config(materialized='view') }}

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

-- the one list of checked sources: the quarantine and the reconciliation both read it
source_rows as (
    select
        'crm.accounts' as source_table,
        account_id as source_key,
        reject_reason,
        raw_row
    from int_accounts_checked
    union all
    select
        'crm.leads' as source_table,
        lead_id as source_key,
        reject_reason,
        raw_row
    from int_leads_checked
    union all
    select
        'marketing.marketing_events' as source_table,
        event_id as source_key,
        reject_reason,
        raw_row
    from int_marketing_events_checked
    union all
    select
        'crm.sales_dispositions' as source_table,
        disposition_id as source_key,
        reject_reason,
        raw_row
    from int_sales_dispositions_checked
    union all
    select
        'crm.opportunities' as source_table,
        opportunity_id as source_key,
        reject_reason,
        raw_row
    from int_opportunities_checked
)

select * from source_rows
