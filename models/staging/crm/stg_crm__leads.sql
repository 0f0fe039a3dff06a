{%- set text = dbt.type_string() -%}
{%- set source_types = source_column_types(source('crm', 'leads')) -%}

with

source as (
    select * from {{ source('crm', 'leads') }}
),

parsed as (
    select
        nullif(trim(cast(lead_id as {{ text }})), '') as lead_id,
        nullif(trim(cast(account_id as {{ text }})), '') as account_id,
        lower(trim(cast(email as {{ text }}))) as email_reported,
        trim(cast(first_name as {{ text }})) as first_name,
        trim(cast(last_name as {{ text }})) as last_name,
        nullif(trim(cast(job_title as {{ text }})), '') as job_title,
        upper(trim(cast(country as {{ text }}))) as country_reported,
        lower(trim(cast(lead_source as {{ text }}))) as lead_source,
        {{ to_utc_timestamp('created_at', source_types.get('created_at')) }} as created_at,
        {{ to_utc_timestamp('updated_at', source_types.get('updated_at')) }} as updated_at,
        {{ row_as_text(['lead_id', 'account_id', 'email', 'first_name', 'last_name', 'job_title',
            'country', 'lead_source', 'created_at', 'updated_at']) }} as raw_row
    from source
),

-- the title's words once per row: the seniority and function rules test many of them
titled as (
    select
        parsed.*,
        {{ padded_words('job_title') }} as job_title_words
    from parsed
),

categorised as (
    select
        lead_id,
        account_id,
        -- a malformed address is kept out of email-based rules rather than guessed at
        case
            when {{ regex_matches('email_reported', "'^[^@ ]+@[^@ ]+[.][^@ ]+$'") }} then email_reported
        end as email,
        case
            when {{ regex_matches('email_reported', "'^[^@ ]+@[^@ ]+[.][^@ ]+$'") }}
                then {{ dbt.split_part('email_reported', "'@'", 2) }}
        end as email_domain,
        email_reported,
        first_name,
        last_name,
        job_title,
        {{ title_seniority('job_title', 'job_title_words') }} as seniority,
        {{ title_function('job_title', 'job_title_words') }} as job_function,
        country_reported,
        lead_source,
        created_at,
        updated_at,
        case
            when lead_id is null then 'missing lead_id'
        end as row_problem,
        raw_row
    from titled
)

select * from categorised
