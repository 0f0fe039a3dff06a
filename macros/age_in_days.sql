{% macro age_in_days(date_expr, on_date=none) %}
    {#- Whole days from a UTC date to the day it is scored on (the as-of date unless on_date
        names another): 0 for an event on that day. Always a bigint: dbt.datediff returns
        bigint on DuckDB but integer on PostgreSQL. -#}
    cast({{ dbt.datediff(date_expr, on_date if on_date else as_of_date(), 'day') }} as bigint)
{%- endmacro %}
