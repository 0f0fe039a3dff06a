{#- MQL episodes from the daily scores: what scoring the lead on every single day up to the
    as-of date, with hysteresis, cool-down, sales dispositions and conversion, gives.

    On each day a lead
      - enters when it meets the definition (int_lead_scores_computed.meets_entry), has not
        converted, is not blocked by a sales disposition and had no hard exit that day;
      - stays while it meets the exit thresholds (stays_mql) and had no hard exit that day.
    A hard exit is a `rejected` or `recycled` disposition, the first opportunity or a day
    the lead is disqualified. An episode entered on day s ends on the first day from
    s + min_days_as_mql on which the lead does not stay, or on the first hard exit after s,
    whichever is first. The next episode starts on the first entry day after that.

    Each episode starts on the first entry day of a run of "stays" days, so the candidate
    starts are one per run; which candidates become episodes is a chain (each depends on
    where the previous one ended), walked with a recursive CTE over the few candidates per
    lead. With lead_buckets above 1, the leads are computed in that many passes
    (lead_bucket_filter), except in a daily build with few changed days (one pass).

    Incremental: the chain only needs the days from where it may change. A daily build
    keeps the episodes that ended before a lead's first changed day of scores
    (mql_episode_restarts), takes the one still open then (marked by reopen_mql_episodes)
    as the chain's first candidate, with its stored entry, and walks the days from the first
    changed one (or from the lead's first entry day since the change, without such an
    episode), numbering on from the episodes kept: it reads only the daily scores written
    since it last took them in. A lead whose history_fingerprint changed (which includes its
    sales outcomes) loses all its episodes (clear_changed_history) and is walked from its
    first entry day. -#}
{%- set window_only = reads_late_window_only('int_mql_episodes_computed') -%}
{#- A daily build walks few leads: it computes every lead bucket in one pass (one scan of the
    daily scores instead of one per bucket) when the rows written since the episodes' last
    build are at most a bucket's share of the daily scores. -#}
{%- set one_pass = window_only and lead_buckets_in_one_pass(
    'select count(*), count(case when build_number > ' ~ mql_episodes_scores_taken_in()
    ~ ' then 1 end) from ' ~ ref('int_lead_scores_computed')
) -%}
{#- A daily build walks only days the scores wrote since the episodes last took them in (see
    leads_to_walk), so it reads only those rows: they were appended after the others, and the
    scan skips the rest by build_number. Not when a build that failed left episodes marked:
    this build's pre-hook did not mark them, so they are walked again from their entry day. -#}
{%- set reads_new_scores_only = window_only -%}
{%- if window_only and execute and model.resource_type != 'unit_test' -%}
    {%- set reads_new_scores_only = run_query(
        'select count(*) from ' ~ this ~ ' where built_as_of is null'
    ).columns[0].values()[0] == 0 -%}
{%- endif -%}
{%- set scores_build_number = 0 -%}
{%- if execute and model.resource_type != 'unit_test'
    and load_relation(ref('int_lead_scores_computed')) is not none -%}
    {%- set scores_build_number = run_query(
        'select coalesce(max(build_number), 0) from ' ~ ref('int_lead_scores_computed')
    ).columns[0].values()[0] -%}
{%- endif %}

{{ config(
    materialized=late_window_materialization(),
    incremental_strategy='append',
    pre_hook=[
        delete_before_transaction("{{ reopen_mql_episodes() }}"),
        delete_before_transaction("{{ clear_changed_history('int_mql_episodes_computed') }}"),
    ],
    post_hook=["{{ insert_other_lead_buckets() }}", "{{ drop_reopened_mql_episodes() }}"]
) }}

-- depends_on: {{ ref('int_scoring_definition_problems') }}

with

-- read where it is used (restarts, the leads to walk, their days), never stored whole
lead_scores_daily as {{ not_materialized() }} (
    select * from {{ ref('int_lead_scores_computed') }}
),

lead_score_dates as (
    select * from {{ ref('int_lead_score_dates') }}
),

scoring_models as (
    select * from {{ ref('scoring_models') }}
),

dispositions_checked as (
    select * from {{ ref('int_sales_dispositions_checked') }}
),

opportunities_checked as (
    select * from {{ ref('int_opportunities_checked') }}
),

-- dispositions that end an episode, one per lead-day (the latest of the day wins)
sales_exits_ranked as (
    select
        dispositions_checked.lead_id,
        cast(dispositions_checked.occurred_at as date) as disposition_date,
        dispositions_checked.disposition,
        dispositions_checked.disposition_reason,
        row_number() over (
            partition by dispositions_checked.lead_id, cast(dispositions_checked.occurred_at as date)
            order by dispositions_checked.occurred_at desc, dispositions_checked.disposition_id desc
        ) as disposition_rank
    from dispositions_checked
    where dispositions_checked.reject_reason is null
        and dispositions_checked.disposition in ('rejected', 'recycled')
        and cast(dispositions_checked.occurred_at as date) <= {{ as_of_date() }}
),

sales_exits as (
    select
        scoring_models.scoring_model,
        sales_exits_ranked.lead_id,
        sales_exits_ranked.disposition_date,
        sales_exits_ranked.disposition,
        sales_exits_ranked.disposition_reason,
        case sales_exits_ranked.disposition
            when 'rejected' then scoring_models.reentry_after_rejected
            else scoring_models.reentry_after_recycled
        end = 'never' as blocks_reentry
    from sales_exits_ranked
    cross join scoring_models
    where sales_exits_ranked.disposition_rank = 1
),

conversions_ranked as (
    select
        lead_id,
        opportunity_id,
        cast(created_at as date) as converted_on,
        row_number() over (partition by lead_id order by created_at asc, opportunity_id asc) as conversion_rank
    from opportunities_checked
    where reject_reason is null
        and lead_id is not null
        and cast(created_at as date) <= {{ as_of_date() }}
),

conversions as (
    select * from conversions_ranked
    where conversion_rank = 1
),

{% if window_only %}
    stored_episodes as (
        select * from {{ this }}
    ),

    restarts as (
        {{ mql_episode_restarts('lead_scores_daily', mql_episodes_scores_taken_in()) }}
    ),

    -- marked by reopen_mql_episodes (one per lead): it goes on from its stored entry day, whose
    -- scores did not change
    reopened_episodes as (
        select
            stored_episodes.scoring_model,
            stored_episodes.lead_id,
            stored_episodes.entered_on,
            stored_episodes.entry_reason,
            stored_episodes.entry_fit_score,
            stored_episodes.entry_engagement_score
        from stored_episodes
        inner join (
            select
                scoring_model,
                lead_id,
                min(entered_on) as entered_on
            from stored_episodes
            where built_as_of is null
            group by scoring_model, lead_id
        ) as first_reopened
            on stored_episodes.scoring_model = first_reopened.scoring_model
                and stored_episodes.lead_id = first_reopened.lead_id
                and stored_episodes.entered_on = first_reopened.entered_on
        where stored_episodes.built_as_of is null
    ),

    kept_episodes as (
        select
            scoring_model,
            lead_id,
            max(episode_number) as episodes_kept
        from stored_episodes
        where built_as_of is not null
        group by scoring_model, lead_id
    ),

    -- with an episode this build reopened, from the first changed day: the episode had not
    -- ended on the day before it (reopen_mql_episodes), so it goes on from its stored entry
    -- (reopened_entered_on), and every later episode starts after it ends. Without one, from
    -- the first entry day since the change: the kept episodes ended before it, and no day
    -- between their end and it was an entry day. An episode a failed build left marked is
    -- walked again from its entry day (its lead may have no changed scores, and it may have
    -- ended before them)
    leads_to_walk as (
        select
            coalesce(restarts.scoring_model, reopened_episodes.scoring_model) as scoring_model,
            coalesce(restarts.lead_id, reopened_episodes.lead_id) as lead_id,
            {% if reads_new_scores_only %}
                case
                    when reopened_episodes.entered_on is null then restarts.first_entry_since
                    -- every episode this build reopened belongs to a lead with changed scores;
                    -- the day after its entry would do too (its entry day is a day it stays on)
                    else coalesce(
                        restarts.changed_from,
                        cast({{ dbt.dateadd('day', '1', 'reopened_episodes.entered_on') }} as date)
                    )
                end as compute_from,
                reopened_episodes.entered_on as reopened_entered_on
            {% else %}
                coalesce(reopened_episodes.entered_on, restarts.first_entry_since) as compute_from,
                cast(null as date) as reopened_entered_on
            {% endif %}
        from restarts
        full outer join reopened_episodes
            on restarts.scoring_model = reopened_episodes.scoring_model
                and restarts.lead_id = reopened_episodes.lead_id
    ),

    lead_compute_ranges as (
        select
            leads_to_walk.scoring_model,
            leads_to_walk.lead_id,
            leads_to_walk.compute_from,
            leads_to_walk.reopened_entered_on,
            coalesce(kept_episodes.episodes_kept, 0) as episodes_kept
        from leads_to_walk
        left join kept_episodes
            on leads_to_walk.scoring_model = kept_episodes.scoring_model
                and leads_to_walk.lead_id = kept_episodes.lead_id
        where leads_to_walk.compute_from is not null
            and {{ lead_bucket_filter('leads_to_walk.lead_id', one_pass=one_pass) }}
    ),
{% else %}
    -- no episode starts before a lead first meets the entry definition, so only the days from
    -- then on are walked (most leads scored every day never meet it)
    lead_compute_ranges as (
        select
            scoring_model,
            lead_id,
            min(score_date) as compute_from,
            cast(null as date) as reopened_entered_on,
            0 as episodes_kept
        from lead_scores_daily
        where meets_entry
            and {{ lead_bucket_filter('lead_id') }}
        group by scoring_model, lead_id
    ),
{% endif %}

scored_days as (
    select lead_scores_daily.*
    from lead_scores_daily
    inner join lead_compute_ranges
        on lead_scores_daily.scoring_model = lead_compute_ranges.scoring_model
            and lead_scores_daily.lead_id = lead_compute_ranges.lead_id
            and lead_scores_daily.score_date >= lead_compute_ranges.compute_from
    {% if reads_new_scores_only %}
        -- every day walked is one the scores wrote since the episodes took them in last
        where lead_scores_daily.build_number > {{ mql_episodes_scores_taken_in() }}
    {% endif %}
),

-- the latest sales exit on or before each day decides whether the lead may enter again
days_with_sales_history as (
    select
        scored_days.scoring_model,
        scored_days.lead_id,
        scored_days.score_date,
        max(sales_exits.disposition_date) as latest_sales_exit_on,
        max(case when sales_exits.blocks_reentry then 1 else 0 end) as is_blocked_for_good
    from scored_days
    inner join sales_exits
        on scored_days.scoring_model = sales_exits.scoring_model
            and scored_days.lead_id = sales_exits.lead_id
            and scored_days.score_date >= sales_exits.disposition_date
    group by scored_days.scoring_model, scored_days.lead_id, scored_days.score_date
),

days_flagged as (
    select
        scored_days.scoring_model,
        scored_days.lead_id,
        scored_days.score_date,
        scored_days.entry_reason,
        scored_days.fit_score,
        scored_days.engagement_score,
        scored_days.is_disqualified,
        scored_days.disqualification_reason,
        scored_days.meets_fit_threshold,
        sales_exits.disposition as sales_exit,
        sales_exits.disposition_reason as sales_exit_reason,
        case
            when conversions.converted_on = scored_days.score_date then conversions.opportunity_id
        end as converted_to,
        sales_exits.lead_id is not null
        or coalesce(conversions.converted_on = scored_days.score_date, false)
        or scored_days.is_disqualified as is_hard_exit,
        scored_days.meets_entry
        and sales_exits.lead_id is null
        and (conversions.converted_on is null or conversions.converted_on > scored_days.score_date)
        and coalesce(days_with_sales_history.is_blocked_for_good, 0) = 0
        and (
            days_with_sales_history.latest_sales_exit_on is null
            or cast(scored_days.last_activity_at as date) > days_with_sales_history.latest_sales_exit_on
        ) as enters,
        scored_days.stays_mql
        and sales_exits.lead_id is null
        and (conversions.converted_on is null or conversions.converted_on > scored_days.score_date)
            as stays
    from scored_days
    left join sales_exits
        on scored_days.scoring_model = sales_exits.scoring_model
            and scored_days.lead_id = sales_exits.lead_id
            and scored_days.score_date = sales_exits.disposition_date
    -- a converted lead stays converted: joined on the lead, compared with each day
    left join conversions
        on scored_days.lead_id = conversions.lead_id
    left join days_with_sales_history
        on scored_days.scoring_model = days_with_sales_history.scoring_model
            and scored_days.lead_id = days_with_sales_history.lead_id
            and scored_days.score_date = days_with_sales_history.score_date
),

days_in_runs as (
    select
        days_flagged.*,
        -- a run is a stretch of days on which an MQL would stay; each "not stay" day starts a new one
        sum(case when days_flagged.stays then 0 else 1 end) over (
            partition by days_flagged.scoring_model, days_flagged.lead_id
            order by days_flagged.score_date
            rows between unbounded preceding and current row
        ) as run_number,
        min(case when not days_flagged.stays then days_flagged.score_date end) over (
            partition by days_flagged.scoring_model, days_flagged.lead_id
            order by days_flagged.score_date
            rows between current row and unbounded following
        ) as next_leaving_day,
        min(case when days_flagged.is_hard_exit then days_flagged.score_date end) over (
            partition by days_flagged.scoring_model, days_flagged.lead_id
            order by days_flagged.score_date
            rows between 1 following and unbounded following
        ) as next_hard_exit_day
    from days_flagged
),

run_first_entries as (
    select
        scoring_model,
        lead_id,
        run_number,
        min(case when enters then score_date end) as entered_on
    from days_in_runs
    group by scoring_model, lead_id, run_number
),

-- each candidate start with the first hard exit after it and the first day it would not stay
-- on from its cool-down's end (null: none up to as_of)
candidate_entries as (
    select
        entry_days.scoring_model,
        entry_days.lead_id,
        entry_days.score_date as entered_on,
        entry_days.entry_reason,
        entry_days.fit_score as entry_fit_score,
        entry_days.engagement_score as entry_engagement_score,
        entry_days.meets_fit_threshold as entry_meets_fit_threshold,
        entry_days.next_hard_exit_day,
        cool_down_end.next_leaving_day
    from run_first_entries
    inner join days_in_runs as entry_days
        on run_first_entries.scoring_model = entry_days.scoring_model
            and run_first_entries.lead_id = entry_days.lead_id
            and run_first_entries.entered_on = entry_days.score_date
    inner join scoring_models
        on run_first_entries.scoring_model = scoring_models.scoring_model
    left join days_in_runs as cool_down_end
        on entry_days.scoring_model = cool_down_end.scoring_model
            and entry_days.lead_id = cool_down_end.lead_id
            and cool_down_end.score_date = cast({{ dbt.dateadd(
                'day', 'coalesce(scoring_models.min_days_as_mql, 0)', 'entry_days.score_date'
            ) }} as date)
    {% if window_only %}
        union all
        -- a reopened episode goes on from its stored entry day, before the days walked; it had
        -- not ended before them, so its exits are the first among them
        select
            lead_compute_ranges.scoring_model,
            lead_compute_ranges.lead_id,
            reopened_episodes.entered_on,
            reopened_episodes.entry_reason,
            reopened_episodes.entry_fit_score,
            reopened_episodes.entry_engagement_score,
            -- the scores' meets_fit_threshold of the entry day, from its stored fit score
            reopened_episodes.entry_fit_score >= scoring_models.fit_threshold as entry_meets_fit_threshold,
            min(case
                when days_flagged.is_hard_exit and days_flagged.score_date > reopened_episodes.entered_on
                    then days_flagged.score_date
            end) as next_hard_exit_day,
            min(case
                when not days_flagged.stays
                    and days_flagged.score_date >= cast({{ dbt.dateadd(
                        'day', 'coalesce(scoring_models.min_days_as_mql, 0)', 'reopened_episodes.entered_on'
                    ) }} as date)
                    then days_flagged.score_date
            end) as next_leaving_day
        from lead_compute_ranges
        inner join reopened_episodes
            on lead_compute_ranges.scoring_model = reopened_episodes.scoring_model
                and lead_compute_ranges.lead_id = reopened_episodes.lead_id
                and lead_compute_ranges.reopened_entered_on = reopened_episodes.entered_on
        inner join scoring_models
            on lead_compute_ranges.scoring_model = scoring_models.scoring_model
        left join days_flagged
            on lead_compute_ranges.scoring_model = days_flagged.scoring_model
                and lead_compute_ranges.lead_id = days_flagged.lead_id
        group by
            lead_compute_ranges.scoring_model,
            lead_compute_ranges.lead_id,
            reopened_episodes.entered_on,
            reopened_episodes.entry_reason,
            reopened_episodes.entry_fit_score,
            reopened_episodes.entry_engagement_score,
            scoring_models.fit_threshold,
            scoring_models.min_days_as_mql
    {% endif %}
),

-- where an episode starting on each candidate day would end (null: still open)
candidates as (
    select
        scoring_model,
        lead_id,
        entered_on,
        entry_reason,
        entry_fit_score,
        entry_engagement_score,
        entry_meets_fit_threshold,
        case
            when next_leaving_day is null then next_hard_exit_day
            when next_hard_exit_day is null then next_leaving_day
            when next_hard_exit_day < next_leaving_day then next_hard_exit_day
            else next_leaving_day
        end as exited_on
    from candidate_entries
),

candidates_linked as (
    select
        candidates.scoring_model,
        candidates.lead_id,
        candidates.entered_on,
        candidates.exited_on,
        min(later_candidates.entered_on) as next_entered_on,
        row_number() over (
            partition by candidates.scoring_model, candidates.lead_id order by candidates.entered_on
        ) as candidate_number
    from candidates
    left join candidates as later_candidates
        on candidates.scoring_model = later_candidates.scoring_model
            and candidates.lead_id = later_candidates.lead_id
            and candidates.exited_on < later_candidates.entered_on
    group by candidates.scoring_model, candidates.lead_id, candidates.entered_on, candidates.exited_on
),

episodes_chained as (
    select * from (
        with recursive chain as (
            select
                scoring_model,
                lead_id,
                cast(1 as integer) as episode_number,
                entered_on,
                exited_on,
                next_entered_on
            from candidates_linked
            where candidate_number = 1
            union all
            select
                candidates_linked.scoring_model,
                candidates_linked.lead_id,
                cast(chain.episode_number + 1 as integer) as episode_number,
                candidates_linked.entered_on,
                candidates_linked.exited_on,
                candidates_linked.next_entered_on
            from chain
            inner join candidates_linked
                on chain.scoring_model = candidates_linked.scoring_model
                    and chain.lead_id = candidates_linked.lead_id
                    and chain.next_entered_on = candidates_linked.entered_on
        )

        select * from chain
    ) as chained
),

episodes_explained as (
    select
        episodes_chained.scoring_model,
        episodes_chained.lead_id,
        cast(lead_compute_ranges.episodes_kept + episodes_chained.episode_number as integer)
            as episode_number,
        episodes_chained.entered_on,
        entries.entry_reason,
        entries.entry_fit_score,
        entries.entry_engagement_score,
        episodes_chained.exited_on,
        case
            when episodes_chained.exited_on is null then null
            when exit_days.converted_to is not null then 'converted_to_opportunity'
            when exit_days.sales_exit = 'rejected' then 'rejected_by_sales'
            when exit_days.sales_exit = 'recycled' then 'recycled_by_sales'
            when exit_days.is_disqualified then 'disqualified'
            when not exit_days.meets_fit_threshold and entries.entry_meets_fit_threshold then 'fit_changed'
            when not exit_days.meets_fit_threshold then 'fast_track_expired'
            else 'engagement_decayed'
        end as exit_reason,
        case
            when episodes_chained.exited_on is null then null
            when exit_days.converted_to is not null then 'opportunity ' || exit_days.converted_to
            when exit_days.sales_exit is not null then exit_days.sales_exit_reason
            when exit_days.is_disqualified then exit_days.disqualification_reason
        end as exit_detail,
        exit_days.fit_score as exit_fit_score,
        exit_days.engagement_score as exit_engagement_score,
        lead_score_dates.history_fingerprint,
        '{{ definition_version('int_mql_episodes_computed') }}' as definition_version,
        -- the daily scores taken in: the highest build_number when this build compiled
        cast({{ scores_build_number }} as integer) as scores_build_number,
        {{ as_of_date() }} as built_as_of
    from episodes_chained
    inner join lead_compute_ranges
        on episodes_chained.scoring_model = lead_compute_ranges.scoring_model
            and episodes_chained.lead_id = lead_compute_ranges.lead_id
    inner join candidates as entries
        on episodes_chained.scoring_model = entries.scoring_model
            and episodes_chained.lead_id = entries.lead_id
            and episodes_chained.entered_on = entries.entered_on
    left join days_in_runs as exit_days
        on episodes_chained.scoring_model = exit_days.scoring_model
            and episodes_chained.lead_id = exit_days.lead_id
            and episodes_chained.exited_on = exit_days.score_date
    -- the current fingerprint, joined after the walk, not carried on every walked day through
    -- its window sorts (after a build of the scores, all of a lead's rows carry this one)
    left join lead_score_dates
        on episodes_chained.scoring_model = lead_score_dates.scoring_model
            and episodes_chained.lead_id = lead_score_dates.lead_id
)

select * from episodes_explained
