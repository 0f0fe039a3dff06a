{#- The days each lead is scored on, as a range per lead: from first_score_date to the as-of
    date. Every lead is scored on the as-of date. A lead that could meet the MQL definition
    on some day (not disqualified, and fit at the threshold or an event of a fast-track rule
    its fit allows) is also scored on every day from its first scored event (or its
    creation, if later): MQL history is computed from those days. Other leads can never be
    MQLs, so their past days are not computed. A lead qualifies for history when any of its
    versions (int_lead_versions_enriched) could. history_fingerprint changes whenever
    anything but events changes a past day of the lead (see the history models), and when
    its sales outcomes (rejected and recycled dispositions, opportunities) change, as they
    end or block its past MQL episodes (int_mql_episodes_computed). -#}
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

rule_events_daily as (
    select * from {{ ref('int_rule_events_daily') }}
),

fast_track_rules as (
    select * from {{ ref('fast_track_rules') }}
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

first_event_dates as (
    select
        rule_events_daily.scoring_model,
        rule_events_daily.lead_id,
        min(rule_events_daily.event_date) as first_event_date,
        max(case when fast_track_rules.rule_id is not null then 1 else 0 end) as has_fast_track_event,
        min(fast_track_rules.min_fit_score) as lowest_fast_track_fit,
        max(case
            when fast_track_rules.rule_id is not null and fast_track_rules.min_fit_score is null then 1 else 0
        end) as has_fast_track_for_any_fit
    from rule_events_daily
    left join fast_track_rules
        on rule_events_daily.scoring_model = fast_track_rules.scoring_model
            and rule_events_daily.rule_id = fast_track_rules.rule_id
    where rule_events_daily.event_date <= {{ as_of_date() }}
    group by rule_events_daily.scoring_model, rule_events_daily.lead_id
),

-- the threshold path needs fit at the threshold; a fast track needs one of its events
history_leads as (
    select
        leads_per_model.scoring_model,
        leads_per_model.lead_id,
        -- a lead is scored from its first event, but not before it was created
        case
            when cast(leads.created_at as date) > first_event_dates.first_event_date
                then cast(leads.created_at as date)
            else first_event_dates.first_event_date
        end as first_score_date
    from leads_per_model
    inner join leads
        on leads_per_model.lead_id = leads.lead_id
    inner join first_event_dates
        on leads_per_model.scoring_model = first_event_dates.scoring_model
            and leads_per_model.lead_id = first_event_dates.lead_id
    where leads_per_model.can_meet_fit_threshold = 1
        or (
            leads_per_model.best_fit_score is not null
            and (
                first_event_dates.has_fast_track_for_any_fit = 1
                or leads_per_model.best_fit_score >= first_event_dates.lowest_fast_track_fit
            )
        )
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
