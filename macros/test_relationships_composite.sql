{% test relationships_composite(model, columns, to) %}
    {#- Fails with the rows whose combination of columns has no match in `to`. -#}
    select child.*
    from {{ model }} as child
    left join {{ to }} as parent
        on {% for column in columns -%}
            child.{{ column }} = parent.{{ column }}{% if not loop.last %} and {% endif %}
        {%- endfor %}
    where parent.{{ columns[0] }} is null
{% endtest %}
