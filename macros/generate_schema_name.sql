{% macro generate_schema_name(custom_schema_name, node) %}
    {#- Use the folder's schema as is (staging, intermediate, marts, scoring_definition)
        instead of dbt's default <target>_<custom> prefixing, so that BI and reverse-ETL
        tools read stable names such as marts.lead_scores. -#}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{% endmacro %}
