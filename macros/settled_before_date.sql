{% macro settled_before_date() %}
    {#- The day before which int_lead_rule_events_settled sums the settled event days in this
        build, as a Python date: the first day a daily build after a build for the day before
        re-reads (late_event_lookback_days before that day, see late_arrival_cutoff), so that
        the history leads of such a build, computed from that day, take the sums. Never later
        than that for the last build of int_rule_events_daily (max built_as_of), so that a
        build ahead of its input (a later as_of than the events were read for) does not
        settle days whose events are still to be read. Events before it never change in a
        later build (they are older than its late window; loading older ones needs a
        --full-refresh), except that a build for an earlier day moves it back
        (settled_sums_stored_before). -#}
    {%- set day = modules.datetime.date.fromisoformat(var('as_of') | string) -%}
    {%- if execute and model.resource_type != 'unit_test'
        and load_relation(ref('int_rule_events_daily')) is not none -%}
        {%- set events_read_for = run_query(
            'select max(built_as_of) from ' ~ ref('int_rule_events_daily')
        ).columns[0].values()[0] -%}
        {%- if events_read_for is not none and events_read_for < day -%}
            {%- set day = events_read_for -%}
        {%- endif -%}
    {%- endif -%}
    {{ return(day - modules.datetime.timedelta(days=whole_number_var('late_event_lookback_days', 0) + 1)) }}
{%- endmacro %}
