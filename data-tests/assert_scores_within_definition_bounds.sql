-- Engagement lies in [0, total_engagement_cap]; fit lies between the sum of a definition's
-- negative fit points and the sum of its positive ones.
with

lead_scores as (
    select * from {{ ref('lead_scores') }}
),

scoring_models as (
    select * from {{ ref('scoring_models') }}
),

fit_rules as (
    select * from {{ ref('fit_rules') }}
),

fit_bounds as (
    select
        scoring_model,
        sum(case when points < 0 then points else 0 end) as lowest_fit,
        sum(case when points > 0 then points else 0 end) as highest_fit
    from fit_rules
    group by scoring_model
),

out_of_bounds as (
    select
        lead_scores.lead_id,
        lead_scores.scoring_model,
        lead_scores.fit_score,
        lead_scores.engagement_score
    from lead_scores
    inner join scoring_models
        on lead_scores.scoring_model = scoring_models.scoring_model
    left join fit_bounds
        on lead_scores.scoring_model = fit_bounds.scoring_model
    where lead_scores.engagement_score < 0
        or lead_scores.engagement_score > scoring_models.total_engagement_cap
        or lead_scores.fit_score < coalesce(fit_bounds.lowest_fit, 0)
        or lead_scores.fit_score > coalesce(fit_bounds.highest_fit, 0)
)

select * from out_of_bounds
