"""Messages of the loyalty-programme section of notebook 05 (analysis.retention.loyalty, .did, .programme,
analysis.findings.loyalty, analysis.plots.loyalty)."""

MESSAGES = {
    "en": {
        # figures
        "loyalty.fig.balance.title": "Covariate balance of members and non-members, before and after weighting",
        "loyalty.fig.balance.x": "Standardised mean difference (members minus non-members, in pooled SDs)",
        "loyalty.fig.balance.before": "Before weighting",
        "loyalty.fig.balance.after": "After weighting",
        "loyalty.fig.balance.limit": "|SMD| = {limit}",
        "loyalty.fig.overlap.title": "Propensity to join: members and non-members (overlap)",
        "loyalty.fig.overlap.x": "Propensity score (modelled probability of joining, from pre-launch history)",
        "loyalty.fig.overlap.y": "Share of the group's customers",
        "loyalty.fig.overlap.members": "Members",
        "loyalty.fig.overlap.controls": "Non-members",
        "loyalty.fig.overlap.weighted": "Non-members, weighted",
        "loyalty.fig.event.title": "Spend per order around joining, against non-members ({level:.0%} intervals)",
        "loyalty.fig.event.x": "{period}s since joining (joining = 0; -1 is the reference)",
        "loyalty.fig.event.y": "Change in spend per order (%)",
        "loyalty.fig.migration.title": "Tier migration from {start} to {end} (share of each starting tier)",
        "loyalty.fig.migration.x": "Tier on {end}",
        "loyalty.fig.migration.y": "Tier on {start}",
        "loyalty.fig.economics.title": "Incremental margin against programme cost ({level:.0%} interval)",
        "loyalty.fig.economics.y": "Amount ({currency})",
        "loyalty.fig.economics.cost": "Programme cost",
        "loyalty.period.month": "Month",
        "loyalty.period.quarter": "Quarter",
        "loyalty.tier.none": "not a member",
        "loyalty.item.incremental_margin": "Incremental margin",
        "loyalty.item.rewards_given": "Rewards given",
        "loyalty.item.points_liability": "Points liability",
        "loyalty.item.running_cost": "Running cost",
        "loyalty.covariate.log_orders_pre": "orders before launch (log)",
        "loyalty.covariate.log_aov_pre": "average order value before launch (log)",
        "loyalty.covariate.recency_days": "days since last order at launch",
        "loyalty.covariate.tenure_days": "days since first order at launch",
        "loyalty.verdict.pays": "pays for itself",
        "loyalty.verdict.does_not_pay": "does not pay for itself",
        "loyalty.verdict.cannot_tell": "may or may not pay for itself (the interval spans zero)",
        # findings
        "loyalty.text.naive": (
            "Members spend {pct:+.1%} per order compared with non-members ({lo:+.1%} to {hi:+.1%}; {members:,} "
            "members, {controls:,} non-members), but members chose to join, so this mixes the programme's effect "
            "with who joins."),
        "loyalty.text.weighted": (
            "Compared with non-members of the same pre-launch history (propensity weighting with regression "
            "adjustment), membership changes spend per order by {pct:+.1%} ({lo:+.1%} to {hi:+.1%})."),
        "loyalty.text.ipw": (
            "Weighting alone, without the regression adjustment, gives {pct:+.1%} ({lo:+.1%} to {hi:+.1%})."),
        "loyalty.text.did": (
            "Difference-in-differences: while they are members, customers' spend per order changes by {pct:+.1%} "
            "({lo:+.1%} to {hi:+.1%}) beyond the change weighted non-members show over the same {period}s "
            "({members:,} members with orders before and after joining)."),
        "loyalty.text.economics": (
            "Members spent {spend:,.0f} {currency} while members; the part the programme brought adds a margin of "
            "{margin:,.0f} {currency} ({lo:,.0f} to {hi:,.0f}) against a cost of {cost:,.0f} {currency} "
            "(rewards {rewards:,.0f}, points liability {liability:,.0f}, running cost {running:,.0f}): "
            "the programme {verdict}."),
        "loyalty.text.liability": (
            "{outstanding:,.0f} points earned are not yet redeemed: a liability of {liability:,.2f} {currency} owed "
            "to members."),
        "loyalty.text.migration": (
            "From {start} to {end}: {joined:,} customers joined, {up:,} moved up a tier, {down:,} moved down, "
            "{same:,} stayed in their tier and {left:,} left the programme."),
        "loyalty.text.truth": (
            "These data are simulated with a known effect: ratio {truth:.2f}. The naive ratio {naive:.3f} {naive_covers}; "
            "the weighted ratio {weighted:.3f} {weighted_covers}."),
        "loyalty.text.truth_did": (
            "These data are simulated with a known effect: ratio {truth:.2f}. The naive ratio {naive:.3f} {naive_covers}; "
            "the weighted ratio {weighted:.3f} {weighted_covers}; the difference-in-differences ratio {did:.3f} "
            "{did_covers}."),
        "loyalty.truth.covers": "has an interval that contains it",
        "loyalty.truth.misses": "has an interval that misses it",
        # checks
        "loyalty.check.balance_pass": (
            "After weighting every covariate is balanced (largest |standardised difference| {smd:.3f}, "
            "{covariate}; limit {limit}): members and weighted non-members had the same pre-launch history."),
        "loyalty.check.balance_fail": (
            "After weighting {covariate} is still unbalanced (|standardised difference| {smd:.3f}, limit {limit}): "
            "the weighted comparison still mixes the programme with who joined; add covariates or a more "
            "flexible propensity model."),
        "loyalty.check.overlap_pass": (
            "{trimmed:,} customer(s) lay outside the common support of the propensity scores and were left out; "
            "the weighted non-members count as {ess:,.0f} customers (effective sample size)."),
        "loyalty.check.overlap_warn": (
            "{trimmed:,} customers lay outside the common support and were left out, more than {limit} of the "
            "sample; the weighted effect describes only the members that have comparable non-members "
            "(effective sample size {ess:,.0f})."),
        "loyalty.check.pretrend_pass": (
            "Before joining, members' spend per order moved with non-members' (no pre-join {period} differs "
            "from the reference; smallest p-value {p:.3f}), as the difference-in-differences assumes."),
        "loyalty.check.pretrend_warn": (
            "Before joining, members' spend per order already differed from the reference {period} (p-value "
            "{p:.3f}, Bonferroni over {n:,} pre-join {period}s): the parallel-trends assumption is doubtful."),
        "loyalty.check.agree_pass": (
            "The weighted comparison ({a:+.1%}) and the difference-in-differences ({b:+.1%}) have overlapping "
            "intervals: two designs with different assumptions agree."),
        "loyalty.check.agree_warn": (
            "The weighted comparison ({a:+.1%}) and the difference-in-differences ({b:+.1%}) do not overlap: at "
            "least one design's assumption fails; read both effects with caution."),
        "loyalty.check.skipped": (
            "The loyalty-programme section needs a memberships table and transactions with amounts; this study "
            "has no {missing}, so the section is skipped."),
        "loyalty.check.too_few": (
            "The loyalty-programme comparison needs at least {minimum} members and {minimum} non-members with "
            "orders before and after the launch; this study has {members:,} and {controls:,}, so it is skipped."),
        "loyalty.check.no_tiers": (
            "The memberships table has no tier column, so there is no tier migration; map the tier column in "
            "the study YAML to see it."),
        "loyalty.missing.memberships": "memberships table",
        "loyalty.missing.transactions": "transactions",
        "loyalty.missing.amount": "amounts in its transactions",
    },
}
