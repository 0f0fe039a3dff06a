{% macro half_life_block_half_lives() %}
    {#- Half-life decay is summed in blocks of this many half-lives from 1970-01-01: within a
        block, an event's weight 2^(age from the block's origin / half-life) stays below 2^64,
        and earlier blocks are carried in with 0.5^64 per block between them. -#}
    {{ return(64) }}
{%- endmacro %}
