{% macro lead_bucket_marker(bucket) -%}
    {#- A bucket number as lead_bucket_filter writes it, marked so that
        insert_other_lead_buckets can find and replace it in the compiled SQL. -#}
    {{ bucket }} /* lead bucket */
{%- endmacro %}

{% macro lead_buckets_in_one_pass_marker() -%}
    {#- Written by lead_bucket_filter(one_pass=true): this build of the model computed every
        lead bucket in its own SQL, so insert_other_lead_buckets appends nothing. -#}
    /* every lead bucket in one pass */
{%- endmacro %}

{% macro lead_bucket_count_marker(buckets) -%}
    {#- Written by lead_bucket_filter after the bucket number: how many buckets this build of
        the model splits its leads into (lead_buckets, or fewer passes for a daily build),
        read back by insert_other_lead_buckets from the compiled SQL. -#}
    /* of {{ buckets }} lead buckets */
{%- endmacro %}
