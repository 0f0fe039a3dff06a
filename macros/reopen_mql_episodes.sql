{% macro reopen_mql_episodes() %}
    {#- Pre-hook of int_mql_episodes_computed. In an incremental build it keeps the episodes
        that the changed daily scores (mql_episode_restarts) cannot alter and marks the one
        they may extend or end, for the model to compute again from its stored entry:
          1. deletes the episodes of a lead that entered on or after its first changed day;
          2. deletes the episodes after one marked by an earlier build that did not complete
             (they are computed again from the marked one);
          3. marks (built_as_of null) the episodes still open on the day before the first
             changed day, or that ended on or after it.
        A lead without changed scores (none since the last build, as when the model runs
        again on its own) keeps its episodes as they are; those of a lead that no longer
        exists go by clear_changed_history, the next pre-hook. drop_reopened_mql_episodes
        deletes the marked rows once the model has appended what replaces them. When the
        definition version changed, every row goes. Statements 1 and 2 run while the hook
        renders, 3 as the hook, all with one mql_episodes_scores_taken_in; on DuckDB before
        the model's transaction (delete_before_transaction). -#}
    {%- if this is none or not is_incremental() -%}
        select 1 as nothing_to_reopen
    {%- elif not reads_late_window_only('int_mql_episodes_computed') -%}
        delete from {{ this }}
    {%- else -%}
        {%- set restarts = mql_episode_restarts(ref('int_lead_scores_computed'), mql_episodes_scores_taken_in()) -%}
        {%- set episodes = this.identifier -%}
        {%- if execute -%}
            {%- do run_query(
                'delete from ' ~ this ~ ' where exists (select 1 from (' ~ restarts ~ ') as restarts'
                ~ ' where restarts.scoring_model = ' ~ episodes ~ '.scoring_model'
                ~ ' and restarts.lead_id = ' ~ episodes ~ '.lead_id'
                ~ ' and ' ~ episodes ~ '.entered_on >= restarts.changed_from)'
            ) -%}
            {%- do run_query(
                'delete from ' ~ this ~ ' where exists (select 1 from ' ~ this ~ ' as reopened'
                ~ ' where reopened.built_as_of is null'
                ~ ' and reopened.scoring_model = ' ~ episodes ~ '.scoring_model'
                ~ ' and reopened.lead_id = ' ~ episodes ~ '.lead_id'
                ~ ' and reopened.entered_on < ' ~ episodes ~ '.entered_on)'
            ) -%}
        {%- endif %}
        update {{ this }}
        set built_as_of = null
        where exists (
            select 1
            from ({{ restarts }}) as restarts
            where restarts.scoring_model = {{ episodes }}.scoring_model
                and restarts.lead_id = {{ episodes }}.lead_id
                and ({{ episodes }}.exited_on is null or {{ episodes }}.exited_on >= restarts.changed_from)
        )
    {%- endif -%}
{%- endmacro %}
