with

dispositions as (
    select * from {{ ref('stg_crm__sales_dispositions') }}
),

lead_ids as (
    select * from {{ ref('int_lead_ids_resolved') }}
),

dispositions_ranked as (
    select
        dispositions.*,
        row_number() over (
            partition by dispositions.disposition_id
            order by dispositions.occurred_at asc nulls last, dispositions.raw_row asc
        ) as id_rank
    from dispositions
),

dispositions_checked as (
    select
        dispositions_ranked.disposition_id,
        coalesce(lead_ids.surviving_lead_id, dispositions_ranked.lead_id) as lead_id,
        dispositions_ranked.lead_id as reported_lead_id,
        dispositions_ranked.disposition,
        dispositions_ranked.disposition_reason,
        dispositions_ranked.occurred_at,
        case
            when dispositions_ranked.row_problem is not null then dispositions_ranked.row_problem
            when dispositions_ranked.id_rank > 1 then 'duplicate_of ' || dispositions_ranked.disposition_id
            when lead_ids.lead_id is null then 'unknown lead_id'
        end as reject_reason,
        dispositions_ranked.raw_row
    from dispositions_ranked
    left join lead_ids
        on dispositions_ranked.lead_id = lead_ids.lead_id
)

select * from dispositions_checked
