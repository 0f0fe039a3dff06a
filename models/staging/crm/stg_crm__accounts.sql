{%- set text = dbt.type_string() -%}
{%- set source_types = source_column_types(source('crm', 'accounts')) -%}

with

source as (
    select * from {{ source('crm', 'accounts') }}
),

parsed as (
    select
        nullif(trim(cast(account_id as {{ text }})), '') as account_id,
        trim(cast(name as {{ text }})) as account_name,
        lower(trim(cast(domain as {{ text }}))) as account_domain,
        lower(trim(cast(industry as {{ text }}))) as industry,
        {{ to_integer('employee_count') }} as employee_count_reported,
        cast(annual_revenue as {{ type_score() }}) as annual_revenue,
        upper(trim(cast(country as {{ text }}))) as country_reported,
        {{ to_boolean('is_customer') }} as is_customer_parsed,
        {{ to_boolean('is_competitor') }} as is_competitor_parsed,
        {{ to_utc_timestamp('created_at', source_types.get('created_at')) }} as created_at,
        is_customer is not null as has_is_customer,
        is_competitor is not null as has_is_competitor,
        {{ row_as_text(['account_id', 'name', 'domain', 'industry', 'employee_count',
            'annual_revenue', 'country', 'is_customer', 'is_competitor', 'created_at']) }} as raw_row
    from source
),

categorised as (
    select
        account_id,
        account_name,
        account_domain,
        industry,
        employee_count_reported,
        -- non-positive or absurd head counts are unknown, not small or huge companies
        case
            when employee_count_reported between 1 and 5000000 then cast(employee_count_reported as integer)
        end as employee_count,
        annual_revenue,
        country_reported,
        -- a missing flag means "not flagged"; an unreadable one is a row problem below
        coalesce(is_customer_parsed, false) as is_customer,
        coalesce(is_competitor_parsed, false) as is_competitor,
        created_at,
        case
            when account_id is null then 'missing account_id'
            when has_is_customer and is_customer_parsed is null then 'invalid is_customer value'
            when has_is_competitor and is_competitor_parsed is null then 'invalid is_competitor value'
        end as row_problem,
        raw_row
    from parsed
)

select * from categorised
