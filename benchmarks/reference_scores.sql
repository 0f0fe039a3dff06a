-- The reference for `make bench`: one hand-written DuckDB query that computes the scores of
-- the primary definition (b2b_default) on one day, with the rules written into the SQL, the
-- way a team would hand-tune one query. It reads the raw events and the lead attributes the
-- project derives (int_leads_enriched, int_lead_ids_resolved: O(leads) work on titles,
-- emails and merges), and returns one row per lead: fit_score, engagement_score and
-- meets_entry (the MQL definition on that day: thresholds or a fast-track, not
-- disqualified). scripts/bench.py checks that the project computes the same values.
-- {as_of} is replaced by the scoring date (YYYY-MM-DD).
with

leads as (
    select * from intermediate.int_leads_enriched
),

lead_ids as (
    select * from intermediate.int_lead_ids_resolved
),

raw_events as (
    select * from raw.marketing_events
),

event_map as (
    select * from (
        values
        ('visit web page', '/pricing', 'pricing_page_view', 1),
        ('visit web page', '/careers', 'careers_page_view', 1),
        ('visit web page', null, 'page_view', 9),
        ('pageview', '/pricing', 'pricing_page_view', 1),
        ('pageview', '/careers', 'careers_page_view', 1),
        ('pageview', null, 'page_view', 9),
        ('fill out form', '/demo', 'demo_request', 1),
        ('fill out form', '/contact', 'contact_request', 1),
        ('fill out form', '/trial', 'trial_signup', 1),
        ('fill out form', '/webinars/', 'webinar_registered', 1),
        ('fill out form', '/resources/', 'content_download', 1),
        ('fill out form', null, 'form_submit', 9),
        ('form_submission', '/demo', 'demo_request', 1),
        ('form_submission', '/contact', 'contact_request', 1),
        ('form_submission', '/trial', 'trial_signup', 1),
        ('form_submission', '/webinars/', 'webinar_registered', 1),
        ('form_submission', '/resources/', 'content_download', 1),
        ('form_submission', null, 'form_submit', 9),
        ('open email', null, 'email_open', 9),
        ('email_open', null, 'email_open', 9),
        ('click email', null, 'email_click', 9),
        ('email_click', null, 'email_click', 9),
        ('email replied', null, 'email_reply', 9),
        ('email_reply', null, 'email_reply', 9),
        ('content_download', null, 'content_download', 9),
        ('webinar_registration', null, 'webinar_registered', 9),
        ('attend event', null, 'webinar_attended', 9),
        ('webinar_attendance', null, 'webinar_attended', 9),
        ('meeting_booked', null, 'demo_request', 9),
        ('unsubscribe email', null, 'unsubscribe', 9),
        ('unsubscribe', null, 'unsubscribe', 9),
        ('email bounced', null, 'email_bounce', 9),
        ('hard_bounce', null, 'email_bounce', 9)
    ) as event_map (source_name, url_contains, event_type, priority)
),

-- rule_id, event_type, property filter, points, cap, decay, half-life or lifespan, positive
rules as (
    select * from (
        values
        ('demo', 'demo_request', null, null, 40.0, 40.0, 'half_life', 30.0),
        ('trial', 'trial_signup', null, null, 35.0, 35.0, 'half_life', 30.0),
        ('contact', 'contact_request', null, null, 30.0, 30.0, 'half_life', 30.0),
        ('pricing', 'pricing_page_view', null, null, 10.0, 30.0, 'half_life', 14.0),
        ('webinar', 'webinar_attended', null, null, 10.0, 20.0, 'half_life', 30.0),
        ('webinar_reg', 'webinar_registered', null, null, 5.0, 10.0, 'half_life', 30.0),
        ('content', 'content_download', null, null, 8.0, 24.0, 'half_life', 30.0),
        ('security', 'content_download', 'asset_name', 'security', 5.0, 10.0, 'half_life', 30.0),
        ('integrations', 'page_view', 'url', '/product/integrations', 3.0, 9.0, 'half_life', 14.0),
        ('reply', 'email_reply', null, null, 10.0, 20.0, 'half_life', 30.0),
        ('click', 'email_click', null, null, 3.0, 15.0, 'half_life', 14.0),
        ('open', 'email_open', null, null, 1.0, 5.0, 'step', null),
        ('page', 'page_view', null, null, 1.0, 15.0, 'linear', 60.0),
        ('careers', 'careers_page_view', null, null, -5.0, 15.0, 'half_life', 30.0),
        ('unsubscribe', 'unsubscribe', null, null, -20.0, 20.0, 'none', null),
        ('bounce', 'email_bounce', null, null, -10.0, 10.0, 'none', null)
    ) as rules (rule_id, event_type, property, property_value, points, rule_cap, decay, days)
),

events_deduplicated as (
    select
        event_id,
        lead_id,
        lower(trim(event_type)) as source_name,
        occurred_at,
        url,
        asset_name,
        row_number() over (
            partition by event_id
            order by occurred_at, lead_id, event_type, url, asset_name, campaign
        ) as copy_number
    from raw_events
    where event_id is not null and lead_id is not null and occurred_at is not null
),

events_typed as (
    select
        events_deduplicated.event_id,
        lead_ids.surviving_lead_id as lead_id,
        events_deduplicated.url,
        events_deduplicated.asset_name,
        cast(events_deduplicated.occurred_at as date) as event_date,
        -- the mapping row with the lowest priority, then the first event type
        arg_min(event_map.event_type, lpad(cast(event_map.priority as varchar), 6, '0') || event_map.event_type)
            as event_type
    from events_deduplicated
    inner join lead_ids
        on events_deduplicated.lead_id = lead_ids.lead_id
    inner join event_map
        on events_deduplicated.source_name = event_map.source_name
            and (event_map.url_contains is null or contains(coalesce(events_deduplicated.url, ''), event_map.url_contains))
    where events_deduplicated.copy_number = 1
        and cast(events_deduplicated.occurred_at as date) <= date '{as_of}'
    group by
        events_deduplicated.event_id,
        lead_ids.surviving_lead_id,
        events_deduplicated.url,
        events_deduplicated.asset_name,
        cast(events_deduplicated.occurred_at as date)
),

rule_events as (
    select
        events_typed.lead_id,
        rules.rule_id,
        rules.points,
        rules.rule_cap,
        events_typed.event_date,
        date_diff('day', events_typed.event_date, date '{as_of}') as age,
        case rules.decay
            when 'none' then 1.0
            when 'half_life' then power(0.5, date_diff('day', events_typed.event_date, date '{as_of}') / rules.days)
            when 'linear' then greatest(0.0, 1 - date_diff('day', events_typed.event_date, date '{as_of}') / rules.days)
            else case
                when date_diff('day', events_typed.event_date, date '{as_of}') <= 7 then 1.0
                when date_diff('day', events_typed.event_date, date '{as_of}') <= 30 then 0.8
                when date_diff('day', events_typed.event_date, date '{as_of}') <= 60 then 0.6
                when date_diff('day', events_typed.event_date, date '{as_of}') <= 90 then 0.4
                else 0.2
            end
        end as decay
    from events_typed
    inner join rules
        on events_typed.event_type = rules.event_type
            and (
                rules.property is null
                or (rules.property = 'url' and contains(lower(events_typed.url), rules.property_value))
                or (rules.property = 'asset_name' and contains(lower(events_typed.asset_name), rules.property_value))
            )
),

rule_totals as (
    select
        lead_id,
        rule_id,
        least(greatest(sum(points * decay), -max(rule_cap)), max(rule_cap)) as capped,
        max(case when points > 0 then event_date end) as last_activity
    from rule_events
    group by lead_id, rule_id
),

engagement_raw as (
    select
        lead_id,
        sum(capped) as rule_points,
        max(last_activity) as last_activity
    from rule_totals
    group by lead_id
),

fast_tracks as (
    select
        events_typed.lead_id,
        max(case when events_typed.event_type = 'demo_request'
            and date_diff('day', events_typed.event_date, date '{as_of}') <= 14 then 1 else 0 end) as demo_14,
        max(case when events_typed.event_type = 'contact_request'
            and date_diff('day', events_typed.event_date, date '{as_of}') <= 7 then 1 else 0 end) as contact_7
    from events_typed
    where events_typed.event_type in ('demo_request', 'contact_request')
    group by events_typed.lead_id
),

fit as (
    select
        lead_id,
        round(cast(
            case when lower(seniority) in ('executive', 'vp') then 20
                when lower(seniority) = 'director' then 15
                when lower(seniority) = 'manager' then 8 else 0 end
            + case when lower(trim(job_function)) in ('engineering', 'data', 'it') then 10 else 0 end
            + case when employee_count >= 50 and employee_count < 200 then 5 else 0 end
            + case when employee_count >= 200 and employee_count < 5000 then 15 else 0 end
            + case when employee_count >= 5000 then 20 else 0 end
            + case when employee_count < 10 then -10 else 0 end
            + case when lower(trim(industry)) in ('software', 'financial services') then 10 else 0 end
            + case when lower(trim(country)) in ('us', 'ca', 'gb', 'de', 'fr', 'nl', 'au') then 5 else 0 end
            + case when regexp_matches(job_title, 'data (platform|infrastructure)', 'i') then 5 else 0 end
            + case when contains(lower(job_title), 'consultant') then -5 else 0 end
            + case when coalesce(trim(job_title), '') = '' then -5 else 0 end
            as decimal(38, 9)), 2) as fit_score,
        coalesce(is_competitor, false)
        or coalesce(is_customer, false)
        or lower(trim(email_domain)) in ('example.com', 'test.com', 'mailinator.com')
        or coalesce(regexp_matches(email_domain, '(\.edu|\.ac\.[a-z]{2})$|^student\.', 'i'), false)
        or coalesce(lower(seniority) = 'student', false)
        or lower(trim(email_domain)) in (
            'gmail.com', 'googlemail.com', 'yahoo.com', 'yahoo.co.uk', 'hotmail.com', 'outlook.com',
            'live.com', 'icloud.com', 'aol.com', 'gmx.de', 'web.de', 'proton.me', 'protonmail.com'
        ) as is_disqualified
    from leads
),

scored as (
    select
        fit.lead_id,
        fit.fit_score,
        fit.is_disqualified,
        coalesce(engagement_raw.rule_points, 0) as rule_points,
        -- penalty: 2 points per full 7 days beyond 30 without positive activity, at most the points
        case
            when engagement_raw.last_activity is null or engagement_raw.rule_points <= 0 then 0
            else -least(
                engagement_raw.rule_points,
                floor(greatest(date_diff('day', engagement_raw.last_activity, date '{as_of}') - 30, 0) / 7) * 2
            )
        end as penalty,
        coalesce(fast_tracks.demo_14, 0) as demo_14,
        coalesce(fast_tracks.contact_7, 0) as contact_7
    from fit
    left join engagement_raw
        on fit.lead_id = engagement_raw.lead_id
    left join fast_tracks
        on fit.lead_id = fast_tracks.lead_id
),

final as (
    select
        lead_id,
        fit_score,
        round(cast(least(greatest(
            case
                when fit_score < 20 and rule_points + penalty > 15 then 15
                else rule_points + penalty
            end, 0), 100) as decimal(38, 9)), 2) as engagement_score,
        is_disqualified,
        demo_14,
        contact_7
    from scored
)

select
    lead_id,
    cast(fit_score as decimal(18, 2)) as fit_score,
    cast(engagement_score as decimal(18, 2)) as engagement_score,
    not is_disqualified and (
        (fit_score >= 40 and engagement_score >= 30)
        or (demo_14 = 1 and fit_score >= 25)
        or (contact_7 = 1 and fit_score >= 30)
    ) as meets_entry
from final
