{% macro type_score() %}
    {#- A 64-bit float for scores at full precision; dbt.type_float() is 32-bit on some engines. -#}
    {{ return(adapter.dispatch('type_score', 'lead_scoring')()) }}
{% endmacro %}

{% macro default__type_score() %}double precision{% endmacro %}

{% macro spark__type_score() %}double{% endmacro %}
