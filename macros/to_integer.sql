{% macro to_integer(expr) %}
    {#- An integer from a number or text; null when the value is not a whole number. -#}
    {{ return(adapter.dispatch('to_integer', 'lead_scoring')(expr)) }}
{% endmacro %}

{% macro integer_text_pattern() -%}
    {#- The number text the engines without try_cast read: sign, digits, fraction, exponent. -#}
    ^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]{1,3})?$
{%- endmacro %}

{% macro default__to_integer(expr) %}
    cast({{ expr }} as integer)
{%- endmacro %}

{% macro duckdb__to_integer(expr) %}
    try_cast(try_cast(cast({{ expr }} as varchar) as double) as bigint)
{%- endmacro %}

{% macro postgres__to_integer(expr) %}
    {#- No try_cast on PostgreSQL: only text that reads as a number (sign, digits, fraction,
        exponent: integer_text_pattern) is cast, through double precision as on DuckDB, so a fraction rounds half to
        even and a value outside bigint is null. CASE fixes the evaluation order; numeric
        (which does not overflow here) keeps the double cast away from its range errors. -#}
    {%- set text = 'trim(cast(' ~ expr ~ ' as text))' -%}
    {%- set number = 'cast(' ~ text ~ ' as numeric)' -%}
    {%- set double = 'cast(' ~ text ~ ' as double precision)' -%}
    case
        when {{ text }} ~ '{{ integer_text_pattern() }}' then
            case
                when abs({{ number }}) < 1e-300 then 0
                when abs({{ number }}) < 1e300 then
                    case
                        when abs({{ double }}) < 9.223372036854775807e18
                            then cast({{ double }} as bigint)
                    end
            end
    end
{%- endmacro %}

{% macro spark__to_integer(expr) %}
    {#- As on PostgreSQL: number text only, through double, a fraction rounded half to even
        (bround), null outside bigint (try_cast). -#}
    {%- set text = 'trim(cast(' ~ expr ~ ' as string))' -%}
    case
        when {{ text }} rlike '{{ integer_text_pattern() }}'
            then try_cast(bround(try_cast({{ text }} as double), 0) as bigint)
    end
{%- endmacro %}
