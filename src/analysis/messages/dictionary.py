"""Words of the data dictionary page (analysis.report.dictionary) in English.

The tables' and columns' own English texts are not repeated here: the page takes
them from :mod:`analysis.schemas.descriptions`, their one source. Their Chinese is in
``zh/dictionary.py`` under ``dictionary.table.<table>.{row,summary}``,
``dictionary.column.<table>.<column>.meaning`` (``<column>`` without its angle
brackets), ``dictionary.type.<slug>`` and ``dictionary.unit.<slug>`` (the slug of the
English text: :func:`analysis.report.dictionary.slug`); a test checks that every
column has them.
"""

MESSAGES = {
    "en": {
        "dictionary.title": "Data dictionary",
        "dictionary.intro": ("Every canonical table of the customer database and each of its columns: type, unit, "
                             "meaning and the notebooks that use it. The columns are grouped by what a customer "
                             "database holds, as the course teaches it: basic information, transaction history, "
                             "interaction records and preferences. This page is generated from the tables' "
                             "descriptions, which tests keep equal to the validators."),
        "dictionary.usage_rule": ("The notebooks column is derived from the notebooks' code, their parameters' "
                                  "defaults and the analysis functions they hand the table to: it lists the "
                                  "notebooks that may use the column. Notebook 00 also checks every column of "
                                  "every table for missing values; listed here are the columns it analyses by name."),
        "dictionary.column.column": "Column",
        "dictionary.column.table": "Table",
        "dictionary.column.required": "Required",
        "dictionary.column.type": "Type",
        "dictionary.column.unit": "Unit",
        "dictionary.column.meaning": "Meaning",
        "dictionary.column.notebooks": "Notebooks",
        "dictionary.yes": "yes",
        "dictionary.no": "no",
        "dictionary.none": "(no notebook yet: kept for your own analysis)",
        "dictionary.declared_by": "columns named by the option {option}",
        "dictionary.named_by": "columns named by the notebook parameter {parameter}",
        "dictionary.group.basic_information": ("Who the customer is and how she came: acquisition date, channel "
                                               "and cost, referrer, descriptive attributes."),
        "dictionary.group.transaction_history": ("What the customer bought, when and for how much: the purchases, "
                                                 "and their per-customer summary (recency, frequency, monetary value)."),
        "dictionary.group.interaction_records": ("Every contact between firm and customer besides a purchase: "
                                                 "satisfaction surveys, campaign contacts and responses, journey "
                                                 "touchpoints, complaints and service recovery, the loyalty programme."),
        "dictionary.group.preferences": ("What the customer prefers: her spend shares by category and the like. Few "
                                         "canonical columns record preferences directly; the notebooks mostly derive "
                                         "them from the transaction history (cross-selling in notebook 05)."),
        "dictionary.tables": "Canonical tables",
        "dictionary.table_row": "One row per {row}.",
        "dictionary.notebooks": "Notebooks",
        "dictionary.notebook_reports": "Its reports in the studies:",
        "dictionary.no_reports": "No report of it in this edition yet.",
    },
}
