{% macro insert_other_lead_buckets() %}
    {#- Post-hook of the history models and int_mql_episodes_computed: with more than one lead
        bucket (lead_buckets), the model's SQL computed bucket 0; this appends the rows of
        buckets 1 to N - 1, one statement each, by running the same compiled SQL with the
        marked bucket number replaced. N is the bucket count marked in the compiled SQL
        (lead_bucket_count_marker): lead_buckets, or fewer for a daily build with less to
        read (lead_bucket_passes). Works after a full build (the table was created) and an
        incremental one (bucket 0 was appended). Nothing when the build computed every bucket
        in one pass (lead_bucket_filter with one_pass); a model whose filters mix the two
        (one without one_pass), or two bucket counts, would lose leads, so that stops the
        build. -#}
    {%- if execute and lead_buckets() > 1
        and lead_buckets_in_one_pass_marker() in model.compiled_code
        and lead_bucket_marker(0) in model.compiled_code -%}
        {{ exceptions.raise_compiler_error(
            model.name ~ ' computes every lead bucket in one pass in one lead_bucket_filter and'
            ~ ' bucket 0 in another: give each of its lead_bucket_filter calls the same one_pass'
        ) }}
    {%- endif -%}
    {%- if execute and lead_buckets() > 1
        and lead_buckets_in_one_pass_marker() not in model.compiled_code -%}
        {%- set counts = modules.re.findall(
            modules.re.escape(lead_bucket_count_marker(999)) | replace('999', '([0-9]+)'),
            model.compiled_code
        ) | unique | list -%}
        {%- if counts | length == 0 -%}
            {{ exceptions.raise_compiler_error(
                model.name ~ ' has no lead_bucket_filter, so its lead buckets cannot be computed apart'
            ) }}
        {%- elif counts | length > 1 -%}
            {{ exceptions.raise_compiler_error(
                model.name ~ ' splits its leads into ' ~ (counts | sort | join(' and ')) ~ ' buckets in'
                ~ ' different lead_bucket_filter calls: give each of them the same passes'
            ) }}
        {%- endif -%}
        {%- for bucket in range(1, counts[0] | int) -%}
            {%- set bucket_sql = model.compiled_code | replace(lead_bucket_marker(0), lead_bucket_marker(bucket)) -%}
            {%- do run_query(
                'insert into ' ~ this ~ '\nselect * from (\n' ~ bucket_sql ~ '\n) as lead_bucket_rows'
            ) -%}
        {%- endfor -%}
    {%- endif -%}
    select {{ lead_buckets() }} as lead_buckets
{%- endmacro %}
