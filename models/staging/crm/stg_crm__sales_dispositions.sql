{%- set text = dbt.type_string() -%}
{%- set source_types = source_column_types(source('crm', 'sales_dispositions')) -%}

with

source as (
    select * from {{ source('crm', 'sales_dispositions') }}
),

parsed as (
    select
        nullif(trim(cast(disposition_id as {{ text }})), '') as disposition_id,
        nullif(trim(cast(lead_id as {{ text }})), '') as lead_id,
        lower(trim(cast(disposition as {{ text }}))) as disposition,
        trim(cast(reason as {{ text }})) as disposition_reason,
        {{ to_utc_timestamp('occurred_at', source_types.get('occurred_at')) }} as occurred_at,
        occurred_at is not null as has_occurred_at,
        {{ row_as_text(['disposition_id', 'lead_id', 'disposition', 'reason', 'occurred_at']) }} as raw_row
    from source
),

categorised as (
    select
        disposition_id,
        lead_id,
        disposition,
        disposition_reason,
        occurred_at,
        case
            when disposition_id is null then 'missing disposition_id'
            when lead_id is null then 'missing lead_id'
            when not has_occurred_at then 'missing occurred_at'
            when occurred_at is null then 'invalid occurred_at'
            when disposition is null or disposition not in ('accepted', 'rejected', 'recycled')
                then 'unknown disposition (expected accepted, rejected or recycled)'
        end as row_problem,
        raw_row
    from parsed
)

select * from categorised
