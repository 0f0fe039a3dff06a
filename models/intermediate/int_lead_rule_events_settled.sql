{#- What the settled event days of a lead-rule add up to: an event day is settled once every
    change it makes to the decay has come (engagement_rule_settling), which for none and
    half-life is its own day. int_lead_engagement_rules_decayed then reads these sums and only
    the event days not yet settled, instead of every event day of the lead-rule, for the
    leads it computes from settled_before on. Incremental: a daily build adds the event days
    that settled since the stored day to the sums of their lead-rules (their rows replaced,
    by lead-rule and block_key); everything when the definition or an upstream model
    changed, or after a build for an earlier day (settled_sums_stored_before). -#}
{%- set number = type_score() -%}
{%- set epoch = "cast('1970-01-01' as date)" -%}
{%- set settled_before = settled_before_date() -%}
{%- set settled_before_sql = "cast('" ~ settled_before.isoformat() ~ "' as date)" -%}
{%- set stored_before = settled_sums_stored_before() -%}
{#- added to the stored sums: only the event days that settled since their day -#}
{%- set settling_since_stored = '1 = 1' -%}
{%- if stored_before is not none -%}
    {%- set settling_since_stored = age_in_days(
        'rule_events_daily.event_date', "cast('" ~ stored_before.isoformat() ~ "' as date)"
    ) ~ ' <= rule_settling.settle_days' -%}
{%- endif -%}

{{ config(
    materialized=late_window_materialization(),
    incremental_strategy='merge' if target.type == 'spark' else 'delete+insert',
    unique_key=['scoring_model', 'rule_id', 'lead_id', 'block_key'],
    pre_hook=[delete_before_transaction("{{ clear_settled_sums() }}")]
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

rule_settling as (
    {{ engagement_rule_settling('engagement_rules', 'decay_steps') }}
),

-- the event days that settle in this build: before settled_before, and not before the
-- stored sums' day when they are added to
events_settling as (
    select
        rule_events_aged.*,
        case
            when rule_events_aged.decay_mode = 'half_life'
                then {{ half_life_day_block('rule_events_aged.day_number', 'rule_events_aged.half_life_days') }}
        end as day_block
    from (
        select
            rule_events_daily.scoring_model,
            rule_events_daily.rule_id,
            rule_events_daily.lead_id,
            rule_events_daily.event_date,
            rule_events_daily.event_count,
            rule_events_daily.last_occurred_at,
            cast(rule_events_daily.event_count * engagement_rules.points as {{ number }}) as event_points,
            engagement_rules.decay_mode,
            cast(engagement_rules.half_life_days as {{ number }}) as half_life_days,
            rule_settling.open_multiplier,
            rule_settling.open_pieces,
            {{ age_in_days(epoch, 'rule_events_daily.event_date') }} as day_number
        from rule_events_daily
        inner join engagement_rules
            on rule_events_daily.scoring_model = engagement_rules.scoring_model
                and rule_events_daily.rule_id = engagement_rules.rule_id
        inner join rule_settling
            on rule_events_daily.scoring_model = rule_settling.scoring_model
                and rule_events_daily.rule_id = rule_settling.rule_id
        where {{ age_in_days('rule_events_daily.event_date', settled_before_sql) }} > rule_settling.settle_days
            and {{ settling_since_stored }}
    ) as rule_events_aged
),

-- what each settled event day adds: its count, its points undecayed, what stays of its
-- decay (none and an open step band: constant points, one active piece each) and its
-- half-life weight in the scale of its block's origin
events_settled as (
    select
        scoring_model,
        rule_id,
        lead_id,
        day_block,
        event_count,
        event_date,
        last_occurred_at,
        event_points,
        event_points * open_multiplier as constant_points,
        open_pieces as active_pieces,
        case
            when decay_mode = 'half_life'
                then {{ half_life_block_weight('event_points', 'day_number', 'half_life_days', 'day_block') }}
            else cast(0 as {{ number }})
        end as block_weight
    from events_settling
),

{% if stored_before is not none %}
-- the stored sums of the lead-rules that settle more event days now (every block of them)
sums_stored as (
    select
        stored.scoring_model,
        stored.rule_id,
        stored.lead_id,
        stored.day_block,
        stored.event_count,
        stored.last_event_date as event_date,
        stored.last_occurred_at,
        stored.raw_points as event_points,
        stored.constant_points,
        stored.active_pieces,
        stored.block_weight
    from {{ this }} as stored
    where exists (
        select 1
        from events_settling
        where events_settling.scoring_model = stored.scoring_model
            and events_settling.rule_id = stored.rule_id
            and events_settling.lead_id = stored.lead_id
    )
),
{% endif %}

lead_rule_sums as (
    select
        scoring_model,
        rule_id,
        lead_id,
        day_block,
        -- the key of the row with its block, never null (a merge matches no null)
        coalesce(day_block, -1) as block_key,
        cast(sum(event_count) as bigint) as event_count,
        max(event_date) as last_event_date,
        max(last_occurred_at) as last_occurred_at,
        cast(sum(event_points) as {{ number }}) as raw_points,
        cast(sum(constant_points) as {{ number }}) as constant_points,
        cast(sum(active_pieces) as bigint) as active_pieces,
        cast(sum(block_weight) as {{ number }}) as block_weight,
        {{ settled_before_sql }} as settled_before,
        '{{ definition_version('int_lead_rule_events_settled') }}' as definition_version,
        {{ as_of_date() }} as built_as_of
    from (
        select * from events_settled
        {% if stored_before is not none -%}
            union all
            select * from sums_stored
        {%- endif %}
    ) as settled_parts
    group by scoring_model, rule_id, lead_id, day_block
)

select * from lead_rule_sums
