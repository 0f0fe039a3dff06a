{% macro rule_text_matches(text_expr, operator_expr, value_expr) %}
    {#- Does a text value satisfy a rule's text operator? The value comes from a column, never
        from the template, so quotes or SQL in a rule are matched literally. Every operator
        ignores case, regex included. -#}
    case
        when {{ operator_expr }} = 'is_missing'
            then coalesce(trim({{ text_expr }}), '') = ''
        when {{ text_expr }} is null then false
        when {{ operator_expr }} = 'equals'
            then lower({{ text_expr }}) = lower({{ value_expr }})
        when {{ operator_expr }} = 'contains'
            then {{ dbt.position('lower(' ~ value_expr ~ ')', 'lower(' ~ text_expr ~ ')') }} > 0
        when {{ operator_expr }} = 'regex'
            then {{ regex_matches(text_expr, value_expr) }}
        else false
    end
{%- endmacro %}
