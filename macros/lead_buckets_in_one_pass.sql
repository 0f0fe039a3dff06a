{% macro lead_buckets_in_one_pass(counts_sql) %}
    {#- The rule of every bucketed model: a build computes every lead bucket in one pass
        (lead_bucket_filter with one_pass) when the rows it computes are at most a bucket's
        share of the rows a pass would otherwise scan once per bucket. Buckets exist to bound
        a pass's memory, which a full build needs; a daily build that computes few rows makes
        one scan of its inputs instead of one per bucket. counts_sql returns one row: those
        rows (the model's own table, or its input's: the episodes read the daily scores) and
        the rows this build computes. Run only when it can matter: false without a query
        with one bucket, at parse time and in unit tests (one pass there anyway). -#}
    {%- if not execute or model.resource_type == 'unit_test' or lead_buckets() == 1 -%}
        {{ return(false) }}
    {%- endif -%}
    {%- set counts = run_query(counts_sql).rows[0] -%}
    {{ return((counts[1] or 0) * lead_buckets() <= counts[0]) }}
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
