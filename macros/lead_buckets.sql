{% macro lead_buckets() %}
    {#- How many passes the history models make over the leads (var lead_buckets, or the
        environment variable MQL_LEAD_BUCKETS; 1 by default). Each pass computes the leads of
        one bucket (lead_bucket_filter), so a pass needs about 1/N of the memory; the rows
        of the other buckets are appended by the post-hook insert_other_lead_buckets.
        A daily build of int_lead_scores_computed or int_mql_episodes_computed that computes
        at most a bucket's share of the rows makes one pass (lead_buckets_in_one_pass); a
        daily build of int_lead_engagement_rules_decayed makes as many passes as its share of
        the event days needs (engagement_history_passes). -#}
    {{ return(whole_number_var('lead_buckets', 1, env_var('MQL_LEAD_BUCKETS', '1'))) }}
{%- endmacro %}
