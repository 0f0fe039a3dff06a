{% macro reads_late_window_only(model_name) %}
    {#- True for an incremental build whose stored rows were made with the same definition
        version: then only the late-arrival window is re-read. False for a first or full
        build, or when the definition or an upstream model changed (everything is re-read). -#}
    {%- if this is none or not is_incremental() -%}
        {{ return(false) }}
    {%- endif -%}
    {%- if not execute -%}
        {{ return(true) }}
    {%- endif -%}
    {%- set stored = run_query('select max(definition_version) from ' ~ this) -%}
    {{ return(stored.columns[0].values()[0] == definition_version(model_name)) }}
{%- endmacro %}
