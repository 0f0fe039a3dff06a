{{ config(materialized='view') }}

with

events as (
    select * from {{ ref('stg_marketing__events') }}
),

-- read apart from `events`, so that neither is materialised with every event's raw text
event_names as (
    select
        source_event_type,
        url
    from {{ ref('stg_marketing__events') }}
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

-- classify each distinct (name, url) once rather than each event
event_keys as (
    select distinct
        lower(source_event_type) as source_event_key,
        coalesce(url, '') as url_key
    from event_names
),

event_keys_ranked as (
    select
        event_keys.source_event_key,
        event_keys.url_key,
        map_normalised.event_type,
        row_number() over (
            partition by event_keys.source_event_key, event_keys.url_key
            order by map_normalised.priority asc, map_normalised.event_type asc
        ) as candidate_rank
    from event_keys
    inner join map_normalised
        on event_keys.source_event_key = map_normalised.source_event_key
    where map_normalised.url_contains is null
        or {{ dbt.position('map_normalised.url_contains', 'event_keys.url_key') }} > 0
),

events_classified as (
    select
        events.*,
        event_keys_ranked.event_type
    from events
    left join event_keys_ranked
        on lower(events.source_event_type) = event_keys_ranked.source_event_key
            and coalesce(events.url, '') = event_keys_ranked.url_key
            and event_keys_ranked.candidate_rank = 1
)

select * from events_classified
