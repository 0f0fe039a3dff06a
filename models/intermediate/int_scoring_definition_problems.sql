{{ config(post_hook="{{ raise_on_definition_problems(this) }}") }}

{%- set attribute_operators = ['equals', 'in_list', 'between', 'contains', 'regex', 'is_missing'] -%}
{%- set text_operators = ['equals', 'in_list', 'contains', 'regex', 'is_missing'] -%}
{%- set number_operators = ['between', 'is_missing'] -%}
{%- set event_properties = ['url', 'asset_name', 'campaign'] -%}
{%- set property_operators = ['equals', 'contains', 'regex'] -%}
{%- set decay_modes = ['none', 'half_life', 'step', 'linear'] -%}
{%- set gate_modes = ['none', 'exclude', 'cap'] -%}
{%- set reentry_modes = ['new_activity', 'never'] -%}
{%- set reserved_rule_ids = ['inactivity_penalty', 'fit_gate', 'fit_grade_multiplier', 'total_engagement_cap'] -%}
{%- set fit_grades = grade_labels('fit') -%}
{%- set engagement_grades = grade_labels('engagement') -%}
{%- set text = dbt.type_string() -%}


{#- Each check: the CTE it reads (source), the seed it names (table, or table_column when
    the CTE carries it), the rows that are wrong (where), and SQL for the message (problem).
    scoring_model and rule_id default to the columns of that name. -#}
{%- set checks = [
    {'source': 'scoring_model_counts', 'table': 'scoring_models', 'rule': "'(definition)'",
        'where': 'definitions > 1',
        'problem': "'scoring_model is defined ' || cast(definitions as " ~ text ~ ") || ' times'"},
    {'source': 'primary_model_count', 'table': 'scoring_models', 'model': "'(all)'", 'rule': "'(definition)'",
        'where': 'primary_models != 1',
        'problem': "'exactly one scoring model must have is_primary = true, found ' || cast(primary_models as " ~ text ~ ")"},
    {'source': 'scoring_models', 'table': 'scoring_models', 'rule': "'(definition)'",
        'where': 'fit_threshold is null', 'problem': "'fit_threshold is missing'"},
    {'source': 'scoring_models', 'table': 'scoring_models', 'rule': "'(definition)'",
        'where': 'engagement_threshold is null', 'problem': "'engagement_threshold is missing'"},
    {'source': 'scoring_models', 'table': 'scoring_models', 'rule': "'(definition)'",
        'where': 'total_engagement_cap is null or total_engagement_cap <= 0',
        'problem': "'total_engagement_cap must be a positive number, got ' || " ~ "coalesce(" ~ float_to_text('total_engagement_cap') ~ ", 'nothing')"},
    {'source': 'scoring_models', 'table': 'scoring_models', 'rule': "'(definition)'",
        'where': 'gate_mode is null or gate_mode not in ' ~ "('" ~ gate_modes | join("', '") ~ "')",
        'problem': "'unknown gate_mode ''' || coalesce(gate_mode, '') || ''' (allowed: " ~ gate_modes | join(', ') ~ ")'"},
    {'source': 'scoring_models', 'table': 'scoring_models', 'rule': "'(definition)'",
        'where': "gate_mode in ('exclude', 'cap') and gate_min_fit is null",
        'problem': "'gate_mode ''' || gate_mode || ''' needs gate_min_fit'"},
    {'source': 'scoring_models', 'table': 'scoring_models', 'rule': "'(definition)'",
        'where': "gate_mode = 'cap' and (gate_engagement_cap is null or gate_engagement_cap < 0)",
        'problem': "'gate_mode ''cap'' needs a gate_engagement_cap of zero or more'"},
    {'source': 'scoring_models', 'table': 'scoring_models', 'rule': "'(definition)'",
        'where': 'not ((inactivity_after_days is null and inactivity_period_days is null'
            ~ ' and inactivity_points_per_period is null) or (inactivity_after_days >= 0'
            ~ ' and inactivity_period_days > 0 and inactivity_points_per_period >= 0))',
        'problem': "'the inactivity penalty needs all of inactivity_after_days (>= 0), inactivity_period_days (> 0)"
            ~ " and inactivity_points_per_period (>= 0), or none of them'"},
    {'source': 'scoring_models', 'table': 'scoring_models', 'rule': "'(definition)'",
        'where': 'engagement_threshold <= 0',
        'problem': "'engagement_threshold must be above 0, got ' || " ~ float_to_text('engagement_threshold')},
    {'source': 'scoring_models', 'table': 'scoring_models', 'rule': "'(definition)'",
        'where': 'exit_engagement_threshold > engagement_threshold or exit_engagement_threshold <= 0',
        'problem': "'exit_engagement_threshold must be above 0 and at most engagement_threshold ('"
            ~ " || " ~ float_to_text('engagement_threshold') ~ " || '), got ' || " ~ float_to_text('exit_engagement_threshold')},
    {'source': 'scoring_models', 'table': 'scoring_models', 'rule': "'(definition)'",
        'where': 'min_days_as_mql < 0',
        'problem': "'min_days_as_mql must be 0 or more, got ' || cast(min_days_as_mql as " ~ text ~ ")"},
    {'source': 'scoring_models', 'table': 'scoring_models', 'rule': "'(definition)'",
        'where': 'reentry_after_rejected is null or reentry_after_rejected not in ' ~ "('" ~ reentry_modes | join("', '") ~ "')",
        'problem': "'unknown reentry_after_rejected ''' || coalesce(reentry_after_rejected, '') || ''' (allowed: " ~ reentry_modes | join(', ') ~ ")'"},
    {'source': 'scoring_models', 'table': 'scoring_models', 'rule': "'(definition)'",
        'where': 'reentry_after_recycled is null or reentry_after_recycled not in ' ~ "('" ~ reentry_modes | join("', '") ~ "')",
        'problem': "'unknown reentry_after_recycled ''' || coalesce(reentry_after_recycled, '') || ''' (allowed: " ~ reentry_modes | join(', ') ~ ")'"},
    {'source': 'scoring_models', 'table': 'scoring_models', 'rule': "'(definition)'",
        'where': 'min_high_intent_actions is not null and (high_intent_window_days is null or high_intent_window_days <= 0)',
        'problem': "'min_high_intent_actions needs a positive high_intent_window_days'"},
    {'source': 'scoring_models_checked', 'table': 'scoring_models', 'rule': "'(definition)'",
        'where': 'min_high_intent_actions > high_intent_rules',
        'problem': "'min_high_intent_actions is ' || cast(min_high_intent_actions as " ~ text ~ ") || ' but only '"
            ~ " || cast(high_intent_rules as " ~ text ~ ") || ' engagement rule(s) have is_high_intent = true, so no lead can qualify by thresholds'"},

    {'source': 'rule_id_counts', 'table_column': 'tables',
        'where': 'uses > 1',
        'problem': "'duplicate rule_id: used ' || cast(uses as " ~ text ~ ") || ' times in this definition'"},
    {'source': 'all_rule_ids_checked', 'table_column': 'definition_table', 'rule': "coalesce(rule_id, '(empty)')",
        'where': "coalesce(trim(rule_id), '') = ''",
        'problem': "'rule_id is missing'"},
    {'source': 'all_rule_ids_checked', 'table_column': 'definition_table',
        'where': 'rule_id in ' ~ "('" ~ reserved_rule_ids | join("', '") ~ "')",
        'problem': "'rule_id is reserved for a score adjustment; choose another'"},
    {'source': 'all_rule_ids_checked', 'table_column': 'definition_table', 'model': "coalesce(scoring_model, '(empty)')",
        'where': 'not model_exists',
        'problem': "'scoring model ''' || coalesce(scoring_model, '') || ''' does not exist in scoring_models'"},

    {'source': 'attribute_rules_typed', 'table_column': 'definition_table',
        'where': 'attribute_type is null',
        'problem': "'unknown attribute ''' || coalesce(attribute, '') || ''' (known: "
            ~ scoring_attributes() | map(attribute='name') | join(', ') ~ ")'"},
    {'source': 'attribute_rules_typed', 'table_column': 'definition_table',
        'where': 'operator is null or operator not in ' ~ "('" ~ attribute_operators | join("', '") ~ "')",
        'problem': "'unknown operator ''' || coalesce(operator, '') || ''' (allowed: "
            ~ attribute_operators | join(', ') ~ ")'"},
    {'source': 'attribute_rules_typed', 'table_column': 'definition_table',
        'where': "attribute_type = 'text' and operator in " ~ "('" ~ attribute_operators | join("', '") ~ "')"
            ~ ' and operator not in ' ~ "('" ~ text_operators | join("', '") ~ "')",
        'problem': "'operator ''' || operator || ''' does not apply to the text attribute ''' || attribute"
            ~ " || ''' (use one of: " ~ text_operators | join(', ') ~ ")'"},
    {'source': 'attribute_rules_typed', 'table_column': 'definition_table',
        'where': "attribute_type = 'number' and operator in " ~ "('" ~ attribute_operators | join("', '") ~ "')"
            ~ ' and operator not in ' ~ "('" ~ number_operators | join("', '") ~ "')",
        'problem': "'operator ''' || operator || ''' does not apply to the numeric attribute ''' || attribute"
            ~ " || ''' (use one of: " ~ number_operators | join(', ') ~ ")'"},
    {'source': 'attribute_rules_typed', 'table_column': 'definition_table',
        'where': "attribute in ('is_customer', 'is_competitor') and operator = 'equals'"
            ~ " and lower(coalesce(value, '')) not in ('true', 'false')",
        'problem': "'attribute ''' || attribute || ''' is true or false, so value ''' || coalesce(value, '')"
            ~ " || ''' never matches (use true or false)'"},
    {'source': 'attribute_rules_typed', 'table_column': 'definition_table',
        'where': "operator in ('equals', 'in_list', 'contains', 'regex') and coalesce(value, '') = ''",
        'problem': "'operator ''' || operator || ''' needs a value'"},
    {'source': 'attribute_rules_typed', 'table_column': 'definition_table',
        'where': "operator = 'in_list' and coalesce(value, '') != '' and not list_exists",
        'problem': "'value list ''' || value || ''' does not exist in value_lists'"},
    {'source': 'attribute_rules_typed', 'table_column': 'definition_table',
        'where': "operator = 'between' and min_value is null and max_value is null",
        'problem': "'operator ''between'' needs min_value, max_value or both'"},
    {'source': 'attribute_rules_typed', 'table_column': 'definition_table',
        'where': "operator = 'between' and min_value >= max_value",
        'problem': "'min_value (' || " ~ "coalesce(" ~ float_to_text('min_value') ~ ", 'nothing')" ~ " || ') must be below max_value (' || "
            ~ "coalesce(" ~ float_to_text('max_value') ~ ", 'nothing')" ~ " || ')'"},
    {'source': 'fit_rules', 'table': 'fit_rules',
        'where': 'points is null', 'problem': "'points is missing'"},
    {'source': 'disqualifiers', 'table': 'disqualifiers',
        'where': "coalesce(trim(reason), '') = ''", 'problem': "'reason is missing'"},
    {'source': 'disqualifiers', 'table': 'disqualifiers',
        'where': 'priority is null', 'problem': "'priority is missing'"},

    {'source': 'engagement_rules_checked', 'table': 'engagement_rules',
        'where': 'not event_type_known',
        'problem': "'unknown event type ''' || coalesce(event_type, '') || ''' (add it to event_types first)'"},
    {'source': 'engagement_rules_checked', 'table': 'engagement_rules',
        'where': 'points is null', 'problem': "'points is missing'"},
    {'source': 'engagement_rules_checked', 'table': 'engagement_rules',
        'where': 'rule_cap < 0',
        'problem': "'rule_cap must be zero or more (it limits the size of the rule''s total), got ' || " ~ "coalesce(" ~ float_to_text('rule_cap') ~ ", 'nothing')"},
    {'source': 'engagement_rules_checked', 'table': 'engagement_rules',
        'where': 'property is not null and property not in ' ~ "('" ~ event_properties | join("', '") ~ "')",
        'problem': "'unknown property ''' || property || ''' (allowed: " ~ event_properties | join(', ') ~ ")'"},
    {'source': 'engagement_rules_checked', 'table': 'engagement_rules',
        'where': 'property is not null and (property_operator is null or property_operator not in '
            ~ "('" ~ property_operators | join("', '") ~ "')" ~ " or coalesce(property_value, '') = '')",
        'problem': "'property ''' || property || ''' needs a property_operator (" ~ property_operators | join(', ')
            ~ ") and a property_value'"},
    {'source': 'engagement_rules_checked', 'table': 'engagement_rules',
        'where': 'property is null and (property_operator is not null or property_value is not null)',
        'problem': "'property_operator or property_value given without a property'"},
    {'source': 'engagement_rules_checked', 'table': 'engagement_rules',
        'where': 'decay_mode is null or decay_mode not in ' ~ "('" ~ decay_modes | join("', '") ~ "')",
        'problem': "'unknown decay_mode ''' || coalesce(decay_mode, '') || ''' (allowed: " ~ decay_modes | join(', ') ~ ")'"},
    {'source': 'engagement_rules_checked', 'table': 'engagement_rules',
        'where': "decay_mode = 'half_life' and (half_life_days is null or half_life_days <= 0)",
        'problem': "'half_life_days must be a positive number of days, got ' || " ~ "coalesce(" ~ float_to_text('half_life_days') ~ ", 'nothing')"},
    {'source': 'engagement_rules_checked', 'table': 'engagement_rules',
        'where': "decay_mode = 'linear' and (lifespan_days is null or lifespan_days <= 0)",
        'problem': "'lifespan_days must be a positive number of days, got ' || " ~ "coalesce(" ~ float_to_text('lifespan_days') ~ ", 'nothing')"},
    {'source': 'engagement_rules_checked', 'table': 'engagement_rules',
        'where': "decay_mode = 'step' and step_bands = 0",
        'problem': "'decay_mode ''step'' needs bands in decay_steps'"},

    {'source': 'decay_steps_checked', 'table': 'decay_steps',
        'where': 'not model_exists',
        'problem': "'scoring model ''' || coalesce(scoring_model, '') || ''' does not exist in scoring_models'"},
    {'source': 'decay_steps_checked', 'table': 'decay_steps',
        'where': 'model_exists and not is_step_rule',
        'problem': "'decay_steps given for a rule that is not a step-decay engagement rule'"},
    {'source': 'decay_steps_checked', 'table': 'decay_steps',
        'where': 'multiplier is null or multiplier < 0',
        'problem': "'multiplier must be zero or more, got ' || " ~ "coalesce(" ~ float_to_text('multiplier') ~ ", 'nothing')"},
    {'source': 'decay_steps_checked', 'table': 'decay_steps',
        'where': 'band_number = 1 and min_age_days != 0',
        'problem': "'the first band must start at age 0, not ' || " ~ "coalesce(cast(min_age_days as " ~ text ~ "), 'nothing')"},
    {'source': 'decay_steps_checked', 'table': 'decay_steps',
        'where': 'band_number = band_count and max_age_days is not null',
        'problem': "'the last band must leave max_age_days empty so that every age has a multiplier'"},
    {'source': 'decay_steps_checked', 'table': 'decay_steps',
        'where': 'band_number > 1 and (previous_max_age_days is null or min_age_days != previous_max_age_days + 1)',
        'problem': "'band starting at age ' || " ~ "coalesce(cast(min_age_days as " ~ text ~ "), 'nothing')" ~ " || case"
            ~ " when previous_max_age_days is null then ' follows an open-ended band (overlap)'"
            ~ " when min_age_days > previous_max_age_days + 1 then ' leaves a gap after age ' || "
            ~ "coalesce(cast(previous_max_age_days as " ~ text ~ "), 'nothing')"
            ~ " else ' overlaps the band ending at age ' || " ~ "coalesce(cast(previous_max_age_days as " ~ text ~ "), 'nothing')" ~ " end"},
    {'source': 'decay_steps_checked', 'table': 'decay_steps',
        'where': 'max_age_days < min_age_days',
        'problem': "'band ' || " ~ "coalesce(cast(min_age_days as " ~ text ~ "), 'nothing')" ~ " || ' to ' || " ~ "coalesce(cast(max_age_days as " ~ text ~ "), 'nothing')"
            ~ " || ' ends before it starts'"},

    {'source': 'grade_types_missing', 'table': 'grade_bands', 'rule': "'(definition)'",
        'where': '1 = 1',
        'problem': "'no ' || grade_type || ' grade bands defined'"},
    {'source': 'grade_bands_checked', 'table': 'grade_bands', 'rule': 'grade_label',
        'where': "grade_type is null or grade_type not in ('fit', 'engagement')",
        'problem': "'unknown grade_type ''' || coalesce(grade_type, '') || ''' (fit or engagement)'"},
    {'source': 'grade_bands_checked', 'table': 'grade_bands', 'rule': 'grade_label',
        'where': "(grade_type = 'fit' and (grade is null or grade not in " ~ "('" ~ fit_grades | join("', '") ~ "')" ~ "))"
            ~ " or (grade_type = 'engagement' and (grade is null or grade not in " ~ "('" ~ engagement_grades | join("', '") ~ "')" ~ '))',
        'problem': "'unknown ' || grade_type || ' grade ''' || coalesce(grade, '') || ''' (fit: "
            ~ fit_grades | join(', ') ~ '; engagement: ' ~ engagement_grades | join(', ') ~ ")'"},
    {'source': 'grade_bands_checked', 'table': 'grade_bands', 'rule': 'grade_label',
        'where': 'grade_uses > 1',
        'problem': "grade_type || ' grade ' || grade || ' is defined more than once'"},
    {'source': 'grade_bands_checked', 'table': 'grade_bands', 'rule': 'grade_label',
        'where': 'band_number = 1 and min_score is not null',
        'problem': "'the lowest ' || grade_type || ' band must leave min_score empty so that every score gets a grade'"},
    {'source': 'grade_bands_checked', 'table': 'grade_bands', 'rule': 'grade_label',
        'where': 'band_number = band_count and max_score is not null',
        'problem': "'the highest ' || grade_type || ' band must leave max_score empty so that every score gets a grade'"},
    {'source': 'grade_bands_checked', 'table': 'grade_bands', 'rule': 'grade_label',
        'where': 'band_number > 1 and (min_score is null or previous_max_score is null or min_score != previous_max_score)',
        'problem': "grade_type || ' grade ' || grade || case"
            ~ " when min_score is null or previous_max_score is null"
            ~ " then ' overlaps grade ' || previous_grade || ' (two open-ended bands)'"
            ~ " when min_score > previous_max_score then ' starts at ' || " ~ "coalesce(" ~ float_to_text('min_score') ~ ", 'nothing')"
            ~ " || ', leaving a gap after grade ' || previous_grade || ' ends at ' || " ~ "coalesce(" ~ float_to_text('previous_max_score') ~ ", 'nothing')"
            ~ " else ' starts at ' || " ~ "coalesce(" ~ float_to_text('min_score') ~ ", 'nothing')" ~ " || ', overlapping grade ' || previous_grade"
            ~ " || ' which ends at ' || " ~ "coalesce(" ~ float_to_text('previous_max_score') ~ ", 'nothing')" ~ ' end'},
    {'source': 'grade_bands_checked', 'table': 'grade_bands', 'rule': 'grade_label',
        'where': 'min_score >= max_score',
        'problem': "'min_score (' || " ~ "coalesce(" ~ float_to_text('min_score') ~ ", 'nothing')" ~ " || ') must be below max_score (' || "
            ~ "coalesce(" ~ float_to_text('max_score') ~ ", 'nothing')" ~ " || ')'"},
    {'source': 'grade_bands_checked', 'table': 'grade_bands', 'rule': 'grade_label',
        'where': 'engagement_multiplier < 0',
        'problem': "'engagement_multiplier must be zero or more'"},
    {'source': 'grade_bands_checked', 'table': 'grade_bands', 'rule': 'grade_label',
        'where': "grade_type = 'engagement' and engagement_multiplier is not null",
        'problem': "'engagement_multiplier applies to fit bands only; it is ignored on engagement bands'"},
    {'source': 'grade_bands_checked', 'table': 'grade_bands', 'rule': 'grade_label',
        'where': 'not model_exists',
        'problem': "'scoring model ''' || coalesce(scoring_model, '') || ''' does not exist in scoring_models'"},
    {'source': 'grade_bands_checked', 'table': 'grade_bands', 'rule': 'grade_label',
        'where': 'band_number > 1 and grade >= previous_grade',
        'problem': "grade_type || ' grade ' || grade || ' covers higher scores than grade ' || previous_grade"
            ~ " || ', but grades must rise with the score (A is the best fit, 1 the most engaged)'"},

    {'source': 'fast_track_rules_checked', 'table': 'fast_track_rules',
        'where': 'not event_type_known',
        'problem': "'unknown event type ''' || coalesce(event_type, '') || ''' (add it to event_types first)'"},
    {'source': 'fast_track_rules_checked', 'table': 'fast_track_rules',
        'where': 'within_days is null or within_days < 0',
        'problem': "'within_days must be zero or more, got ' || " ~ "coalesce(cast(within_days as " ~ text ~ "), 'nothing')"},
    {'source': 'fast_track_rules_checked', 'table': 'fast_track_rules',
        'where': 'priority is null', 'problem': "'priority is missing'"},

    {'source': 'event_type_map_checked', 'table': 'event_type_map', 'model': "'(all)'",
        'rule': "coalesce(source_event_type, '(empty)')",
        'where': 'not event_type_known',
        'problem': "'maps to unknown event type ''' || coalesce(event_type, '') || ''' (add it to event_types first)'"},
] -%}

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

scoring_model_counts as (
    select
        scoring_model,
        count(*) as definitions
    from scoring_models
    group by scoring_model
),

high_intent_rule_counts as (
    select
        scoring_model,
        count(*) as high_intent_rules
    from engagement_rules
    where is_high_intent
    group by scoring_model
),

scoring_models_checked as (
    select
        scoring_models.*,
        coalesce(high_intent_rule_counts.high_intent_rules, 0) as high_intent_rules
    from scoring_models
    left join high_intent_rule_counts
        on scoring_models.scoring_model = high_intent_rule_counts.scoring_model
),

primary_model_count as (
    select cast(coalesce(sum(case when is_primary then 1 else 0 end), 0) as integer) as primary_models
    from scoring_models
),

all_rule_ids as (
    select
        scoring_model,
        rule_id,
        'fit_rules' as definition_table
    from fit_rules
    union all
    select
        scoring_model,
        rule_id,
        'disqualifiers' as definition_table
    from disqualifiers
    union all
    select
        scoring_model,
        rule_id,
        'engagement_rules' as definition_table
    from engagement_rules
    union all
    select
        scoring_model,
        rule_id,
        'fast_track_rules' as definition_table
    from fast_track_rules
),

all_rule_ids_checked as (
    select
        all_rule_ids.*,
        scoring_models.scoring_model is not null as model_exists
    from all_rule_ids
    left join scoring_models
        on all_rule_ids.scoring_model = scoring_models.scoring_model
),

rule_id_counts as (
    select
        scoring_model,
        rule_id,
        count(*) as uses,
        {{ dbt.listagg('definition_table', "', '", 'order by definition_table') }} as tables
    from all_rule_ids
    where rule_id is not null
    group by scoring_model, rule_id
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
        max_value
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
        cast(null as {{ type_score() }}) as max_value
    from disqualifiers
),

value_list_names as (
    select distinct list_name from value_lists
),

attribute_rules_typed as (
    select
        attribute_rules.*,
        known_attributes.attribute_type,
        value_list_names.list_name is not null as list_exists
    from attribute_rules
    left join known_attributes
        on attribute_rules.attribute = known_attributes.attribute
    left join value_list_names
        on attribute_rules.value = value_list_names.list_name
),

step_band_counts as (
    select
        scoring_model,
        rule_id,
        count(*) as step_bands
    from decay_steps
    group by scoring_model, rule_id
),

engagement_rules_checked as (
    select
        engagement_rules.*,
        event_types.event_type is not null as event_type_known,
        coalesce(step_band_counts.step_bands, 0) as step_bands
    from engagement_rules
    left join event_types
        on engagement_rules.event_type = event_types.event_type
    left join step_band_counts
        on engagement_rules.scoring_model = step_band_counts.scoring_model
            and engagement_rules.rule_id = step_band_counts.rule_id
),

decay_steps_checked as (
    select
        decay_steps.*,
        engagement_rules.rule_id is not null as is_step_rule,
        scoring_models.scoring_model is not null as model_exists,
        lag(decay_steps.max_age_days) over (
            partition by decay_steps.scoring_model, decay_steps.rule_id
            order by decay_steps.min_age_days
        ) as previous_max_age_days,
        row_number() over (
            partition by decay_steps.scoring_model, decay_steps.rule_id
            order by decay_steps.min_age_days
        ) as band_number,
        count(*) over (partition by decay_steps.scoring_model, decay_steps.rule_id) as band_count
    from decay_steps
    left join engagement_rules
        on decay_steps.scoring_model = engagement_rules.scoring_model
            and decay_steps.rule_id = engagement_rules.rule_id
            and engagement_rules.decay_mode = 'step'
    left join scoring_models
        on decay_steps.scoring_model = scoring_models.scoring_model
),

grade_types as (
    select 'fit' as grade_type
    union all
    select 'engagement' as grade_type
),

grade_types_missing as (
    select
        scoring_models.scoring_model,
        grade_types.grade_type
    from scoring_models
    cross join grade_types
    left join grade_bands
        on scoring_models.scoring_model = grade_bands.scoring_model
            and grade_types.grade_type = grade_bands.grade_type
    where grade_bands.grade_type is null
),

grade_bands_checked as (
    select
        grade_bands.*,
        'grade ' || coalesce(grade_bands.grade, '(empty)') as grade_label,
        scoring_models.scoring_model is not null as model_exists,
        count(*) over (
            partition by grade_bands.scoring_model, grade_bands.grade_type, grade_bands.grade
        ) as grade_uses,
        lag(grade_bands.max_score) over (
            partition by grade_bands.scoring_model, grade_bands.grade_type
            order by grade_bands.min_score asc nulls first, grade_bands.grade asc
        ) as previous_max_score,
        lag(grade_bands.grade) over (
            partition by grade_bands.scoring_model, grade_bands.grade_type
            order by grade_bands.min_score asc nulls first, grade_bands.grade asc
        ) as previous_grade,
        row_number() over (
            partition by grade_bands.scoring_model, grade_bands.grade_type
            order by grade_bands.min_score asc nulls first, grade_bands.grade asc
        ) as band_number,
        count(*) over (partition by grade_bands.scoring_model, grade_bands.grade_type) as band_count
    from grade_bands
    left join scoring_models
        on grade_bands.scoring_model = scoring_models.scoring_model
),

fast_track_rules_checked as (
    select
        fast_track_rules.*,
        event_types.event_type is not null as event_type_known
    from fast_track_rules
    left join event_types
        on fast_track_rules.event_type = event_types.event_type
),

event_type_map_checked as (
    select
        event_type_map.*,
        event_types.event_type is not null as event_type_known
    from event_type_map
    left join event_types
        on event_type_map.event_type = event_types.event_type
),

problems as (
    {% for check in checks %}
        select
            {{ check.model | default('scoring_model') }} as scoring_model,
            {{ check.rule | default('rule_id') }} as rule_id,
            {{ check.table_column | default("'" ~ check.table ~ "'") }} as definition_table,
            {{ check.problem }} as problem
        from {{ check.source }}
        where {{ check.where }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
)

select * from problems
