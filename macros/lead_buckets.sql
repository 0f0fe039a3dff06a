{% macro lead_buckets() %}
    {#- How many passes the history models make over the leads (var lead_buckets, or the
        environment variable MQL_LEAD_BUCKETS; 1 by default). Each pass computes the leads of
        one bucket (lead_bucket_filter), so a pass needs about 1/N of the memory; the rows
        of the other buckets are appended by the post-hook insert_other_lead_buckets.
        int_mql_episodes_computed makes one pass in a daily build with few changed days
        (lead_bucket_filter with one_pass). -#}
    {%- set given = var('lead_buckets', env_var('MQL_LEAD_BUCKETS', '1')) -%}
    {%- set buckets = given | int -%}
    {%- if buckets < 1 or buckets | string != given | string | trim -%}
        {{ exceptions.raise_compiler_error(
            'lead_buckets must be a whole number of at least 1, got ' ~ given
        ) }}
    {%- endif -%}
    {{ return(buckets) }}
{%- endmacro %}
