{% macro late_arrival_cutoff(date_column, days_before=0) %}
    {#- The first day an incremental build re-reads: late_event_lookback_days before as_of,
        or before the day the stored rows are complete to if that is earlier (a skipped
        day, or a build for a past day), so no day is ever left unread. That day is the
        earlier of the previous build's as_of (max built_as_of) and the last stored day of
        date_column: after a build for a past day, the history models' rows end on that day
        while rows before its window that a later build rewrote (whole histories) keep the
        later built_as_of; the events models store events of any day, so their last day is
        at least the previous as_of whenever events came in up to it. Events that arrive
        later than the cutoff after their day need a --full-refresh. With days_before, that
        many days before the cutoff. -#}
    {%- set lookback = whole_number_var('late_event_lookback_days', 0) -%}
    {%- set day = modules.datetime.date.fromisoformat(var('as_of') | string) -%}
    {%- if execute and this is not none and is_incremental() -%}
        {%- set stored = run_query(
            'select max(built_as_of), max(' ~ date_column ~ ') from ' ~ this
        ).rows[0] -%}
        {%- set day = ([day] + (stored | reject('none') | list)) | min -%}
    {%- endif -%}
    {%- set cutoff = day - modules.datetime.timedelta(days=lookback + days_before) -%}
    cast('{{ cutoff.isoformat() }}' as date)
{%- endmacro %}
