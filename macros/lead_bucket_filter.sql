{% macro lead_bucket_filter(lead_id_expr) %}
    {#- A where condition: the lead is in the bucket this pass computes (always true with one
        bucket, see lead_buckets). The model's SQL is the pass of bucket 0;
        insert_other_lead_buckets runs it again for the others, with the marked bucket number
        (lead_bucket_marker) replaced. Buckets come from a hash of the lead id, per engine.
        A unit test, which runs no post-hook, computes all of its leads in one pass. -#}
    {%- if lead_buckets() == 1 or model.resource_type == 'unit_test' -%}
        1 = 1
    {%- else -%}
        {{ adapter.dispatch('lead_bucket_filter', 'lead_scoring')(lead_id_expr, lead_buckets()) }}
        = {{ lead_bucket_marker(0) }}
    {%- endif -%}
{%- endmacro %}

{% macro default__lead_bucket_filter(lead_id_expr, buckets) -%}
    {{ exceptions.raise_compiler_error(
        'lead_buckets above 1 needs a lead_bucket_filter for ' ~ target.type ~ ': set lead_buckets to 1'
    ) }}
{%- endmacro %}

{% macro postgres__lead_bucket_filter(lead_id_expr, buckets) -%}
    mod(mod(hashtext({{ lead_id_expr }}), {{ buckets }}) + {{ buckets }}, {{ buckets }})
{%- endmacro %}

{% macro duckdb__lead_bucket_filter(lead_id_expr, buckets) -%}
    hash({{ lead_id_expr }}) % {{ buckets }}
{%- endmacro %}

{% macro spark__lead_bucket_filter(lead_id_expr, buckets) -%}
    pmod(hash({{ lead_id_expr }}), {{ buckets }})
{%- endmacro %}
