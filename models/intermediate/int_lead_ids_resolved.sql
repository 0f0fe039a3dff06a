with

leads as (
    select * from {{ ref('int_leads_checked') }}
),

-- the lead ids other sources may name: accepted leads, and leads merged into another
-- (same person, same email), which resolve to the surviving lead
lead_ids_resolved as (
    select distinct
        lead_id,
        surviving_lead_id
    from leads
    where lead_id is not null
        and (reject_reason is null or surviving_lead_id != lead_id)
)

select * from lead_ids_resolved
