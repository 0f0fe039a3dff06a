with

source as (
    select * from {{ source('crm', 'opportunities') }}
),

renamed as (
    select
        cast(opportunity_id as {{ dbt.type_string() }}) as opportunity_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(lead_id as {{ dbt.type_string() }}) as lead_id,
        cast(created_at as {{ dbt.type_timestamp() }}) as created_at,
        lower(trim(cast(stage as {{ dbt.type_string() }}))) as stage,
        coalesce(cast(is_won as boolean), false) as is_won,
        cast(closed_at as {{ dbt.type_timestamp() }}) as closed_at,
        cast(amount as {{ dbt.type_numeric() }}) as amount
    from source
)

select * from renamed
