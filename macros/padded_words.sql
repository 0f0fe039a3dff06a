{% macro padded_words(text_expr) %}
    {#- Lowercase text with punctuation and quotes turned into spaces and a space at each end,
        so that `like '% cto %'` finds whole words portably (no regex word boundaries needed). -#}
    (' ' || translate(lower({{ text_expr }}), ',./-&()|:;"''', '            ') || ' ')
{%- endmacro %}
