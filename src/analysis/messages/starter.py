"""Words of `analysis init`: the comments of a starter study and the evidence behind each guess."""

MESSAGES = {
    "en": {
        # the file's head
        "starter.header": (
            "Starter study written by `analysis init` from {files}.\n"
            "Every guess below is commented with the evidence it rests on. Check each guess, fill in\n"
            "what is marked TODO, then run:  analysis check --study {study}"
        ),
        "starter.title_comment": "the title every report page shows",
        "starter.description": "Data read from {files}: describe where they come from and what one row is.",
        "starter.allowed_roots": "the data lie outside the project: the study may read {folders}",
        "starter.currency": "name the currency of the money columns, e.g. currency: USD",
        # the table guesses
        "starter.table.paths": (
            "guessed table: paths (customer journeys): column {column} lists channels separated by "
            "{separator!r} in {share} of {rows} rows"
        ),
        "starter.table.transactions": (
            "guessed table: transactions (one row per purchase): {id} repeats ({n_ids} ids in {rows} rows) "
            "and {date} holds dates"
        ),
        "starter.table.transactions_no_amount": (
            "no column looks like money: a count-only log (visits or purchases without amounts); the "
            "analyses count purchases and leave out spend"
        ),
        "starter.table.survey": (
            "guessed table: survey (one row per respondent): {n} rating columns on a {scale} scale"
        ),
        "starter.table.survey_numeric": (
            "guessed table: survey (one row per respondent or unit, {id}): {n} numeric columns, no dates, money "
            "or purchase history; notebook 03 explains one of them by the others"
        ),
        "starter.table.channel_outcomes": (
            "guessed table: channel_outcomes (one row per customer or contact): {channel} names {k} channels "
            "or arms and {outcomes} are yes/no outcomes"
        ),
        "starter.table.customers": (
            "guessed table: customers (one row per customer): {id} holds {rows} distinct values, one per row"
        ),
        "starter.table.customers_rfm": (
            "customer-level purchase history: recency, frequency and spend come from columns, so notebook "
            "01 segments without a transaction log"
        ),
        "starter.table.complaints": (
            "guessed table: complaints (one row per complaint): {id} identifies the customer, {date} holds "
            "dates and {evidence} speak of complaints, tickets or their resolution"
        ),
        "starter.table.memberships": (
            "guessed table: memberships (one row per loyalty-programme tier spell): {id} identifies the "
            "member, {date} holds dates and {evidence} speak of tiers or points, with no money column"
        ),
        "starter.table.fallback": (
            "no canonical table fits clearly ({rows} rows, no id column, no date, no rating scale); the "
            "closest is {table}: change it if another fits"
        ),
        "starter.sheet.others": "the workbook's other sheets: {sheets}; add an entry for each that holds a table",
        "starter.sheet.this": "sheet {sheet} of the workbook",
        "starter.sheet.skipped": (
            "sheet {sheet} also looks like a {table} table; a study holds one table of each kind: "
            "swap it in here if it is the one to analyse"
        ),
        # reading the file
        "starter.read.encoding": "the file is not UTF-8: it decodes as {encoding}",
        "starter.read.sep": "the first line holds {n} {sep!r} and fewer of any other separator",
        "starter.read.cdnow": "fields separated by spaces in the CDNOW purchase-log layout",
        # column mappings and options
        "starter.map.id_unique": "{n} distinct values, one per row",
        "starter.map.id_repeated": "{n} distinct values in {rows} rows: ids that repeat",
        "starter.map.row_number": "numbers 1 to {rows}, one per row: the file's row numbers",
        "starter.map.date": "dates such as {example}",
        "starter.map.money": "money: numbers such as {example}",
        "starter.map.count": "whole numbers from {lo} to {hi}",
        "starter.map.path": "channels separated by {separator!r}, such as {example}",
        "starter.map.channel": "{k} values: {levels}",
        "starter.map.levels": "{k} values, such as {levels}",
        "starter.map.range": "numbers from {lo} to {hi}",
        "starter.map.referred_by": "the referrer's customer id, given in {n} of {rows} rows (empty: not referred)",
        "starter.map.resolved_date": "when the complaint was resolved (empty: not yet): dates such as {example}",
        "starter.map.start_date": (
            "the day the member entered this tier (her earliest is the day she joined): dates such as {example}"
        ),
        "starter.map.end_date": (
            "the day the member left this tier (empty: still in it at the end of the data): dates such as {example}"
        ),
        "starter.derive.row_number": (
            "no column identifies each respondent: the {rows} rows are numbered from 1 as their ids; name an id "
            "column under columns: instead if the file has one"
        ),
        "starter.map.todo_id": (
            "TODO: no column identifies each {unit}; name the one that does, or add one to the file "
            "(row numbers will do)"
        ),
        "starter.map.acquisition_date": "first day as a customer: dates such as {example}",
        "starter.map.recency": "days since the last purchase: whole numbers from {lo} to {hi}",
        "starter.option.binary": "yes/no columns: {detail}",
        "starter.option.continuous": "numeric outcomes: {detail}",
        "starter.option.rating": "ratings in {n} column(s): whole numbers from {lo} to {hi}",
        "starter.option.scale": "the smallest usual rating scale holding every answer ({lo} to {hi})",
        "starter.option.date_format": (
            "the order of day and month in {column}: the data show it (e.g. {example}); this pins it"
        ),
        "starter.option.date_unknown": (
            "TODO: no date in {column} tells whether the day or the month comes first (e.g. {example}): "
            "write '%d/%m/%Y' or '%m/%d/%Y'"
        ),
        "starter.option.negative": (
            "{n} rows of {column} are negative (lowest {low}): refunds or returns are not purchases; these rows "
            "are dropped with a warning (or remove them from the file)"
        ),
        "starter.option.channel_column": "the channel or campaign arm: {k} values ({levels})",
        "starter.option.separator": "{share} of the journeys hold it",
        "starter.derive.sum": "the sum of {n} columns: {columns}",
        "starter.derive.largest": "the channel of most purchases among {columns} (ties: the first listed)",
        "starter.derive.mean": "the mean of the {n} {construct} items: a composite score",
        "starter.missing_codes": "values that look like codes for a missing answer; they are read as missing",
        "starter.missing_code.text": "{codes} in {n} of {rows} rows",
        "starter.missing_code.number": "{codes} in {n} of {rows} rows; every other value lies between {lo} and {hi}",
        # notebooks
        "starter.notebooks": "the notebooks that fit this data, with the parameters they need",
        "starter.nb.none": "no notebook fits these tables yet; see the TODO lines above",
        "starter.nb.count_only": "no money column: segment on recency and frequency only",
        "starter.nb.outcome": "the overall outcome the drivers explain",
        "starter.nb.item_pattern": "item columns grouped into constructs by their name: {constructs}",
        "starter.nb.predictors": "drivers used as they are (no item groups in the names)",
        "starter.nb.scale": "the rating scale of the drivers",
        "starter.nb.no_expectations": "no expectation items (exp_*): no SERVQUAL gaps",
        "starter.nb.expectations": "expectation items pair with the {prefix} perception items: SERVQUAL gaps",
        "starter.nb.loyalty": "a yes/no column ({column}: {levels}) modelled as loyalty",
        "starter.nb.loyalty_churn": "1 means the customer left: lower is better",
        "starter.nb.loyalty_better": "1 means the customer stayed: higher is better",
        "starter.nb.no_loyalty": "set a 0/1 or rating column to model loyalty too",
        "starter.nb.group": "set a column whose groups may differ in drivers; candidates: {columns}",
        "starter.nb.no_group": "no column defines groups",
        "starter.nb.pls_outcomes": "outcome constructs in causal order with their items",
        "starter.nb.pls_outcome_scale": "each outcome item's scale",
        "starter.nb.pls_paths": (
            "every driver construct points at {first}; write [[from, to], ...] for a model of your own"
        ),
        "starter.nb.no_pls": "one outcome column: no structural (PLS) model",
        "starter.nb.binary_outcomes": "yes/no outcomes compared as rates",
        "starter.nb.spend": "spend per contact",
        "starter.nb.no_spend": "no spend column",
        "starter.nb.covariates": "complete columns describing the customer mix; others: {others}",
        "starter.nb.control": "the arm that got no treatment",
        "starter.nb.no_control": "no arm looks like a control group: write it here to get lift",
        "starter.nb.no_cost": "no cost column",
        "starter.nb.no_heterogeneity": "set a customer attribute to split the lift by",
        "starter.nb.features": "the clustering features the customer table holds",
        "starter.nb.paths": "the journeys of the paths table feed the attribution section",
        "starter.nb.complaint_flag": (
            "a yes/no column ({column}: {levels}) says who complained: complaint rate and complainers "
            "against the others"
        ),
        "starter.nb.complaint_outcome": "a yes/no outcome compared between complainers and the others",
        "starter.nb.no_complaint_outcome": "set a customers column to compare between complainers and the others",
        "starter.nb.retention": (
            "retention, complaints and service recovery, the loyalty programme and the KPI scorecard: each "
            "section runs on the tables it needs"
        ),
        # errors
        "starter.error.no_files": "analysis init needs at least one data file: analysis init FILE [FILE ...]",
        "starter.error.exists": (
            "{path} exists already; pass --force to overwrite it (write_starter(..., force=True)), "
            "or write elsewhere with --output PATH or --name NAME"
        ),
        "starter.error.name": (
            "{name!r} cannot name a study: use letters, digits and underscores, starting with a letter "
            "(for example {suggestion!r})"
        ),
        "starter.error.name_output": (
            "the study is named {name!r} but --output is {output}; a study's name equals its file name "
            "without .yaml: drop --name, or write to {expected}"
        ),
        "starter.error.output_suffix": "--output must end in .yaml; got {output}",
    },
}
