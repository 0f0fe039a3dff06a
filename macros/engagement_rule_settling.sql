{% macro engagement_rule_settling(engagement_rules, decay_steps) %}
    {#- One row per engagement rule: how many days after an event day its last change in
        decay comes (settle_days: 0 for none and half-life, the first whole age at or past
        the lifespan for linear, the start of the open band or the day after the last band
        for step), and what an event day still adds after that, per point: open_multiplier
        (none: 1; step: its open band's multiplier, 0 without one; linear and half-life: 0)
        and open_pieces (the pieces of decay still active: none 1, step 1 with an open band).
        An event day is settled once settle_days have passed: from then on it only counts
        through these sums (int_lead_rule_events_settled). -#}
    select
        {{ engagement_rules }}.scoring_model,
        {{ engagement_rules }}.rule_id,
        case
            when {{ engagement_rules }}.decay_mode = 'linear'
                then cast(ceil(cast({{ engagement_rules }}.lifespan_days as {{ type_score() }})) as bigint)
            when {{ engagement_rules }}.decay_mode = 'step'
                then coalesce(rule_steps.settle_days, 0)
            else cast(0 as bigint)
        end as settle_days,
        case
            when {{ engagement_rules }}.decay_mode = 'none' then cast(1 as {{ type_score() }})
            when {{ engagement_rules }}.decay_mode = 'step'
                then coalesce(rule_steps.open_multiplier, cast(0 as {{ type_score() }}))
            else cast(0 as {{ type_score() }})
        end as open_multiplier,
        case
            when {{ engagement_rules }}.decay_mode = 'none' then 1
            when {{ engagement_rules }}.decay_mode = 'step' then coalesce(rule_steps.open_pieces, 0)
            else 0
        end as open_pieces
    from {{ engagement_rules }}
    left join (
        select
            scoring_model,
            rule_id,
            max(cast(coalesce({{ decay_steps }}.max_age_days + 1, {{ decay_steps }}.min_age_days) as bigint))
                as settle_days,
            cast(sum(case when {{ decay_steps }}.max_age_days is null then {{ decay_steps }}.multiplier end)
                as {{ type_score() }}) as open_multiplier,
            cast(sum(case when {{ decay_steps }}.max_age_days is null then 1 else 0 end) as integer)
                as open_pieces
        from {{ decay_steps }}
        group by scoring_model, rule_id
    ) as rule_steps
        on {{ engagement_rules }}.scoring_model = rule_steps.scoring_model
            and {{ engagement_rules }}.rule_id = rule_steps.rule_id
{%- endmacro %}
