{% macro regex_matches(text_expr, pattern_expr) %}
    {#- True when the pattern matches anywhere in the text (a search, not a full match),
        ignoring case: `VP|Director` and `vp|director` are the same rule. -#}
    {{ return(adapter.dispatch('regex_matches', 'lead_scoring')(text_expr, pattern_expr)) }}
{% endmacro %}

{% macro default__regex_matches(text_expr, pattern_expr) %}
    regexp_like({{ text_expr }}, {{ pattern_expr }}, 'i')
{%- endmacro %}

{% macro duckdb__regex_matches(text_expr, pattern_expr) %}
    regexp_matches({{ text_expr }}, {{ pattern_expr }}, 'i')
{%- endmacro %}

{% macro postgres__regex_matches(text_expr, pattern_expr) %}
    ({{ text_expr }} ~* {{ pattern_expr }})
{%- endmacro %}

{% macro spark__regex_matches(text_expr, pattern_expr) %}
    ({{ text_expr }} rlike concat('(?i)', {{ pattern_expr }}))
{%- endmacro %}
