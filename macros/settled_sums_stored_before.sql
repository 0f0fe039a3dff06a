{% macro settled_sums_stored_before() %}
    {#- For int_lead_rule_events_settled: the day its stored sums hold before (their latest
        settled_before) when this build adds the event days settled since to them, as a
        Python date; none when it sums every settled event day again: a first or full build,
        a changed definition or upstream model, an empty table, or stored sums settled up to
        a later day than settled_before_date (after a build for a past day). -#}
    {%- if not execute or this is none or not is_incremental()
        or not reads_late_window_only('int_lead_rule_events_settled') -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set stored = run_query('select max(settled_before) from ' ~ this).columns[0].values()[0] -%}
    {%- if stored is none or stored > settled_before_date() -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(stored) }}
{%- endmacro %}
