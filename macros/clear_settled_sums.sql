{% macro clear_settled_sums() %}
    {#- Pre-hook of int_lead_rule_events_settled: every stored row goes when the build sums
        every settled event day again (settled_sums_stored_before gives none). On DuckDB it
        runs before the model's transaction (delete_before_transaction). -#}
    {%- if execute and this is not none and is_incremental() and settled_sums_stored_before() is none -%}
        delete from {{ this }}
    {%- else -%}
        select 1 as nothing_to_clear
    {%- endif -%}
{%- endmacro %}
