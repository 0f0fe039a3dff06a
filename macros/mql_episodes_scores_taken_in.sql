{% macro mql_episodes_scores_taken_in() %}
    {#- The highest build_number of int_lead_scores_computed that int_mql_episodes_computed
        has taken in: the highest scores_build_number it stores (a build that failed stored
        none). The rows of daily scores written by later builds may differ from what the
        stored episodes were computed from; the others do not. 0 (every row counts as
        changed) without a stored build, or when the scores table was made again from 1.
        Read when the model compiles (its restarts and its choice of one pass) and when its
        pre-hook renders, before either changes the table, so all give the same number. -#}
    {%- set taken_in = 0 -%}
    {%- if execute and this is not none and is_incremental() -%}
        {%- set stored = run_query(
            'select max(scores_build_number) from ' ~ this
        ).columns[0].values()[0] -%}
        {%- set latest = run_query(
            'select max(build_number) from ' ~ ref('int_lead_scores_computed')
        ).columns[0].values()[0] -%}
        {%- if stored is not none and latest is not none and stored <= latest -%}
            {%- set taken_in = stored -%}
        {%- endif -%}
    {%- endif -%}
    {{ return(taken_in) }}
{%- endmacro %}
