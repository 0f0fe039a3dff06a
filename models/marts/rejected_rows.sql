with

source_rows_checked as (
    select * from {{ ref('int_source_rows_checked') }}
),

rejects as (
    select * from source_rows_checked
    where reject_reason is not null
),

rejects_numbered as (
    select
        source_table || ':' || cast(row_number() over (
            partition by source_table order by source_key asc nulls last, reject_reason asc, raw_row asc nulls last
        ) as {{ dbt.type_string() }}) as rejected_row_id,
        source_table,
        source_key,
        reject_reason,
        raw_row,
        {{ as_of_date() }} as as_of_date
    from rejects
)

select * from rejects_numbered
