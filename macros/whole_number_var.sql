{% macro whole_number_var(name, minimum, default=none) %}
    {#- The var `name` as a whole number (default when the var is not set); stops the build
        with a message naming the var when it is not a whole number of at least minimum
        (text such as "two" would otherwise turn into 0). -#}
    {%- set given = var(name) if default is none else var(name, default) -%}
    {%- set number = given | int -%}
    {%- if number < minimum or number | string != given | string | trim -%}
        {{ exceptions.raise_compiler_error(
            "var '" ~ name ~ "' must be a whole number of at least " ~ minimum ~ ", got " ~ given
        ) }}
    {%- endif -%}
    {{ return(number) }}
{%- endmacro %}
