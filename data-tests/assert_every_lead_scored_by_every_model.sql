-- Nothing is dropped between the leads and the public table: leads x definitions rows.
with

leads as (
    select count(*) as lead_count from {{ ref('int_leads_enriched') }}
),

scoring_models as (
    select count(*) as model_count from {{ ref('scoring_models') }}
),

lead_scores as (
    select count(*) as score_rows from {{ ref('lead_scores') }}
)

select
    leads.lead_count,
    scoring_models.model_count,
    lead_scores.score_rows
from leads
cross join scoring_models
cross join lead_scores
where lead_scores.score_rows != leads.lead_count * scoring_models.model_count
