{% macro drop_reopened_mql_episodes() %}
    {#- Last post-hook of int_mql_episodes_computed (after insert_other_lead_buckets): deletes
        the episodes reopen_mql_episodes marked, now that every lead bucket has appended what
        replaces them. In the model's transaction, so a failed build keeps them marked and
        the next build computes them again. -#}
    {%- if this is not none and is_incremental() -%}
        delete from {{ this }}
        where built_as_of is null
    {%- else -%}
        select 1 as nothing_reopened
    {%- endif -%}
{%- endmacro %}
