{% macro lead_bucket_passes(counts_sql) %}
    {#- How many lead buckets a build of a bucketed model splits its leads into (the decayed
        model's daily build; the scores and episodes ask only whether it is one, through
        lead_buckets_in_one_pass). Buckets exist to bound a pass's memory, which a full build
        needs; a pass also scans its inputs whole, so a daily build that reads less makes
        fewer passes: as many as its share of the rows times lead_buckets (rounded up, at
        least 1, at most lead_buckets). counts_sql returns one row: the rows a full build
        reads (the model's own table, or its input's) and the rows this build reads or
        computes. Run only when it can matter: lead_buckets without a query with one
        bucket, at parse time and in unit tests (one pass there anyway). -#}
    {%- if not execute or model.resource_type == 'unit_test' or lead_buckets() == 1 -%}
        {{ return(lead_buckets()) }}
    {%- endif -%}
    {%- set counts = run_query(counts_sql).rows[0] -%}
    {%- set rows_full = counts[0] or 0 -%}
    {%- set rows_now = counts[1] or 0 -%}
    {%- if rows_now == 0 -%}
        {{ return(1) }}
    {%- elif rows_full == 0 -%}
        {{ return(lead_buckets()) }}
    {%- endif -%}
    {%- set passes = ((rows_now * lead_buckets() + rows_full - 1) // rows_full) | int -%}
    {{ return([1, [passes, lead_buckets()] | min] | max) }}
{%- endmacro %}

{% macro lead_buckets_in_one_pass(counts_sql) %}
    {#- lead_bucket_passes gives one pass: the rows this build computes are at most a
        bucket's share of the rows a pass would otherwise scan once per bucket (the scores
        and episodes, which then read their input once). -#}
    {%- if not execute or model.resource_type == 'unit_test' or lead_buckets() == 1 -%}
        {{ return(false) }}
    {%- endif -%}
    {{ return(lead_bucket_passes(counts_sql) == 1) }}
{%- endmacro %}

{% macro history_in_one_pass() %}
    {#- lead_buckets_in_one_pass for a history model (int_lead_scores_computed) in a build that
        reads the late window only (the caller checks, reads_late_window_only), counted when
        the model compiles, before its pre-hooks delete anything: the lead-days it will
        compute, as history_days_to_compute gives them after those deletes (from the
        late-arrival cutoff for a lead with stored rows before it under its current
        history_fingerprint, from its first_score_date for any other: new leads, leads whose
        fingerprint changed, leads whose rows a failed build deleted), against its stored
        rows. Whether a lead has such rows is read from the stored last day, not from every
        stored row (at 1M leads 1.3 s; an exists over every stored row took 33 s): every
        lead is scored on the as-of date, and a lead with history on every day from its
        first_score_date, so a lead whose row of the last day carries its current
        fingerprint and whose first_score_date is before the cutoff has rows before it. -#}
    {%- set cutoff = late_arrival_cutoff('score_date') -%}
    {%- set counts -%}
        select
            (select count(*) from {{ this }}) as rows_stored,
            (
                select sum(
                    case
                        when last_day_rows.lead_id is not null
                            and score_dates.first_score_date < {{ cutoff }}
                            then {{ age_in_days(cutoff) }}
                        else {{ age_in_days('score_dates.first_score_date') }}
                    end + 1
                )
                from {{ ref('int_lead_score_dates') }} as score_dates
                left join (
                    select
                        stored.scoring_model,
                        stored.lead_id,
                        stored.history_fingerprint
                    from {{ this }} as stored
                    where stored.score_date = (select max(score_date) from {{ this }})
                ) as last_day_rows
                    on score_dates.scoring_model = last_day_rows.scoring_model
                        and score_dates.lead_id = last_day_rows.lead_id
                        and score_dates.history_fingerprint = last_day_rows.history_fingerprint
            ) as rows_to_compute
    {%- endset -%}
    {{ return(lead_buckets_in_one_pass(counts)) }}
{%- endmacro %}

{% macro engagement_history_passes() %}
    {#- lead_bucket_passes for int_lead_engagement_rules_decayed in a build that reads the late
        window only (the caller checks, reads_late_window_only): the event days it reads (not
        settled before the settled sums' day, the filter of its rule_events) and the settled
        sums it takes instead of the others, against every event day (what a full build
        reads, once per bucket). In the benchmark's daily build at 100k leads that is 1.64M
        of 4.14M rows (0.40): with ten buckets, four passes, each of which scans its inputs
        whole. A build whose late-arrival cutoff is before the settled sums' day (after
        skipped days: no lead takes the sums) reads every event day, as a full build does:
        lead_buckets passes. Leads computed from their first day on other days (new, or whose
        fingerprint changed) read every event day too; they are few and not counted. -#}
    {%- set cutoff = late_arrival_cutoff('score_date') -%}
    {%- set counts -%}
        with

        engagement_rules as (
            select * from {{ ref('engagement_rules') }}
        ),

        decay_steps as (
            select * from {{ ref('decay_steps') }}
        ),

        rule_settling as (
            {{ engagement_rule_settling('engagement_rules', 'decay_steps') }}
        ),

        -- one row: the sums' day and their rows
        settled_sums as (
            select
                max(settled_before) as settled_before,
                count(*) as settled_rows
            from {{ ref('int_lead_rule_events_settled') }}
        )

        -- one scan of the event days gives both counts
        select
            count(*) as rows_full,
            case
                -- every lead is computed from before the sums' day (or there are none)
                when max(settled_sums.settled_before) is null
                    or {{ cutoff }} < max(settled_sums.settled_before)
                    then count(*)
                else count(
                    case
                        when {{ age_in_days('rule_events_daily.event_date', 'settled_sums.settled_before') }}
                            <= rule_settling.settle_days
                            then 1
                    end
                ) + max(settled_sums.settled_rows)
            end as rows_now
        from {{ ref('int_rule_events_daily') }} as rule_events_daily
        left join rule_settling
            on rule_events_daily.scoring_model = rule_settling.scoring_model
                and rule_events_daily.rule_id = rule_settling.rule_id
        cross join settled_sums
    {%- endset -%}
    {{ return(lead_bucket_passes(counts)) }}
{%- endmacro %}
