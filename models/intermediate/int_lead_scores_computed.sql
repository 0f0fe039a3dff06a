{#- One row per lead per scoring model per day scored on (int_lead_score_dates) with every
    step of the score kept apart, at full precision, so that the explanation mart can show
    each adjustment. Every day-dependent value is relative to score_date, so the row for a
    past day is what a build with as_of set to that day gives. Comparisons (grades,
    gate, thresholds, fast-track minimums) use the published 2-decimal scores, so a lead
    shown at exactly the threshold qualifies. Incremental by score_date like
    int_lead_engagement_rules_decayed: a daily build computes the late-arrival window and
    every day of the leads whose history_fingerprint changed or that are new. With
    lead_buckets above 1, the leads are computed in that many passes (lead_bucket_filter),
    except in a daily build that computes at most a bucket's share of the rows
    (history_in_one_pass): one scan of the decayed rows instead of one per bucket. -#}
{%- set number = type_score() -%}
{%- set window_only = reads_late_window_only('int_lead_scores_computed') -%}
{%- set one_pass = window_only and history_in_one_pass() -%}
{%- set days_since_activity = age_in_days(
    'cast(leads_fit_graded.last_activity_at as date)', 'leads_fit_graded.score_date'
) -%}

{{ config(
    materialized=late_window_materialization(),
    incremental_strategy='append',
    pre_hook=[
        delete_before_transaction("{{ clear_late_window('int_lead_scores_computed', 'score_date') }}"),
        delete_before_transaction("{{ clear_changed_history('int_lead_scores_computed') }}"),
    ],
    post_hook="{{ insert_other_lead_buckets() }}"
) }}

-- depends_on: {{ ref('int_scoring_definition_problems') }}

with

score_dates as (
    select * from {{ ref('int_lead_score_dates') }}
),

leads as (
    select * from {{ ref('int_leads_enriched') }}
),

scoring_models as (
    select * from {{ ref('scoring_models') }}
),

grade_bands as (
    select * from {{ ref('grade_bands') }}
),

fast_track_rules as (
    select * from {{ ref('fast_track_rules') }}
),

attribute_rule_matches as (
    select * from {{ ref('int_lead_attribute_rules_matched') }}
),

engagement_rule_totals as (
    select * from {{ ref('int_lead_engagement_rules_decayed') }}
),

rule_events_daily as (
    select * from {{ ref('int_rule_events_daily') }}
),

days_to_compute as (
    {{ history_days_to_compute('score_dates', this if window_only else none, one_pass=one_pass) }}
),

-- one row per definition with its grade bands as columns: each lead-day is graded on its
-- own row, so no step of the score is read twice (DuckDB stores a CTE read twice whole,
-- every lead-day of it, before the query runs)
grade_band_edges as (
    select
        scoring_model,
        {{ grade_band_edges('fit') }},
        {{ grade_band_edges('engagement') }}
    from grade_bands
    group by scoring_model
),

-- fit and disqualification per version of the lead's attributes; a version applies from
-- valid_from to the day before valid_to (null: without limit)
fit_per_lead as (
    select
        scoring_model,
        lead_id,
        coalesce(valid_from, cast('0001-01-01' as date)) as applies_from,
        coalesce(valid_to, cast('9999-12-31' as date)) as applies_until,
        cast(sum(points) as {{ number }}) as fit_points
    from attribute_rule_matches
    where rule_kind = 'fit'
    group by scoring_model, lead_id, valid_from, valid_to
),

disqualifications_ranked as (
    select
        scoring_model,
        lead_id,
        coalesce(valid_from, cast('0001-01-01' as date)) as applies_from,
        coalesce(valid_to, cast('9999-12-31' as date)) as applies_until,
        rule_id,
        disqualification_reason,
        row_number() over (
            partition by scoring_model, lead_id, valid_from order by priority, rule_id
        ) as disqualification_rank
    from attribute_rule_matches
    where rule_kind = 'disqualifier'
),

engagement_per_lead as (
    select
        engagement_rule_totals.scoring_model,
        engagement_rule_totals.lead_id,
        engagement_rule_totals.score_date,
        cast(sum(engagement_rule_totals.capped_points) as {{ number }}) as rule_points,
        -- activity is what this definition rewards: events of positive-point rules
        max(
            case when engagement_rule_totals.points_per_event > 0
                    then engagement_rule_totals.last_occurred_at
            end
        ) as last_activity_at,
        -- one row per rule in a group (the grain of engagement_rule_totals): a plain count
        -- counts distinct rules, without the cost of count(distinct)
        cast(sum(case
            when engagement_rule_totals.is_high_intent
                and {{ age_in_days('engagement_rule_totals.last_event_date', 'engagement_rule_totals.score_date') }}
                <= scoring_models.high_intent_window_days
                then 1
            else 0
        end) as integer) as high_intent_actions
    from engagement_rule_totals
    {% if window_only -%}
        -- the stored rows of other days are not recomputed
        inner join days_to_compute
            on engagement_rule_totals.scoring_model = days_to_compute.scoring_model
                and engagement_rule_totals.lead_id = days_to_compute.lead_id
                and engagement_rule_totals.score_date = days_to_compute.score_date
    {% endif -%}
    inner join scoring_models
        on engagement_rule_totals.scoring_model = scoring_models.scoring_model
    where {{ lead_bucket_filter('engagement_rule_totals.lead_id', one_pass=one_pass) }}
    group by
        engagement_rule_totals.scoring_model,
        engagement_rule_totals.lead_id,
        engagement_rule_totals.score_date
),

-- the days a fast-track event keeps its rule open (the event's day to within_days after
-- it, up to the as-of date), one row per day from each event day: a range join with every
-- lead-day computed built a hash table of those lead-days per rule
fast_track_candidates as (
    select distinct
        fast_track_event_days.scoring_model,
        fast_track_event_days.lead_id,
        cast({{ dbt.dateadd('day', 'fast_track_event_days.day_offset', 'fast_track_event_days.event_date') }} as date)
            as score_date,
        fast_track_event_days.rule_id,
        fast_track_event_days.priority,
        fast_track_event_days.min_fit_score
    from (
        select
            rule_events_daily.scoring_model,
            rule_events_daily.lead_id,
            rule_events_daily.event_date,
            fast_track_rules.rule_id,
            fast_track_rules.priority,
            fast_track_rules.min_fit_score,
            {{ day_offset_rows(
                'least(fast_track_rules.within_days, '
                ~ age_in_days('rule_events_daily.event_date') ~ ') + 1'
            ) }} as day_offset
        from rule_events_daily
        inner join fast_track_rules
            on rule_events_daily.scoring_model = fast_track_rules.scoring_model
                and rule_events_daily.rule_id = fast_track_rules.rule_id
        -- within_days is checked (never empty or negative) before any model is built; an
        -- empty one must not leave a rule open to as_of here either
        where rule_events_daily.event_date <= {{ as_of_date() }}
            and fast_track_rules.within_days >= 0
            and {{ lead_bucket_filter('rule_events_daily.lead_id', one_pass=one_pass) }}
    ) as fast_track_event_days
),

leads_fit_scored as (
    select
        leads.lead_id,
        scoring_models.scoring_model,
        days_to_compute.score_date,
        days_to_compute.history_fingerprint,
        scoring_models.is_primary,
        coalesce(fit_per_lead.fit_points, 0) as fit_score_exact,
        {{ round_score('coalesce(fit_per_lead.fit_points, 0)') }} as fit_score,
        disqualifications_ranked.rule_id is not null as is_disqualified,
        disqualifications_ranked.rule_id as disqualifier_rule_id,
        disqualifications_ranked.disqualification_reason,
        coalesce(engagement_per_lead.rule_points, 0) as engagement_rule_points,
        engagement_per_lead.last_activity_at,
        coalesce(engagement_per_lead.high_intent_actions, 0) as high_intent_actions
    from days_to_compute
    inner join leads
        on days_to_compute.lead_id = leads.lead_id
    inner join scoring_models
        on days_to_compute.scoring_model = scoring_models.scoring_model
    left join fit_per_lead
        on leads.lead_id = fit_per_lead.lead_id
            and scoring_models.scoring_model = fit_per_lead.scoring_model
            and days_to_compute.score_date >= fit_per_lead.applies_from
            and days_to_compute.score_date < fit_per_lead.applies_until
    left join disqualifications_ranked
        on leads.lead_id = disqualifications_ranked.lead_id
            and scoring_models.scoring_model = disqualifications_ranked.scoring_model
            and disqualifications_ranked.disqualification_rank = 1
            and days_to_compute.score_date >= disqualifications_ranked.applies_from
            and days_to_compute.score_date < disqualifications_ranked.applies_until
    left join engagement_per_lead
        on leads.lead_id = engagement_per_lead.lead_id
            and scoring_models.scoring_model = engagement_per_lead.scoring_model
            and days_to_compute.score_date = engagement_per_lead.score_date
),

leads_fit_graded as (
    select
        leads_fit_scored.*,
        {{ grade_of_score('leads_fit_scored.fit_score', 'grade_band_edges', 'fit') }} as fit_grade,
        coalesce(
            {{ grade_of_score(
                'leads_fit_scored.fit_score', 'grade_band_edges', 'fit', value='engagement_multiplier'
            ) }},
            1
        ) as engagement_multiplier
    from leads_fit_scored
    left join grade_band_edges
        on leads_fit_scored.scoring_model = grade_band_edges.scoring_model
),

engagement_penalised as (
    select
        leads_fit_graded.*,
        {{ days_since_activity }}
            as days_since_activity,
        -- a penalty only takes back points the lead has; it never makes engagement negative
        case
            when scoring_models.inactivity_after_days is null
                or leads_fit_graded.last_activity_at is null
                or leads_fit_graded.engagement_rule_points <= 0 then cast(0 as {{ number }})
            else 0 - least(
                    leads_fit_graded.engagement_rule_points,
                    floor(
                        greatest(
                            {{ days_since_activity }}
                            - scoring_models.inactivity_after_days,
                            0
                        ) / cast(scoring_models.inactivity_period_days as {{ number }})
                    ) * scoring_models.inactivity_points_per_period
                )
        end as penalty_points
    from leads_fit_graded
    inner join scoring_models
        on leads_fit_graded.scoring_model = scoring_models.scoring_model
),

engagement_gated as (
    select
        engagement_penalised.*,
        case
            when scoring_models.gate_mode = 'exclude'
                and engagement_penalised.fit_score < scoring_models.gate_min_fit
                then -(engagement_penalised.engagement_rule_points + engagement_penalised.penalty_points)
            when scoring_models.gate_mode = 'cap'
                and engagement_penalised.fit_score < scoring_models.gate_min_fit
                and engagement_penalised.engagement_rule_points + engagement_penalised.penalty_points
                > scoring_models.gate_engagement_cap
                then scoring_models.gate_engagement_cap
                    - (engagement_penalised.engagement_rule_points + engagement_penalised.penalty_points)
            else cast(0 as {{ number }})
        end as gate_points
    from engagement_penalised
    inner join scoring_models
        on engagement_penalised.scoring_model = scoring_models.scoring_model
),

engagement_multiplied as (
    select
        engagement_gated.*,
        (
            engagement_gated.engagement_rule_points + engagement_gated.penalty_points
            + engagement_gated.gate_points
        )
        * (engagement_gated.engagement_multiplier - 1) as multiplier_points
    from engagement_gated
),

engagement_capped as (
    select
        engagement_multiplied.*,
        -- last step: clamp to [0, total cap]; the difference is the "cap" adjustment
        least(
            greatest(
                engagement_multiplied.engagement_rule_points + engagement_multiplied.penalty_points
                + engagement_multiplied.gate_points + engagement_multiplied.multiplier_points,
                0
            ),
            scoring_models.total_engagement_cap
        ) - (
            engagement_multiplied.engagement_rule_points + engagement_multiplied.penalty_points
            + engagement_multiplied.gate_points + engagement_multiplied.multiplier_points
        ) as cap_points
    from engagement_multiplied
    inner join scoring_models
        on engagement_multiplied.scoring_model = scoring_models.scoring_model
),

engagement_scored as (
    select
        engagement_capped.*,
        engagement_capped.engagement_rule_points + engagement_capped.penalty_points
        + engagement_capped.gate_points + engagement_capped.multiplier_points
        + engagement_capped.cap_points as engagement_score_exact,
        {{ round_score(
            'engagement_capped.engagement_rule_points + engagement_capped.penalty_points'
            ~ ' + engagement_capped.gate_points + engagement_capped.multiplier_points'
            ~ ' + engagement_capped.cap_points'
        ) }} as engagement_score
    from engagement_capped
),

engagement_graded as (
    select
        engagement_scored.*,
        {{ grade_of_score('engagement_scored.engagement_score', 'grade_band_edges', 'engagement') }}
            as engagement_grade
    from engagement_scored
    left join grade_band_edges
        on engagement_scored.scoring_model = grade_band_edges.scoring_model
),

-- a fast track needs the lead's fit on that day (the version of its attributes then), not
-- its engagement: taken from the fit points, so that the scored lead-days are read once
fast_tracks_qualifying as (
    select
        fast_track_candidates.scoring_model,
        fast_track_candidates.lead_id,
        fast_track_candidates.score_date,
        fast_track_candidates.rule_id,
        row_number() over (
            partition by
                fast_track_candidates.scoring_model,
                fast_track_candidates.lead_id,
                fast_track_candidates.score_date
            order by fast_track_candidates.priority, fast_track_candidates.rule_id
        ) as fast_track_rank
    from fast_track_candidates
    left join fit_per_lead
        on fast_track_candidates.lead_id = fit_per_lead.lead_id
            and fast_track_candidates.scoring_model = fit_per_lead.scoring_model
            and fast_track_candidates.score_date >= fit_per_lead.applies_from
            and fast_track_candidates.score_date < fit_per_lead.applies_until
    where fast_track_candidates.min_fit_score is null
        or {{ round_score('coalesce(fit_per_lead.fit_points, 0)') }} >= fast_track_candidates.min_fit_score
),

leads_qualified as (
    select
        engagement_graded.*,
        engagement_graded.fit_score >= scoring_models.fit_threshold
        and engagement_graded.engagement_score >= scoring_models.engagement_threshold
        and (
            scoring_models.min_high_intent_actions is null
            or engagement_graded.high_intent_actions >= scoring_models.min_high_intent_actions)
            as meets_thresholds,
        engagement_graded.fit_score >= scoring_models.fit_threshold as meets_fit_threshold,
        -- hysteresis: an MQL is held while engagement stays at the (lower) exit threshold;
        -- the high-intent requirement is for entry only
        engagement_graded.fit_score >= scoring_models.fit_threshold
        and engagement_graded.engagement_score
        >= coalesce(scoring_models.exit_engagement_threshold, scoring_models.engagement_threshold)
            as meets_exit_thresholds,
        fast_tracks_qualifying.rule_id as fast_track_rule_id
    from engagement_graded
    inner join scoring_models
        on engagement_graded.scoring_model = scoring_models.scoring_model
    left join fast_tracks_qualifying
        on engagement_graded.scoring_model = fast_tracks_qualifying.scoring_model
            and engagement_graded.lead_id = fast_tracks_qualifying.lead_id
            and engagement_graded.score_date = fast_tracks_qualifying.score_date
            and fast_tracks_qualifying.fast_track_rank = 1
),

leads_flagged as (
    select
        leads_qualified.*,
        not leads_qualified.is_disqualified
        and (leads_qualified.meets_thresholds or leads_qualified.fast_track_rule_id is not null)
            as meets_entry,
        not leads_qualified.is_disqualified
        and (leads_qualified.meets_exit_thresholds or leads_qualified.fast_track_rule_id is not null)
            as stays_mql,
        case
            when leads_qualified.is_disqualified then null
            when leads_qualified.meets_thresholds then 'thresholds'
            when leads_qualified.fast_track_rule_id is not null
                then 'fast_track:' || leads_qualified.fast_track_rule_id
        end as entry_reason,
        '{{ definition_version('int_lead_scores_computed') }}' as definition_version,
        {{ as_of_date() }} as built_as_of,
        cast({{ next_build_number() }} as integer) as build_number
    from leads_qualified
)

select * from leads_flagged
