-- The fit rows of a lead's explanation add up to its fit score and every other row to its
-- engagement score, exactly, in published (2-decimal) values.
with

lead_scores as (
    select * from {{ ref('lead_scores') }}
),

explanations as (
    select * from {{ ref('lead_score_explanations') }}
),

explained_totals as (
    select
        lead_id,
        scoring_model,
        sum(case when component = 'fit' then contributed_points else 0 end) as fit_total,
        sum(case when component != 'fit' then contributed_points else 0 end) as engagement_total
    from explanations
    group by lead_id, scoring_model
),

mismatches as (
    select
        lead_scores.lead_id,
        lead_scores.scoring_model,
        lead_scores.fit_score,
        coalesce(explained_totals.fit_total, 0) as fit_total,
        lead_scores.engagement_score,
        coalesce(explained_totals.engagement_total, 0) as engagement_total
    from lead_scores
    left join explained_totals
        on lead_scores.lead_id = explained_totals.lead_id
            and lead_scores.scoring_model = explained_totals.scoring_model
    where lead_scores.fit_score != coalesce(explained_totals.fit_total, 0)
        or lead_scores.engagement_score != coalesce(explained_totals.engagement_total, 0)
)

select * from mismatches
