{% macro company_size_band(employee_count_expr) %}
    {#- Employee-count bands as sales teams usually slice them. -#}
    case
        when {{ employee_count_expr }} is null or {{ employee_count_expr }} < 1 then 'unknown'
        when {{ employee_count_expr }} < 11 then '1-10'
        when {{ employee_count_expr }} < 51 then '11-50'
        when {{ employee_count_expr }} < 201 then '51-200'
        when {{ employee_count_expr }} < 1001 then '201-1000'
        when {{ employee_count_expr }} < 5001 then '1001-5000'
        else '5001+'
    end
{%- endmacro %}
