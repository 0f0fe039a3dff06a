{% macro settled_sums_rebuilt() %}
    {#- For int_lead_rule_events_settled: true when this build sums every settled event day
        again (a first or full build, a changed definition or upstream model, or stored sums
        settled up to a later day than settled_before_date, after a build for a past day),
        false when it adds the days settled since the stored sums' day to them. -#}
    {%- if not reads_late_window_only('int_lead_rule_events_settled') -%}
        {{ return(true) }}
    {%- endif -%}
    {%- if not execute -%}
        {{ return(false) }}
    {%- endif -%}
    {%- set stored = run_query('select max(settled_before) from ' ~ this).columns[0].values()[0] -%}
    {{ return(stored is not none and stored > settled_before_date()) }}
{%- endmacro %}
