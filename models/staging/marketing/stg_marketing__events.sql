{%- set text = dbt.type_string() -%}
{%- set source_types = source_column_types(source('marketing', 'marketing_events')) -%}

with

source as (
    select * from {{ source('marketing', 'marketing_events') }}
),

parsed as (
    select
        nullif(trim(cast(event_id as {{ text }})), '') as event_id,
        nullif(trim(cast(lead_id as {{ text }})), '') as lead_id,
        trim(cast(event_type as {{ text }})) as source_event_type,
        {{ to_utc_timestamp('occurred_at', source_types.get('occurred_at')) }} as occurred_at,
        occurred_at is not null as has_occurred_at,
        lower(trim(cast(url as {{ text }}))) as url,
        trim(cast(asset_name as {{ text }})) as asset_name,
        trim(cast(campaign as {{ text }})) as campaign,
        -- the raw values, for the quarantine's text of a rejected row: the text is built there,
        -- for rejected rows only (building it for every event took most of the events' parsing)
        event_id as raw_event_id,
        lead_id as raw_lead_id,
        event_type as raw_event_type,
        occurred_at as raw_occurred_at,
        url as raw_url,
        asset_name as raw_asset_name,
        campaign as raw_campaign
    from source
),

categorised as (
    select
        event_id,
        lead_id,
        source_event_type,
        occurred_at,
        cast(occurred_at as date) as event_date,
        url,
        asset_name,
        campaign,
        case
            when event_id is null then 'missing event_id'
            when lead_id is null then 'missing lead_id'
            when not has_occurred_at then 'missing occurred_at'
            when occurred_at is null then 'invalid occurred_at'
            when coalesce(source_event_type, '') = '' then 'missing event_type'
        end as row_problem,
        raw_event_id,
        raw_lead_id,
        raw_event_type,
        raw_occurred_at,
        raw_url,
        raw_asset_name,
        raw_campaign
    from parsed
)

select * from categorised
