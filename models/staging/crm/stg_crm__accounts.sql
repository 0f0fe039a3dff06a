with

source as (
    select * from {{ source('crm', 'accounts') }}
),

renamed as (
    select
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        trim(cast(name as {{ dbt.type_string() }})) as account_name,
        lower(trim(cast(domain as {{ dbt.type_string() }}))) as account_domain,
        lower(trim(cast(industry as {{ dbt.type_string() }}))) as industry,
        cast(employee_count as integer) as employee_count,
        cast(annual_revenue as {{ type_score() }}) as annual_revenue,
        upper(trim(cast(country as {{ dbt.type_string() }}))) as account_country,
        coalesce(cast(is_customer as boolean), false) as is_customer,
        coalesce(cast(is_competitor as boolean), false) as is_competitor,
        cast(created_at as {{ dbt.type_timestamp() }}) as created_at
    from source
)

select * from renamed
