{% macro next_build_number() %}
    {#- The number of this build of int_lead_scores_computed, stored on the rows it writes:
        one more than the highest stored (read when the model compiles, before its pre-hooks,
        so every lead bucket gets the same), 1 for a first build. It only orders the builds:
        int_mql_episodes_computed reads the rows written after the build it last took in
        (mql_episodes_scores_taken_in). A full refresh of a table that exists keeps counting. -#}
    {%- set number = 1 -%}
    {%- if execute and this is not none and model.resource_type != 'unit_test' -%}
        {%- set stored = load_relation(this) -%}
        {#- a table written before build numbers existed (the upgrade's --full-refresh) -#}
        {%- if stored is not none and 'build_number' in (
            adapter.get_columns_in_relation(stored) | map(attribute='name') | map('lower') | list
        ) -%}
            {%- set previous = run_query('select max(build_number) from ' ~ this).columns[0].values()[0] -%}
            {%- if previous is not none -%}
                {%- set number = previous + 1 -%}
            {%- endif -%}
        {%- endif -%}
    {%- endif -%}
    {{ return(number) }}
{%- endmacro %}
