{% macro late_arrival_cutoff() %}
    {#- The first day an incremental build re-reads: late_event_lookback_days before as_of,
        or before the as_of of the previous build if that is earlier (a skipped day, or a
        build for a past day), so no day is ever left unread. Events that arrive later than
        that after their day need a --full-refresh. -#}
    {%- set lookback = var('late_event_lookback_days') | int -%}
    {%- if lookback < 0 -%}
        {{ exceptions.raise_compiler_error("var 'late_event_lookback_days' must be 0 or more, got " ~ lookback) }}
    {%- endif -%}
    {%- set day = modules.datetime.date.fromisoformat(var('as_of') | string) -%}
    {%- if execute and this is not none and is_incremental() -%}
        {%- set previous = run_query('select max(built_as_of) from ' ~ this).columns[0].values()[0] -%}
        {%- if previous is not none and previous < day -%}
            {%- set day = previous -%}
        {%- endif -%}
    {%- endif -%}
    {%- set cutoff = day - modules.datetime.timedelta(days=lookback) -%}
    cast('{{ cutoff.isoformat() }}' as date)
{%- endmacro %}
