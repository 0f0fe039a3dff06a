{% macro raise_on_definition_problems(relation) %}
    {#- Post-hook of int_scoring_definition_problems: stop the build, naming every broken rule,
        before anything is scored with a broken definition. -#}
    {%- if execute -%}
        {%- set problems = run_query(
            "select scoring_model, rule_id, definition_table, problem from " ~ relation
            ~ " order by scoring_model, definition_table, rule_id, problem"
        ) -%}
        {%- if problems.rows | length > 0 -%}
            {%- set lines = [] -%}
            {%- for row in problems.rows -%}
                {%- do lines.append("  - scoring model '" ~ row[0] ~ "', rule '" ~ row[1] ~ "' (" ~ row[2] ~ "): " ~ row[3]) -%}
            {%- endfor -%}
            {{ exceptions.raise_compiler_error(
                "The scoring definition is invalid (" ~ (lines | length) ~ " problem(s)); fix the seed CSVs and rebuild:\n"
                ~ (lines | join("\n"))
            ) }}
        {%- endif -%}
    {%- endif -%}
    select 1
{%- endmacro %}
