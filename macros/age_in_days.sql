{% macro age_in_days(date_expr) %}
    {#- Whole days from a UTC date to the scoring date: 0 for an event on the as-of date.
        Always a bigint: dbt.datediff returns bigint on DuckDB but integer on PostgreSQL. -#}
    cast({{ dbt.datediff(date_expr, as_of_date(), 'day') }} as bigint)
{%- endmacro %}
