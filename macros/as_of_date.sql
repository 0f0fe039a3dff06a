{% macro as_of_date() %}
    {#- The scoring date as a SQL date literal. The only notion of "now" any model has. -#}
    {%- set as_of = var('as_of') | string -%}
    {%- if not modules.re.match('^[0-9]{4}-[0-9]{2}-[0-9]{2}$', as_of) -%}
        {{ exceptions.raise_compiler_error("var 'as_of' must be a date written YYYY-MM-DD, got '" ~ as_of ~ "'") }}
    {%- endif -%}
    cast('{{ as_of }}' as date)
{%- endmacro %}
