with

lead_versions as (
    select * from {{ ref('int_lead_versions_enriched') }}
),

-- the version in effect on the scoring date: the latest one known by then
leads_on_as_of as (
    select * from lead_versions
    where valid_to is null
)

select * from leads_on_as_of
