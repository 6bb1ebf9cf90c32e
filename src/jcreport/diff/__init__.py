"""Year-over-year comparison of two reports of one procuratorate (``jcreport diff``) and timelines
over several (``jcreport series``): commitments kept or not, campaigns continued, figures changed."""
