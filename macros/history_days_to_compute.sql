{% macro history_days_to_compute(score_dates, rows_built=none, first_days_only=false, one_pass=false, passes=none) %}
    {#- The lead-days a history model computes in this build, from score_dates (rows of
        int_lead_score_dates: one per lead with its first_score_date) to the as-of date.
        Without rows_built (a full build) every day of every lead. With rows_built (the
        model's own table, `this`, after its pre-hooks removed the late window and the leads
        whose history_fingerprint changed): only the days from the late-arrival cutoff for a
        lead that still has rows before it, every day for the others. A lead has rows before
        the cutoff when it has rows on the day before it: the previous build scored every day
        of a history lead up to its as_of, which is after that day, and only the late window
        or all of a lead's rows are ever deleted (a lead without history is computed on the
        as-of date only, after the cutoff); reading that one day, not every stored row
        before it, keeps the lookup to a day's rows. With first_days_only,
        one row per lead with the first of those days (compute_from) and its first_score_date
        instead. Only the leads of the lead bucket computed by this pass (lead_bucket_filter,
        with its one_pass and passes), or every lead with one_pass. -#}
    {%- if rows_built -%}
        {#- read once: each call queries the stored table -#}
        {%- set cutoff = late_arrival_cutoff('score_date') -%}
        {%- set day_before_cutoff = late_arrival_cutoff('score_date', days_before=1) -%}
    {%- endif -%}
    {%- set lead_ranges -%}
        select
            {{ score_dates }}.scoring_model,
            {{ score_dates }}.lead_id,
            {{ score_dates }}.history_fingerprint,
            {% if rows_built -%}
                case
                    when leads_built.lead_id is null then {{ score_dates }}.first_score_date
                    when {{ score_dates }}.first_score_date > {{ cutoff }}
                        then {{ score_dates }}.first_score_date
                    else {{ cutoff }}
                end
            {%- else -%}
                {{ score_dates }}.first_score_date
            {%- endif %} as compute_from,
            {{ score_dates }}.first_score_date
        from {{ score_dates }}
        {% if rows_built -%}
            -- a semi join from the leads, not a distinct over the stored rows: its estimated
            -- size stays that of the leads, so the engine joins the many event rows to it
            -- and not the other way round (DuckDB built a hash table of every change otherwise)
            left join (
                select
                    leads_scored.scoring_model,
                    leads_scored.lead_id
                from {{ score_dates }} as leads_scored
                where {{ lead_bucket_filter('leads_scored.lead_id', one_pass=one_pass, passes=passes) }}
                    and exists (
                        select 1
                        from {{ rows_built }} as rows_built
                        where rows_built.scoring_model = leads_scored.scoring_model
                            and rows_built.lead_id = leads_scored.lead_id
                            and rows_built.score_date = {{ day_before_cutoff }}
                    )
            ) as leads_built
                on {{ score_dates }}.scoring_model = leads_built.scoring_model
                    and {{ score_dates }}.lead_id = leads_built.lead_id
        {%- endif %}
        where {{ lead_bucket_filter(score_dates ~ '.lead_id', one_pass=one_pass, passes=passes) }}
    {%- endset -%}
    {%- if first_days_only -%}
        {{ lead_ranges }}
    {%- else -%}
        select
            lead_day_offsets.scoring_model,
            lead_day_offsets.lead_id,
            lead_day_offsets.history_fingerprint,
            cast({{ dbt.dateadd('day', 'lead_day_offsets.day_offset', 'lead_day_offsets.compute_from') }} as date)
                as score_date
        from (
            select
                lead_ranges.*,
                {{ day_offset_rows(age_in_days('lead_ranges.compute_from') ~ ' + 1') }} as day_offset
            from ({{ lead_ranges }}) as lead_ranges
        ) as lead_day_offsets
    {%- endif -%}
{%- endmacro %}
