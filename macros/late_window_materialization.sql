{% macro late_window_materialization() %}
    {#- How the incremental models are materialized. They delete the late-arrival window
        before appending it (clear_late_window), which needs a table format with DELETE:
        every engine here, and Spark with delta (MQL_SPARK_FILE_FORMAT), but not plain
        parquet tables on Spark, where they are rebuilt in full as tables instead. -#}
    {%- if target.type == 'spark' and env_var('MQL_SPARK_FILE_FORMAT', 'parquet') != 'delta' -%}
        {{ return('table') }}
    {%- endif -%}
    {{ return('incremental') }}
{%- endmacro %}
