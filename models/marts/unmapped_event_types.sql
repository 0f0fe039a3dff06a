with

events_checked as (
    select * from {{ ref('int_marketing_events_checked') }}
),

unmapped_events as (
    select * from events_checked
    where reject_reason = 'unmapped event type'
),

unmapped_types as (
    select
        source_event_type,
        cast(count(*) as bigint) as events,
        cast(count(distinct lead_id) as bigint) as leads,
        min(occurred_at) as first_seen_at,
        max(occurred_at) as last_seen_at,
        min(url) as example_url
    from unmapped_events
    group by source_event_type
)

select * from unmapped_types
