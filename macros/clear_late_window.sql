{% macro clear_late_window(model_name, date_column) %}
    {#- Pre-hook of the incremental models, which then append what they re-read: the rows of
        the late-arrival window (and rows without a date) go, so that a day with fewer
        events than before is not left with stale rows; every row goes when the definition
        version changed. It runs before the model's transaction (before_begin), so the
        deletes are committed first: on DuckDB a delete keeps a mark per deleted row in
        memory until it is committed and checkpointed (about 16 KB for every 2,048 stored
        rows it touches, and the window touches nearly all of them); inside the transaction
        those marks stayed for the whole model (measured: a 100k-lead daily build with a
        700 MB limit ran out of memory in the decayed model; with the deletes first it
        completes). If the model then fails, its
        table lacks those rows until the next build, which deletes from the same day or an
        earlier one (late_arrival_cutoff) and computes them again. -#}
    {%- if this is not none and is_incremental() -%}
        {%- if reads_late_window_only(model_name) -%}
            delete from {{ this }}
            where {{ date_column }} >= {{ late_arrival_cutoff() }} or {{ date_column }} is null
        {%- else -%}
            delete from {{ this }}
        {%- endif -%}
    {%- else -%}
        select 1 as nothing_to_clear
    {%- endif -%}
{%- endmacro %}
