with

source as (
    select * from {{ source('crm', 'sales_dispositions') }}
),

renamed as (
    select
        cast(disposition_id as {{ dbt.type_string() }}) as disposition_id,
        cast(lead_id as {{ dbt.type_string() }}) as lead_id,
        lower(trim(cast(disposition as {{ dbt.type_string() }}))) as disposition,
        trim(cast(reason as {{ dbt.type_string() }})) as disposition_reason,
        cast(occurred_at as {{ dbt.type_timestamp() }}) as occurred_at
    from source
)

select * from renamed
