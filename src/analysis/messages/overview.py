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
        "overview.axis.amount": "Amount per transaction (currency units, log scale)",
        "overview.axis.transactions": "Transactions",
        "overview.axis.month": "Month",
        "overview.axis.revenue": "Revenue (currency units)",
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
            "{customers:,} customers made {transactions:,} transactions worth {revenue:,.0f} "
            "between {first} and {last}."
        ),
        "overview.finding.once": (
            "{share_once:.0%} of customers bought only once; the median number of purchases "
            "per customer is {median_purchases:g}, and the top 10% of customers made "
            "{p90_purchases:g} or more."
        ),
        "overview.finding.quality_clean": "No suspicious values were found by the checks below.",
        "overview.finding.quality_issues": (
            "Checks on the {n_transactions:,} transactions flagged: {checks}. "
            "Look at these rows before modelling."
        ),
    },
}
