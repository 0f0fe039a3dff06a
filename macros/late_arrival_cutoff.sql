{% macro late_arrival_cutoff() %}
    {#- The first day an incremental build re-reads: as_of minus var late_event_lookback_days.
        Events that arrive later than that after their day need a --full-refresh. -#}
    {%- set lookback = var('late_event_lookback_days') | int -%}
    {%- if lookback < 0 -%}
        {{ exceptions.raise_compiler_error("var 'late_event_lookback_days' must be 0 or more, got " ~ lookback) }}
    {%- endif -%}
    cast({{ dbt.dateadd('day', -lookback, as_of_date()) }} as date)
{%- endmacro %}
