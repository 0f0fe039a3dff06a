{%- set text = dbt.type_string() -%}
{%- set reason_rules = whole_number_var('reason_summary_rules', 0) -%}
{#- top_reasons: the reason of each rank up to reason_summary_rules -#}
{%- set reasons_by_rank = [] -%}
{%- for rank in range(1, reason_rules + 1) -%}
    {%- do reasons_by_rank.append(
        'max(case when reason_rank = ' ~ rank ~ " then rule_description || ' (+' || cast(contributed_points as "
        ~ text ~ ") || ')' end)"
    ) -%}
{%- endfor %}

with

lead_scores_every_day as (
    select * from {{ ref('int_lead_scores_computed') }}
),

mql_episodes as (
    select * from {{ ref('int_mql_episodes_computed') }}
),

leads as (
    select * from {{ ref('int_leads_enriched') }}
),

explanations as (
    select * from {{ ref('lead_score_explanations') }}
),

scoring_models as (
    select * from {{ ref('scoring_models') }}
),

fast_track_rules as (
    select * from {{ ref('fast_track_rules') }}
),

-- past days are scored for MQL history; this table is about the as-of date
lead_scores_computed as (
    select * from lead_scores_every_day
    where score_date = {{ as_of_date() }}
),

mql_history as (
    select
        scoring_model,
        lead_id,
        min(entered_on) as first_mql_on,
        max(entered_on) as latest_mql_on,
        max(exited_on) as latest_exit_on,
        cast(count(*) as integer) as mql_episode_count,
        max(case when exited_on is null then entered_on end) as current_mql_since,
        max(case when exited_on is null then entry_reason end) as current_mql_reason
    from mql_episodes
    group by scoring_model, lead_id
),

-- the reasons that counted: when the fit gate ignored or capped engagement, its rules
-- did not make the score, so they are not named as reasons
reasons_ranked as (
    select
        explanations.lead_id,
        explanations.scoring_model,
        explanations.rule_id,
        explanations.rule_description,
        explanations.contributed_points,
        row_number() over (
            partition by explanations.lead_id, explanations.scoring_model
            order by explanations.contributed_points desc, explanations.rule_id asc
        ) as reason_rank
    from explanations
    inner join lead_scores_computed
        on explanations.lead_id = lead_scores_computed.lead_id
            and explanations.scoring_model = lead_scores_computed.scoring_model
    where explanations.contributed_points > 0
        and (
            explanations.component = 'fit'
            or (explanations.component = 'engagement' and lead_scores_computed.gate_points = 0)
        )
),

-- the ranked reasons side by side, strongest first: one plain aggregate per rank, not an
-- ordered string aggregate (which sorts each lead's rows)
top_reasons as (
    select
        lead_id,
        scoring_model,
        {% if reasons_by_rank -%}
            concat_ws('; ', {{ reasons_by_rank | join(', ') }})
        {%- else -%}
            cast(null as {{ text }})
        {%- endif %} as top_reasons
    from reasons_ranked
    where reason_rank <= {{ reason_rules }}
    group by lead_id, scoring_model
),

scores_explained as (
    select
        lead_scores_computed.lead_id,
        leads.account_id,
        lead_scores_computed.scoring_model,
        lead_scores_computed.is_primary as is_primary_model,
        {{ as_of_date() }} as as_of_date,
        lead_scores_computed.fit_score,
        lead_scores_computed.fit_grade,
        lead_scores_computed.engagement_score,
        lead_scores_computed.engagement_grade,
        lead_scores_computed.fit_grade || lead_scores_computed.engagement_grade as score_tier,
        lead_scores_computed.is_disqualified,
        lead_scores_computed.disqualification_reason,
        mql_history.current_mql_since is not null as is_mql,
        mql_history.current_mql_reason as mql_reason,
        mql_history.first_mql_on,
        mql_history.latest_mql_on,
        coalesce(mql_history.mql_episode_count, 0) as mql_episode_count,
        {{ age_in_days(
            'coalesce(mql_history.current_mql_since, mql_history.latest_exit_on, cast(leads.created_at as date))'
        ) }} as days_in_current_status,
        case
            when lead_scores_computed.is_disqualified
                then 'Not an MQL: disqualified (' || lead_scores_computed.disqualification_reason || ').'
            when mql_history.current_mql_since is not null and not lead_scores_computed.meets_entry
                then 'MQL since ' || cast(mql_history.current_mql_since as {{ text }})
                    || case
                        when lead_scores_computed.stays_mql
                            then ', held by the exit threshold: engagement '
                                || cast(lead_scores_computed.engagement_score as {{ text }})
                                || ', leaves below '
                                || cast(cast(
                                    coalesce(
                                        scoring_models.exit_engagement_threshold,
                                        scoring_models.engagement_threshold
                                    ) as decimal(18, 2)
                                ) as {{ text }})
                                || '.'
                        else ', held by the minimum of '
                            || cast(coalesce(scoring_models.min_days_as_mql, 0) as {{ text }}) || ' days as an MQL.'
                    end
            when mql_history.current_mql_since is not null and mql_history.current_mql_reason = 'thresholds'
                then 'MQL since ' || cast(mql_history.current_mql_since as {{ text }})
                    || ': fit ' || cast(lead_scores_computed.fit_score as {{ text }})
                    || ', engagement ' || cast(lead_scores_computed.engagement_score as {{ text }}) || '.'
            when mql_history.current_mql_since is not null
                then 'MQL since ' || cast(mql_history.current_mql_since as {{ text }})
                    || ' by fast-track: ' || fast_track_rules.description || '.'
            when lead_scores_computed.meets_entry
                then 'Not an MQL: meets the definition, but sales rejected or recycled the lead'
                    || ' (it needs new activity) or it has converted to an opportunity.'
            else 'Not an MQL: fit ' || cast(lead_scores_computed.fit_score as {{ text }})
                || ' of ' || cast(cast(scoring_models.fit_threshold as decimal(18, 2)) as {{ text }})
                || ', engagement ' || cast(lead_scores_computed.engagement_score as {{ text }})
                || ' of ' || cast(cast(scoring_models.engagement_threshold as decimal(18, 2)) as {{ text }})
                || case
                    when scoring_models.min_high_intent_actions is not null
                        and lead_scores_computed.high_intent_actions < scoring_models.min_high_intent_actions
                        then ', high-intent actions '
                            || cast(lead_scores_computed.high_intent_actions as {{ text }})
                            || ' of ' || cast(scoring_models.min_high_intent_actions as {{ text }})
                    else ''
                end
                || ' needed.'
        end
        || case
            when lead_scores_computed.gate_points = 0 then ''
            when scoring_models.gate_mode = 'exclude'
                then ' Engagement ignored: fit below '
                    || cast(cast(scoring_models.gate_min_fit as decimal(18, 2)) as {{ text }}) || '.'
            else ' Engagement capped: fit below '
                || cast(cast(scoring_models.gate_min_fit as decimal(18, 2)) as {{ text }}) || '.'
        end
        || coalesce(' Top: ' || top_reasons.top_reasons, '') as mql_reason_summary,
        lead_scores_computed.high_intent_actions,
        lead_scores_computed.last_activity_at,
        lead_scores_computed.days_since_activity,
        leads.email_domain,
        leads.seniority,
        leads.job_function,
        leads.industry,
        leads.company_size_band,
        leads.country,
        leads.lead_source
    from lead_scores_computed
    inner join leads
        on lead_scores_computed.lead_id = leads.lead_id
    inner join scoring_models
        on lead_scores_computed.scoring_model = scoring_models.scoring_model
    left join mql_history
        on lead_scores_computed.lead_id = mql_history.lead_id
            and lead_scores_computed.scoring_model = mql_history.scoring_model
    left join fast_track_rules
        on lead_scores_computed.scoring_model = fast_track_rules.scoring_model
            and mql_history.current_mql_reason = 'fast_track:' || fast_track_rules.rule_id
    left join top_reasons
        on lead_scores_computed.lead_id = top_reasons.lead_id
            and lead_scores_computed.scoring_model = top_reasons.scoring_model
)

select * from scores_explained
