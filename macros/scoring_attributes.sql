{% macro scoring_attributes() %}
    {#- The lead and account attributes that fit rules and disqualifiers may test, with their
        type. The single list behind the attribute unpivot and the definition check. -#}
    {{ return([
        {'name': 'email_domain', 'type': 'text'},
        {'name': 'job_title', 'type': 'text'},
        {'name': 'seniority', 'type': 'text'},
        {'name': 'job_function', 'type': 'text'},
        {'name': 'country', 'type': 'text'},
        {'name': 'lead_source', 'type': 'text'},
        {'name': 'account_domain', 'type': 'text'},
        {'name': 'industry', 'type': 'text'},
        {'name': 'company_size_band', 'type': 'text'},
        {'name': 'is_customer', 'type': 'text'},
        {'name': 'is_competitor', 'type': 'text'},
        {'name': 'employee_count', 'type': 'number'},
        {'name': 'annual_revenue', 'type': 'number'},
    ]) }}
{% endmacro %}
