"""Messages of the data overview (notebook 00)."""

MESSAGES = {
    "en": {
        "overview.table_rows": "{table}: {n} rows",
        "overview.study_heading": "**{title}**: {description}",
        "overview.no_transactions": (
            "This study has no transactions table, so the sections on purchases are skipped."
        ),
        "overview.sample_note": (
            "This study's log stays on disk, so the figure below draws every purchase of a random "
            "sample of {n_sample:,} customers (seed {seed}); every table and finding uses all "
            "{n_customers:,} customers."
        ),
        "overview.axis.customers": "Customers",
        "overview.axis.transactions_per_customer": "Purchases per customer",
        "overview.axis.amount": "Amount per transaction ({currency}, log scale)",
        "overview.axis.transactions": "Transactions",
        "overview.axis.month": "Month",
        "overview.axis.revenue": "Revenue ({currency})",
        "overview.axis.active_customers": "Active customers",
        "overview.axis.share_missing": "Share of values missing (%)",
        "overview.axis.column": "Column",
        "overview.fig.purchases.title": "How many times each customer bought",
        "overview.fig.amounts.title": "Distribution of transaction amounts",
        "overview.fig.monthly.title": "Monthly revenue and active customers",
        "overview.fig.missing.title": "Missing values by table and column",
        "overview.fig.missing.none": "No missing values in any table",
        "overview.check.non_positive_amount": "zero or negative amount",
        "overview.check.future_date": "date after the end of observation",
        "overview.check.duplicate_row": "exact duplicate of another row",
        "overview.check.extreme_amount": "amount far above the rest (> Q3 + 3 IQR on log scale)",
        "overview.check.missing_value": "missing value",
        "overview.finding.scope": (
            "{customers:,.0f} customers made {transactions:,.0f} transactions worth {revenue:,.0f} {currency} "
            "between {first} and {last}."
        ),
        "overview.finding.once": (
            "{share_once:.0%} of customers bought only once; the median number of purchases "
            "per customer is {median_purchases:g}, and the top 10% of customers made "
            "{p90_purchases:g} or more."
        ),
        "overview.finding.quality_clean": "The checks below flagged no suspicious values.",
        "overview.finding.flagged.keep": (
            "Rows flagged as {description}: {n:,} ({share:.2%} of all rows). The study keeps them (cleaning: "
            "{setting}: keep), so every notebook models them as they are; set {setting}: drop in the "
            "study to remove them."
        ),
        "overview.finding.flagged.drop": (
            "Rows flagged as {description}: {n:,} ({share:.2%} of all rows). The study's cleaning policy ({setting}: "
            "drop) removes them before every analysis, this notebook's other tables included."
        ),
        "overview.finding.flagged.window": (
            "Rows flagged as {description}: {n:,} ({share:.2%} of all rows). Every notebook leaves them out: they "
            "fall after the observation window."
        ),
        "overview.finding.flagged.flag": (
            "Rows flagged as {description}: {n:,} ({share:.2%} of all rows). No cleaning rule applies to them, so "
            "every notebook models them: look at the examples in the table above before trusting spend "
            "figures."
        ),
        "overview.checked.none": "{description}: none found.",
        "overview.checked.kept": (
            "{description}: {n:,} flagged ({share:.2%} of rows), and no decision in the study's cleaning "
            "policy: they stay in the data every notebook models, so totals and averages of spend include them."
        ),
        "overview.checked.kept_decided": (
            "{description}: {n:,} flagged ({share:.2%} of rows); the study's cleaning policy keeps them on "
            "purpose, and every notebook models them."
        ),
        "overview.kind.number": "number",
        "overview.kind.date": "date",
        "overview.kind.text": "text",
        "overview.finding.scope_counts": (
            "{customers:,.0f} customers made {transactions:,.0f} transactions on {days:,.0f} customer purchase "
            "days between {first} and {last}. The log records no amounts, so this page says nothing about money."
        ),
        "overview.finding.attributes": (
            "The {table} table has {columns:,.0f} columns; the one with most missing values is {column}: "
            "{n_missing:,.0f} ({share:.1%})."
        ),
        "overview.finding.attributes_complete": (
            "The {table} table has {columns:,.0f} columns, none with missing values (counted after the "
            "study's missing-value codes)."
        ),
        "overview.finding.preparation": (
            "The study's preparation applied {steps:,.0f} step(s) while loading, changing {cells:,.0f} cells "
            "(table preparation)."
        ),
        "overview.checked.codes": (
            "Values that look like missing-value codes are still in the data: {n_codes:,.0f} code(s) in "
            "{n_rows:,.0f} cells, in {columns} (column, code, rows). Every notebook treats them as real "
            "answers. If they mean \"no answer\", declare them in the study under the table's "
            "`missing_codes:` (e.g. `missing_codes: {example}`)."
        ),
        "overview.checked.codes_none": "No value looks like a missing-value code ('unknown', 999, -1) still in the data.",
        "overview.note.no_amounts": (
            "The transactions carry no amounts (a count-only log), so there is no distribution of amounts to show."
        ),
        "overview.fig.monthly.title_counts": "Monthly transactions and active customers",
        "overview.checked.removed": "{description}: {n:,} flagged ({share:.2%} of rows), left out of every analysis.",
    },
}
