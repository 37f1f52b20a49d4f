"""Messages of the key-account section of notebook 01 (大客户: identification, portfolio, profiles)."""

MESSAGES = {
    "en": {
        # errors
        "key_accounts.error.unknown_component": (
            "key_account_weights has unknown component(s) {unknown}; the components are {components}, "
            "e.g. value: 0.6, growth: 0.3, share_of_wallet: 0.1."
        ),
        "key_accounts.error.bad_weight": (
            "key_account_weights gives {component} the weight {weight}; a weight is a number of 0 or more."
        ),
        "key_accounts.error.zero_weights": (
            "key_account_weights are all 0; give at least value a positive weight (e.g. value: 1)."
        ),
        "key_accounts.error.no_weight_left": (
            "key_account_weights give no weight to the components this study's data hold ({available}); "
            "give one of them a positive weight."
        ),
        "key_accounts.error.duplicate_customers": (
            "the customers table has duplicate customer_id values; validate it first (each customer once)."
        ),
        "key_accounts.error.missing_columns": (
            "the transactions lack the column(s) {columns}; pass the canonical transactions table."
        ),
        "key_accounts.error.no_rows": (
            "no transaction falls on or before the observation end {end}; set a later observation_end."
        ),
        "key_accounts.error.share_range": (
            "the share-of-wallet column {column!r} has {n} value(s) outside 0-1 (customers {examples}); "
            "write shares as numbers from 0 to 1, or name a wallet column (total category spend) instead."
        ),
        "key_accounts.error.quadrants_mismatch": (
            "the portfolio quadrants are not those of these key accounts; pass portfolio_quadrants(result) "
            "of the same result."
        ),
        # components, quadrants and actions
        "key_accounts.component.value": "current value",
        "key_accounts.component.growth": "growth potential",
        "key_accounts.component.share_of_wallet": "share of wallet",
        "key_accounts.component.equal": "equal weights",
        "key_accounts.quadrant.strategic": "Strategic partner",
        "key_accounts.quadrant.maintain": "Maintain",
        "key_accounts.quadrant.develop": "Develop",
        "key_accounts.quadrant.efficient": "Serve efficiently",
        "key_accounts.action.strategic": (
            "Plan jointly: a dedicated account team, an annual account plan and investment in the relationship."
        ),
        "key_accounts.action.maintain": (
            "Maintain: protect the relationship with reliable service and regular reviews, and find out why "
            "spending stopped growing."
        ),
        "key_accounts.action.develop": (
            "Develop: invest to win more of this account's spending (tailored offers, cross-selling)."
        ),
        "key_accounts.action.efficient": (
            "Serve efficiently: keep the standard service at a lower cost to serve and review whether the "
            "account is still a key account."
        ),
        # profile cells
        "key_accounts.profile.no_categories": "no categories in the data",
        "key_accounts.profile.no_category_rows": "no categorised purchases",
        "key_accounts.profile.category": "{name} ({share:.0%})",
        "key_accounts.profile.separator": "; ",
        # figure
        "key_accounts.fig.portfolio.title": "Key-account portfolio: current value and growth potential",
        "key_accounts.axis.value": "Current value, last {days:,.0f} days ({unit})",
        "key_accounts.axis.growth": "Growth potential ({unit})",
        "key_accounts.legend.key_accounts": "Key accounts",
        "key_accounts.legend.others": "Other customers",
        "key_accounts.legend.median": "Median (quadrant line)",
        "key_accounts.unit.purchases": "purchases",
        # findings
        "key_accounts.finding.identified": (
            "The {k:,.0f} key accounts (the customers with the highest key-account score) bring "
            "{share:.1%} of the {what} of the last {days:,.0f} days: {key_value:,.2f} of "
            "{total_value:,.2f} {unit}."
        ),
        "key_accounts.finding.identified_counts": (
            "The {k:,.0f} key accounts (the customers with the highest key-account score) made "
            "{share:.1%} of the purchases of the last {days:,.0f} days: {key_value:,.0f} of "
            "{total_value:,.0f}."
        ),
        "key_accounts.finding.weights": (
            "The score weighs current value {value:.0%}, growth potential {growth:.0%} and share of "
            "wallet {share_of_wallet:.0%} (percentile ranks among the customers)."
        ),
        "key_accounts.finding.weights_no_wallet": (
            "Share of wallet cannot be measured here: the customers table has no column `{wallet}` "
            "(each customer's total category spend) nor a share column, so its weight is spread over "
            "the others: current value now weighs {value:.0%} and growth potential {growth:.0%}."
        ),
        "key_accounts.finding.weights_wallet_off": (
            "Share of wallet is not measured (no wallet or share column is given, or the log has no "
            "money), so its weight is spread over the others: current value now weighs {value:.0%} and "
            "growth potential {growth:.0%}."
        ),
        "key_accounts.finding.growth_change": (
            "Growth potential is the change in {what} between the last {days:,.0f} days and the "
            "{days:,.0f} days before (for a customer acquired during the earlier window, the value of "
            "its purchases after the first one, per day, scaled to the whole window)."
        ),
        "key_accounts.finding.growth_potential": (
            "Growth potential is each customer's expected spend in `{column}` minus the spend of the last "
            "{days:,.0f} days."
        ),
        "key_accounts.finding.sensitivity": (
            "Ranked by {weighting} alone, {overlap:,.0f} of the {k:,.0f} key accounts would still be on "
            "the list ({share:.0%})."
        ),
        "key_accounts.finding.sensitivity_equal": (
            "With equal weights, {overlap:,.0f} of the {k:,.0f} key accounts would still be on the list "
            "({share:.0%})."
        ),
        "key_accounts.finding.portfolio": (
            "In the portfolio matrix (lines at the {basis} medians: {value_threshold:,.2f} of current "
            "value, {growth_threshold:,.2f} of growth potential), {strategic:,.0f} key accounts are "
            "*{strategic_name}*, {maintain:,.0f} *{maintain_name}*, {develop:,.0f} *{develop_name}* and "
            "{efficient:,.0f} *{efficient_name}*."
        ),
        "key_accounts.basis.key_accounts": "key accounts'",
        "key_accounts.basis.all": "all customers'",
        "key_accounts.finding.risk": (
            "Key accounts at risk or lapsed by the study's lifecycle definition: {at_risk:,.0f} of "
            "{k:,.0f}. Overdue (no purchase for more than {factor:,.1f} times the account's usual gap "
            "between purchases): {overdue:,.0f}."
        ),
        "key_accounts.finding.trend": (
            "Over the last quarters, spend per quarter is rising for {rising:,.0f} key accounts and "
            "falling for {falling:,.0f}; {short:,.0f} have fewer than three quarters of history."
        ),
        "key_accounts.finding.trend_counts": (
            "Over the last quarters, purchases per quarter are rising for {rising:,.0f} key accounts and "
            "falling for {falling:,.0f}; {short:,.0f} have fewer than three quarters of history."
        ),
        "key_accounts.finding.complaints": (
            "Key accounts that complained at least once: {complained:,.0f} of {k:,.0f} "
            "({complaints:,.0f} complaints in all)."
        ),
        "key_accounts.finding.no_categories": (
            "The transactions carry no `category`, so the profiles cannot say which products or "
            "services each key account buys."
        ),
        # checks
        "key_accounts.check.concentration.pass": (
            "The key accounts bring {share:.1%} of the window's {what} (the largest alone {top:.1%}), "
            "below the limit of {limit:.0%}: losing one would not cost much of the firm's value."
        ),
        "key_accounts.check.concentration.warn": (
            "The key accounts bring {share:.1%} of the window's {what} (the largest alone {top:.1%}), "
            "above the limit of {limit:.0%}: the firm depends on a few accounts, and losing one would cost "
            "much of its value; plan for that risk (more contacts per account, contracts, service plans)."
        ),
        "key_accounts.check.history.pass": (
            "Every key account was a customer for the whole previous window ({days:,.0f} days), so its "
            "growth compares two full windows."
        ),
        "key_accounts.check.history.warn": (
            "{short:,.0f} of the {k:,.0f} key accounts were customers for only part of the previous "
            "window ({days:,.0f} days): their growth compares the current window with their repeat "
            "purchases in the previous one scaled up to a full window, which rests on fewer days; "
            "{unknown:,.0f} joined too late to measure growth at all, so they rank in the middle on growth "
            "and the portfolio counts them as growing. Read their growth and quadrant with care."
        ),
        "key_accounts.check.history.warn_measured": (
            "{short:,.0f} of the {k:,.0f} key accounts were customers for only part of the previous "
            "window ({days:,.0f} days): their growth compares the current window with their repeat "
            "purchases in the previous one scaled up to a full window, which rests on fewer days. "
            "Read their growth and quadrant with care."
        ),
        "key_accounts.check.history.not_run": (
            "Growth comes from the customers' expected spend, not from two windows of history: the "
            "length of the history was not checked."
        ),
        "key_accounts.check.cut.pass": (
            "No other customer shares the score of the last key account, so the list's end is not a tie."
        ),
        "key_accounts.check.cut.warn": (
            "{tied:,.0f} customers share the score of the last key account and {inside:,.0f} of them made "
            "the list: the last places were decided by the tie rule (higher current value first, then "
            "customer id), not by the score."
        ),
        "key_accounts.check.skipped.no_log": (
            "Key accounts were not identified: they need a transaction log (spend by date), and this study "
            "gives only customer-level values."
        ),
        "key_accounts.check.skipped.on_disk": (
            "Key accounts were not identified: the transaction log is kept on disk (engine: duckdb), and "
            "the key-account profiles need it in memory; load it without the engine setting to see them."
        ),
        "key_accounts.check.skipped.no_window": (
            "Key accounts were not identified: the data give no observation end to count the "
            "current-value window back from."
        ),
    },
}
