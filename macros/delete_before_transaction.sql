{% macro delete_before_transaction(hook_sql) %}
    {#- A delete pre-hook of the incremental models (clear_late_window, clear_changed_history,
        reopen_mql_episodes).
        On DuckDB it runs before the model's transaction, so the delete is committed before
        the model computes: DuckDB keeps a mark per deleted row in memory until the delete is
        committed and checkpointed (about 16 KB for every 2,048 stored rows it touches, and
        the late window touches nearly all of them), and inside the transaction those marks
        stayed for the whole model (measured: a 100k-lead daily build with a 700 MB limit ran
        out of memory in the decayed model; with the deletes first it completes). If the
        model then fails, its table lacks those rows until the next build, which deletes from
        the same day or an earlier one (late_arrival_cutoff) and computes them again, and
        computes in full the leads left without rows (history_days_to_compute). Other
        engines keep the delete in the model's transaction: dbt-spark runs no hook outside
        it, and PostgreSQL has no such cost. -#}
    {{ return({'sql': hook_sql, 'transaction': target.type != 'duckdb'}) }}
{%- endmacro %}
