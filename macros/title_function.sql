{% macro title_function(title_expr, words_expr=none) %}
    {#- Job function from a job title; the first matching family wins. -#}
    {%- set words = words_expr or padded_words(title_expr) -%}
    case
        when coalesce(trim({{ title_expr }}), '') = '' then 'unknown'
        when {{ words }} like '% data %' or {{ words }} like '% analytics %'
            or {{ words }} like '% analyst %' or {{ words }} like '% scientist %'
            or {{ words }} like '% bi %' then 'data'
        when {{ words }} like '% engineer %' or {{ words }} like '% engineering %'
            or {{ words }} like '% developer %' or {{ words }} like '% software %'
            or {{ words }} like '% devops %' or {{ words }} like '% architect %'
            or {{ words }} like '% cto %' or {{ words }} like '% technology %' then 'engineering'
        when {{ words }} like '% it %' or {{ words }} like '% cio %'
            or {{ words }} like '% information %' or {{ words }} like '% systems %'
            or {{ words }} like '% infrastructure %' or {{ words }} like '% security %'
            or {{ words }} like '% ciso %' then 'it'
        when {{ words }} like '% marketing %' or {{ words }} like '% cmo %'
            or {{ words }} like '% growth %' or {{ words }} like '% brand %'
            or {{ words }} like '% demand %' then 'marketing'
        when {{ words }} like '% sales %' or {{ words }} like '% account executive %'
            or {{ words }} like '% business development %' or {{ words }} like '% revenue %'
            or {{ words }} like '% cro %' then 'sales'
        when {{ words }} like '% finance %' or {{ words }} like '% financial %'
            or {{ words }} like '% cfo %' or {{ words }} like '% controller %'
            or {{ words }} like '% accounting %' or {{ words }} like '% accountant %' then 'finance'
        when {{ words }} like '% hr %' or {{ words }} like '% people %'
            or {{ words }} like '% talent %' or {{ words }} like '% recruiter %'
            or {{ words }} like '% human resources %' then 'hr'
        when {{ words }} like '% operations %' or {{ words }} like '% coo %'
            or {{ words }} like '% ops %' then 'operations'
        else 'other'
    end
{%- endmacro %}
