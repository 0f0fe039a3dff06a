{% macro to_utc_timestamp(expr, source_type=none) %}
    {#- A timestamp in UTC from a timestamp or text, honouring an offset in the text
        ('2026-10-01T10:00:00+02:00' is 08:00 UTC); text without an offset is UTC. Null when
        the value cannot be read, so that staging can flag it.
        Readable means the same on every engine (timestamp_text_pattern): an ISO date with an
        optional time (T or space, seconds and up to 6 decimals optional) and an optional
        offset (Z, +HH, +HHMM, +HH:MM or ' UTC'), spaces around it ignored; anything else
        (words such as 'yesterday', other date orders, zone names, impossible dates) is null.
        source_type is the column's type in the source (source_column_types), when known: a
        column that already is a timestamp without time zone holds UTC values that need no
        reading, so it is only cast, which is what the text path would give it, and a lot
        cheaper on billions of events. -#}
    {%- if source_type is not none and source_type | lower in naive_timestamp_types() -%}
        cast({{ expr }} as {{ dbt.type_timestamp() }})
    {%- else -%}
        {{ return(adapter.dispatch('to_utc_timestamp', 'lead_scoring')(expr)) }}
    {%- endif -%}
{% endmacro %}

{% macro naive_timestamp_types() -%}
    {#- How engines name a timestamp without time zone in their catalogs (lower case). -#}
    {{ return(['timestamp', 'timestamp without time zone', 'timestamp_ntz', 'datetime']) }}
{%- endmacro %}

{% macro source_column_types(relation) -%}
    {#- The columns of a relation and their types, names and types in lower case; empty while
        parsing, and for a relation that does not exist yet. -#}
    {%- set types = {} -%}
    {%- if execute -%}
        {%- for column in adapter.get_columns_in_relation(relation) -%}
            {%- do types.update({column.name | lower: column.dtype | lower}) -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(types) }}
{%- endmacro %}

{% macro timestamp_text_pattern() -%}
    {#- The timestamp text every engine reads, as a full-match regular expression. No
        backslashes, so it needs no escaping in any SQL dialect. -#}
    ^[0-9]{4}-(0?[1-9]|1[0-2])-(0?[1-9]|[12][0-9]|3[01])([T ](([01]?[0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]{1,6})?)?|24:00(:00([.]0{1,6})?)?)(Z|[+-](0[0-9]|1[0-5])(:?[0-5][0-9])?| UTC)?)?$
{%- endmacro %}

{% macro timestamp_offset_pattern() -%}
    {#- Text matching timestamp_text_pattern that carries an offset (only after a time). -#}
    :[0-9]{2}([.][0-9]+)?(Z|[+-][0-9]{2}(:?[0-9]{2})?| UTC)$
{%- endmacro %}

{% macro default__to_utc_timestamp(expr) %}
    cast({{ expr }} as {{ dbt.type_timestamp() }})
{%- endmacro %}

{% macro seconds_before_offset_pattern() -%}
    {#- A time without seconds right before an offset ('10:00+01:00'), which DuckDB and Spark
        do not read: the two groups around which ':00' goes. -#}
    ([T ][0-9]{1,2}:[0-9]{2})(Z|[+-]| UTC)
{%- endmacro %}

{% macro duckdb__to_utc_timestamp(expr) %}
    {%- set text = 'trim(cast(' ~ expr ~ ' as varchar))' -%}
    case
        when regexp_full_match({{ text }}, '{{ timestamp_text_pattern() }}')
            then cast(timezone('UTC', try_cast(
                regexp_replace({{ text }}, '{{ seconds_before_offset_pattern() }}', '\1:00\2')
                as timestamptz)) as timestamp)
    end
{%- endmacro %}

{% macro postgres__to_utc_timestamp(expr) %}
    {#- No try_cast on PostgreSQL, and its casts read words ('now', 'yesterday') and stop the
        query on impossible dates: cast only text that matches the pattern and names a real
        day. Nested CASEs fix the evaluation order (AND does not). The result does not
        depend on the session TimeZone. -#}
    {%- set text = 'trim(cast(' ~ expr ~ ' as text))' -%}
    {%- set year = "cast(split_part(" ~ text ~ ", '-', 1) as integer)" -%}
    {%- set month = "cast(split_part(" ~ text ~ ", '-', 2) as integer)" -%}
    {#- the day: 1 or 2 digits, then the end, 'T' or a space (no regexp_match: it is slow) -#}
    {%- set day = "cast(translate(left(split_part(" ~ text ~ ", '-', 3), 2), 'T ', '') as integer)" -%}
    case
        when {{ text }} ~ '{{ timestamp_text_pattern() }}' then
            case
                when {{ year }} >= 1
                    and {{ day }} <= extract(day from
                        make_date(greatest({{ year }}, 1), {{ month }}, 1) + interval '1 month' - interval '1 day')
                    then
                        case
                            when {{ text }} ~ '{{ timestamp_offset_pattern() }}'
                                then cast({{ text }} as timestamptz) at time zone 'UTC'
                            else cast({{ text }} as timestamp)
                        end
            end
    end
{%- endmacro %}

{% macro spark__to_utc_timestamp(expr) %}
    {#- try_cast reads the pattern's text as DuckDB does (offsets included; the session time
        zone is UTC), once seconds are written before an offset, except the hour 24:00,
        which is midnight of the next day. -#}
    {%- set trimmed = 'trim(cast(' ~ expr ~ ' as string))' -%}
    {%- set text = "regexp_replace(" ~ trimmed ~ ", '" ~ seconds_before_offset_pattern() ~ "', '$1:00$2')" -%}
    case
        when {{ trimmed }} rlike '{{ timestamp_text_pattern() }}' then
            case
                when {{ text }} rlike '[T ]24:00'
                    then try_cast(regexp_replace({{ text }}, '([T ])24:00', '$100:00') as timestamp)
                        + interval 1 day
                else try_cast({{ text }} as timestamp)
            end
    end
{%- endmacro %}
