"""Messages of notebook 05's retention and economics sections (cohorts, period retention, survival,
the sBG forecast of a programme, and the economics of retention)."""

MESSAGES = {
    "en": {
        # figures
        "retention.fig.cohorts.title": "Cohort retention: share of each acquisition cohort buying again",
        "retention.fig.cohorts.x": "Time since acquisition ({period}s)",
        "retention.fig.cohorts.y": "Cohort (first {period})",
        "retention.fig.cohorts.colour": "Share of the cohort buying",
        "retention.fig.rates.title": "Period retention: share of customers active in a {period} who buy again in the next ({level:.0%} Wilson intervals)",
        "retention.fig.rates.x": "Period t ({period})",
        "retention.fig.rates.y": "Retention rate (share)",
        "retention.fig.groups.title": "Retention from {period_t} to the next {period} by group ({level:.0%} Wilson intervals)",
        "retention.fig.groups.level": "{grouping}: {level}",
        "retention.fig.groups.x": "Retention rate (share)",
        "retention.fig.survival.title": "Customer survival (Kaplan-Meier, {level:.0%} log-log bands)",
        "retention.fig.survival.x": "Days since the first purchase",
        "retention.fig.survival.y": "Share not yet churned",
        "retention.fig.survival.all": "All customers",
        "retention.fig.sbg.title": "Programme membership: observed survival and the sBG forecast",
        "retention.fig.sbg.x": "Months since joining",
        "retention.fig.sbg.y": "Share of members still in the programme",
        "retention.fig.sbg.observed": "Observed (all members)",
        "retention.fig.sbg.forecast": "sBG forecast",
        "retention.fig.sbg.calibration": "End of calibration",
        "retention.fig.scenarios.title": "Value of the customer base if retention were higher",
        "retention.fig.scenarios.x": "Retention improvement (percentage points)",
        "retention.fig.scenarios.y": "Gain in base value ({currency})",
        "retention.period.month": "month",
        "retention.period.quarter": "quarter",
        "retention.grouping.acquisition_channel": "acquisition channel",
        "retention.grouping.value_tier": "value tier",
        "retention.grouping.lifecycle_stage": "lifecycle stage",
        "retention.grouping.rfm_segment": "RFM segment",
        "retention.grouping.cohort": "acquisition cohort",
        "retention.pays.yes": "pays: its value is above zero over the whole interval of the retention rate",
        "retention.pays.no": "does not pay: its value is below zero over the whole interval of the retention rate",
        "retention.pays.unclear": "may or may not pay: its value changes sign within the interval of the retention rate",
        # findings
        "retention.finding.cohorts": (
            "Of the {size:,} customers acquired in {cohort}, {rate:.1%} bought again in the next {period}; over the "
            "{n_cohorts} cohorts with that {period} observed, this first-{period} rate ranges from {low_rate:.1%} "
            "({low}) to {high_rate:.1%} ({high})."
        ),
        "retention.finding.cohorts_one": (
            "Of the {size:,} customers acquired in {cohort}, {rate:.1%} bought again in the next {period} (one cohort "
            "has that {period} observed)."
        ),
        "retention.finding.latest": (
            "Retention: of the {active:,} customers who bought in {period_t}, {rate:.1%} bought again in the next "
            "{period} (interval {low:.1%} to {high:.1%}); churn was {churn:.1%}. In the first rated {period}, "
            "{first_period}, retention was {first_rate:.1%}."
        ),
        "retention.finding.group": (
            "By {grouping}: retention from {period_t} ranges from {low_rate:.1%} ({low}, {low_n:,} customers) to "
            "{high_rate:.1%} ({high}, {high_n:,} customers); the chi-square test of one common rate gives "
            "p = {p:.3g}."
        ),
        "retention.finding.group_one": "By {grouping}: every active customer is in one group, {level}, so there is nothing to compare.",
        "retention.finding.lifetimes": (
            "Survival: of the {judged:,} customers acquired at least {churn_days} days before the end, {churned:,} "
            "have churned (no purchase in the last {churn_days} days); the other {censored:,} are still customers "
            "(censored)."
        ),
        "retention.finding.first_day": (
            "{share:.1%} of them never bought after their first purchase day: the survival curve starts below one."
        ),
        "retention.finding.median": (
            "The median customer lifetime is {median:,.0f} days (interval {low:,.0f} to {high:,.0f} days)."
        ),
        "retention.finding.median_zero": (
            "More than half of these customers never bought after their first purchase day, so the median lifetime "
            "is {median:,.0f} days; the curve after day 0 shows how long the customers who came back stayed."
        ),
        "retention.finding.median_open": (
            "The median customer lifetime is {median:,.0f} days; the interval's upper end is not reached within the "
            "data (its lower end is {low:,.0f} days)."
        ),
        "retention.finding.median_not_reached": (
            "More than half of the customers are still customers after the longest lifetime observed: the median "
            "lifetime is not reached (the curve ends at {last:.1%} after {days} days)."
        ),
        "retention.finding.logrank": (
            "Survival by {grouping}: the log-rank test gives chi-square {statistic:.1f} on {df} degree(s) of freedom, "
            "p = {p:.3g}."
        ),
        "retention.finding.sbg": (
            "Programme membership: the shifted-beta-geometric model fitted on the first {fit:,.0f} months of "
            "{members:,.0f} members estimates alpha = {alpha:.2f} and beta = {beta:.2f}, so a new member renews "
            "after her first month with probability {mean_retention:.1%}, and retention rises with tenure. In the "
            "months after calibration its forecast misses the observed share still in by {mae:.1%} on average (at "
            "most {max_error:.1%})."
        ),
        "retention.finding.sbg_no_holdout": (
            "Programme membership: the shifted-beta-geometric model fitted on the first {fit:,.0f} months of "
            "{members:,.0f} members estimates alpha = {alpha:.2f} and beta = {beta:.2f}; no later month has enough "
            "members to check its forecast."
        ),
        "retention.finding.sbg_truth": (
            "Known truth (synthetic data): members of this firm leave as an sBG with alpha = {alpha_truth:.2f} and "
            "beta = {beta_truth:.2f}; both lie within the estimates' intervals (alpha {alpha_ci_low:.2f} to "
            "{alpha_ci_high:.2f}, beta {beta_ci_low:.2f} to {beta_ci_high:.2f})."
        ),
        "retention.finding.sbg_truth_missed": (
            "Known truth (synthetic data): members of this firm leave as an sBG with alpha = {alpha_truth:.2f} and "
            "beta = {beta_truth:.2f}; at least one lies outside the estimates' intervals (alpha {alpha_ci_low:.2f} "
            "to {alpha_ci_high:.2f}, beta {beta_ci_low:.2f} to {beta_ci_high:.2f})."
        ),
        "retention.finding.margin": (
            "Each of the {active:,} customers active in {period_t} brought {margin:,.2f} {currency} of margin that "
            "{period}."
        ),
        "retention.finding.value": (
            "At the latest retention rate a customer active now is worth {value:,.2f} {currency} (interval "
            "{low:,.2f} to {high:,.2f}), and the active base {base:,.0f} {currency}; each customer lost costs "
            "{churn_cost:,.2f} {currency} of future margin."
        ),
        "retention.finding.programme": (
            "A retention programme costing {cost:,.2f} {currency} per active customer per {period} that raises the "
            "retention rate by {effect:.1%} in absolute terms spends {per_kept:,.2f} {currency} per customer kept; "
            "it breaks even at an absolute rise of {break_even:.2%}, and {verdict}."
        ),
        "retention.finding.scenarios": (
            "One percentage point more retention would raise the base's value by {gain_one:.1%} ({gain_one_money:,.0f} "
            "{currency}); {top} points by {gain_top:.1%}."
        ),
        # checks
        "retention.check.skipped": "The study has no {table} table, so this part did not run.",
        "retention.check.no_amounts": (
            "The transactions have no amounts, so the economics of retention (margin, value, cost of churn) did not run."
        ),
        "retention.check.too_short": (
            "The data hold fewer than two complete {period}s, so no retention rate can be measured yet; use a shorter "
            "period (period = \"month\") or wait for more data."
        ),
        "retention.check.no_lifetimes": (
            "No customer was acquired at least {churn_days} days before the end of the data, so nobody can be judged "
            "churned or not yet; set churn_days lower to draw survival curves."
        ),
        "retention.check.sbg_not_run": (
            "No member has been observed for {fit} months with someone leaving in that time, so the sBG cannot be "
            "fitted; set sbg_fit_periods lower."
        ),
        "retention.check.history": (
            "The oldest cohort has {n:,} complete {period}(s) after acquisition: enough history to follow cohorts."
        ),
        "retention.check.history_short": (
            "The oldest cohort has only {n:,} complete {period}(s) after acquisition: the cohort matrix shows the "
            "start of each cohort's life, not how retention settles; read long-run statements with care."
        ),
        "retention.check.small_groups": (
            "Every group has at least {limit} active customers in {period_t} (smallest: {n:,}), so each Wilson "
            "interval rests on a fair sample."
        ),
        "retention.check.small_groups_warn": (
            "{n_small:,} group(s) have fewer than {limit} active customers in {period_t} (smallest: {n:,}); their "
            "rates are imprecise and the chi-square p-value may be unreliable."
        ),
        "retention.check.censoring": (
            "{share:.1%} of the customers judged are censored (still customers); Kaplan-Meier uses them up to the "
            "time they are known to survive."
        ),
        "retention.check.censoring_warn": (
            "{share:.1%} of the customers judged are censored (still customers): most lifetimes are not yet complete, "
            "so the curve's tail and the median rest on few churns."
        ),
        "retention.check.at_risk": (
            "{n:,.0f} customers were still under observation at the median lifetime, enough for its interval."
        ),
        "retention.check.at_risk_warn": (
            "Only {n:,.0f} customers were still under observation at the median lifetime; it and its interval are "
            "imprecise."
        ),
        "retention.check.at_risk_open": (
            "The median lifetime is not reached in the data, so no median can be stated; the curve's last value is "
            "the share still surviving."
        ),
        "retention.check.sbg": (
            "The sBG forecast stays within {limit} of the observed share still in the programme in the holdout "
            "months (largest miss {max_error:.1%})."
        ),
        "retention.check.sbg_warn": (
            "The sBG forecast misses the observed share still in the programme by up to {max_error:.1%} in the holdout "
            "months (more than {limit}): the model's shape does not fit these members, so its long-run forecast "
            "is doubtful."
        ),
        "retention.check.sbg_holdout": (
            "No month after the calibration has enough members to check the sBG forecast; fit on fewer months "
            "(sbg_fit_periods) to keep a holdout."
        ),
    },
}
