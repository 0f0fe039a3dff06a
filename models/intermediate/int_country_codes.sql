{{ config(materialized='view') }}

with

country_aliases as (
    select * from {{ ref('country_aliases') }}
),

-- raw values are matched uppercased and trimmed, like staging writes them
aliases_normalised as (
    select distinct
        upper(trim(alias)) as alias,
        country_code
    from country_aliases
)

select * from aliases_normalised
