{#- One row per lead-rule-day scored on with events up to that day. Incremental by
    score_date: a daily build computes the late-arrival window (see late_arrival_cutoff) and
    every day of the leads whose history_fingerprint changed or that are new, and appends
    them after its pre-hooks removed those rows (history_days_to_compute); everything when
    the definition or an upstream model changed. Past days of other leads only change when
    their events do, and events only change inside the late window. -#}
{%- set number = type_score() -%}
{%- set window_only = reads_late_window_only('int_lead_engagement_rules_decayed') -%}

{{ config(
    materialized='incremental',
    incremental_strategy='append',
    pre_hook=[
        "{{ clear_late_window('int_lead_engagement_rules_decayed', 'score_date') }}",
        "{{ clear_changed_history('int_lead_engagement_rules_decayed') }}",
    ]
) }}

-- depends_on: {{ ref('int_scoring_definition_problems') }}

with

rule_events_daily as (
    select * from {{ ref('int_rule_events_daily') }}
),

engagement_rules as (
    select * from {{ ref('engagement_rules') }}
),

decay_steps as (
    select * from {{ ref('decay_steps') }}
),

score_dates as (
    select * from {{ ref('int_lead_score_dates') }}
),

days_to_compute as (
    {{ history_days_to_compute('score_dates', this if window_only else none) }}
),

rule_days_aged as (
    select
        rule_events_daily.scoring_model,
        rule_events_daily.rule_id,
        rule_events_daily.lead_id,
        days_to_compute.score_date,
        rule_events_daily.event_date,
        rule_events_daily.event_count,
        rule_events_daily.last_occurred_at,
        {{ age_in_days('rule_events_daily.event_date', 'days_to_compute.score_date') }} as age_days,
        engagement_rules.points,
        engagement_rules.decay_mode,
        engagement_rules.half_life_days,
        engagement_rules.lifespan_days
    from rule_events_daily
    inner join engagement_rules
        on rule_events_daily.scoring_model = engagement_rules.scoring_model
            and rule_events_daily.rule_id = engagement_rules.rule_id
    -- events after the day scored on do not exist yet as far as that day is concerned
    inner join days_to_compute
        on rule_events_daily.scoring_model = days_to_compute.scoring_model
            and rule_events_daily.lead_id = days_to_compute.lead_id
            and rule_events_daily.event_date <= days_to_compute.score_date
),

rule_days_decayed as (
    select
        rule_days_aged.scoring_model,
        rule_days_aged.rule_id,
        rule_days_aged.lead_id,
        rule_days_aged.score_date,
        rule_days_aged.event_date,
        rule_days_aged.event_count,
        rule_days_aged.last_occurred_at,
        rule_days_aged.points,
        case rule_days_aged.decay_mode
            when 'none' then cast(1 as {{ number }})
            when 'half_life'
                then power(
                        cast(0.5 as {{ number }}),
                        rule_days_aged.age_days / rule_days_aged.half_life_days
                    )
            when 'linear'
                then greatest(
                        cast(0 as {{ number }}),
                        1 - rule_days_aged.age_days / rule_days_aged.lifespan_days
                    )
            when 'step' then decay_steps.multiplier
        end as decay_multiplier
    from rule_days_aged
    left join decay_steps
        on rule_days_aged.decay_mode = 'step'
            and rule_days_aged.scoring_model = decay_steps.scoring_model
            and rule_days_aged.rule_id = decay_steps.rule_id
            and rule_days_aged.age_days >= decay_steps.min_age_days
            and (decay_steps.max_age_days is null or rule_days_aged.age_days <= decay_steps.max_age_days)
),

lead_rule_totals as (
    select
        scoring_model,
        rule_id,
        lead_id,
        score_date,
        cast(sum(event_count) as integer) as event_count,
        max(event_date) as last_event_date,
        max(last_occurred_at) as last_occurred_at,
        cast(sum(event_count * points) as {{ number }}) as raw_points,
        cast(sum(event_count * points * decay_multiplier) as {{ number }}) as decayed_points
    from rule_days_decayed
    group by scoring_model, rule_id, lead_id, score_date
),

lead_rule_totals_capped as (
    select
        lead_rule_totals.scoring_model,
        lead_rule_totals.rule_id,
        lead_rule_totals.lead_id,
        lead_rule_totals.score_date,
        lead_rule_totals.event_count,
        lead_rule_totals.last_event_date,
        lead_rule_totals.last_occurred_at,
        engagement_rules.points as points_per_event,
        engagement_rules.is_high_intent,
        lead_rule_totals.raw_points,
        lead_rule_totals.decayed_points,
        -- the cap bounds the size of the total, so it limits negative rules as a floor
        case
            when engagement_rules.rule_cap is null then lead_rule_totals.decayed_points
            when lead_rule_totals.decayed_points > engagement_rules.rule_cap then engagement_rules.rule_cap
            when lead_rule_totals.decayed_points < -engagement_rules.rule_cap then -engagement_rules.rule_cap
            else lead_rule_totals.decayed_points
        end as capped_points,
        score_dates.history_fingerprint,
        '{{ definition_version('int_lead_engagement_rules_decayed') }}' as definition_version,
        {{ as_of_date() }} as built_as_of
    from lead_rule_totals
    inner join engagement_rules
        on lead_rule_totals.scoring_model = engagement_rules.scoring_model
            and lead_rule_totals.rule_id = engagement_rules.rule_id
    inner join score_dates
        on lead_rule_totals.scoring_model = score_dates.scoring_model
            and lead_rule_totals.lead_id = score_dates.lead_id
)

select * from lead_rule_totals_capped
