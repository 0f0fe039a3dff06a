-- Every MQL satisfies the path its mql_reason names, checked against the definition
-- directly rather than through the model's own flags.
with

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

events as (
    select * from events_checked
    where reject_reason is null
),

rule_events_daily as (
    select * from {{ ref('int_rule_events_daily') }}
),

engagement_rules as (
    select * from {{ ref('engagement_rules') }}
),

-- recomputed from the lead-rule-days rather than read from the model's own column
high_intent_per_lead as (
    select
        rule_events_daily.scoring_model,
        rule_events_daily.lead_id,
        count(distinct rule_events_daily.rule_id) as high_intent_rules
    from rule_events_daily
    inner join engagement_rules
        on rule_events_daily.scoring_model = engagement_rules.scoring_model
            and rule_events_daily.rule_id = engagement_rules.rule_id
    inner join scoring_models
        on rule_events_daily.scoring_model = scoring_models.scoring_model
    where engagement_rules.is_high_intent
        and rule_events_daily.event_date <= {{ as_of_date() }}
        and {{ age_in_days('rule_events_daily.event_date') }} <= scoring_models.high_intent_window_days
    group by rule_events_daily.scoring_model, rule_events_daily.lead_id
),

threshold_mqls_failing as (
    select
        lead_scores.lead_id,
        lead_scores.scoring_model,
        lead_scores.mql_reason
    from lead_scores
    inner join scoring_models
        on lead_scores.scoring_model = scoring_models.scoring_model
    left join high_intent_per_lead
        on lead_scores.scoring_model = high_intent_per_lead.scoring_model
            and lead_scores.lead_id = high_intent_per_lead.lead_id
    where lead_scores.mql_reason = 'thresholds'
        and not (
            lead_scores.fit_score >= scoring_models.fit_threshold
            and lead_scores.engagement_score >= scoring_models.engagement_threshold
            and (
                scoring_models.min_high_intent_actions is null
                or coalesce(high_intent_per_lead.high_intent_rules, 0)
                >= scoring_models.min_high_intent_actions
            )
        )
),

fast_track_mqls_failing as (
    select
        lead_scores.lead_id,
        lead_scores.scoring_model,
        lead_scores.mql_reason
    from lead_scores
    left join fast_track_rules
        on lead_scores.scoring_model = fast_track_rules.scoring_model
            and lead_scores.mql_reason = 'fast_track:' || fast_track_rules.rule_id
    where lead_scores.mql_reason like 'fast!_track:%' escape '!'
        and (
            fast_track_rules.rule_id is null
            or lead_scores.fit_score < coalesce(fast_track_rules.min_fit_score, lead_scores.fit_score)
            or not exists (
                select 1
                from events
                where events.lead_id = lead_scores.lead_id
                    and events.event_type = fast_track_rules.event_type
                    and events.event_date <= {{ as_of_date() }}
                    and {{ age_in_days('events.event_date') }}
                    <= fast_track_rules.within_days
            )
        )
),

unknown_reasons as (
    select
        lead_id,
        scoring_model,
        mql_reason
    from lead_scores
    where is_mql and mql_reason != 'thresholds' and mql_reason not like 'fast!_track:%' escape '!'
)

select * from threshold_mqls_failing
union all
select * from fast_track_mqls_failing
union all
select * from unknown_reasons
