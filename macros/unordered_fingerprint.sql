{% macro unordered_fingerprint(expression) %}
    {#- An aggregate: a text that changes whenever the group's values (as a multiset) change,
        whatever their order - the sum of a 64-bit hash of each value. It fingerprints what
        a lead's past days depend on (int_lead_score_dates) without the sort per group that an
        ordered string aggregate takes (most of that model's time). Two different groups
        get the same text with a chance of about 2^-64. -#}
    {{- return(adapter.dispatch('unordered_fingerprint', 'lead_scoring')(expression)) -}}
{%- endmacro %}

{% macro default__unordered_fingerprint(expression) -%}
    {{ dbt.listagg(expression, "','", 'order by ' ~ expression) }}
{%- endmacro %}

{% macro duckdb__unordered_fingerprint(expression) -%}
    cast(sum(hash({{ expression }})) as {{ dbt.type_string() }})
{%- endmacro %}

{% macro postgres__unordered_fingerprint(expression) -%}
    cast(sum(hashtextextended({{ expression }}, 0)) as {{ dbt.type_string() }})
{%- endmacro %}

{% macro spark__unordered_fingerprint(expression) -%}
    cast(sum(cast(xxhash64({{ expression }}) as decimal(38, 0))) as {{ dbt.type_string() }})
{%- endmacro %}
