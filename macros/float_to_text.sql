{% macro float_to_text(expr) %}
    {#- A double as text, written the same on every engine (DuckDB's way: -3.0, 2.5, 1e+20),
        so that messages quoting a number read the same everywhere. -#}
    {{ return(adapter.dispatch('float_to_text', 'lead_scoring')(expr)) }}
{% endmacro %}

{% macro default__float_to_text(expr) %}
    cast({{ expr }} as {{ dbt.type_string() }})
{%- endmacro %}

{% macro postgres__float_to_text(expr) %}
    {#- PostgreSQL writes whole doubles without ".0" and from 1e15 in exponent form. -#}
    {{ whole_doubles_written_out(expr) }}
{%- endmacro %}

{% macro spark__float_to_text(expr) %}
    {#- Spark writes doubles from 1e7 in exponent form (1.0E7). -#}
    {{ whole_doubles_written_out(expr) }}
{%- endmacro %}

{% macro whole_doubles_written_out(expr) %}
    {#- DuckDB's way on engines that write doubles otherwise: a whole number below 1e16 as
        digits and ".0", anything else as the engine casts it. -#}
    case
        when abs({{ expr }}) < 1e16 and {{ expr }} = floor({{ expr }})
            then cast(cast({{ expr }} as bigint) as {{ dbt.type_string() }}) || '.0'
        else cast({{ expr }} as {{ dbt.type_string() }})
    end
{%- endmacro %}
