{{ config(post_hook="{{ raise_on_definition_problems(this) }}") }}

{%- set attribute_operators = ['equals', 'in_list', 'between', 'contains', 'regex', 'is_missing'] -%}
{%- set text_operators = ['equals', 'in_list', 'contains', 'regex', 'is_missing'] -%}
{%- set number_operators = ['between', 'is_missing'] -%}
{%- set event_properties = ['url', 'asset_name', 'campaign'] -%}
{%- set property_operators = ['equals', 'contains', 'regex'] -%}
{%- set decay_modes = ['none', 'half_life', 'step', 'linear'] -%}
{%- set gate_modes = ['none', 'exclude', 'cap'] -%}
{%- set reserved_rule_ids = ['inactivity_penalty', 'fit_gate', 'fit_grade_multiplier', 'total_engagement_cap'] -%}
{%- set grades = {'fit': ['A', 'B', 'C', 'D'], 'engagement': ['1', '2', '3', '4']} -%}
{%- set text = dbt.type_string() -%}

with

scoring_models as (
    select * from {{ ref('scoring_models') }}
),

fit_rules as (
    select * from {{ ref('fit_rules') }}
),

disqualifiers as (
    select * from {{ ref('disqualifiers') }}
),

engagement_rules as (
    select * from {{ ref('engagement_rules') }}
),

decay_steps as (
    select * from {{ ref('decay_steps') }}
),

grade_bands as (
    select * from {{ ref('grade_bands') }}
),

fast_track_rules as (
    select * from {{ ref('fast_track_rules') }}
),

value_lists as (
    select * from {{ ref('value_lists') }}
),

event_types as (
    select * from {{ ref('event_types') }}
),

event_type_map as (
    select * from {{ ref('event_type_map') }}
),

known_attributes as (
    {% for attribute in scoring_attributes() %}
        select
            '{{ attribute.name }}' as attribute,
            '{{ attribute.type }}' as attribute_type
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

attribute_rules as (
    select
        'fit_rules' as definition_table,
        scoring_model,
        rule_id,
        attribute,
        operator,
        value,
        min_value,
        max_value,
        points,
        cast(null as {{ text }}) as reason
    from fit_rules
    union all
    select
        'disqualifiers' as definition_table,
        scoring_model,
        rule_id,
        attribute,
        operator,
        value,
        cast(null as {{ type_score() }}) as min_value,
        cast(null as {{ type_score() }}) as max_value,
        0 as points,
        reason
    from disqualifiers
),

attribute_rules_typed as (
    select
        attribute_rules.*,
        known_attributes.attribute_type,
        case when exists (
            select 1 from value_lists
            where value_lists.list_name = attribute_rules.value
        ) then 1 else 0 end as list_exists
    from attribute_rules
    left join known_attributes
        on attribute_rules.attribute = known_attributes.attribute
),

all_rule_ids as (
    select scoring_model, rule_id, 'fit_rules' as definition_table from fit_rules
    union all
    select scoring_model, rule_id, 'disqualifiers' as definition_table from disqualifiers
    union all
    select scoring_model, rule_id, 'engagement_rules' as definition_table from engagement_rules
    union all
    select scoring_model, rule_id, 'fast_track_rules' as definition_table from fast_track_rules
),

grade_bands_ordered as (
    select
        grade_bands.*,
        lag(max_score) over (
            partition by scoring_model, grade_type order by min_score nulls first, grade
        ) as previous_max_score,
        lag(grade) over (
            partition by scoring_model, grade_type order by min_score nulls first, grade
        ) as previous_grade,
        row_number() over (
            partition by scoring_model, grade_type order by min_score nulls first, grade
        ) as band_number,
        count(*) over (partition by scoring_model, grade_type) as band_count
    from grade_bands
),

decay_steps_ordered as (
    select
        decay_steps.*,
        lag(max_age_days) over (
            partition by scoring_model, rule_id order by min_age_days
        ) as previous_max_age_days,
        row_number() over (partition by scoring_model, rule_id order by min_age_days) as band_number,
        count(*) over (partition by scoring_model, rule_id) as band_count
    from decay_steps
),

problems as (

    -- definitions (scoring_models.csv): one row per named definition
    select scoring_model, '(definition)' as rule_id, 'scoring_models' as definition_table,
        'scoring_model is defined ' || cast(count(*) as {{ text }}) || ' times' as problem
    from scoring_models
    group by scoring_model
    having count(*) > 1

    union all
    select '(all)', '(definition)', 'scoring_models',
        'exactly one scoring model must have is_primary = true, found '
        || cast(count(*) as {{ text }})
    from scoring_models
    where is_primary
    having count(*) != 1

    union all
    select scoring_model, '(definition)', 'scoring_models', 'fit_threshold is missing'
    from scoring_models where fit_threshold is null

    union all
    select scoring_model, '(definition)', 'scoring_models', 'engagement_threshold is missing'
    from scoring_models where engagement_threshold is null

    union all
    select scoring_model, '(definition)', 'scoring_models',
        'total_engagement_cap must be a positive number'
    from scoring_models where total_engagement_cap is null or total_engagement_cap <= 0

    union all
    select scoring_model, '(definition)', 'scoring_models',
        'unknown gate_mode ''' || gate_mode || ''' (allowed: {{ gate_modes | join(", ") }})'
    from scoring_models
    where gate_mode not in ('{{ gate_modes | join("', '") }}')

    union all
    select scoring_model, '(definition)', 'scoring_models',
        'gate_mode ''' || gate_mode || ''' needs gate_min_fit'
    from scoring_models where gate_mode in ('exclude', 'cap') and gate_min_fit is null

    union all
    select scoring_model, '(definition)', 'scoring_models',
        'gate_mode ''cap'' needs a gate_engagement_cap of zero or more'
    from scoring_models
    where gate_mode = 'cap' and (gate_engagement_cap is null or gate_engagement_cap < 0)

    union all
    select scoring_model, '(definition)', 'scoring_models',
        'the inactivity penalty needs all of inactivity_after_days (>= 0), '
        || 'inactivity_period_days (> 0) and inactivity_points_per_period (>= 0), or none of them'
    from scoring_models
    where not (
        (inactivity_after_days is null and inactivity_period_days is null
            and inactivity_points_per_period is null)
        or (inactivity_after_days >= 0 and inactivity_period_days > 0
            and inactivity_points_per_period >= 0)
    )

    union all
    select scoring_model, '(definition)', 'scoring_models',
        'min_high_intent_actions needs a positive high_intent_window_days'
    from scoring_models
    where min_high_intent_actions is not null
        and (high_intent_window_days is null or high_intent_window_days <= 0)

    -- rule ids: unique within a definition across all rule tables, never a reserved id
    union all
    select scoring_model, rule_id, min(definition_table),
        'duplicate rule_id: used ' || cast(count(*) as {{ text }}) || ' times in this definition'
    from all_rule_ids
    group by scoring_model, rule_id
    having count(*) > 1

    union all
    select scoring_model, coalesce(rule_id, '(empty)'), definition_table, 'rule_id is missing'
    from all_rule_ids where rule_id is null or trim(rule_id) = ''

    union all
    select scoring_model, rule_id, definition_table,
        'rule_id is reserved for a score adjustment; choose another'
    from all_rule_ids
    where rule_id in ('{{ reserved_rule_ids | join("', '") }}')

    union all
    select coalesce(all_rule_ids.scoring_model, '(empty)'), all_rule_ids.rule_id,
        all_rule_ids.definition_table,
        'scoring model ''' || coalesce(all_rule_ids.scoring_model, '')
        || ''' does not exist in scoring_models'
    from all_rule_ids
    left join scoring_models
        on all_rule_ids.scoring_model = scoring_models.scoring_model
    where scoring_models.scoring_model is null

    -- fit rules and disqualifiers
    union all
    select scoring_model, rule_id, definition_table,
        'unknown attribute ''' || coalesce(attribute, '') || ''' (known: '
        || '{{ scoring_attributes() | map(attribute="name") | join(", ") }})'
    from attribute_rules_typed where attribute_type is null

    union all
    select scoring_model, rule_id, definition_table,
        'unknown operator ''' || coalesce(operator, '') || ''' (allowed: '
        || '{{ attribute_operators | join(", ") }})'
    from attribute_rules_typed
    where operator is null or operator not in ('{{ attribute_operators | join("', '") }}')

    union all
    select scoring_model, rule_id, definition_table,
        'operator ''' || operator || ''' does not apply to the text attribute ''' || attribute
        || ''' (use one of: {{ text_operators | join(", ") }})'
    from attribute_rules_typed
    where attribute_type = 'text' and operator not in ('{{ text_operators | join("', '") }}')
        and operator in ('{{ attribute_operators | join("', '") }}')

    union all
    select scoring_model, rule_id, definition_table,
        'operator ''' || operator || ''' does not apply to the numeric attribute ''' || attribute
        || ''' (use one of: {{ number_operators | join(", ") }})'
    from attribute_rules_typed
    where attribute_type = 'number' and operator not in ('{{ number_operators | join("', '") }}')
        and operator in ('{{ attribute_operators | join("', '") }}')

    union all
    select scoring_model, rule_id, definition_table,
        'operator ''' || operator || ''' needs a value'
    from attribute_rules_typed
    where operator in ('equals', 'in_list', 'contains', 'regex')
        and coalesce(value, '') = ''

    union all
    select scoring_model, rule_id, definition_table,
        'value list ''' || value || ''' does not exist in value_lists'
    from attribute_rules_typed
    where operator = 'in_list' and coalesce(value, '') != '' and list_exists = 0

    union all
    select scoring_model, rule_id, definition_table,
        'operator ''between'' needs min_value, max_value or both'
    from attribute_rules_typed
    where operator = 'between' and min_value is null and max_value is null

    union all
    select scoring_model, rule_id, definition_table,
        'min_value (' || cast(min_value as {{ text }}) || ') must be below max_value ('
        || cast(max_value as {{ text }}) || ')'
    from attribute_rules_typed
    where operator = 'between' and min_value >= max_value

    union all
    select scoring_model, rule_id, 'fit_rules', 'points is missing'
    from fit_rules where points is null

    union all
    select scoring_model, rule_id, 'disqualifiers', 'reason is missing'
    from disqualifiers where coalesce(trim(reason), '') = ''

    union all
    select scoring_model, rule_id, 'disqualifiers', 'priority is missing'
    from disqualifiers where priority is null

    -- engagement rules
    union all
    select engagement_rules.scoring_model, engagement_rules.rule_id, 'engagement_rules',
        'unknown event type ''' || coalesce(engagement_rules.event_type, '')
        || ''' (add it to event_types first)'
    from engagement_rules
    left join event_types
        on engagement_rules.event_type = event_types.event_type
    where event_types.event_type is null

    union all
    select scoring_model, rule_id, 'engagement_rules', 'points is missing'
    from engagement_rules where points is null

    union all
    select scoring_model, rule_id, 'engagement_rules',
        'rule_cap must be zero or more (it limits the size of the rule''s total)'
    from engagement_rules where rule_cap < 0

    union all
    select scoring_model, rule_id, 'engagement_rules',
        'unknown property ''' || property || ''' (allowed: {{ event_properties | join(", ") }})'
    from engagement_rules
    where property is not null and property not in ('{{ event_properties | join("', '") }}')

    union all
    select scoring_model, rule_id, 'engagement_rules',
        'property ''' || property || ''' needs property_operator ({{ property_operators | join(", ") }})'
        || ' and property_value'
    from engagement_rules
    where property is not null
        and (
            property_operator is null
            or property_operator not in ('{{ property_operators | join("', '") }}')
            or coalesce(property_value, '') = ''
        )

    union all
    select scoring_model, rule_id, 'engagement_rules',
        'property_operator or property_value given without a property'
    from engagement_rules
    where property is null and (property_operator is not null or property_value is not null)

    union all
    select scoring_model, rule_id, 'engagement_rules',
        'unknown decay_mode ''' || coalesce(decay_mode, '') || ''' (allowed: '
        || '{{ decay_modes | join(", ") }})'
    from engagement_rules
    where decay_mode is null or decay_mode not in ('{{ decay_modes | join("', '") }}')

    union all
    select scoring_model, rule_id, 'engagement_rules',
        'half_life_days must be a positive number of days, got '
        || coalesce(cast(half_life_days as {{ text }}), 'nothing')
    from engagement_rules
    where decay_mode = 'half_life' and (half_life_days is null or half_life_days <= 0)

    union all
    select scoring_model, rule_id, 'engagement_rules',
        'lifespan_days must be a positive number of days, got '
        || coalesce(cast(lifespan_days as {{ text }}), 'nothing')
    from engagement_rules
    where decay_mode = 'linear' and (lifespan_days is null or lifespan_days <= 0)

    union all
    select engagement_rules.scoring_model, engagement_rules.rule_id, 'engagement_rules',
        'decay_mode ''step'' needs bands in decay_steps'
    from engagement_rules
    where decay_mode = 'step' and not exists (
        select 1 from decay_steps
        where decay_steps.scoring_model = engagement_rules.scoring_model
            and decay_steps.rule_id = engagement_rules.rule_id
    )

    -- decay steps
    union all
    select decay_steps.scoring_model, decay_steps.rule_id, 'decay_steps',
        'decay_steps given for a rule that is not a step-decay engagement rule'
    from decay_steps
    left join engagement_rules
        on decay_steps.scoring_model = engagement_rules.scoring_model
            and decay_steps.rule_id = engagement_rules.rule_id
            and engagement_rules.decay_mode = 'step'
    where engagement_rules.rule_id is null

    union all
    select scoring_model, rule_id, 'decay_steps',
        'multiplier must be zero or more, got ' || coalesce(cast(multiplier as {{ text }}), 'nothing')
    from decay_steps where multiplier is null or multiplier < 0

    union all
    select scoring_model, rule_id, 'decay_steps',
        'the first band must start at age 0, not ' || cast(min_age_days as {{ text }})
    from decay_steps_ordered where band_number = 1 and min_age_days != 0

    union all
    select scoring_model, rule_id, 'decay_steps',
        'the last band must leave max_age_days empty so that every age has a multiplier'
    from decay_steps_ordered where band_number = band_count and max_age_days is not null

    union all
    select scoring_model, rule_id, 'decay_steps',
        'band starting at age ' || cast(min_age_days as {{ text }})
        || case
            when previous_max_age_days is null then ' follows an open-ended band (overlap)'
            when min_age_days > previous_max_age_days + 1 then ' leaves a gap after age '
                || cast(previous_max_age_days as {{ text }})
            else ' overlaps the band ending at age ' || cast(previous_max_age_days as {{ text }})
        end
    from decay_steps_ordered
    where band_number > 1
        and (previous_max_age_days is null or min_age_days != previous_max_age_days + 1)

    union all
    select scoring_model, rule_id, 'decay_steps',
        'band ' || cast(min_age_days as {{ text }}) || ' to ' || cast(max_age_days as {{ text }})
        || ' ends before it starts'
    from decay_steps where max_age_days < min_age_days

    -- grade bands
    union all
    select scoring_models.scoring_model, '(definition)', 'grade_bands',
        'no ' || grade_types.grade_type || ' grade bands defined'
    from scoring_models
    cross join (
        select 'fit' as grade_type
        union all
        select 'engagement' as grade_type
    ) as grade_types
    where not exists (
        select 1 from grade_bands
        where grade_bands.scoring_model = scoring_models.scoring_model
            and grade_bands.grade_type = grade_types.grade_type
    )

    union all
    select scoring_model, 'grade ' || coalesce(grade, '(empty)'), 'grade_bands',
        case
            when grade_type not in ('fit', 'engagement')
                then 'unknown grade_type ''' || coalesce(grade_type, '') || ''' (fit or engagement)'
            else 'unknown ' || grade_type || ' grade ''' || coalesce(grade, '')
                || ''' (fit: {{ grades.fit | join(", ") }}; engagement: {{ grades.engagement | join(", ") }})'
        end
    from grade_bands
    where not (
        (grade_type = 'fit' and grade in ('{{ grades.fit | join("', '") }}'))
        or (grade_type = 'engagement' and grade in ('{{ grades.engagement | join("', '") }}'))
    )

    union all
    select scoring_model, 'grade ' || grade, 'grade_bands',
        grade_type || ' grade ' || grade || ' is defined more than once'
    from grade_bands
    group by scoring_model, grade_type, grade
    having count(*) > 1

    union all
    select scoring_model, 'grade ' || grade, 'grade_bands',
        'the lowest ' || grade_type || ' band must leave min_score empty so that every score gets a grade'
    from grade_bands_ordered where band_number = 1 and min_score is not null

    union all
    select scoring_model, 'grade ' || grade, 'grade_bands',
        'the highest ' || grade_type || ' band must leave max_score empty so that every score gets a grade'
    from grade_bands_ordered where band_number = band_count and max_score is not null

    union all
    select scoring_model, 'grade ' || grade, 'grade_bands',
        grade_type || ' grade ' || grade
        || case
            when min_score is null or previous_max_score is null
                then ' overlaps grade ' || previous_grade || ' (two open-ended bands)'
            when min_score > previous_max_score then ' starts at ' || cast(min_score as {{ text }})
                || ', leaving a gap after grade ' || previous_grade || ' ends at '
                || cast(previous_max_score as {{ text }})
            else ' starts at ' || cast(min_score as {{ text }}) || ', overlapping grade '
                || previous_grade || ' which ends at ' || cast(previous_max_score as {{ text }})
        end
    from grade_bands_ordered
    where band_number > 1
        and (min_score is null or previous_max_score is null or min_score != previous_max_score)

    union all
    select scoring_model, 'grade ' || grade, 'grade_bands',
        'min_score must be below max_score'
    from grade_bands where min_score >= max_score

    union all
    select scoring_model, 'grade ' || grade, 'grade_bands',
        'engagement_multiplier must be zero or more'
    from grade_bands where engagement_multiplier < 0

    -- fast-track rules
    union all
    select fast_track_rules.scoring_model, fast_track_rules.rule_id, 'fast_track_rules',
        'unknown event type ''' || coalesce(fast_track_rules.event_type, '')
        || ''' (add it to event_types first)'
    from fast_track_rules
    left join event_types
        on fast_track_rules.event_type = event_types.event_type
    where event_types.event_type is null

    union all
    select scoring_model, rule_id, 'fast_track_rules',
        'within_days must be zero or more, got ' || coalesce(cast(within_days as {{ text }}), 'nothing')
    from fast_track_rules where within_days is null or within_days < 0

    union all
    select scoring_model, rule_id, 'fast_track_rules', 'priority is missing'
    from fast_track_rules where priority is null

    -- the event map
    union all
    select '(all)', event_type_map.source_event_type, 'event_type_map',
        'maps to unknown event type ''' || coalesce(event_type_map.event_type, '')
        || ''' (add it to event_types first)'
    from event_type_map
    left join event_types
        on event_type_map.event_type = event_types.event_type
    where event_types.event_type is null

)

select * from problems
