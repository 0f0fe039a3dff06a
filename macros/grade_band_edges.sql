{% macro grade_band_edges(grade_type) %}
    {#- For a select list over grade_bands grouped by scoring_model: per grade of the type,
        whether the definition has its band and the band's edges (and, for fit, its
        engagement multiplier) as columns, so that a score is graded on its own row
        (grade_of_score) instead of by a join back from its distinct values. A grade is
        defined at most once per type and definition (the definition check). -#}
    {%- set columns = [] -%}
    {%- for grade in grade_labels(grade_type) -%}
        {%- set prefix = grade_type ~ '_' ~ grade | lower -%}
        {%- set is_band = "grade_type = '" ~ grade_type ~ "' and grade = '" ~ grade ~ "'" -%}
        {%- do columns.append('max(case when ' ~ is_band ~ ' then 1 else 0 end) as ' ~ prefix ~ '_defined') -%}
        {%- do columns.append('max(case when ' ~ is_band ~ ' then min_score end) as ' ~ prefix ~ '_min_score') -%}
        {%- do columns.append('max(case when ' ~ is_band ~ ' then max_score end) as ' ~ prefix ~ '_max_score') -%}
        {%- if grade_type == 'fit' -%}
            {%- do columns.append('max(case when ' ~ is_band ~ ' then engagement_multiplier end) as '
                ~ prefix ~ '_engagement_multiplier') -%}
        {%- endif -%}
    {%- endfor -%}
    {{ columns | join(',\n        ') }}
{%- endmacro %}
