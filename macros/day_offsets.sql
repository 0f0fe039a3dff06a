{% macro day_offsets() %}
    {#- A query of the whole numbers 0 to 99,999 (day_offset, bigint): enough days for any
        history up to the as-of date. -#}
    select
        cast(
            ones.digit + 10 * tens.digit + 100 * hundreds.digit
            + 1000 * thousands.digit + 10000 * ten_thousands.digit
            as bigint
        ) as day_offset
    {%- for place in ['ones', 'tens', 'hundreds', 'thousands', 'ten_thousands'] %}
        {% if loop.first %}from{% else %}cross join{% endif %} (
            {%- for digit in range(10) %}
                select {{ digit }} as digit
                {% if not loop.last %}union all{% endif %}
            {%- endfor %}
        ) as {{ place }}
    {%- endfor %}
{%- endmacro %}
