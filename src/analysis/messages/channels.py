"""Messages of the channel comparison (notebook 04)."""

MESSAGES = {
    "en": {
        "channels.fig.rates.title": "{outcome} rate by {group} ({level:.0%} Wilson intervals)",
        "channels.fig.rates.x": "{outcome} rate",
        "channels.fig.pairwise.title": "Pairwise differences in {outcome} ({level:.0%} intervals)",
        "channels.fig.pairwise.x": "Difference (first minus second)",
        "channels.fig.spend.title": "{outcome} among buyers by {group}",
        "channels.fig.spend.x": "{outcome} per buyer (currency units, log scale)",
        "channels.fig.adjusted.title": "{outcome}: difference from {reference}, raw and adjusted for customer mix",
        "channels.fig.adjusted.x": "Difference from {reference}",
        "channels.fig.adjusted.raw": "Unadjusted",
        "channels.fig.adjusted.adj": "Adjusted",
        "channels.fig.economics.title": "First-year value and acquisition cost per customer by channel",
        "channels.fig.economics.y": "Currency units per customer",
        "channels.fig.economics.value": "First-year value (margin)",
        "channels.fig.economics.cac": "Acquisition cost (CAC)",
        "channels.fig.lifetime.title": "Lifetime value and acquisition cost per customer by channel",
        "channels.fig.lifetime.to_date": "Value to date",
        "channels.fig.lifetime.residual": "Expected future value",
        "channels.fig.attribution.title": "Conversions credited to each channel",
        "channels.fig.attribution.x": "Attributed conversions",
        "channels.fig.lift.title": "Lift over {control} in {outcome} ({level:.0%} intervals)",
        "channels.fig.lift.x": "Absolute lift",
        "channels.rule.first_touch": "First touch",
        "channels.rule.last_touch": "Last touch",
        "channels.rule.linear": "Linear",
        "channels.rule.time_decay": "Time decay",
        "channels.rule.markov": "Markov removal effect",
        "channels.label.buyers": "{outcome} (buyers)",
        "channels.label.per_customer": "{outcome} (per customer)",
        "channels.reason.requested": "{test} was requested (method={method!r}).",
        "channels.reason.constant": (
            "Group(s) {groups} have identical values throughout, so variance-based tests are undefined; the "
            "rank-based Kruskal-Wallis test is used."
        ),
        "channels.reason.skewed": (
            "The data are skewed (largest |skewness| {skewness:.1f}); for {group!r} the mean is not yet near-normal "
            "at n = {n} (Cochran's rule needs n > 25 x skewness^2 = {min_n:.0f}), so the rank-based Kruskal-Wallis "
            "test with Dunn's pairs is used; it compares typical values, not means."
        ),
        "channels.reason.welch": (
            "Means are near-normal, but variances differ (Brown-Forsythe p = {p:.3g} < {alpha}), so Welch's ANOVA "
            "with Games-Howell pairs is used; neither assumes equal variances."
        ),
        "channels.reason.anova": (
            "Means are near-normal and variances look equal (Brown-Forsythe p = {p:.3g} >= {alpha}), so classic "
            "one-way ANOVA with Tukey HSD pairs is used."
        ),
        "channels.text.rates": (
            "{outcome}: rates range from {low_rate:.2%} ({low}) to {high_rate:.2%} ({high}). "
            "The chi-square test of equal rates gives p = {p:.3g} (Cramér's V = {v:.3f}); "
            "{n_sig} of {n_pairs} pairwise differences remain significant after {correction} correction."
        ),
        "channels.text.means": (
            "{outcome}: {test} was used. {reason} Omnibus p = {p:.3g}, eta² = {eta2:.3f}, "
            "omega² = {omega2:.3f}; {n_sig} of {n_pairs} pairs differ at the {alpha:.0%} level ({posthoc})."
        ),
        "channels.text.spend_split": (
            "Spend per customer is buyer share × spend per buyer. {best} leads on spend per customer "
            "({best_spend:.2f}); its buyer share is {best_share:.1%} against {worst_share:.1%} for {worst}, "
            "and its buyers spend {best_buyer:.2f} against {worst_buyer:.2f}."
        ),
        "channels.text.lift": (
            "{arm} vs {control}: {outcome} {treat:.2%} vs {ctrl:.2%}, an absolute lift of {lift_pp:+.2f} "
            "percentage points ({lo_pp:+.2f} to {hi_pp:+.2f}), a relative lift of {rel:+.0%}."
        ),
        "channels.text.adjusted": (
            "{group} vs {reference} on {outcome}: {raw:+.4f} unadjusted, {adj:+.4f} adjusted for "
            "{covariates} ({lo:+.4f} to {hi:+.4f})."
        ),
        "channels.text.economics": (
            "{best} has the best value-to-cost ratio ({best_ratio:.2f}: first-year value {best_value:.1f} "
            "per customer for a CAC of {best_cac:.1f}); {worst} the worst ({worst_ratio:.2f})."
        ),
        "channels.text.lifetime": (
            "Over a lifetime (value to date plus the next {years:.0f} years expected), {best} returns the most per "
            "unit of acquisition cost: {ratio:.2f} ({lo:.2f} to {hi:.2f}), from {to_date:.1f} realised and "
            "{residual:.1f} still expected per customer against a CAC of {cac:.1f}; it ranks first in {p_best:.0%} "
            "of bootstrap samples. {worst} returns the least ({worst_ratio:.2f})."
        ),
        "channels.text.lifetime_note": (
            "Intervals resample customers within each channel and hold the fitted models fixed; the parameters' "
            "own uncertainty adds at most {bound:.1f} to the standard error of a channel's mean expected value."
        ),
        "channels.text.lifetime_skipped": (
            "This study has no transactions table (or no customers with acquisition channel and cost), so "
            "lifetime value cannot be modelled and lifetime economics are skipped."
        ),
        "channels.text.payback": "{channel} pays back its acquisition cost in month {months:.0f}.",
        "channels.text.no_payback": "{channel} does not pay back its acquisition cost within {months} months.",
        "channels.text.mde": (
            "With these sample sizes the smallest difference in {outcome} that a test at the {alpha:.0%} "
            "level detects with {power:.0%} power is about {mde:.2%} (absolute) between {a} and {b}."
        ),
        "channels.text.missing_table": "This study has no '{table}' table, so this section is skipped.",
        "channels.finding.lift": (
            "The most profitable campaign arm, {arm}, lifts {outcome} by {lift_pp:+.2f} percentage points over "
            "{control} ({lo_pp:+.2f} to {hi_pp:+.2f}) and adds {inc:.2f} revenue per contact ({total:,.0f} in total)."
        ),
        "channels.finding.economics": (
            "{best} acquires the most valuable customers per unit of cost (first-year value / CAC = "
            "{ratio:.2f}); {worst} does not recover its CAC in the first year (ratio {worst_ratio:.2f})."
        ),
        "channels.finding.economics_all": (
            "{best} acquires the most valuable customers per unit of cost (first-year value / CAC = "
            "{ratio:.2f}); every channel recovers its CAC in the first year, {worst} least (ratio {worst_ratio:.2f})."
        ),
        "channels.finding.lifetime_same": (
            "Counting expected future purchases as well, {best} still returns the most per unit of acquisition "
            "cost (lifetime value / CAC = {ratio:.2f}, {lo:.2f} to {hi:.2f}) and {worst} the least "
            "({worst_ratio:.2f}); the ranking is the same as by first-year value."
        ),
        "channels.finding.lifetime_changed": (
            "Counting expected future purchases changes the ranking: {best} returns the most per unit of "
            "acquisition cost over a lifetime (lifetime value / CAC = {ratio:.2f}, {lo:.2f} to {hi:.2f}; "
            "first by first-year value: {first_year_best}), {worst} the least ({worst_ratio:.2f})."
        ),
        "channels.finding.adjusted": (
            "Adjusting for customer mix moves the {arm} effect on {outcome} from {raw:+.4f} to {adj:+.4f}."
        ),
    },
}
