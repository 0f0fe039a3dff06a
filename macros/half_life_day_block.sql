{% macro half_life_day_block(day_number, half_life_days) %}
    {#- The half-life block (half_life_block_half_lives) a day falls in, from its day number
        (days since 1970-01-01) and the rule's half-life in days (a float). -#}
    cast(floor(
        {{ day_number }} / ({{ half_life_block_half_lives() }} * {{ half_life_days }})
    ) as bigint)
{%- endmacro %}
