-- A lead scored on the as-of day only (int_lead_score_dates.has_history false) is one that
-- can never meet the entry definition: its fit, or its engagement bound (the most its events
-- could ever add), kept its past days from being computed. A row here would mean the bound
-- missed a way the score adds engagement, and the lead's MQL history would be missing.
select
    scores.scoring_model,
    scores.lead_id,
    scores.score_date
from {{ ref('int_lead_scores_computed') }} as scores
inner join {{ ref('int_lead_score_dates') }} as score_dates
    on scores.scoring_model = score_dates.scoring_model
        and scores.lead_id = score_dates.lead_id
where scores.meets_entry
    and not score_dates.has_history
