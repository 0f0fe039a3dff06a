{% macro lead_bucket_filter(lead_id_expr, one_pass=false, passes=none) %}
    {#- A where condition: the lead is in the bucket this pass computes (always true with one
        bucket, see lead_buckets). The model's SQL is the pass of bucket 0;
        insert_other_lead_buckets runs it again for the others, with the marked bucket number
        (lead_bucket_marker) replaced. Buckets come from a hash of the lead id, per engine.
        A unit test, which runs no post-hook, computes all of its leads in one pass. With
        one_pass (or passes 1), the model computes every lead in this pass (a build with
        little to do): the condition is true and marked so that insert_other_lead_buckets
        adds nothing. With passes, the leads are split into that many buckets in this build
        instead of lead_buckets (lead_bucket_passes: a daily build with less to read); the
        count is marked (lead_bucket_count_marker) for insert_other_lead_buckets. -#}
    {%- if model.resource_type == 'unit_test' or lead_buckets() == 1 -%}
        1 = 1
    {%- elif one_pass or passes == 1 -%}
        1 = 1 {{ lead_buckets_in_one_pass_marker() }}
    {%- else -%}
        {%- set buckets = passes or lead_buckets() -%}
        {{ adapter.dispatch('lead_bucket_filter', 'lead_scoring')(lead_id_expr, buckets) }}
        = {{ lead_bucket_marker(0) }} {{ lead_bucket_count_marker(buckets) }}
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
