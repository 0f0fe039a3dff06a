{% macro lead_bucket_marker(bucket) -%}
    {#- A bucket number as lead_bucket_filter writes it, marked so that
        insert_other_lead_buckets can find and replace it in the compiled SQL. -#}
    {{ bucket }} /* lead bucket */
{%- endmacro %}
