{% macro row_as_text(columns, column_prefix='') %}
    {#- The original values of a raw row as one readable text, kept with every rejected row
        so that nothing is lost: "lead_id=L1 | email=x@y.com | job_title=∅". Each value is
        read from column_prefix followed by the column's name (the raw columns carried under
        other names), labelled with the name. -#}
    {%- for column in columns %}
        '{{ column }}=' || coalesce(cast({{ column_prefix ~ column }} as {{ dbt.type_string() }}), '∅')
        {%- if not loop.last %} || ' | ' ||{% endif %}
    {%- endfor %}
{%- endmacro %}
