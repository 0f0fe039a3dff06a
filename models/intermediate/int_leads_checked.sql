with

leads as (
    select * from {{ ref('stg_crm__leads') }}
),

country_codes as (
    select * from {{ ref('int_country_codes') }}
),

-- several rows with one lead_id are versions of the lead, each in effect from the day of
-- its updated_at (the oldest one from the start) until the next; id_rank 1 is the latest.
-- Versions are by day: of two rows updated on the same day, the later one is the version
leads_ranked as (
    select
        leads.*,
        row_number() over (
            partition by leads.lead_id
            order by leads.updated_at desc nulls last, leads.created_at desc nulls last, leads.raw_row asc
        ) as id_rank,
        row_number() over (
            partition by leads.lead_id, cast(leads.updated_at as date)
            order by leads.updated_at desc nulls last, leads.created_at desc nulls last, leads.raw_row asc
        ) as copy_rank
    from leads
),

versions_dated as (
    select
        lead_id,
        id_rank,
        lag(cast(updated_at as date)) over (partition by lead_id order by id_rank) as valid_to,
        case
            when row_number() over (partition by lead_id order by id_rank desc) = 1 then null
            else cast(updated_at as date)
        end as valid_from
    from leads_ranked
    where row_problem is null and copy_rank = 1 and lead_id is not null
),

-- one person under several lead ids (same email): the first created lead survives, so
-- that its history keeps its id; the others' events are credited to it
people as (
    select
        email,
        lead_id as surviving_lead_id,
        row_number() over (
            partition by email order by created_at asc nulls last, lead_id asc
        ) as person_rank
    from leads_ranked
    where id_rank = 1 and row_problem is null and email is not null
),

-- the person is decided by the latest version; all its versions follow it
latest_versions as (
    select
        lead_id,
        email
    from leads_ranked
    where id_rank = 1 and row_problem is null
),

leads_checked as (
    select
        leads_ranked.lead_id,
        leads_ranked.account_id,
        leads_ranked.email,
        leads_ranked.email_domain,
        leads_ranked.email_reported,
        leads_ranked.first_name,
        leads_ranked.last_name,
        leads_ranked.job_title,
        leads_ranked.seniority,
        leads_ranked.job_function,
        leads_ranked.country_reported,
        country_codes.country_code as lead_country,
        leads_ranked.lead_source,
        leads_ranked.created_at,
        leads_ranked.updated_at,
        versions_dated.valid_from,
        versions_dated.valid_to,
        leads_ranked.id_rank = 1 as is_latest_version,
        coalesce(people.surviving_lead_id, leads_ranked.lead_id) as surviving_lead_id,
        case
            when leads_ranked.row_problem is not null then leads_ranked.row_problem
            when leads_ranked.copy_rank > 1 then 'duplicate_of ' || leads_ranked.lead_id
            when people.surviving_lead_id != leads_ranked.lead_id
                then 'duplicate_of ' || people.surviving_lead_id
        end as reject_reason,
        leads_ranked.raw_row
    from leads_ranked
    left join latest_versions
        on leads_ranked.lead_id = latest_versions.lead_id
    left join people
        on latest_versions.email = people.email
            and people.person_rank = 1
    left join versions_dated
        on leads_ranked.lead_id = versions_dated.lead_id
            and leads_ranked.id_rank = versions_dated.id_rank
    left join country_codes
        on leads_ranked.country_reported = country_codes.alias
)

select * from leads_checked
