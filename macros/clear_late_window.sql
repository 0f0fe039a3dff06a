{% macro clear_late_window(model_name, date_column) %}
    {#- Pre-hook of the incremental models, which then append what they re-read: the rows of
        the late-arrival window (and rows without a date) go, so that a day with fewer
        events than before is not left with stale rows; every row goes when the definition
        version changed. On DuckDB it runs before the model's transaction
        (delete_before_transaction). -#}
    {%- if this is not none and is_incremental() -%}
        {%- if reads_late_window_only(model_name) -%}
            delete from {{ this }}
            where {{ date_column }} >= {{ late_arrival_cutoff(date_column) }} or {{ date_column }} is null
        {%- else -%}
            delete from {{ this }}
        {%- endif -%}
    {%- else -%}
        select 1 as nothing_to_clear
    {%- endif -%}
{%- endmacro %}
