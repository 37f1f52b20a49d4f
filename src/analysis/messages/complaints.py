"""Messages of the complaints and service-recovery section of notebook 05 (analysis.retention.complaints,
analysis.retention.recovery, analysis.findings.complaints, analysis.plots.complaints)."""

MESSAGES = {
    "en": {
        # figures
        "complaints.fig.trend.title": "Complaints per 1,000 orders by {period} ({level:.0%} exact Poisson intervals)",
        "complaints.fig.trend.x": "{period} of the order complained about",
        "complaints.fig.rate.y": "Complaints per 1,000 orders",
        "complaints.fig.channels.title": "Complaints per 1,000 orders by purchase channel ({level:.0%} intervals)",
        "complaints.fig.channels.x": "Purchase channel",
        "complaints.fig.pareto.title": "Complaint categories, largest first (Pareto chart)",
        "complaints.fig.pareto.x": "Category",
        "complaints.fig.pareto.y": "Complaints (number)",
        "complaints.fig.pareto.y2": "Cumulative share of complaints (%)",
        "complaints.fig.recovery.title": (
            "Repurchase within {days} days after an order, by what followed it ({level:.0%} intervals)"),
        "complaints.fig.recovery.x": "Share of orders followed by a repurchase (%)",
        "complaints.fig.recovery.naive": "Naive (as observed)",
        "complaints.fig.recovery.adjusted": "Adjusted for the customer's history",
        "complaints.fig.satisfaction.title": "Satisfaction with the recovery by resolution ({level:.0%} intervals)",
        "complaints.fig.satisfaction.x": "Mean satisfaction after recovery (the study's rating scale)",
        "complaints.period.month": "Month",
        "complaints.period.quarter": "Quarter",
        # groups
        "complaints.group.none": "no complaint",
        "complaints.group.good": "complaint resolved well",
        "complaints.group.poor": "complaint not resolved well",
        "complaints.group.complained": "customers who complained",
        "complaints.group.no_complaint": "customers who did not complain",
        "complaints.group.all": "all complaints",
        "complaints.group.not_recorded": "not recorded",
        "complaints.covariate.log_prior_orders": "orders before (log)",
        "complaints.covariate.log_prior_spend": "spend before (log)",
        "complaints.covariate.log_tenure_days": "tenure (log days)",
        # findings
        "complaints.text.rate": (
            "{complaints:,} complaints were made about {orders:,} orders: {rate:.1f} per 1,000 orders "
            "({low:.1f} to {high:.1f}, exact Poisson interval). Of the {customers:,} customers who ordered, "
            "{share:.1%} complained at least once ({share_low:.1%} to {share_high:.1%}, Wilson interval)."
        ),
        "complaints.text.zero_goal": (
            "A zero-complaint goal (零投诉) is not met by these data: even the low end of the interval is "
            "{low:.1f} complaints per 1,000 orders, so every 1,000 orders still bring complaints, and as many "
            "as {high:.1f} is consistent with the data. Zero complaints is a direction for improvement; a "
            "target the data can judge is a rate below a set value."
        ),
        "complaints.text.zero_goal_met": (
            "No complaint was recorded about {orders:,} orders. That is consistent with a zero-complaint goal "
            "(零投诉), but so is a rate of up to {high:.2f} per 1,000 orders (the upper end of the exact "
            "interval): a count of zero shows the rate is low, not that it is zero."
        ),
        "complaints.text.channels_apart": (
            "By purchase channel, complaints per 1,000 orders range from {low_rate:.1f} ({low}; {low_lo:.1f} to "
            "{low_hi:.1f}) to {high_rate:.1f} ({high}; {high_lo:.1f} to {high_hi:.1f}); the two intervals do "
            "not overlap, so these channels differ in their complaint rate."
        ),
        "complaints.text.channels_overlap": (
            "By purchase channel, complaints per 1,000 orders range from {low_rate:.1f} ({low}; {low_lo:.1f} to "
            "{low_hi:.1f}) to {high_rate:.1f} ({high}; {high_lo:.1f} to {high_hi:.1f}); the two intervals "
            "overlap, so the data do not show that these channels differ."
        ),
        "complaints.text.trend": (
            "In the latest full {period} ({latest}) there were {rate:.1f} complaints per 1,000 orders "
            "({low:.1f} to {high:.1f}), against {first_rate:.1f} in the first ({first})."
        ),
        "complaints.text.pareto": (
            "Complaints fall into {n} categories; the {k} largest ({names}) make up {share:.0%} of them, so "
            "removing their causes would remove most complaints (the Pareto principle)."
        ),
        "complaints.text.resolution": (
            "Days to resolution (Kaplan-Meier): a quarter of the complaints were resolved within {q25:.0f}, half "
            "within {median:.0f} ({low:.0f} to {high:.0f}) and three quarters within {q75:.0f} days. Complaints "
            "still open at the end of the data (counted as unresolved until then): {open:,}."
        ),
        "complaints.text.resolution_day": (
            "Days to resolution (Kaplan-Meier): a quarter of the complaints were resolved within {q25:.0f}, half "
            "within {median:.0f} (so many were resolved on that day that the interval is that day alone) and "
            "three quarters within {q75:.0f} days. Complaints still open at the end of the data (counted as "
            "unresolved until then): {open:,}."
        ),
        "complaints.text.resolution_open": (
            "Days to resolution (Kaplan-Meier): a quarter of the complaints were resolved within {q25:.0f} and "
            "half within {median:.0f} days; so many are still open ({open:,}) that the slowest quarter's time "
            "cannot be told yet."
        ),
        "complaints.text.satisfaction": (
            "Satisfaction with the recovery, {group}: {mean:.2f} on average ({low:.2f} to {high:.2f}, "
            "{n:,} complaints)."
        ),
        "complaints.text.compensation": (
            "Compensation paid: {total:,.2f} {currency} in all, {mean:.2f} {currency} per complaint on average "
            "({low:.2f} to {high:.2f}); {share:.0%} of complaints received some."
        ),
        "complaints.text.recovery_naive": (
            "As observed, {none:.1%} of orders without a complaint were followed by another order within "
            "{days} days, against {good:.1%} after a complaint resolved well and {poor:.1%} after one not "
            "resolved well."
        ),
        "complaints.text.recovery_ratio": (
            "{group}: at the same customer history, {rate:.1%} of orders are followed by a repurchase within "
            "{days} days ({low:.1%} to {high:.1%}) against {none_rate:.1%} without a complaint, a risk ratio of "
            "{ratio:.2f} ({ratio_low:.2f} to {ratio_high:.2f}); the naive ratio is {naive:.2f}."
        ),
        "complaints.text.paradox": (
            "Service recovery paradox: orders whose complaint was resolved well are followed by a repurchase "
            "more often than orders without a complaint, even at the low end of the adjusted ratio's interval "
            "({low:.2f}). Here good recovery does more than repair the damage."
        ),
        "complaints.text.no_paradox": (
            "No service recovery paradox: even a complaint resolved well leaves customers less likely to buy "
            "again than no complaint at all (adjusted ratio {ratio:.2f}; its interval ends at {high:.2f}, below "
            "1). Good recovery limits the loss; preventing the complaint is better still."
        ),
        "complaints.text.paradox_unclear": (
            "Whether good recovery beats no complaint cannot be told from these data: the adjusted ratio "
            "{ratio:.2f} has an interval from {low:.2f} to {high:.2f}, which includes 1 (no difference). "
            "There is no evidence of a service recovery paradox."
        ),
        "complaints.text.poor_recovery": (
            "A complaint not resolved well costs repurchases: its adjusted ratio {ratio:.2f} ({low:.2f} to "
            "{high:.2f}) is below that of a complaint resolved well ({good:.2f})."
        ),
        "complaints.text.truth_covered": (
            "This synthetic firm's true risk ratios are known: {good_true:.2f} after a complaint resolved well and "
            "{poor_true:.2f} after one not resolved well. The adjusted estimates, {good_est:.2f} ({good_low:.2f} "
            "to {good_high:.2f}) and {poor_est:.2f} ({poor_low:.2f} to {poor_high:.2f}), hold them within their "
            "intervals (naive: {good_naive:.2f} and {poor_naive:.2f})."
        ),
        "complaints.text.truth_missed": (
            "This synthetic firm's true risk ratios are known: {good_true:.2f} after a complaint resolved well and "
            "{poor_true:.2f} after one not resolved well. The adjusted estimates are {good_est:.2f} ({good_low:.2f} "
            "to {good_high:.2f}) and {poor_est:.2f} ({poor_low:.2f} to {poor_high:.2f}); at least one interval "
            "misses its truth, as an interval does now and then by chance, or the model misses something "
            "(naive: {good_naive:.2f} and {poor_naive:.2f})."
        ),
        "complaints.text.flag_share": (
            "{k:,} of {n:,} customers ({share:.1%}; {low:.1%} to {high:.1%}, Wilson interval) are flagged in "
            "{flag} as having complained."
        ),
        "complaints.text.flag_association": (
            "The comparison of {outcome} between customers who complained and those who did not is an "
            "association, not an effect of complaining or of the recovery: the flag does not say when the "
            "complaint was made or how it was handled."
        ),
        "complaints.text.no_complaints": (
            "This study has no complaints table, so complaint rates and service recovery are not computed. To "
            "run this section, add a `complaints` table to the study's `data:` (one row per complaint: "
            "customer_id, date; optional category, channel, resolution, resolved_date, compensation, "
            "satisfaction_after), or set `complaint_flag` to a 0/1 column of the customers table."
        ),
        # checks
        "complaints.check.skipped": (
            "Complaints and service recovery did not run: the study has neither a complaints table nor a "
            "complaint flag among the customers' columns (parameter complaint_flag)."
        ),
        "complaints.check.no_orders": (
            "Complaint rates per order and the service-recovery comparison need transactions (orders); this "
            "study has complaints but no transactions, so only the categories, resolution and recovery "
            "outcomes are shown."
        ),
        "complaints.check.unlinked": (
            "{n:,} complaints come before the customer's first order (or from customers without an order) and "
            "are left out of the rates per order; check that the complaints and transactions share customer ids."
        ),
        "complaints.check.unlinked_pass": "Every complaint belongs to an earlier or same-day order of its customer.",
        "complaints.check.few_complaints": (
            "Only {n:,} complaints concern orders of the purchase channel {group}: its rate's interval is wide, "
            "and a difference from the other channels may not show."
        ),
        "complaints.check.few_complaints_pass": (
            "Every purchase channel has at least {n:,} complaints, enough for a usable interval of its rate."
        ),
        "complaints.check.recovery_small_repurchases": (
            "The service-recovery comparison did not run: among orders followed by {group}, only {n:,} were "
            "followed by a repurchase within the window, fewer than the {minimum} a repurchase model needs. A "
            "shorter repurchase_days, a later observation end or more data would let it run."
        ),
        "complaints.check.recovery_small_no_repurchase": (
            "The service-recovery comparison did not run: among orders followed by {group}, only {n:,} were "
            "not followed by a repurchase within the window, fewer than the {minimum} a repurchase model needs. "
            "A longer history or more data would let it run."
        ),
        "complaints.check.recovery_balance": (
            "Orders followed by a complaint differ from the others in the customer's history (largest "
            "standardised difference {smd:.2f}, in {covariate}; above {limit}): the adjusted ratios rely on the "
            "repurchase model to bridge the difference, the naive ones mix it in."
        ),
        "complaints.check.recovery_balance_pass": (
            "Orders followed by a complaint resemble the others in the customer's history (largest standardised "
            "difference {smd:.2f}, at most {limit}), so adjusted and naive ratios compare like with like."
        ),
        "complaints.check.bootstrap": (
            "{failed:,} of {n:,} bootstrap replicates failed (a group's repurchase model did not converge in the "
            "resample) and were left out; the intervals rest on the others and may be too narrow."
        ),
        "complaints.check.bootstrap_pass": "All {n:,} bootstrap replicates of the recovery comparison succeeded.",
        "complaints.check.recovery_events": (
            "The smallest recovery group ({group}) has {n:,} eligible orders; with fewer than about 100, its "
            "ratio's interval is wide and the paradox verdict may be \"cannot tell\" for lack of data."
        ),
        "complaints.check.recovery_events_pass": (
            "Every recovery group has at least {n:,} eligible orders, enough for its own repurchase model."
        ),
        "complaints.check.resolution_open": (
            "{open:,} of {n:,} complaints are still open at the end of the data: they are counted as "
            "unresolved up to then (censored), and the resolution times of the others may understate the "
            "slow cases."
        ),
        "complaints.check.resolution_open_pass": "Every complaint had been resolved by the end of the data.",
        "complaints.check.no_resolved_date": (
            "The complaints table has no resolved_date, so the time to resolution is not computed."
        ),
        "complaints.check.flag_balance": (
            "Customers who complained differ from the others in prior value (largest standardised difference "
            "{smd:.2f}, in {covariate}; above {limit}); the adjusted comparison holds only as far as these "
            "covariates capture the difference."
        ),
        "complaints.check.flag_balance_pass": (
            "Customers who complained resemble the others in prior value (largest standardised difference "
            "{smd:.2f}, in {covariate}; at most {limit})."
        ),
        "complaints.check.flag_no_overlap": (
            "Customers who complained and the others do not overlap at all in {covariate} (each group has one "
            "value of it): no model can compare them at the same prior value."
        ),
        "complaints.check.recovery_no_overlap": (
            "Orders followed by a complaint and the others do not overlap at all in {covariate} (each group has "
            "one value of it): the adjusted ratios extrapolate the repurchase model and cannot be trusted."
        ),
    }
}
