{#- The one model that reads raw events; scoring and the quarantine both read it. It gives each
    event its canonical event type (event_type_map) and checks it. Incremental: a
    daily build re-reads only the events of the late-arrival window (see late_arrival_cutoff)
    and rows without a readable time, and appends them after its pre-hook removed the old
    rows of those days; everything when the event mapping or an upstream model changed. An
    event id seen before the window is a duplicate, as the earlier copy would win a full
    build. -#}
{%- set window_only = reads_late_window_only('int_marketing_events_checked') -%}

{{ config(
    materialized=late_window_materialization(),
    incremental_strategy='append',
    pre_hook=[
        delete_before_transaction("{{ clear_late_window('int_marketing_events_checked', 'event_date') }}"),
    ]
) }}

with

-- read where used, never stored whole: DuckDB would store a CTE read more than once with
-- every event and its raw values
events_staged as {{ not_materialized() }} (
    select * from {{ ref('stg_marketing__events') }}
),

event_type_map as (
    select * from {{ ref('event_type_map') }}
),

lead_ids as (
    select * from {{ ref('int_lead_ids_resolved') }}
),

{% if window_only %}
    events_built as (
        select * from {{ this }}
    ),
{% endif %}

-- the events this build reads. A daily build takes the window on occurred_at from the cutoff
-- day's midnight (the same rows as event_date from the cutoff): DuckDB filters the raw rows
-- on it before staging parses them, where a filter on the derived event_date came after
-- staging's projection of every event. Read where used
-- in a full build (every event); a daily build's few are kept once, by the engine's default,
-- so that the raw events are scanned once, not once per use (four)
events_in_scope as {% if not window_only %}{{ not_materialized() }}{% endif %} (
    select * from events_staged
    {% if window_only %}
        where occurred_at >= cast({{ late_arrival_cutoff('event_date') }} as {{ dbt.type_timestamp() }})
            or occurred_at is null
    {% endif %}
),

map_normalised as (
    select
        lower(trim(source_event_type)) as source_event_key,
        lower(trim(url_contains)) as url_contains,
        event_type,
        priority
    from event_type_map
),

-- classify each distinct (name, url) of the events in scope once rather than each event; in
-- a daily build the window's, not every stored event's
event_keys as (
    select distinct
        lower(source_event_type) as source_event_key,
        coalesce(url, '') as url_key
    from events_in_scope
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

-- each event with its canonical event type (null when no map row matches its name and URL)
events_classified as {{ not_materialized() }} (
    select
        events_in_scope.*,
        event_keys_ranked.event_type
    from events_in_scope
    left join event_keys_ranked
        on lower(events_in_scope.source_event_type) = event_keys_ranked.source_event_key
            and coalesce(events_in_scope.url, '') = event_keys_ranked.url_key
            and event_keys_ranked.candidate_rank = 1
),

{% if window_only %}
    -- the window's ids that a stored event before the window has: looked up from the window's
    -- ids (a few), not by listing the distinct ids of every stored event
    ids_seen_before_the_window as (
        select distinct events_in_scope.event_id
        from events_in_scope
        where exists (
            select 1
            from events_built
            where events_built.event_id = events_in_scope.event_id
                and events_built.event_date < {{ late_arrival_cutoff('event_date') }}
        )
    ),
{% endif %}

-- ids sent more than once: only their rows are ranked, so that the ranking does not sort
-- every event with its columns (which spilled to disk at 50M events)
repeated_ids as (
    select event_id
    from events_in_scope
    where event_id is not null
    group by event_id
    having count(*) > 1
),

events_with_unique_ids as (
    select
        events_classified.*,
        1 as id_rank
    from events_classified
    left join repeated_ids
        on events_classified.event_id = repeated_ids.event_id
    where repeated_ids.event_id is null
),

events_with_repeated_ids as (
    select
        events_classified.*,
        row_number() over (
            partition by events_classified.event_id
            order by
                events_classified.occurred_at asc nulls last, events_classified.lead_id asc nulls last,
                events_classified.source_event_type asc nulls last, events_classified.url asc nulls last,
                events_classified.asset_name asc nulls last, events_classified.campaign asc nulls last
        ) as id_rank
    from events_classified
    inner join repeated_ids
        on events_classified.event_id = repeated_ids.event_id
),

events_ranked as (
    select * from events_with_unique_ids
    union all
    select * from events_with_repeated_ids
),

events_checked as (
    select
        events_ranked.event_id,
        coalesce(lead_ids.surviving_lead_id, events_ranked.lead_id) as lead_id,
        events_ranked.lead_id as reported_lead_id,
        events_ranked.source_event_type,
        events_ranked.event_type,
        events_ranked.occurred_at,
        events_ranked.event_date,
        events_ranked.url,
        events_ranked.asset_name,
        events_ranked.campaign,
        case
            when events_ranked.row_problem is not null then events_ranked.row_problem
            when events_ranked.id_rank > 1 then 'duplicate_of ' || events_ranked.event_id
            {% if window_only %}
                when ids_seen_before_the_window.event_id is not null
                    then 'duplicate_of ' || events_ranked.event_id
            {% endif %}
            when lead_ids.lead_id is null then 'unknown lead_id'
            when events_ranked.event_type is null then 'unmapped event type'
        end as reject_reason,
        events_ranked.raw_event_id,
        events_ranked.raw_lead_id,
        events_ranked.raw_event_type,
        events_ranked.raw_occurred_at,
        events_ranked.raw_url,
        events_ranked.raw_asset_name,
        events_ranked.raw_campaign
    from events_ranked
    left join lead_ids
        on events_ranked.lead_id = lead_ids.lead_id
    {% if window_only %}
        left join ids_seen_before_the_window
            on events_ranked.event_id = ids_seen_before_the_window.event_id
    {% endif %}
),

-- the text copy of the raw row is only needed for the quarantine: built for rejected rows
-- only, here, where the engine evaluates it for those rows alone (in staging it was built
-- for every event)
events_quarantine_ready as (
    select
        event_id,
        lead_id,
        reported_lead_id,
        source_event_type,
        event_type,
        occurred_at,
        event_date,
        url,
        asset_name,
        campaign,
        reject_reason,
        case
            when reject_reason is not null
                then {{ row_as_text(
                    ['event_id', 'lead_id', 'event_type', 'occurred_at', 'url', 'asset_name', 'campaign'],
                    column_prefix='raw_'
                ) }}
        end as raw_row,
        '{{ definition_version('int_marketing_events_checked') }}' as definition_version,
        {{ as_of_date() }} as built_as_of
    from events_checked
)

select * from events_quarantine_ready
