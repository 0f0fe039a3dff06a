{% macro settled_before_date() %}
    {#- The day before which int_lead_rule_events_settled sums the settled event days in this
        build, as a Python date: late_event_lookback_days before as_of. Events before it never
        change in a later build (they are older than its late window; loading older ones
        needs a --full-refresh), except that a build for an earlier day moves it back
        (settled_sums_rebuilt). -#}
    {%- set as_of = modules.datetime.date.fromisoformat(var('as_of') | string) -%}
    {{ return(as_of - modules.datetime.timedelta(days=var('late_event_lookback_days') | int)) }}
{%- endmacro %}
