{% macro title_seniority(title_expr, words_expr=none) %}
    {#- Seniority from a job title. Order matters: "Vice President" is vp before "President"
        makes it executive; students and interns first because "Intern, Engineering Manager
        team" is still an intern. -#}
    {%- set words = words_expr or padded_words(title_expr) -%}
    case
        when coalesce(trim({{ title_expr }}), '') = '' then 'unknown'
        when {{ words }} like '% student %' or {{ words }} like '% intern %'
            or {{ words }} like '% internship %' or {{ words }} like '% phd %'
            or {{ words }} like '% trainee %' then 'student'
        when {{ words }} like '% vp %' or {{ words }} like '% svp %' or {{ words }} like '% evp %'
            or {{ words }} like '% vice president %' then 'vp'
        when {{ words }} like '% chief %' or {{ words }} like '% ceo %' or {{ words }} like '% cto %'
            or {{ words }} like '% cfo %' or {{ words }} like '% cio %' or {{ words }} like '% cmo %'
            or {{ words }} like '% coo %' or {{ words }} like '% cro %' or {{ words }} like '% founder %'
            or {{ words }} like '% co founder %' or {{ words }} like '% president %'
            or {{ words }} like '% owner %' then 'executive'
        when {{ words }} like '% director %' or {{ words }} like '% head %' then 'director'
        when {{ words }} like '% manager %' or {{ words }} like '% lead %' then 'manager'
        else 'individual_contributor'
    end
{%- endmacro %}
