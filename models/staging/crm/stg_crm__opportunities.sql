{%- set text = dbt.type_string() -%}
{%- set source_types = source_column_types(source('crm', 'opportunities')) -%}

with

source as (
    select * from {{ source('crm', 'opportunities') }}
),

parsed as (
    select
        nullif(trim(cast(opportunity_id as {{ text }})), '') as opportunity_id,
        nullif(trim(cast(account_id as {{ text }})), '') as account_id,
        nullif(trim(cast(lead_id as {{ text }})), '') as lead_id,
        {{ to_utc_timestamp('created_at', source_types.get('created_at')) }} as created_at,
        lower(trim(cast(stage as {{ text }}))) as stage,
        {{ to_boolean('is_won') }} as is_won_parsed,
        is_won is not null as has_is_won,
        {{ to_utc_timestamp('closed_at', source_types.get('closed_at')) }} as closed_at,
        closed_at is not null as has_closed_at,
        cast(amount as {{ dbt.type_numeric() }}) as amount,
        {{ row_as_text(['opportunity_id', 'account_id', 'lead_id', 'created_at', 'stage', 'is_won',
            'closed_at', 'amount']) }} as raw_row
    from source
),

categorised as (
    select
        opportunity_id,
        account_id,
        lead_id,
        created_at,
        stage,
        coalesce(is_won_parsed, false) as is_won,
        closed_at,
        amount,
        case
            when opportunity_id is null then 'missing opportunity_id'
            when created_at is null then 'missing or invalid created_at'
            when has_closed_at and closed_at is null then 'invalid closed_at'
            when closed_at < created_at then 'closed_at before created_at'
            when has_is_won and is_won_parsed is null then 'invalid is_won value'
        end as row_problem,
        raw_row
    from parsed
)

select * from categorised
