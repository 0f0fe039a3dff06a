with

source as (
    select * from {{ source('marketing', 'marketing_events') }}
),

renamed as (
    select
        cast(event_id as {{ dbt.type_string() }}) as event_id,
        cast(lead_id as {{ dbt.type_string() }}) as lead_id,
        trim(cast(event_type as {{ dbt.type_string() }})) as source_event_type,
        cast(occurred_at as {{ dbt.type_timestamp() }}) as occurred_at,
        cast(occurred_at as date) as event_date,
        lower(trim(cast(url as {{ dbt.type_string() }}))) as url,
        trim(cast(asset_name as {{ dbt.type_string() }})) as asset_name,
        trim(cast(campaign as {{ dbt.type_string() }})) as campaign
    from source
)

select * from renamed
