with

leads as (
    select * from {{ ref('stg_crm__leads') }}
),

accounts as (
    select * from {{ ref('stg_crm__accounts') }}
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
