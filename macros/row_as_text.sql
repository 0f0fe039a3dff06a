{% macro row_as_text(columns) %}
    {#- The original values of a raw row as one readable text, kept with every rejected row
        so that nothing is lost: "lead_id=L1 | email=x@y.com | job_title=∅". -#}
    {%- for column in columns %}
        '{{ column }}=' || coalesce(cast({{ column }} as {{ dbt.type_string() }}), '∅')
        {%- if not loop.last %} || ' | ' ||{% endif %}
    {%- endfor %}
{%- endmacro %}
