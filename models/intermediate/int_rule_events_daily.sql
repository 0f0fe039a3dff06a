{#- Aggregates accepted events to lead-rule-days: later steps never look at single events,
    since decay depends on whole days only. Independent of as_of. Incremental: a daily build
    re-aggregates only the days of the late-arrival window (see late_arrival_cutoff) and
    appends them after its pre-hook removed those days; every day when the rules, the event
    mapping or an upstream model changed. -#}
{%- set window_only = reads_late_window_only('int_rule_events_daily') -%}

{{ config(
    materialized=late_window_materialization(),
    incremental_strategy='append',
    pre_hook=[
        delete_before_transaction("{{ clear_late_window('int_rule_events_daily', 'event_date') }}"),
    ]
) }}

-- depends_on: {{ ref('int_scoring_definition_problems') }}

with

events_checked as (
    select * from {{ ref('int_marketing_events_checked') }}
),

engagement_rules as (
    select * from {{ ref('engagement_rules') }}
),

fast_track_rules as (
    select * from {{ ref('fast_track_rules') }}
),

events as (
    select * from events_checked
    where reject_reason is null
    {% if window_only %}
        and event_date >= {{ late_arrival_cutoff('event_date') }}
    {% endif %}
),

event_rules as (
    select
        scoring_model,
        rule_id,
        event_type,
        property,
        property_operator,
        property_value
    from engagement_rules
    union all
    select
        scoring_model,
        rule_id,
        event_type,
        cast(null as {{ dbt.type_string() }}) as property,
        cast(null as {{ dbt.type_string() }}) as property_operator,
        cast(null as {{ dbt.type_string() }}) as property_value
    from fast_track_rules
),

events_matched as (
    select
        event_rules.scoring_model,
        event_rules.rule_id,
        events.lead_id,
        events.event_date,
        events.occurred_at
    from events
    inner join event_rules
        on events.event_type = event_rules.event_type
    where event_rules.property is null
        or {{ rule_text_matches(
            "case event_rules.property when 'url' then events.url "
            ~ "when 'asset_name' then events.asset_name "
            ~ "when 'campaign' then events.campaign end",
            'event_rules.property_operator',
            'event_rules.property_value'
        ) }}
),

rule_events_per_day as (
    select
        scoring_model,
        rule_id,
        lead_id,
        event_date,
        cast(count(*) as integer) as event_count,
        max(occurred_at) as last_occurred_at,
        '{{ definition_version('int_rule_events_daily') }}' as definition_version,
        {{ as_of_date() }} as built_as_of
    from events_matched
    group by scoring_model, rule_id, lead_id, event_date
)

select * from rule_events_per_day
