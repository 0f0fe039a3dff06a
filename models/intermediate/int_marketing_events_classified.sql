{{ config(materialized='view') }}

with

events as (
    select * from {{ ref('stg_marketing__events') }}
),

event_type_map as (
    select * from {{ ref('event_type_map') }}
),

map_normalised as (
    select
        lower(trim(source_event_type)) as source_event_key,
        lower(trim(url_contains)) as url_contains,
        event_type,
        priority
    from event_type_map
),

candidate_types as (
    select
        events.event_id,
        map_normalised.event_type,
        row_number() over (
            partition by events.event_id
            order by map_normalised.priority, map_normalised.event_type
        ) as candidate_rank
    from events
    inner join map_normalised
        on lower(events.source_event_type) = map_normalised.source_event_key
    where map_normalised.url_contains is null
        or {{ dbt.position('map_normalised.url_contains', 'events.url') }} > 0
),

events_classified as (
    select
        events.event_id,
        events.lead_id,
        events.source_event_type,
        candidate_types.event_type,
        events.occurred_at,
        events.event_date,
        events.url,
        events.asset_name,
        events.campaign
    from events
    left join candidate_types
        on events.event_id = candidate_types.event_id
            and candidate_types.candidate_rank = 1
)

select * from events_classified
