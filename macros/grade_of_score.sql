{% macro grade_of_score(score_expr, band_edges, grade_type, value='grade') %}
    {#- The grade of a score (min_score <= score < max_score; an empty edge is open), or
        with value='engagement_multiplier' that fit band's multiplier, from the columns of
        grade_band_edges on the relation band_edges; null when no band holds the score. -#}
    {%- if value != 'grade' and grade_type != 'fit' -%}
        {{ exceptions.raise_compiler_error(
            'grade_of_score: only fit bands have a ' ~ value ~ ', not ' ~ grade_type ~ ' bands'
        ) }}
    {%- endif %}
    case
        {%- for grade in grade_labels(grade_type) %}
            {%- set prefix = band_edges ~ '.' ~ grade_type ~ '_' ~ grade | lower %}
        when {{ prefix }}_defined = 1
            and ({{ prefix }}_min_score is null or {{ score_expr }} >= {{ prefix }}_min_score)
            and ({{ prefix }}_max_score is null or {{ score_expr }} < {{ prefix }}_max_score)
            then {{ "'" ~ grade ~ "'" if value == 'grade' else prefix ~ '_' ~ value }}
        {%- endfor %}
    end
{%- endmacro %}
