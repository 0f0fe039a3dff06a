{% macro mql_episode_restarts(lead_scores_daily, scores_taken_in) %}
    {#- One row per lead with daily scores written by a build after scores_taken_in (a
        build of int_lead_scores_computed writes every day from its first changed one up to
        as_of, so those days are the lead's last ones): the first such day (changed_from) and the
        first of them on which the lead meets the entry definition (first_entry_since).
        A lead without such rows has nothing new to take in: none when the model runs again
        without a new build of the scores. -#}
    select
        scoring_model,
        lead_id,
        min(score_date) as changed_from,
        min(case when meets_entry then score_date end) as first_entry_since
    from {{ lead_scores_daily }}
    where build_number > {{ scores_taken_in }}
    group by scoring_model, lead_id
{%- endmacro %}
