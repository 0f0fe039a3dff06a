{% macro grade_labels(grade_type) %}
    {#- The grades a definition may use, best first: fit A to D, engagement 1 to 4. The
        definition check rejects any other label, so a model may list them. -#}
    {{ return({'fit': ['A', 'B', 'C', 'D'], 'engagement': ['1', '2', '3', '4']}[grade_type]) }}
{% endmacro %}
