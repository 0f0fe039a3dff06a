{% macro delete_rows_of_other_versions(model_name, seed_names) %}
    {#- Pre-hook of the incremental models: rows built under another definition version go,
        so that a changed definition is applied to every event, not only to new ones. -#}
    {%- if this is not none and is_incremental() -%}
        delete from {{ this }}
        where definition_version != '{{ definition_version(model_name, seed_names) }}'
    {%- else -%}
        select 1 as nothing_to_delete
    {%- endif -%}
{%- endmacro %}
