{%- set checked = [
    ('crm', 'accounts', 'int_accounts_checked'),
    ('crm', 'leads', 'int_leads_checked'),
    ('marketing', 'marketing_events', 'int_marketing_events_checked'),
    ('crm', 'sales_dispositions', 'int_sales_dispositions_checked'),
    ('crm', 'opportunities', 'int_opportunities_checked'),
] -%}

with

{% for source_name, table, model in checked %}
{{ source_name }}_{{ table }} as (
    select * from {{ source(source_name, table) }}
),

{{ model }} as (
    select * from {{ ref(model) }}
),

{% endfor %}
row_counts as (
    {% for source_name, table, model in checked %}
        select
            '{{ source_name }}.{{ table }}' as source_table,
            (select count(*) from {{ source_name }}_{{ table }}) as raw_rows,
            (select count(*) from {{ model }} where reject_reason is null) as accepted_rows,
            (select count(*) from {{ model }} where reject_reason is not null) as rejected_rows
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

reconciliation as (
    select
        source_table,
        {{ as_of_date() }} as as_of_date,
        cast(raw_rows as bigint) as raw_rows,
        cast(accepted_rows as bigint) as accepted_rows,
        cast(rejected_rows as bigint) as rejected_rows
    from row_counts
)

select * from reconciliation
