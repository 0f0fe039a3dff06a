{% macro day_offset_rows(day_count) %}
    {#- For a select list: one row per whole number 0 to day_count - 1 (day_count at least 1),
        to expand a range of days into days without an inequality join, which some engines
        can only run as a nested loop (PostgreSQL on tables without statistics). -#}
    {{ return(adapter.dispatch('day_offset_rows', 'lead_scoring')(day_count)) }}
{% endmacro %}

{% macro default__day_offset_rows(day_count) -%}
    generate_series(cast(0 as bigint), cast({{ day_count }} as bigint) - 1)
{%- endmacro %}

{% macro duckdb__day_offset_rows(day_count) -%}
    unnest(range(cast({{ day_count }} as bigint)))
{%- endmacro %}

{% macro spark__day_offset_rows(day_count) -%}
    explode(sequence(cast(0 as bigint), cast({{ day_count }} as bigint) - 1))
{%- endmacro %}
