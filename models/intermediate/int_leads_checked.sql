with

leads as (
    select * from {{ ref('stg_crm__leads') }}
),

country_codes as (
    select * from {{ ref('int_country_codes') }}
),

leads_ranked as (
    select
        leads.*,
        -- two rows with one lead_id: the latest update wins
        row_number() over (
            partition by leads.lead_id
            order by leads.updated_at desc nulls last, leads.created_at desc nulls last, leads.raw_row asc
        ) as id_rank
    from leads
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
        coalesce(people.surviving_lead_id, leads_ranked.lead_id) as surviving_lead_id,
        case
            when leads_ranked.row_problem is not null then leads_ranked.row_problem
            when leads_ranked.id_rank > 1 then 'duplicate_of ' || leads_ranked.lead_id
            when people.surviving_lead_id != leads_ranked.lead_id
                then 'duplicate_of ' || people.surviving_lead_id
        end as reject_reason,
        leads_ranked.raw_row
    from leads_ranked
    left join people
        on leads_ranked.email = people.email
            and leads_ranked.id_rank = 1
            and leads_ranked.row_problem is null
            and people.person_rank = 1
    left join country_codes
        on leads_ranked.country_reported = country_codes.alias
)

select * from leads_checked
