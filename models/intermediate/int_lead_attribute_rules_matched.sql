{%- set text = dbt.type_string() -%}
{%- set number = type_score() -%}

-- depends_on: {{ ref('int_scoring_definition_problems') }}

with

lead_versions as (
    select * from {{ ref('int_lead_versions_enriched') }}
),

fit_rules as (
    select * from {{ ref('fit_rules') }}
),

disqualifiers as (
    select * from {{ ref('disqualifiers') }}
),

value_lists as (
    select * from {{ ref('value_lists') }}
),

-- one row per lead version per attribute, so that rules join on the attribute name instead of
-- being pasted into SQL
lead_attributes as (
    {% for attribute in scoring_attributes() %}
        select
            lead_id,
            valid_from,
            valid_to,
            '{{ attribute.name }}' as attribute,
            {% if attribute.type == 'number' -%}
                cast({{ attribute.name }} as {{ text }}) as text_value,
                cast({{ attribute.name }} as {{ number }}) as number_value
            {%- else -%}
                cast({{ attribute.name }} as {{ text }}) as text_value,
                cast(null as {{ number }}) as number_value
            {%- endif %}
        from lead_versions
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

attribute_rules as (
    select
        scoring_model,
        rule_id,
        'fit' as rule_kind,
        attribute,
        operator,
        value,
        min_value,
        max_value,
        points,
        cast(null as integer) as priority,
        cast(null as {{ text }}) as disqualification_reason
    from fit_rules
    union all
    select
        scoring_model,
        rule_id,
        'disqualifier' as rule_kind,
        attribute,
        operator,
        value,
        cast(null as {{ number }}) as min_value,
        cast(null as {{ number }}) as max_value,
        cast(0 as {{ number }}) as points,
        priority,
        reason as disqualification_reason
    from disqualifiers
),

value_list_members as (
    select distinct
        list_name,
        lower(trim(value)) as member
    from value_lists
),

-- each distinct value is tested once per rule, then the matches go back to the leads: the
-- rules' patterns come from a column, so testing them on every lead would recompile them
attribute_values as (
    select distinct
        attribute,
        text_value,
        number_value,
        coalesce(text_value, '') as value_key,
        text_value is null as value_is_null
    from lead_attributes
),

scalar_value_matches as (
    select
        attribute_rules.scoring_model,
        attribute_rules.rule_id,
        attribute_rules.rule_kind,
        attribute_values.attribute,
        attribute_values.value_key,
        attribute_values.value_is_null,
        attribute_rules.points,
        attribute_rules.priority,
        attribute_rules.disqualification_reason
    from attribute_rules
    inner join attribute_values
        on attribute_rules.attribute = attribute_values.attribute
    where attribute_rules.operator != 'in_list'
        and case
            when attribute_rules.operator = 'between'
                then attribute_values.number_value is not null
                    and (
                        attribute_rules.min_value is null
                        or attribute_values.number_value >= attribute_rules.min_value
                    )
                    and (
                        attribute_rules.max_value is null
                        or attribute_values.number_value < attribute_rules.max_value
                    )
            else {{ rule_text_matches(
                'attribute_values.text_value', 'attribute_rules.operator', 'attribute_rules.value'
            ) }}
        end
),

scalar_rule_matches as (
    select
        scalar_value_matches.scoring_model,
        scalar_value_matches.rule_id,
        scalar_value_matches.rule_kind,
        lead_attributes.lead_id,
        lead_attributes.valid_from,
        lead_attributes.valid_to,
        lead_attributes.text_value as matched_value,
        scalar_value_matches.points,
        scalar_value_matches.priority,
        scalar_value_matches.disqualification_reason
    from scalar_value_matches
    inner join lead_attributes
        on scalar_value_matches.attribute = lead_attributes.attribute
            and scalar_value_matches.value_key = coalesce(lead_attributes.text_value, '')
            and scalar_value_matches.value_is_null = (lead_attributes.text_value is null)
),

list_rule_matches as (
    select
        attribute_rules.scoring_model,
        attribute_rules.rule_id,
        attribute_rules.rule_kind,
        lead_attributes.lead_id,
        lead_attributes.valid_from,
        lead_attributes.valid_to,
        lead_attributes.text_value as matched_value,
        attribute_rules.points,
        attribute_rules.priority,
        attribute_rules.disqualification_reason
    from attribute_rules
    inner join value_list_members
        on attribute_rules.value = value_list_members.list_name
    inner join lead_attributes
        on attribute_rules.attribute = lead_attributes.attribute
            and lower(trim(lead_attributes.text_value)) = value_list_members.member
    where attribute_rules.operator = 'in_list'
),

rule_matches as (
    select * from scalar_rule_matches
    union all
    select * from list_rule_matches
)

select * from rule_matches
