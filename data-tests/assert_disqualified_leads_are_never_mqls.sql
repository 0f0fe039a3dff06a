-- A disqualifier always wins: no disqualified lead is an MQL, and the reason fields agree.
select *
from {{ ref('lead_scores') }}
where (is_disqualified and (is_mql or mql_reason is not null or disqualification_reason is null))
    or (not is_disqualified and disqualification_reason is not null)
    or (is_mql != (mql_reason is not null))
