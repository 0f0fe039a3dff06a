with

source as (
    select * from {{ source('crm', 'leads') }}
),

renamed as (
    select
        cast(lead_id as {{ dbt.type_string() }}) as lead_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        lower(trim(cast(email as {{ dbt.type_string() }}))) as email,
        lower(trim({{ dbt.split_part('email', "'@'", 2) }})) as email_domain,
        trim(cast(first_name as {{ dbt.type_string() }})) as first_name,
        trim(cast(last_name as {{ dbt.type_string() }})) as last_name,
        trim(cast(job_title as {{ dbt.type_string() }})) as job_title,
        {{ title_seniority('job_title') }} as seniority,
        {{ title_function('job_title') }} as job_function,
        upper(trim(cast(country as {{ dbt.type_string() }}))) as lead_country,
        lower(trim(cast(lead_source as {{ dbt.type_string() }}))) as lead_source,
        cast(created_at as {{ dbt.type_timestamp() }}) as created_at,
        cast(updated_at as {{ dbt.type_timestamp() }}) as updated_at
    from source
)

select * from renamed
