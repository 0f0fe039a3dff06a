{% macro definition_version(model_name) %}
    {#- A fingerprint of an incremental model and of everything it is built from: the SQL of
        the model and of every model upstream of it, and every seed upstream (the scoring
        definition). Stored on every row: when marketing ops edit a seed or an upstream
        model changes, the stored rows no longer match and the next build rebuilds them all.
        Macros are not part of it: after upgrading the project, run --full-refresh. -#}
    {%- if not execute -%}
        {{ return('') }}
    {%- endif -%}
    {%- set nodes = graph.get('nodes') or {} -%}
    {%- set start = 'model.' ~ project_name ~ '.' ~ model_name -%}
    {%- set seen = [] -%}
    {%- set todo = [start] -%}
    {#- a breadth-first walk; Jinja has no while loop, so iterate over the growing list -#}
    {%- for node_id in todo -%}
        {%- if node_id not in seen and node_id in nodes -%}
            {%- do seen.append(node_id) -%}
            {%- for parent in nodes[node_id].depends_on.nodes -%}
                {%- do todo.append(parent) -%}
            {%- endfor -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set parts = [] -%}
    {%- for node_id in seen | sort -%}
        {%- do parts.append(node_id ~ '=' ~ nodes[node_id].checksum.checksum) -%}
    {%- endfor -%}
    {{ return(local_md5(parts | join(','))) }}
{%- endmacro %}
