{#- One row per lead-rule-day scored on with events up to that day. Incremental by
    score_date: a daily build computes the late-arrival window (see late_arrival_cutoff) and
    every day of the leads whose history_fingerprint changed or that are new, and appends
    them after its pre-hooks removed those rows (history_days_to_compute); everything when
    the definition or an upstream model changed. Past days of other leads only change when
    their events do, and events only change inside the late window. With lead_buckets above
    1, the leads are computed in that many passes (lead_bucket_filter); a daily build, which
    reads the event days not settled and the settled sums, in fewer (engagement_history_passes).

    Decay without pairing every event with every later day: the days on which something
    changes for a lead-rule (an event, or a piece of its decay starting or ending) get
    running sums, and each such day's sums hold until the next change, which gives every day
    scored on in between. Only the change days from the first day computed on are sorted for
    the running sums; those before it are summed up first. A lead computed from the day the
    settled sums hold from (int_lead_rule_events_settled) on, which is every lead in a daily
    build after one for the day before but the new and changed ones, takes its lead-rules'
    settled sums instead of its settled event days, and reads only the event days not
    settled yet.
    - none, step, linear: the decay multiplier is piecewise linear in the age, so an event
      adds its points and a slope where a piece starts and takes them back where it ends
      (step: one start and one end per band; linear: from age 0 to the first whole age at or
      past the lifespan); the total on a day is the running constant minus the days since
      an origin times the running slope, and exactly 0 while no piece is active. The origin
      cancels out (points x (1 + (event - origin) / lifespan) - (day - origin) x points /
      lifespan = points x (1 - age / lifespan)), and every build sums all of a lead-rule's
      events again and stores only the totals, so any day fixed per lead within a build will
      do: its first_score_date (at hand in lead_compute_ranges; a window for each lead-rule's
      first event day cost more than the rest of a daily build's aggregation).
    - half_life: points x 0.5^(age / h) = 0.5^((day - origin) / h) x points x 2^((event -
      origin) / h). Origins are every 64 half-lives, so powers stay below 2^64; each block's
      first day is a change day, and events of earlier blocks are carried into a block with
      0.5^64 per block between them. -#}
{%- set number = type_score() -%}
{%- set window_only = reads_late_window_only('int_lead_engagement_rules_decayed') -%}
{#- a daily build reads less: fewer passes over the leads (engagement_history_passes) -#}
{%- set passes = engagement_history_passes() if window_only else none -%}
{%- set block_half_lives = half_life_block_half_lives() -%}
{%- set epoch = "cast('1970-01-01' as date)" -%}
{%- set lead_rule_so_far =
    'partition by scoring_model, rule_id, lead_id order by change_date'
    ~ ' rows between unbounded preceding and current row' -%}

{{ config(
    materialized=late_window_materialization(),
    incremental_strategy='append',
    pre_hook=[
        delete_before_transaction("{{ clear_late_window('int_lead_engagement_rules_decayed', 'score_date') }}"),
        delete_before_transaction("{{ clear_changed_history('int_lead_engagement_rules_decayed') }}"),
    ],
    post_hook="{{ insert_other_lead_buckets() }}"
) }}

-- depends_on: {{ ref('int_scoring_definition_problems') }}

with

rule_events_daily as (
    select * from {{ ref('int_rule_events_daily') }}
),

engagement_rules as (
    select * from {{ ref('engagement_rules') }}
),

decay_steps as (
    select * from {{ ref('decay_steps') }}
),

score_dates as (
    select * from {{ ref('int_lead_score_dates') }}
),

-- read where it is used (the settled day, this pass's sums), never stored whole
lead_rule_events_settled as {{ not_materialized() }} (
    select * from {{ ref('int_lead_rule_events_settled') }}
),

rule_settling as (
    {{ engagement_rule_settling('engagement_rules', 'decay_steps') }}
),

-- every settled sum holds before the table's latest settled_before (a row a build did not
-- replace had no event day settling in it); null while there are none
settled_sums as (
    select max(settled_before) as settled_before
    from lead_rule_events_settled
),

-- each lead's first day computed on; a lead computed from the settled sums' day on takes
-- them (settled_before) and only its event days not settled yet, any other every event day
lead_compute_ranges as (
    select
        lead_day_ranges.*,
        case
            when lead_day_ranges.compute_from >= settled_sums.settled_before
                then settled_sums.settled_before
        end as settled_before
    from (
        {{ history_days_to_compute(
            'score_dates', this if window_only else none, first_days_only=true, passes=passes
        ) }}
    ) as lead_day_ranges
    cross join settled_sums
),

-- every event day counts for the days computed, those before them included; a half-life
-- event also gets its block and its weight in the scale of the block's origin
rule_events as (
    select
        rule_events_aged.*,
        case
            when rule_events_aged.decay_mode = 'half_life'
                then {{ half_life_block_weight(
                    'rule_events_aged.event_points',
                    'rule_events_aged.day_number',
                    'rule_events_aged.half_life_days',
                    'rule_events_aged.day_block'
                ) }}
            else cast(0 as {{ number }})
        end as block_weight
    from (
        select
            rule_events_daily.scoring_model,
            rule_events_daily.rule_id,
            rule_events_daily.lead_id,
            rule_events_daily.event_date,
            rule_events_daily.event_count,
            rule_events_daily.last_occurred_at,
            cast(rule_events_daily.event_count * engagement_rules.points as {{ number }}) as event_points,
            engagement_rules.decay_mode,
            cast(engagement_rules.half_life_days as {{ number }}) as half_life_days,
            cast(engagement_rules.lifespan_days as {{ number }}) as lifespan_days,
            {{ age_in_days(epoch, 'rule_events_daily.event_date') }} as day_number,
            case
                when engagement_rules.decay_mode = 'half_life'
                    then {{ half_life_day_block(
                        age_in_days(epoch, 'rule_events_daily.event_date'),
                        'cast(engagement_rules.half_life_days as ' ~ number ~ ')'
                    ) }}
            end as day_block,
            lead_compute_ranges.first_score_date as decay_origin
        from rule_events_daily
        inner join lead_compute_ranges
            on rule_events_daily.scoring_model = lead_compute_ranges.scoring_model
                and rule_events_daily.lead_id = lead_compute_ranges.lead_id
        inner join engagement_rules
            on rule_events_daily.scoring_model = engagement_rules.scoring_model
                and rule_events_daily.rule_id = engagement_rules.rule_id
        inner join rule_settling
            on rule_events_daily.scoring_model = rule_settling.scoring_model
                and rule_events_daily.rule_id = rule_settling.rule_id
        where rule_events_daily.event_date <= {{ as_of_date() }}
            and {{ lead_bucket_filter('rule_events_daily.lead_id', passes=passes) }}
            and (
                lead_compute_ranges.settled_before is null
                or {{ age_in_days('rule_events_daily.event_date', 'lead_compute_ranges.settled_before') }}
                <= rule_settling.settle_days
            )
    ) as rule_events_aged
),

-- the settled sums of the leads that take them (one row per lead-rule, or per half-life block)
sums_settled as (
    select lead_rule_events_settled.*
    from lead_rule_events_settled
    inner join lead_compute_ranges
        on lead_rule_events_settled.scoring_model = lead_compute_ranges.scoring_model
            and lead_rule_events_settled.lead_id = lead_compute_ranges.lead_id
    where lead_compute_ranges.settled_before is not null
        and {{ lead_bucket_filter('lead_rule_events_settled.lead_id', passes=passes) }}
),

-- the first day of each block of a half-life rule after the block of its first event, so
-- that no run of days between two changes crosses into another block
half_life_block_starts as (
    select
        scoring_model,
        rule_id,
        lead_id,
        cast({{ dbt.dateadd(
            'day',
            'cast(ceil(' ~ block_half_lives ~ ' * half_life_days * (first_block + 1 + block_offset)) as bigint)',
            epoch
        ) }} as date) as change_date,
        first_block + 1 + block_offset as day_block
    from (
        select
            lead_rule_blocks.*,
            {{ day_offset_rows('lead_rule_blocks.as_of_block - lead_rule_blocks.first_block') }} as block_offset
        from (
            select
                scoring_model,
                rule_id,
                lead_id,
                half_life_days,
                min(day_block) as first_block,
                {{ half_life_day_block(age_in_days(epoch), 'half_life_days') }} as as_of_block
            from (
                select
                    scoring_model,
                    rule_id,
                    lead_id,
                    half_life_days,
                    day_block
                from rule_events
                where decay_mode = 'half_life'
                union all
                select
                    sums_settled.scoring_model,
                    sums_settled.rule_id,
                    sums_settled.lead_id,
                    cast(engagement_rules.half_life_days as {{ number }}) as half_life_days,
                    sums_settled.day_block
                from sums_settled
                inner join engagement_rules
                    on sums_settled.scoring_model = engagement_rules.scoring_model
                        and sums_settled.rule_id = engagement_rules.rule_id
                where engagement_rules.decay_mode = 'half_life'
            ) as half_life_event_blocks
            group by scoring_model, rule_id, lead_id, half_life_days
        ) as lead_rule_blocks
        where lead_rule_blocks.as_of_block > lead_rule_blocks.first_block
    ) as lead_rule_block_offsets
),

-- where pieces of none, step and linear decay start and end (none: one piece, no end)
decay_pieces as (
    select
        scoring_model,
        rule_id,
        lead_id,
        event_date as change_date,
        case
            when decay_mode = 'linear'
                then event_points * (1 + {{ age_in_days('decay_origin', 'event_date') }} / lifespan_days)
            else event_points
        end as constant_change,
        case
            when decay_mode = 'linear' then event_points / lifespan_days
            else cast(0 as {{ number }})
        end as slope_change,
        1 as piece_change
    from rule_events
    where decay_mode in ('none', 'linear')
    union all
    select
        scoring_model,
        rule_id,
        lead_id,
        cast({{ dbt.dateadd('day', 'cast(ceil(lifespan_days) as bigint)', 'event_date') }} as date)
            as change_date,
        -event_points * (1 + {{ age_in_days('decay_origin', 'event_date') }} / lifespan_days)
            as constant_change,
        -event_points / lifespan_days as slope_change,
        -1 as piece_change
    from rule_events
    where decay_mode = 'linear'
    union all
    select
        rule_events.scoring_model,
        rule_events.rule_id,
        rule_events.lead_id,
        cast({{ dbt.dateadd(
            'day', 'cast(decay_steps.min_age_days as bigint)', 'rule_events.event_date'
        ) }} as date) as change_date,
        rule_events.event_points * decay_steps.multiplier as constant_change,
        cast(0 as {{ number }}) as slope_change,
        1 as piece_change
    from rule_events
    inner join decay_steps
        on rule_events.scoring_model = decay_steps.scoring_model
            and rule_events.rule_id = decay_steps.rule_id
    where rule_events.decay_mode = 'step'
    union all
    select
        rule_events.scoring_model,
        rule_events.rule_id,
        rule_events.lead_id,
        cast({{ dbt.dateadd(
            'day', 'cast(decay_steps.max_age_days as bigint) + 1', 'rule_events.event_date'
        ) }} as date) as change_date,
        -rule_events.event_points * decay_steps.multiplier as constant_change,
        cast(0 as {{ number }}) as slope_change,
        -1 as piece_change
    from rule_events
    inner join decay_steps
        on rule_events.scoring_model = decay_steps.scoring_model
            and rule_events.rule_id = decay_steps.rule_id
    where rule_events.decay_mode = 'step'
        and decay_steps.max_age_days is not null
),

changes as (
    select
        scoring_model,
        rule_id,
        lead_id,
        event_date as change_date,
        event_count,
        event_date,
        last_occurred_at,
        event_points,
        cast(0 as {{ number }}) as constant_change,
        cast(0 as {{ number }}) as slope_change,
        0 as piece_change,
        day_block,
        block_weight
    from rule_events
    union all
    select
        scoring_model,
        rule_id,
        lead_id,
        change_date,
        0 as event_count,
        cast(null as date) as event_date,
        cast(null as {{ dbt.type_timestamp() }}) as last_occurred_at,
        cast(0 as {{ number }}) as event_points,
        constant_change,
        slope_change,
        piece_change,
        cast(null as bigint) as day_block,
        cast(0 as {{ number }}) as block_weight
    from decay_pieces
    where change_date <= {{ as_of_date() }}
    union all
    select
        scoring_model,
        rule_id,
        lead_id,
        change_date,
        0 as event_count,
        cast(null as date) as event_date,
        cast(null as {{ dbt.type_timestamp() }}) as last_occurred_at,
        cast(0 as {{ number }}) as event_points,
        cast(0 as {{ number }}) as constant_change,
        cast(0 as {{ number }}) as slope_change,
        0 as piece_change,
        day_block,
        cast(0 as {{ number }}) as block_weight
    from half_life_block_starts
    union all
    -- the settled event days of a lead-rule, summed: before every day computed on
    select
        scoring_model,
        rule_id,
        lead_id,
        last_event_date as change_date,
        event_count,
        last_event_date as event_date,
        last_occurred_at,
        raw_points as event_points,
        constant_points as constant_change,
        cast(0 as {{ number }}) as slope_change,
        active_pieces as piece_change,
        day_block,
        block_weight
    from sums_settled
),

-- one row per change day from the first day computed on; the change days before it only
-- matter through their sums, so they are summed up (one row per half-life block, or one
-- row) instead of being sorted for the running sums: most leads are computed on the as-of
-- day only, and a daily build computes the late window
change_days as (
    select
        changes.scoring_model,
        changes.rule_id,
        changes.lead_id,
        max(changes.change_date) as change_date,
        cast(sum(changes.event_count) as bigint) as event_count,
        max(changes.event_date) as event_date,
        max(changes.last_occurred_at) as last_occurred_at,
        cast(sum(changes.event_points) as {{ number }}) as event_points,
        cast(sum(changes.constant_change) as {{ number }}) as constant_change,
        cast(sum(changes.slope_change) as {{ number }}) as slope_change,
        cast(sum(changes.piece_change) as bigint) as piece_change,
        max(changes.day_block) as day_block,
        cast(sum(changes.block_weight) as {{ number }}) as block_weight
    from changes
    inner join lead_compute_ranges
        on changes.scoring_model = lead_compute_ranges.scoring_model
            and changes.lead_id = lead_compute_ranges.lead_id
    group by
        changes.scoring_model,
        changes.rule_id,
        changes.lead_id,
        case when changes.change_date >= lead_compute_ranges.compute_from then changes.change_date end,
        case when changes.change_date < lead_compute_ranges.compute_from then changes.day_block end
),

-- the sums of every change of a lead-rule up to each of its change days (running sums in
-- date order: the first change is its first event), and the day the next change comes
change_days_running as (
    select
        scoring_model,
        rule_id,
        lead_id,
        change_date,
        day_block,
        coalesce(
            lead(change_date) over (partition by scoring_model, rule_id, lead_id order by change_date),
            cast({{ dbt.dateadd('day', '1', as_of_date()) }} as date)
        ) as next_change_date,
        cast(sum(event_count) over ({{ lead_rule_so_far }}) as integer) as event_count,
        max(event_date) over ({{ lead_rule_so_far }}) as last_event_date,
        max(last_occurred_at) over ({{ lead_rule_so_far }}) as last_occurred_at,
        cast(sum(event_points) over ({{ lead_rule_so_far }}) as {{ number }}) as raw_points,
        cast(sum(constant_change) over ({{ lead_rule_so_far }}) as {{ number }}) as constant_points,
        cast(sum(slope_change) over ({{ lead_rule_so_far }}) as {{ number }}) as slope_points,
        cast(sum(piece_change) over ({{ lead_rule_so_far }}) as bigint) as active_pieces,
        -- half-life: the weights of this block so far, in the scale of its origin
        cast(sum(block_weight) over (
            partition by scoring_model, rule_id, lead_id, day_block
            order by change_date
            rows between unbounded preceding and current row
        ) as {{ number }}) as block_weight
    from change_days
),

block_totals as (
    select
        scoring_model,
        rule_id,
        lead_id,
        day_block,
        cast(sum(block_weight) as {{ number }}) as block_weight
    from change_days
    where day_block is not null
    group by scoring_model, rule_id, lead_id, day_block
),

-- half-life: the weights of all earlier blocks in the scale of each block (0.5^64 per block
-- between them; a lead-rule has a few blocks)
blocks_carried as (
    select
        later_blocks.scoring_model,
        later_blocks.rule_id,
        later_blocks.lead_id,
        later_blocks.day_block,
        cast(sum(
            earlier_blocks.block_weight
            * power(
                cast(0.5 as {{ number }}),
                {{ block_half_lives }} * (later_blocks.day_block - earlier_blocks.day_block)
            )
        ) as {{ number }}) as carried_weight
    from block_totals as later_blocks
    inner join block_totals as earlier_blocks
        on later_blocks.scoring_model = earlier_blocks.scoring_model
            and later_blocks.rule_id = earlier_blocks.rule_id
            and later_blocks.lead_id = earlier_blocks.lead_id
            and later_blocks.day_block > earlier_blocks.day_block
    group by later_blocks.scoring_model, later_blocks.rule_id, later_blocks.lead_id, later_blocks.day_block
),

-- the change days whose sums hold on a day computed: from the last one before the first
-- day computed (in a daily build, one per lead-rule) to the last; each holds until the next
change_days_summed as (
    select
        change_days_running.*,
        coalesce(blocks_carried.carried_weight, 0) as carried_weight,
        lead_compute_ranges.first_score_date as decay_origin,
        lead_compute_ranges.history_fingerprint,
        case
            when change_days_running.change_date > lead_compute_ranges.compute_from
                then change_days_running.change_date
            else lead_compute_ranges.compute_from
        end as range_from
    from change_days_running
    inner join lead_compute_ranges
        on change_days_running.scoring_model = lead_compute_ranges.scoring_model
            and change_days_running.lead_id = lead_compute_ranges.lead_id
            and change_days_running.next_change_date > lead_compute_ranges.compute_from
    left join blocks_carried
        on change_days_running.scoring_model = blocks_carried.scoring_model
            and change_days_running.rule_id = blocks_carried.rule_id
            and change_days_running.lead_id = blocks_carried.lead_id
            and change_days_running.day_block = blocks_carried.day_block
),

-- the days computed that each change day's sums hold for: from the change (or the first day
-- computed) to the day before the next change. The rule's columns of the output are taken
-- here and the lead's fingerprint in change_days_summed, once per change day, not joined to
-- every day computed
rule_day_ranges as (
    select
        change_days_summed.*,
        engagement_rules.decay_mode,
        cast(engagement_rules.half_life_days as {{ number }}) as half_life_days,
        engagement_rules.points as points_per_event,
        engagement_rules.is_high_intent,
        engagement_rules.rule_cap
    from change_days_summed
    inner join engagement_rules
        on change_days_summed.scoring_model = engagement_rules.scoring_model
            and change_days_summed.rule_id = engagement_rules.rule_id
),

rule_days as (
    select
        rule_day_offsets.*,
        cast({{ dbt.dateadd('day', 'rule_day_offsets.day_offset', 'rule_day_offsets.range_from') }} as date)
            as score_date
    from (
        select
            rule_day_ranges.*,
            {{ day_offset_rows(age_in_days('rule_day_ranges.range_from', 'rule_day_ranges.next_change_date')) }}
                as day_offset
        from rule_day_ranges
    ) as rule_day_offsets
),

lead_rule_totals as (
    select
        scoring_model,
        rule_id,
        lead_id,
        score_date,
        event_count,
        last_event_date,
        last_occurred_at,
        points_per_event,
        is_high_intent,
        rule_cap,
        history_fingerprint,
        raw_points,
        cast(case
            when decay_mode = 'half_life'
                then power(
                        cast(0.5 as {{ number }}),
                        (
                            {{ age_in_days(epoch, 'score_date') }}
                            - {{ block_half_lives }} * half_life_days * day_block
                        ) / half_life_days
                    ) * (carried_weight + block_weight)
            -- no piece active: exactly nothing, not what is left of adding and taking back
            when active_pieces = 0 then 0
            else constant_points - {{ age_in_days('decay_origin', 'score_date') }} * slope_points
        end as {{ number }}) as decayed_points
    from rule_days
),

lead_rule_totals_capped as (
    select
        lead_rule_totals.scoring_model,
        lead_rule_totals.rule_id,
        lead_rule_totals.lead_id,
        lead_rule_totals.score_date,
        lead_rule_totals.event_count,
        lead_rule_totals.last_event_date,
        lead_rule_totals.last_occurred_at,
        lead_rule_totals.points_per_event,
        lead_rule_totals.is_high_intent,
        lead_rule_totals.raw_points,
        lead_rule_totals.decayed_points,
        -- the cap bounds the size of the total, so it limits negative rules as a floor
        case
            when lead_rule_totals.rule_cap is null then lead_rule_totals.decayed_points
            when lead_rule_totals.decayed_points > lead_rule_totals.rule_cap then lead_rule_totals.rule_cap
            when lead_rule_totals.decayed_points < -lead_rule_totals.rule_cap then -lead_rule_totals.rule_cap
            else lead_rule_totals.decayed_points
        end as capped_points,
        lead_rule_totals.history_fingerprint,
        '{{ definition_version('int_lead_engagement_rules_decayed') }}' as definition_version,
        {{ as_of_date() }} as built_as_of
    from lead_rule_totals
)

select * from lead_rule_totals_capped
