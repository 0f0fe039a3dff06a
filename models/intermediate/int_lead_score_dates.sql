{#- The days each lead is scored on, as a range per lead: from first_score_date to the as-of
    date. Every lead is scored on the as-of date. A lead that could meet the MQL definition
    on some day is also scored on every day from the first day it could (or its creation,
    if later): MQL history is computed from those days. A lead with an event of a
    fast-track rule its fit allows could from its first scored event. By the threshold
    path, a lead could when a version not disqualified has fit at the threshold and its
    events could reach the engagement threshold (engagement_bound) and the high-intent
    actions asked for, and no earlier than the day its events so far, at their most and
    uncapped, reach that threshold (threshold_reachable). Other leads can never be MQLs, so
    their past days are not computed. A lead qualifies for history when any of its
    versions (int_lead_versions_enriched) could. history_fingerprint changes whenever
    anything but events changes a past day of the lead (see the history models), its first
    day of history included (a late event can move it), and when its sales outcomes
    (rejected and recycled dispositions, opportunities) change, as they end or block its
    past MQL episodes (int_mql_episodes_computed). -#}
{%- set number = type_score() -%}
{%- set text = dbt.type_string() -%}

-- depends_on: {{ ref('int_scoring_definition_problems') }}

with

leads as (
    select * from {{ ref('int_leads_enriched') }}
),

lead_versions as (
    select * from {{ ref('int_lead_versions_enriched') }}
),

scoring_models as (
    select * from {{ ref('scoring_models') }}
),

attribute_rule_matches as (
    select * from {{ ref('int_lead_attribute_rules_matched') }}
),

-- read where it is used (every lead-rule's events, the event days of the threshold path's
-- leads), never stored whole
rule_events_daily as {{ not_materialized() }} (
    select * from {{ ref('int_rule_events_daily') }}
),

fast_track_rules as (
    select * from {{ ref('fast_track_rules') }}
),

engagement_rules as (
    select * from {{ ref('engagement_rules') }}
),

decay_steps as (
    select * from {{ ref('decay_steps') }}
),

grade_bands as (
    select * from {{ ref('grade_bands') }}
),

dispositions_checked as (
    select * from {{ ref('int_sales_dispositions_checked') }}
),

opportunities_checked as (
    select * from {{ ref('int_opportunities_checked') }}
),

fit_per_version as (
    select
        scoring_model,
        lead_id,
        valid_from,
        {{ round_score(
            'cast(sum(case when rule_kind = ' ~ "'fit'" ~ ' then points end) as ' ~ number ~ ')'
        ) }} as fit_score,
        cast(sum(case when rule_kind = 'disqualifier' then 1 else 0 end) as integer) as disqualifiers
    from attribute_rule_matches
    group by scoring_model, lead_id, valid_from
),

versions_per_model as (
    select
        scoring_models.scoring_model,
        scoring_models.fit_threshold,
        lead_versions.lead_id,
        coalesce(fit_per_version.fit_score, 0) as fit_score,
        coalesce(fit_per_version.disqualifiers, 0) > 0 as is_disqualified
    from lead_versions
    cross join scoring_models
    left join fit_per_version
        on lead_versions.lead_id = fit_per_version.lead_id
            and scoring_models.scoring_model = fit_per_version.scoring_model
            -- coalesced, not "equal or both null", so that this stays a hash join
            and coalesce(lead_versions.valid_from, cast('0001-01-01' as date))
            = coalesce(fit_per_version.valid_from, cast('0001-01-01' as date))
),

-- per lead: could a version meet the fit threshold, and the best fit of a version that is
-- not disqualified (for fast-tracks)
leads_per_model as (
    select
        scoring_model,
        lead_id,
        max(case when not is_disqualified and fit_score >= fit_threshold then 1 else 0 end)
            as can_meet_fit_threshold,
        max(case when not is_disqualified then fit_score end) as best_fit_score
    from versions_per_model
    group by scoring_model, lead_id
),

-- a lead-rule's events up to the as-of date
lead_rule_events as (
    select
        scoring_model,
        rule_id,
        lead_id,
        min(event_date) as first_event_date,
        cast(sum(event_count) as {{ number }}) as event_count
    from rule_events_daily
    where event_date <= {{ as_of_date() }}
    group by scoring_model, rule_id, lead_id
),

step_multipliers as (
    select
        scoring_model,
        rule_id,
        max(multiplier) as largest_multiplier
    from decay_steps
    group by scoring_model, rule_id
),

-- the most one event of a rule can add on any day: its points times the largest decay
-- multiplier (no decay, half-life or linear decay never exceed 1; a step band may), and
-- nothing for a rule of negative points (its total is never above zero)
engagement_rule_bounds as (
    select
        engagement_rules.scoring_model,
        engagement_rules.rule_id,
        engagement_rules.is_high_intent,
        engagement_rules.rule_cap,
        case
            when engagement_rules.points <= 0 then cast(0 as {{ number }})
            when engagement_rules.decay_mode = 'step'
                then cast(engagement_rules.points * coalesce(step_multipliers.largest_multiplier, 1) as {{ number }})
            else cast(engagement_rules.points as {{ number }})
        end as most_per_event
    from engagement_rules
    left join step_multipliers
        on engagement_rules.scoring_model = step_multipliers.scoring_model
            and engagement_rules.rule_id = step_multipliers.rule_id
),

-- per lead: its first event day, its fast-track events, and engagement_bound, which no day's
-- engagement rule points exceed (each rule's events at their most, within the rule's cap;
-- later steps of the score only take points back, but the fit-grade multiplier)
first_event_dates as (
    select
        lead_rule_events.scoring_model,
        lead_rule_events.lead_id,
        min(lead_rule_events.first_event_date) as first_event_date,
        max(case when fast_track_rules.rule_id is not null then 1 else 0 end) as has_fast_track_event,
        min(fast_track_rules.min_fit_score) as lowest_fast_track_fit,
        max(case
            when fast_track_rules.rule_id is not null and fast_track_rules.min_fit_score is null then 1 else 0
        end) as has_fast_track_for_any_fit,
        cast(sum(case
            when engagement_rule_bounds.rule_cap is not null
                and engagement_rule_bounds.rule_cap
                < lead_rule_events.event_count * engagement_rule_bounds.most_per_event
                then engagement_rule_bounds.rule_cap
            else coalesce(lead_rule_events.event_count * engagement_rule_bounds.most_per_event, 0)
        end) as {{ number }}) as engagement_bound,
        -- high_intent_actions counts rules, so it never exceeds the high-intent rules with events
        cast(sum(case when engagement_rule_bounds.is_high_intent then 1 else 0 end) as integer)
            as high_intent_rules
    from lead_rule_events
    left join fast_track_rules
        on lead_rule_events.scoring_model = fast_track_rules.scoring_model
            and lead_rule_events.rule_id = fast_track_rules.rule_id
    left join engagement_rule_bounds
        on lead_rule_events.scoring_model = engagement_rule_bounds.scoring_model
            and lead_rule_events.rule_id = engagement_rule_bounds.rule_id
    group by lead_rule_events.scoring_model, lead_rule_events.lead_id
),

-- the most the fit-grade multiplier can raise engagement (1 without multipliers)
largest_multipliers as (
    select
        scoring_models.scoring_model,
        case
            when max(grade_bands.engagement_multiplier) > 1 then max(grade_bands.engagement_multiplier)
            else 1
        end as largest_multiplier
    from scoring_models
    left join grade_bands
        on scoring_models.scoring_model = grade_bands.scoring_model
            and grade_bands.grade_type = 'fit'
    group by scoring_models.scoring_model
),

-- the leads the threshold path could let in: fit at the threshold, events that could reach
-- the engagement threshold and the high-intent rules asked for. Penalty, gate and caps only
-- take points back: a lead whose bound, multiplied, is more than a hundredth below the
-- threshold can never enter by it (its published 2-decimal score stays below it, whatever
-- the order of the sums)
threshold_path_leads as (
    select
        leads_per_model.scoring_model,
        leads_per_model.lead_id,
        largest_multipliers.largest_multiplier,
        scoring_models.engagement_threshold
    from leads_per_model
    inner join first_event_dates
        on leads_per_model.scoring_model = first_event_dates.scoring_model
            and leads_per_model.lead_id = first_event_dates.lead_id
    inner join scoring_models
        on leads_per_model.scoring_model = scoring_models.scoring_model
    inner join largest_multipliers
        on leads_per_model.scoring_model = largest_multipliers.scoring_model
    where leads_per_model.can_meet_fit_threshold = 1
        and first_event_dates.engagement_bound * largest_multipliers.largest_multiplier
        >= scoring_models.engagement_threshold - 0.01
        and (
            scoring_models.min_high_intent_actions is null
            or first_event_dates.high_intent_rules >= scoring_models.min_high_intent_actions
        )
),

-- the first day the threshold path could let such a lead in: no day before it can reach the
-- threshold even without the rules' caps (its events up to each day at their most, summed
-- per day and run over the days; one window over these leads' event days only)
threshold_reachable as (
    select
        scoring_model,
        lead_id,
        min(event_date) as reachable_from
    from (
        select
            lead_event_days.*,
            sum(lead_event_days.most_points) over (
                partition by lead_event_days.scoring_model, lead_event_days.lead_id
                order by lead_event_days.event_date
                rows between unbounded preceding and current row
            ) as most_points_so_far
        from (
            select
                rule_events_daily.scoring_model,
                rule_events_daily.lead_id,
                rule_events_daily.event_date,
                threshold_path_leads.largest_multiplier,
                threshold_path_leads.engagement_threshold,
                cast(sum(rule_events_daily.event_count * engagement_rule_bounds.most_per_event) as {{ number }})
                    as most_points
            from rule_events_daily
            inner join threshold_path_leads
                on rule_events_daily.scoring_model = threshold_path_leads.scoring_model
                    and rule_events_daily.lead_id = threshold_path_leads.lead_id
            inner join engagement_rule_bounds
                on rule_events_daily.scoring_model = engagement_rule_bounds.scoring_model
                    and rule_events_daily.rule_id = engagement_rule_bounds.rule_id
            where rule_events_daily.event_date <= {{ as_of_date() }}
                and engagement_rule_bounds.most_per_event > 0
            group by
                rule_events_daily.scoring_model,
                rule_events_daily.lead_id,
                rule_events_daily.event_date,
                threshold_path_leads.largest_multiplier,
                threshold_path_leads.engagement_threshold
        ) as lead_event_days
    ) as lead_days_run
    where most_points_so_far * largest_multiplier >= engagement_threshold - 0.01
    group by scoring_model, lead_id
),

-- a fast track needs one of its events (history from the lead's first event); the threshold
-- path, the day it could first let the lead in. A lead is not scored before it was created
history_leads as (
    select
        lead_history_starts.scoring_model,
        lead_history_starts.lead_id,
        case
            when cast(leads.created_at as date) > lead_history_starts.history_from
                then cast(leads.created_at as date)
            else lead_history_starts.history_from
        end as first_score_date
    from (
        select
            leads_per_model.scoring_model,
            leads_per_model.lead_id,
            case
                when leads_per_model.best_fit_score is not null
                    and (
                        first_event_dates.has_fast_track_for_any_fit = 1
                        or leads_per_model.best_fit_score >= first_event_dates.lowest_fast_track_fit
                    )
                    then first_event_dates.first_event_date
                else threshold_reachable.reachable_from
            end as history_from
        from leads_per_model
        inner join first_event_dates
            on leads_per_model.scoring_model = first_event_dates.scoring_model
                and leads_per_model.lead_id = first_event_dates.lead_id
        left join threshold_reachable
            on leads_per_model.scoring_model = threshold_reachable.scoring_model
                and leads_per_model.lead_id = threshold_reachable.lead_id
    ) as lead_history_starts
    inner join leads
        on lead_history_starts.lead_id = leads.lead_id
    where lead_history_starts.history_from is not null
),

-- what a lead's past days depend on besides its events: its versions (from when, which fit
-- rules and disqualifiers each matches) and the first day it is scored on. The history models
-- recompute every day of a lead whose fingerprint changed, and only the late window otherwise
version_rule_matches as (
    select
        scoring_models.scoring_model,
        lead_versions.lead_id,
        coalesce(cast(lead_versions.valid_from as {{ text }}), '-')
        || ':' || coalesce(attribute_rule_matches.rule_id, '') as version_rule
    from lead_versions
    cross join scoring_models
    left join attribute_rule_matches
        on lead_versions.lead_id = attribute_rule_matches.lead_id
            and scoring_models.scoring_model = attribute_rule_matches.scoring_model
            and coalesce(lead_versions.valid_from, cast('0001-01-01' as date))
            = coalesce(attribute_rule_matches.valid_from, cast('0001-01-01' as date))
),

version_rules_per_lead as (
    select
        scoring_model,
        lead_id,
        {{ unordered_fingerprint('version_rule') }} as version_rules
    from version_rule_matches
    group by scoring_model, lead_id
),

-- what ends or blocks a lead's MQL episodes (int_mql_episodes_computed): a late disposition
-- or opportunity changes past episodes, so it is part of the fingerprint
sales_outcomes as (
    select
        lead_id,
        'disposition:' || disposition_id || ':' || disposition
        || ':' || coalesce(cast(occurred_at as {{ text }}), '-')
        || ':' || coalesce(disposition_reason, '') as sales_outcome
    from dispositions_checked
    where reject_reason is null
        and disposition in ('rejected', 'recycled')
    union all
    select
        lead_id,
        'opportunity:' || opportunity_id || ':' || coalesce(cast(created_at as {{ text }}), '-')
            as sales_outcome
    from opportunities_checked
    where reject_reason is null
        and lead_id is not null
),

sales_outcomes_per_lead as (
    select
        lead_id,
        {{ unordered_fingerprint('sales_outcome') }} as sales_outcomes
    from sales_outcomes
    group by lead_id
),

score_dates as (
    select
        scoring_models.scoring_model,
        leads.lead_id,
        history_leads.lead_id is not null as has_history,
        coalesce(history_leads.first_score_date, {{ as_of_date() }}) as first_score_date,
        {{ dbt.hash(
            "scoring_models.scoring_model || '|' || leads.lead_id || '|'"
            ~ " || coalesce(cast(history_leads.first_score_date as " ~ text ~ "), 'no history')"
            ~ " || '|' || coalesce(version_rules_per_lead.version_rules, '')"
            ~ " || '|' || coalesce(sales_outcomes_per_lead.sales_outcomes, '')"
        ) }} as history_fingerprint
    from leads
    cross join scoring_models
    left join history_leads
        on leads.lead_id = history_leads.lead_id
            and scoring_models.scoring_model = history_leads.scoring_model
    left join version_rules_per_lead
        on leads.lead_id = version_rules_per_lead.lead_id
            and scoring_models.scoring_model = version_rules_per_lead.scoring_model
    left join sales_outcomes_per_lead
        on leads.lead_id = sales_outcomes_per_lead.lead_id
)

select * from score_dates
