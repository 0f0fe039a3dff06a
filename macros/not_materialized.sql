{% macro not_materialized() %}
    {#- Written between a CTE's `as` and its body: the engine reads the CTE where it is used
        instead of storing its rows first. DuckDB stores every CTE referenced more than once
        in whole, with all its columns, before the query runs: for an import CTE of a
        history table that is every row of it, while each use reads a few days or leads.
        PostgreSQL (12 and later) takes the same words; Spark has no such syntax and
        inlines a CTE on its own. -#}
    {{- return(adapter.dispatch('not_materialized', 'lead_scoring')()) -}}
{%- endmacro %}

{% macro default__not_materialized() -%}
    not materialized
{%- endmacro %}

{% macro spark__not_materialized() -%}
{%- endmacro %}
