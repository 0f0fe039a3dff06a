with

opportunities as (
    select * from {{ ref('stg_crm__opportunities') }}
),

lead_ids as (
    select * from {{ ref('int_lead_ids_resolved') }}
),

opportunities_ranked as (
    select
        opportunities.*,
        row_number() over (
            partition by opportunities.opportunity_id
            order by opportunities.created_at desc nulls last, opportunities.raw_row asc
        ) as id_rank
    from opportunities
),

opportunities_checked as (
    select
        opportunities_ranked.opportunity_id,
        opportunities_ranked.account_id,
        coalesce(lead_ids.surviving_lead_id, opportunities_ranked.lead_id) as lead_id,
        opportunities_ranked.lead_id as reported_lead_id,
        opportunities_ranked.created_at,
        opportunities_ranked.stage,
        opportunities_ranked.is_won,
        opportunities_ranked.closed_at,
        opportunities_ranked.amount,
        case
            when opportunities_ranked.row_problem is not null then opportunities_ranked.row_problem
            when opportunities_ranked.id_rank > 1 then 'duplicate_of ' || opportunities_ranked.opportunity_id
            -- an opportunity may be account-level (no lead), but not name a lead that does not exist
            when opportunities_ranked.lead_id is not null and lead_ids.lead_id is null
                then 'unknown lead_id'
        end as reject_reason,
        opportunities_ranked.raw_row
    from opportunities_ranked
    left join lead_ids
        on opportunities_ranked.lead_id = lead_ids.lead_id
)

select * from opportunities_checked
