with

leads_checked as (
    select * from {{ ref('int_leads_checked') }}
),

accounts_checked as (
    select * from {{ ref('int_accounts_checked') }}
),

-- versions updated after the scoring date are not known yet on that day (point in time)
versions_known as (
    select
        leads_checked.*,
        case when leads_checked.valid_to > {{ as_of_date() }} then null else leads_checked.valid_to end
            as valid_until
    from leads_checked
    where leads_checked.reject_reason is null
        and (leads_checked.valid_from is null or leads_checked.valid_from <= {{ as_of_date() }})
),

-- a lead created after the scoring date does not exist yet on that day; its creation date
-- is the one its version in effect on that day gives (none: it has always existed)
versions_with_creation as (
    select
        versions_known.*,
        max(case when versions_known.valid_until is null then versions_known.created_at end)
            over (partition by versions_known.lead_id) as lead_created_at
    from versions_known
),

leads as (
    select * from versions_with_creation
    where lead_created_at is null or cast(lead_created_at as date) <= {{ as_of_date() }}
),

accounts as (
    select * from accounts_checked
    where reject_reason is null
),

leads_with_accounts as (
    select
        leads.lead_id,
        leads.valid_from,
        leads.valid_until as valid_to,
        leads.account_id,
        leads.email,
        leads.email_domain,
        leads.first_name,
        leads.last_name,
        leads.job_title,
        leads.seniority,
        leads.job_function,
        coalesce(leads.lead_country, accounts.account_country) as country,
        leads.lead_source,
        accounts.account_name,
        accounts.account_domain,
        accounts.industry,
        accounts.employee_count,
        accounts.annual_revenue,
        {{ company_size_band('accounts.employee_count') }} as company_size_band,
        coalesce(accounts.is_customer, false) as is_customer,
        coalesce(accounts.is_competitor, false) as is_competitor,
        leads.lead_created_at as created_at
    from leads
    left join accounts
        on leads.account_id = accounts.account_id
)

select * from leads_with_accounts
