{% macro definition_version(model_name, seed_names) %}
    {#- A fingerprint of an incremental model's own SQL and of the seeds its rows depend on,
        stored on every row. When marketing ops edit one of those seeds (or the model
        changes), the stored rows no longer match and the next build rebuilds them all. -#}
    {%- if not execute -%}
        {{ return('') }}
    {%- endif -%}
    {%- set parts = [] -%}
    {%- for node in (graph.get("nodes") or {}).values() -%}
        {%- if (node.resource_type == 'seed' and node.name in seed_names)
            or (node.resource_type == 'model' and node.name == model_name) -%}
            {%- do parts.append(node.resource_type ~ '.' ~ node.name ~ '=' ~ node.checksum.checksum) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(local_md5(parts | sort | join(','))) }}
{%- endmacro %}
