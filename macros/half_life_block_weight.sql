{% macro half_life_block_weight(event_points, day_number, half_life_days, day_block) %}
    {#- An event day's half-life points in the scale of its block's origin: points x 2^((day
        - origin) / half-life), so that the points on a later day of the block are the sum of
        these weights times 0.5^((that day - origin) / half-life). -#}
    {{ event_points }}
    * power(
        cast(2 as {{ type_score() }}),
        (
            {{ day_number }}
            - {{ half_life_block_half_lives() }} * {{ half_life_days }} * {{ day_block }}
        ) / {{ half_life_days }}
    )
{%- endmacro %}
