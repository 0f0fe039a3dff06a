-- Every MQL episode met the path its entry_reason names on the day it began, and every
-- current MQL is still held (exit thresholds, a fast-track, or the cool-down), checked
-- against the definition directly rather than through the model's own flags.
with

transitions as (
    select * from {{ ref('mql_transitions') }}
),

lead_scores as (
    select * from {{ ref('lead_scores') }}
),

scoring_models as (
    select * from {{ ref('scoring_models') }}
),

fast_track_rules as (
    select * from {{ ref('fast_track_rules') }}
),

events_checked as (
    select * from {{ ref('int_marketing_events_checked') }}
),

rule_events_daily as (
    select * from {{ ref('int_rule_events_daily') }}
),

engagement_rules as (
    select * from {{ ref('engagement_rules') }}
),

events as (
    select * from events_checked
    where reject_reason is null
),

-- recomputed from the lead-rule-days rather than read from the model's own column
high_intent_on_entry as (
    select
        transitions.scoring_model,
        transitions.lead_id,
        transitions.entered_on,
        count(distinct rule_events_daily.rule_id) as high_intent_rules
    from transitions
    inner join scoring_models
        on transitions.scoring_model = scoring_models.scoring_model
    inner join rule_events_daily
        on transitions.scoring_model = rule_events_daily.scoring_model
            and transitions.lead_id = rule_events_daily.lead_id
            and transitions.entered_on >= rule_events_daily.event_date
    inner join engagement_rules
        on rule_events_daily.scoring_model = engagement_rules.scoring_model
            and rule_events_daily.rule_id = engagement_rules.rule_id
    where engagement_rules.is_high_intent
        and {{ age_in_days('rule_events_daily.event_date', 'transitions.entered_on') }}
        <= scoring_models.high_intent_window_days
    group by transitions.scoring_model, transitions.lead_id, transitions.entered_on
),

threshold_entries_failing as (
    select
        transitions.lead_id,
        transitions.scoring_model,
        'entered on ' || cast(transitions.entered_on as {{ dbt.type_string() }})
        || ' without meeting the thresholds' as problem
    from transitions
    inner join scoring_models
        on transitions.scoring_model = scoring_models.scoring_model
    left join high_intent_on_entry
        on transitions.scoring_model = high_intent_on_entry.scoring_model
            and transitions.lead_id = high_intent_on_entry.lead_id
            and transitions.entered_on = high_intent_on_entry.entered_on
    where transitions.entry_reason = 'thresholds'
        and not (
            transitions.entry_fit_score >= scoring_models.fit_threshold
            and transitions.entry_engagement_score >= scoring_models.engagement_threshold
            and (
                scoring_models.min_high_intent_actions is null
                or coalesce(high_intent_on_entry.high_intent_rules, 0)
                >= scoring_models.min_high_intent_actions
            )
        )
),

fast_track_entries_failing as (
    select
        transitions.lead_id,
        transitions.scoring_model,
        'entered by ' || transitions.entry_reason || ' without its event or fit' as problem
    from transitions
    left join fast_track_rules
        on transitions.scoring_model = fast_track_rules.scoring_model
            and transitions.entry_reason = 'fast_track:' || fast_track_rules.rule_id
    where transitions.entry_reason like 'fast!_track:%' escape '!'
        and (
            fast_track_rules.rule_id is null
            or transitions.entry_fit_score < coalesce(fast_track_rules.min_fit_score, transitions.entry_fit_score)
            or not exists (
                select 1
                from events
                where events.lead_id = transitions.lead_id
                    and events.event_type = fast_track_rules.event_type
                    and events.event_date <= transitions.entered_on
                    and {{ age_in_days('events.event_date', 'transitions.entered_on') }}
                    <= fast_track_rules.within_days
            )
        )
),

current_mqls_not_held as (
    select
        lead_scores.lead_id,
        lead_scores.scoring_model,
        'an MQL on as_of below the exit thresholds, after the cool-down and without a fast-track' as problem
    from lead_scores
    inner join scoring_models
        on lead_scores.scoring_model = scoring_models.scoring_model
    inner join transitions
        on lead_scores.lead_id = transitions.lead_id
            and lead_scores.scoring_model = transitions.scoring_model
            and transitions.is_current
    where lead_scores.is_mql
        and not (
            lead_scores.fit_score >= scoring_models.fit_threshold
            and lead_scores.engagement_score
            >= coalesce(scoring_models.exit_engagement_threshold, scoring_models.engagement_threshold)
        )
        and {{ age_in_days('transitions.entered_on') }} >= coalesce(scoring_models.min_days_as_mql, 0)
        and not exists (
            select 1
            from events
            inner join fast_track_rules
                on events.event_type = fast_track_rules.event_type
            where events.lead_id = lead_scores.lead_id
                and fast_track_rules.scoring_model = lead_scores.scoring_model
                and lead_scores.fit_score >= coalesce(fast_track_rules.min_fit_score, lead_scores.fit_score)
                and events.event_date <= {{ as_of_date() }}
                and {{ age_in_days('events.event_date') }} <= fast_track_rules.within_days
        )
),

unknown_reasons as (
    select
        lead_id,
        scoring_model,
        'unknown entry_reason ' || coalesce(entry_reason, '(null)') as problem
    from transitions
    where entry_reason is null
        or (entry_reason != 'thresholds' and entry_reason not like 'fast!_track:%' escape '!')
)

select * from threshold_entries_failing
union all
select * from fast_track_entries_failing
union all
select * from current_mqls_not_held
union all
select * from unknown_reasons
