{% macro to_integer(expr) %}
    {#- An integer from a number or text; null when the value is not a whole number. -#}
    {{ return(adapter.dispatch('to_integer', 'lead_scoring')(expr)) }}
{% endmacro %}

{% macro default__to_integer(expr) %}
    cast({{ expr }} as integer)
{%- endmacro %}

{% macro duckdb__to_integer(expr) %}
    try_cast(try_cast(cast({{ expr }} as varchar) as double) as bigint)
{%- endmacro %}
