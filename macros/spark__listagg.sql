{% macro spark__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
    {#- dbt-spark's listagg (collect_list) ignores the order; Spark 4's listagg keeps it. -#}
    {%- if limit_num -%}
        {{ exceptions.raise_compiler_error('listagg: limit_num is not supported on Spark') }}
    {%- endif -%}
    listagg({{ measure }}, {{ delimiter_text }})
    {%- if order_by_clause %} within group ({{ order_by_clause }}){% endif %}
{%- endmacro %}
