-- Every raw row is accounted for: accepted or rejected with a reason, never dropped.
select *
from {{ ref('source_reconciliation') }}
where raw_rows != accepted_rows + rejected_rows
