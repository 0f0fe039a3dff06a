{%- set checked = [
    ('crm.accounts', 'int_accounts_checked', 'account_id'),
    ('crm.leads', 'int_leads_checked', 'lead_id'),
    ('marketing.marketing_events', 'int_marketing_events_checked', 'event_id'),
    ('crm.sales_dispositions', 'int_sales_dispositions_checked', 'disposition_id'),
    ('crm.opportunities', 'int_opportunities_checked', 'opportunity_id'),
] -%}

with

{% for source_table, model, key in checked %}
{{ model }} as (
    select * from {{ ref(model) }}
),

{% endfor %}
rejects as (
    {% for source_table, model, key in checked %}
        select
            '{{ source_table }}' as source_table,
            {{ key }} as source_key,
            reject_reason,
            raw_row
        from {{ model }}
        where reject_reason is not null
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

rejects_numbered as (
    select
        source_table || ':' || cast(row_number() over (
            partition by source_table order by source_key asc, reject_reason asc, raw_row asc
        ) as {{ dbt.type_string() }}) as rejected_row_id,
        source_table,
        source_key,
        reject_reason,
        raw_row,
        {{ as_of_date() }} as as_of_date
    from rejects
)

select * from rejects_numbered
