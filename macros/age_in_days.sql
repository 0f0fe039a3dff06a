{% macro age_in_days(date_expr) %}
    {#- Whole days from a UTC date to the scoring date: 0 for an event on the as-of date. -#}
    {{ dbt.datediff(date_expr, as_of_date(), 'day') }}
{%- endmacro %}
