{% macro to_utc_timestamp(expr) %}
    {#- A timestamp in UTC from a timestamp or text, honouring an offset in the text
        ('2026-10-01T10:00:00+02:00' is 08:00 UTC); text without an offset is UTC. Null when
        the value cannot be read, so that staging can flag it. -#}
    {{ return(adapter.dispatch('to_utc_timestamp', 'lead_scoring')(expr)) }}
{% endmacro %}

{% macro default__to_utc_timestamp(expr) %}
    cast({{ expr }} as {{ dbt.type_timestamp() }})
{%- endmacro %}

{% macro duckdb__to_utc_timestamp(expr) %}
    cast(timezone('UTC', try_cast(cast({{ expr }} as varchar) as timestamptz)) as timestamp)
{%- endmacro %}
