{% macro clear_changed_history(model_name) %}
    {#- Second pre-hook of the history models (after clear_late_window) and of
        int_mql_episodes_computed (after reopen_mql_episodes): the rows of a lead whose
        history_fingerprint (int_lead_score_dates) changed go, and so do those of a lead that
        no longer exists, so that the model recomputes all its days (or episodes). On DuckDB
        it runs before the model's transaction too (delete_before_transaction). -#}
    {%- if this is not none and is_incremental() and reads_late_window_only(model_name) -%}
        delete from {{ this }}
        where not exists (
            select 1
            from {{ ref('int_lead_score_dates') }} as lead_score_dates
            where lead_score_dates.history_fingerprint = {{ this.identifier }}.history_fingerprint
        )
    {%- else -%}
        select 1 as nothing_to_clear
    {%- endif -%}
{%- endmacro %}
