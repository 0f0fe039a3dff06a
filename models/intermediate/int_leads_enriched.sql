with

leads_checked as (
    select * from {{ ref('int_leads_checked') }}
),

accounts_checked as (
    select * from {{ ref('int_accounts_checked') }}
),

-- a lead created after the scoring date does not exist yet on that day (point in time);
-- a lead without a creation date is taken to have always existed
leads as (
    select * from leads_checked
    where reject_reason is null
        and (created_at is null or cast(created_at as date) <= {{ as_of_date() }})
),

accounts as (
    select * from accounts_checked
    where reject_reason is null
),

leads_with_accounts as (
    select
        leads.lead_id,
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
        leads.created_at
    from leads
    left join accounts
        on leads.account_id = accounts.account_id
)

select * from leads_with_accounts
