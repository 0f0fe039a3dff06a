with

mql_episodes as (
    select * from {{ ref('int_mql_episodes_computed') }}
),

scoring_models as (
    select * from {{ ref('scoring_models') }}
),

transitions as (
    select
        mql_episodes.lead_id,
        mql_episodes.scoring_model,
        scoring_models.is_primary as is_primary_model,
        mql_episodes.episode_number,
        mql_episodes.entered_on,
        mql_episodes.entry_reason,
        mql_episodes.entry_fit_score,
        mql_episodes.entry_engagement_score,
        mql_episodes.exited_on,
        mql_episodes.exit_reason,
        mql_episodes.exit_detail,
        mql_episodes.exit_fit_score,
        mql_episodes.exit_engagement_score,
        mql_episodes.exited_on is null as is_current,
        cast(case
            when mql_episodes.exited_on is null then {{ age_in_days('mql_episodes.entered_on') }} + 1
            else {{ dbt.datediff('mql_episodes.entered_on', 'mql_episodes.exited_on', 'day') }}
        end as integer) as days_as_mql,
        {{ as_of_date() }} as as_of_date
    from mql_episodes
    inner join scoring_models
        on mql_episodes.scoring_model = scoring_models.scoring_model
)

select * from transitions
