{% macro to_boolean(expr) %}
    {#- Booleans as CRM exports write them: true/false, t/f, yes/no, y/n, 1/0 (any case);
        null for anything else, so that staging can flag the value instead of guessing. -#}
    case
        when lower(trim(cast({{ expr }} as {{ dbt.type_string() }}))) in ('true', 't', 'yes', 'y', '1')
            then true
        when lower(trim(cast({{ expr }} as {{ dbt.type_string() }}))) in ('false', 'f', 'no', 'n', '0')
            then false
    end
{%- endmacro %}
