with

accounts as (
    select * from {{ ref('stg_crm__accounts') }}
),

country_codes as (
    select * from {{ ref('int_country_codes') }}
),

accounts_ranked as (
    select
        accounts.*,
        -- the most recently created row of an id wins; the rest are kept as rejects
        row_number() over (
            partition by accounts.account_id
            order by accounts.created_at desc nulls last, accounts.raw_row asc
        ) as id_rank
    from accounts
),

accounts_checked as (
    select
        accounts_ranked.account_id,
        accounts_ranked.account_name,
        accounts_ranked.account_domain,
        accounts_ranked.industry,
        accounts_ranked.employee_count_reported,
        accounts_ranked.employee_count,
        accounts_ranked.annual_revenue,
        accounts_ranked.country_reported,
        country_codes.country_code as account_country,
        accounts_ranked.is_customer,
        accounts_ranked.is_competitor,
        accounts_ranked.created_at,
        case
            when accounts_ranked.row_problem is not null then accounts_ranked.row_problem
            when accounts_ranked.id_rank > 1 then 'duplicate_of ' || accounts_ranked.account_id
        end as reject_reason,
        accounts_ranked.raw_row
    from accounts_ranked
    left join country_codes
        on accounts_ranked.country_reported = country_codes.alias
)

select * from accounts_checked
