{%- set text = dbt.type_string() -%}
{%- set number = type_score() -%}

with

lead_scores_every_day as (
    select * from {{ ref('int_lead_scores_computed') }}
),

attribute_rule_matches_every_version as (
    select * from {{ ref('int_lead_attribute_rules_matched') }}
),

engagement_rule_totals_every_day as (
    select * from {{ ref('int_lead_engagement_rules_decayed') }}
),

fit_rules as (
    select * from {{ ref('fit_rules') }}
),

engagement_rules as (
    select * from {{ ref('engagement_rules') }}
),

scoring_models as (
    select * from {{ ref('scoring_models') }}
),

-- past days are scored for MQL history; this table explains the as-of date
lead_scores_computed as (
    select * from lead_scores_every_day
    where score_date = {{ as_of_date() }}
),

engagement_rule_totals as (
    select * from engagement_rule_totals_every_day
    where score_date = {{ as_of_date() }}
),

-- the version of the lead's attributes in effect on the as-of date
attribute_rule_matches as (
    select * from attribute_rule_matches_every_version
    where valid_to is null
),

fit_rows as (
    select
        attribute_rule_matches.lead_id,
        attribute_rule_matches.scoring_model,
        'fit' as component,
        attribute_rule_matches.rule_id,
        fit_rules.description as rule_description,
        fit_rules.attribute || ' ' || fit_rules.operator || ': '
        || coalesce(attribute_rule_matches.matched_value, '(missing)') as detail,
        cast(null as integer) as event_count,
        cast(null as {{ dbt.type_timestamp() }}) as last_event_at,
        attribute_rule_matches.points as raw_points,
        attribute_rule_matches.points as contributed_exact
    from attribute_rule_matches
    inner join fit_rules
        on attribute_rule_matches.scoring_model = fit_rules.scoring_model
            and attribute_rule_matches.rule_id = fit_rules.rule_id
    where attribute_rule_matches.rule_kind = 'fit'
),

engagement_rows as (
    select
        engagement_rule_totals.lead_id,
        engagement_rule_totals.scoring_model,
        'engagement' as component,
        engagement_rule_totals.rule_id,
        engagement_rules.description as rule_description,
        cast(engagement_rule_totals.event_count as {{ text }}) || ' x ' || engagement_rules.event_type
        || ', ' || engagement_rules.decay_mode || ' decay'
        || case when engagement_rules.rule_cap is not null
                then ', cap ' || cast(cast(engagement_rules.rule_cap as decimal(18, 2)) as {{ text }})
            else ''
        end as detail,
        engagement_rule_totals.event_count,
        engagement_rule_totals.last_occurred_at as last_event_at,
        engagement_rule_totals.raw_points,
        engagement_rule_totals.capped_points as contributed_exact
    from engagement_rule_totals
    inner join engagement_rules
        on engagement_rule_totals.scoring_model = engagement_rules.scoring_model
            and engagement_rule_totals.rule_id = engagement_rules.rule_id
),

adjustment_rows as (
    {% set adjustments = [
        ('penalty', 'inactivity_penalty', 'penalty_points',
            "'Inactivity penalty'",
            "cast(lead_scores_computed.days_since_activity as " ~ text ~ ") || ' days since the last activity'"),
        ('gate', 'fit_gate', 'gate_points',
            "'Fit gate: engagement of low-fit leads is ' || case scoring_models.gate_mode when 'exclude' then 'ignored' else 'capped' end",
            "'fit ' || cast(lead_scores_computed.fit_score as " ~ text ~ ") || ' below '"
            ~ " || cast(cast(scoring_models.gate_min_fit as decimal(18, 2)) as " ~ text ~ ")"),
        ('multiplier', 'fit_grade_multiplier', 'multiplier_points',
            "'Fit-grade multiplier'",
            "'fit grade ' || lead_scores_computed.fit_grade || ' x '"
            ~ " || cast(cast(lead_scores_computed.engagement_multiplier as decimal(18, 2)) as " ~ text ~ ")"),
        ('cap', 'total_engagement_cap', 'cap_points',
            "'Engagement kept between 0 and the total cap'",
            "'cap ' || cast(cast(scoring_models.total_engagement_cap as decimal(18, 2)) as " ~ text ~ ")"),
    ] %}
    {% for component, rule_id, column, description, detail in adjustments %}
        select
            lead_scores_computed.lead_id,
            lead_scores_computed.scoring_model,
            '{{ component }}' as component,
            '{{ rule_id }}' as rule_id,
            {{ description }} as rule_description,
            {{ detail }} as detail,
            cast(null as integer) as event_count,
            cast(null as {{ dbt.type_timestamp() }}) as last_event_at,
            lead_scores_computed.{{ column }} as raw_points,
            lead_scores_computed.{{ column }} as contributed_exact
        from lead_scores_computed
        inner join scoring_models
            on lead_scores_computed.scoring_model = scoring_models.scoring_model
        -- an adjustment is the difference of two doubles: below a billionth of a point it is
        -- the doubles' rounding noise, which would make rows come and go between builds
        where cast(lead_scores_computed.{{ column }} as decimal(38, 9)) != 0
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

explanation_rows as (
    select * from fit_rows
    union all
    select * from engagement_rows
    union all
    select * from adjustment_rows
),

-- Largest-remainder rounding: floor every row to cents, then hand the cents still missing
-- from the published score to the rows with the largest remainders, so that the rounded
-- rows add up to the rounded score exactly.
rows_in_cents as (
    select
        explanation_rows.*,
        case when explanation_rows.component = 'fit'
                then lead_scores_computed.fit_score
            else lead_scores_computed.engagement_score
        end as published_score,
        floor(round(cast(explanation_rows.contributed_exact * 100 as decimal(38, 9)), 6))
            as floor_cents,
        cast(explanation_rows.contributed_exact * 100 as decimal(38, 9))
        - floor(round(cast(explanation_rows.contributed_exact * 100 as decimal(38, 9)), 6))
            as remainder_cents
    from explanation_rows
    inner join lead_scores_computed
        on explanation_rows.lead_id = lead_scores_computed.lead_id
            and explanation_rows.scoring_model = lead_scores_computed.scoring_model
),

rows_ranked as (
    select
        rows_in_cents.*,
        cast(rows_in_cents.published_score * 100 as decimal(38, 0)) - sum(rows_in_cents.floor_cents) over (
            partition by
                rows_in_cents.lead_id, rows_in_cents.scoring_model,
                rows_in_cents.component = 'fit'
        ) as missing_cents,
        row_number() over (
            partition by
                rows_in_cents.lead_id, rows_in_cents.scoring_model,
                rows_in_cents.component = 'fit'
            order by rows_in_cents.remainder_cents desc, rows_in_cents.rule_id asc
        ) as remainder_rank
    from rows_in_cents
),

explanations as (
    select
        rows_ranked.lead_id,
        rows_ranked.scoring_model,
        {{ as_of_date() }} as as_of_date,
        rows_ranked.component,
        rows_ranked.rule_id,
        rows_ranked.rule_description,
        rows_ranked.detail,
        rows_ranked.event_count,
        rows_ranked.last_event_at,
        {{ round_score('rows_ranked.raw_points') }} as raw_points,
        cast(
            (
                rows_ranked.floor_cents
                + case when rows_ranked.remainder_rank <= rows_ranked.missing_cents then 1 else 0 end
            )
            / 100.0
            as decimal(18, 2)
        ) as contributed_points
    from rows_ranked
)

select * from explanations
