{% macro lead_buckets_in_one_pass(rows_to_compute, rows_stored) %}
    {#- The rule of every bucketed model: a build computes every lead bucket in one pass
        (lead_bucket_filter with one_pass) when the rows it computes are at most a bucket's
        share of the rows its table holds. Buckets exist to bound a pass's memory, which a
        full build needs; a daily build that computes few rows makes one scan of its inputs
        instead of one per bucket. Always false with one bucket, at parse time and in unit
        tests (one pass there anyway). -#}
    {%- if not execute or model.resource_type == 'unit_test' or lead_buckets() == 1 -%}
        {{ return(false) }}
    {%- endif -%}
    {{ return(rows_to_compute * lead_buckets() <= rows_stored) }}
{%- endmacro %}

{% macro history_in_one_pass() %}
    {#- lead_buckets_in_one_pass for a history model (int_lead_scores_computed) in a build that
        reads the late window only (the caller checks, reads_late_window_only), from its
        stored rows when the model compiles, before its pre-hooks delete anything. The rows it
        will compute are estimated as those its pre-hooks delete and it writes again: the
        stored rows from the late-arrival cutoff on, the stored last day's rows once more for
        each day the as-of date is past it, and every row of a lead whose history_fingerprint
        is no longer current (clear_changed_history). A lead new to the model is not counted:
        its days start at its first score date, mostly within the window. -#}
    {%- if not execute or model.resource_type == 'unit_test' or lead_buckets() == 1 -%}
        {{ return(false) }}
    {%- endif -%}
    {%- set counts = run_query(
        'select count(*), count(case when stored.score_date >= ' ~ late_arrival_cutoff()
        ~ ' or current_leads.history_fingerprint is null then 1 end),'
        ~ ' count(case when stored.score_date = last_day.score_date then 1 end),'
        ~ ' max(last_day.score_date)'
        ~ ' from ' ~ this ~ ' as stored'
        ~ ' cross join (select max(score_date) as score_date from ' ~ this ~ ') as last_day'
        ~ ' left join (select distinct history_fingerprint from ' ~ ref('int_lead_score_dates')
        ~ ') as current_leads on stored.history_fingerprint = current_leads.history_fingerprint'
    ).rows[0] -%}
    {%- if counts[3] is none -%}
        {{ return(false) }}
    {%- endif -%}
    {%- set as_of = modules.datetime.date.fromisoformat(var('as_of') | string) -%}
    {%- set last_day = modules.datetime.date.fromisoformat((counts[3] | string)[:10]) -%}
    {%- set days_past = [(as_of - last_day).days, 0] | max -%}
    {{ return(lead_buckets_in_one_pass(counts[1] + counts[2] * days_past, counts[0])) }}
{%- endmacro %}
