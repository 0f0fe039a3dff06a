{#- A table: the one pass over raw events; scoring and the quarantine both read it. -#}

with

events as (
    select * from {{ ref('int_marketing_events_classified') }}
),

lead_ids as (
    select * from {{ ref('int_lead_ids_resolved') }}
),

events_ranked as (
    select
        events.*,
        row_number() over (
            partition by events.event_id
            order by
                events.occurred_at asc, events.lead_id asc, events.source_event_type asc,
                events.url asc, events.asset_name asc, events.campaign asc
        ) as id_rank
    from events
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
            when lead_ids.lead_id is null then 'unknown lead_id'
            when events_ranked.event_type is null then 'unmapped event type'
        end as reject_reason,
        events_ranked.raw_row
    from events_ranked
    left join lead_ids
        on events_ranked.lead_id = lead_ids.lead_id
),

-- the text copy of the raw row is only needed for the quarantine; skip it for accepted rows
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
        case when reject_reason is not null then raw_row end as raw_row
    from events_checked
)

select * from events_quarantine_ready
