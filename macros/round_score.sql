{% macro round_score(score_expr) %}
    {#- Published precision: 2 decimals, half away from zero on every engine (rounding a
        decimal, not a double, whose half-even or binary behaviour differs by engine). -#}
    cast(round(cast({{ score_expr }} as decimal(38, 9)), 2) as decimal(18, 2))
{%- endmacro %}
