"""Messages of the channel comparison (notebook 04)."""

MESSAGES = {
    "en": {
        "channels.fig.rates.title": "{outcome} rate by {group} ({level:.0%} Wilson intervals)",
        "channels.fig.rates.x": "{outcome} rate",
        "channels.fig.pairwise.title": "Pairwise differences in {outcome} ({level:.0%} intervals)",
        "channels.fig.pairwise.x": "Difference (first minus second)",
        "channels.fig.spend.title": "{outcome} among buyers by {group}",
        "channels.fig.spend.x": "{outcome} per buyer ({currency}, log scale)",
        "channels.fig.adjusted.title": "{outcome}: difference from {reference}, raw and adjusted for customer mix",
        "channels.fig.adjusted.x": "Difference from {reference}",
        "channels.fig.adjusted.raw": "Unadjusted",
        "channels.fig.adjusted.adj": "Adjusted",
        "channels.fig.economics.title": "First-year value and acquisition cost per customer by channel",
        "channels.fig.economics.y": "{currency} per customer",
        "channels.fig.economics.value": "First-year value (margin)",
        "channels.fig.economics.cac": "Acquisition cost (CAC)",
        "channels.fig.lifetime.title": "Lifetime value and acquisition cost per customer by channel",
        "channels.fig.lifetime.to_date": "Value to date",
        "channels.fig.lifetime.residual": "Expected future value",
        "channels.fig.attribution.title": "Conversions credited to each channel",
        "channels.fig.attribution.x": "Attributed conversions (number of converting journeys)",
        "channels.fig.lift.title": "Lift over {control} in {outcome} ({level:.0%} intervals)",
        "channels.fig.lift.x": "Absolute lift",
        "channels.rule.first_touch": "First touch",
        "channels.rule.last_touch": "Last touch",
        "channels.rule.linear": "Linear",
        "channels.rule.time_decay": "Time decay",
        "channels.rule.markov": "Markov removal effect",
        "channels.label.buyers": "{outcome} (buyers)",
        "channels.label.per_customer": "{outcome} (per customer)",
        "channels.label.level": "{covariate} = {value}",
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
            "{outcome}: {test} was used. Omnibus p = {p:.3g}, eta² = {eta2:.3f}, "
            "omega² = {omega2:.3f}; {n_sig} of {n_pairs} pairs differ at the {alpha} level ({posthoc})."
        ),
        "channels.text.spend_split": (
            "Spend per customer is buyer share × spend per buyer. {best} leads on spend per customer "
            "({best_spend:.2f}); its buyer share is {best_share:.1%} against {worst_share:.1%} for {worst}, "
            "and its buyers spend {best_buyer:.2f} against {worst_buyer:.2f}."
        ),
        "channels.text.spend_no_zeros": (
            "Every contact in these data has {outcome} above zero (the lowest buyer share of a channel is "
            "{share:.0%}), so spend per customer is spend per buyer and buyer share tells the channels nothing "
            "apart; {best} leads on spend per customer ({best_spend:.2f}), {worst} trails."
        ),
        "channels.text.lift": (
            "{arm} vs {control}: {outcome} {treat:.2%} vs {ctrl:.2%}, an absolute lift of {lift_pp:+.2f} "
            "percentage points ({lo_pp:+.2f} to {hi_pp:+.2f}), a relative lift of {rel:+.0%}."
        ),
        "channels.text.mde": (
            "With these sample sizes a test of {arm} against {control} at the {alpha} level detects, with "
            "{power} power, a lift in {outcome} of about {mde_pp:.2f} percentage points or more."
        ),
        "channels.text.profit_profitable": (
            "{arm} is profitable against {control}: it adds {inc:.2f} {currency} of revenue per contact and, at "
            "a margin of {margin:.1%} on that revenue (after any discount), {profit:+.3f} {currency} of profit "
            "per contact ({lo:+.3f} to {hi:+.3f}, the whole interval above zero); ROI {roi:.0%} "
            "({roi_lo:.0%} to {roi_hi:.0%})."
        ),
        "channels.text.profit_uncertain": (
            "Whether {arm} pays is not settled: it adds {inc:.2f} {currency} of revenue per contact over "
            "{control}, and at a margin of {margin:.1%} on that revenue (after any discount) its profit per "
            "contact is {profit:+.3f} {currency} with an interval from {lo:+.3f} to {hi:+.3f} that spans zero; "
            "its ROI is therefore given only as the range {roi_lo:.0%} to {roi_hi:.0%}, not as one number."
        ),
        "channels.text.profit_loss": (
            "{arm} loses money against {control}: it adds {inc:.2f} {currency} of revenue per contact, but at "
            "a margin of {margin:.1%} on that revenue (after any discount) its profit per contact is "
            "{profit:+.3f} {currency} ({lo:+.3f} to {hi:+.3f}, the whole interval below zero); ROI {roi:.0%} "
            "({roi_lo:.0%} to {roi_hi:.0%})."
        ),
        "channels.text.profit_profitable_no_cost": (
            "{arm} is profitable against {control}: it adds {inc:.2f} {currency} of revenue per contact and, "
            "at a margin of {margin:.1%} on that revenue, {profit:+.3f} {currency} of profit per contact "
            "({lo:+.3f} to {hi:+.3f}, the whole interval above zero); no campaign cost is recorded, so there "
            "is no ROI."
        ),
        "channels.text.profit_uncertain_no_cost": (
            "Whether {arm} adds profit is not settled: at a margin of {margin:.1%} on its revenue its profit "
            "per contact over {control} is {profit:+.3f} {currency} ({lo:+.3f} to {hi:+.3f}, an interval that "
            "spans zero; revenue {inc:+.2f} {currency} per contact); no campaign cost is recorded, so there is "
            "no ROI."
        ),
        "channels.text.profit_loss_no_cost": (
            "{arm} loses money against {control}: at a margin of {margin:.1%} on its revenue its profit per "
            "contact is {profit:+.3f} {currency} ({lo:+.3f} to {hi:+.3f}, the whole interval below zero; "
            "revenue {inc:+.2f} {currency} per contact); no campaign cost is recorded, so there is no ROI."
        ),
        "channels.text.adjusted_pp": (
            "{group} vs {reference} on {outcome}: {raw:+.2f} percentage points unadjusted, {adj:+.2f} adjusted "
            "for {covariates} ({lo:+.2f} to {hi:+.2f})."
        ),
        "channels.text.adjusted": (
            "{group} vs {reference} on {outcome}: {raw:+.2f} {currency} unadjusted, {adj:+.2f} adjusted for "
            "{covariates} ({lo:+.2f} to {hi:+.2f})."
        ),
        "channels.text.adjusted_survives": (
            "At the same customer mix {group} still differs from {reference} on {outcome}: {adj:+.2f} {unit} "
            "(interval {lo:+.2f} to {hi:+.2f}, which excludes zero), against {raw:+.2f} {unit} before adjustment."
        ),
        "channels.text.adjusted_vanishes": (
            "At the same customer mix {group} no longer differs clearly from {reference} on {outcome}: "
            "{adj:+.2f} {unit} (interval {lo:+.2f} to {hi:+.2f}, which includes zero), against {raw:+.2f} {unit} "
            "before adjustment; the raw difference may belong to the customers, not to the channel."
        ),
        "channels.unit.pp": "percentage points",
        "channels.text.economics_profitable": (
            "{best} has the best first-year value-to-cost ratio ({best_ratio:.2f}: first-year value "
            "{best_value:.1f} {currency} per customer for a CAC of {best_cac:.1f}); even {worst}, the lowest "
            "({worst_ratio:.2f}), recovers its CAC in the first year, its whole ROI interval above zero."
        ),
        "channels.text.economics_loss": (
            "{best} has the best first-year value-to-cost ratio ({best_ratio:.2f}: first-year value "
            "{best_value:.1f} {currency} per customer for a CAC of {best_cac:.1f}); {worst} does not recover "
            "its CAC in the first year (ratio {worst_ratio:.2f}, its whole ROI interval below zero)."
        ),
        "channels.text.economics_uncertain": (
            "{best} has the best first-year value-to-cost ratio ({best_ratio:.2f}: first-year value "
            "{best_value:.1f} {currency} per customer for a CAC of {best_cac:.1f}); {worst} has the lowest "
            "({worst_ratio:.2f}), and whether it recovers its CAC in the first year is not settled (its ROI "
            "interval spans zero)."
        ),
        "channels.text.horizon_same": (
            "Expected future value is counted over {weeks:.0f} weeks, the horizon notebook 02 uses, so the two "
            "notebooks value customers alike."
        ),
        "channels.text.horizon_differs": (
            "Expected future value is counted over {weeks:.0f} weeks here and over {clv_weeks:.0f} weeks in "
            "notebook 02, as the study sets them; a channel ranking by value can differ between the two pages "
            "for that reason alone."
        ),
        "channels.text.lifetime": (
            "Over a lifetime (value to date plus {weeks:.0f} weeks of expected purchases), {best} returns the "
            "most per unit of acquisition cost: {ratio:.2f} ({lo:.2f} to {hi:.2f}), from {to_date:.1f} realised "
            "and {residual:.1f} still expected per customer against a CAC of {cac:.1f} ({currency}); it ranks "
            "first in {p_best:.0%} of bootstrap samples. {worst} returns the least ({worst_ratio:.2f})."
        ),
        "channels.text.lifetime_no_interval": (
            "Over a lifetime (value to date plus {weeks:.0f} weeks of expected purchases), {best} returns the "
            "most per unit of acquisition cost: {ratio:.2f}, from {to_date:.1f} realised and {residual:.1f} "
            "still expected per customer against a CAC of {cac:.1f} ({currency}). {worst} returns the least "
            "({worst_ratio:.2f})."
        ),
        "channels.text.lifetime_same": (
            "Counting {weeks:.0f} weeks of expected future purchases keeps the first-year ranking: {best} "
            "first, as by first-year value."
        ),
        "channels.text.lifetime_changed": (
            "Counting {weeks:.0f} weeks of expected future purchases changes the ranking: {best} returns the "
            "most over a lifetime, {first_year_best} by first-year value."
        ),
        "channels.text.lifetime_note": (
            "Intervals resample customers within each channel and hold the fitted models fixed; the parameters' "
            "own uncertainty adds at most {bound:.1f} {currency} to the standard error of a channel's mean "
            "expected value."
        ),
        "channels.text.lifetime_skipped": (
            "Lifetime economics build on the first-year economics above, which could not run on this study "
            "(see the sentence there), so they are skipped too."
        ),
        "channels.text.payback": "{channel} pays back its acquisition cost in month {months:.0f}.",
        "channels.text.no_payback": "{channel} does not pay back its acquisition cost within {months} months.",
        "channels.text.missing_table": "This study has no '{table}' table, so this section is skipped.",
        "channels.text.attribution_skipped": (
            "This study has no `paths` table of customer journeys (and the parameter `paths_file` is not set), "
            "so no attribution is computed and nothing follows here. To run it, add a `paths` table to the "
            "study's `data:` (columns path, conversions, optional value and nulls)."
        ),
        "channels.text.attribution_top": (
            "The Markov chain credits {channel} with the most conversions: {conversions:,.0f} ({share:.1%} of all); "
            "without {channel} {removal:.1%} of the conversions would be lost (its removal effect)."
        ),
        "channels.text.attribution_shift": (
            "{channel}'s credit differs most between the rules: {last:.1%} of conversions under last touch, "
            "{markov:.1%} under the Markov chain ({diff_pp:+.1f} percentage points); the choice of rule moves "
            "its credit by that much."
        ),
        "channels.text.no_control": (
            "No control arm is set (`control_arm` is null), so there is no lift over control; the sections "
            "above compare the channels with each other, and the adjusted comparison below does so at the "
            "same customer mix."
        ),
        "channels.text.section_skipped": (
            "This study has no channel_outcomes table (one row per customer or contact with its channel), so "
            "this section is skipped."
        ),
        "channels.text.attribution_value.removal_share": (
            "Attributed value: the total conversion value is shared out like the conversions, in proportion to "
            "the removal effects (every conversion counts as the average one)."
        ),
        "channels.text.attribution_value.channelattribution": (
            "Attributed value: R ChannelAttribution's definition, each conversion worth the mean value of the "
            "conversions whose journey ended at the same channel."
        ),
        "channels.text.lifecycle": (
            "Lifecycle stages of the contacts follow the study's one definition (as in notebook 01): at risk "
            "after {at_risk_days} days without a purchase, lost after {lost_days}, new within {new_days} days "
            "of the first purchase, loyal from {loyal_purchases} purchases."
        ),
        "channels.check.zero_events": (
            "{outcome}: {n} group(s) ({groups}) have no event or only events. Their rate has no spread, an "
            "interval near 0 or 1 is wide, and a logistic regression on them separates: read their differences "
            "from the intervals, and the adjusted comparison from the method it names."
        ),
        "channels.check.zero_events_pass": (
            "{outcome}: every group has both events and non-events ({n} groups with zero events)."
        ),
        "channels.check.small_groups": (
            "{outcome}: the smallest expected count of the chi-square test is {expected:.1f}, below 5, so its "
            "p-value is approximate; rely on the pairwise intervals."
        ),
        "channels.check.small_groups_pass": (
            "{outcome}: every expected count of the chi-square test is at least 5 (smallest {expected:.1f})."
        ),
        "channels.check.power": (
            "{arm} vs {control} on {outcome}: the lift ({lift_pp:+.2f} percentage points) is not significant, "
            "and the smallest lift this sample detects with {power} power at the {alpha} level is {mde_pp:.2f} "
            "percentage points: a smaller true lift is unknown, not absent."
        ),
        "channels.check.power_pass": (
            "{arm} vs {control} on {outcome}: the lift ({lift_pp:+.2f} percentage points) is significant; the "
            "sample detects lifts of {mde_pp:.2f} percentage points or more ({power} power, {alpha} level)."
        ),
        "channels.check.roi_spans_zero": (
            "{arm}: the profit interval per contact ({lo:+.3f} to {hi:+.3f}) spans zero, so the campaign sample "
            "cannot tell whether this arm pays; it is not called profitable and its ROI is given only as a range."
        ),
        "channels.check.roi_pass": (
            "{arm}: the profit interval per contact ({lo:+.3f} to {hi:+.3f}) lies on one side of zero, so the "
            "verdict on this arm stands."
        ),
        "channels.check.separation": (
            "{outcome}: the adjusted regression separates for {groups} ({n} group(s)): the outcome is never "
            "(or always) seen there, which drives a plain logistic fit to infinity and its p-value to 0. "
            "Instead: {method}."
        ),
        "channels.method.firth": "Firth's penalized likelihood, whose estimate and interval stay finite",
        "channels.method.withheld": "the estimate is withheld, since no finite maximum-likelihood estimate exists",
        "channels.method.ml": "maximum likelihood",
        "channels.method.ols": "least squares",
        "channels.check.separation_pass": (
            "{outcome}: no group separates in the adjusted regression ({n} flagged)."
        ),
        "channels.check.balance": (
            "The arms differ in customer mix: the largest standardized difference is {smd:.3f} ({covariate}, "
            "{arm} vs {control}), above {limit}; raw lifts mix the campaign's effect with this difference, so "
            "read the adjusted comparison."
        ),
        "channels.check.balance_pass": (
            "The arms have the same customer mix: no covariate's standardized difference exceeds {limit} "
            "(largest {smd:.3f}: {covariate}, {arm} vs {control}), as randomization should give."
        ),
        "channels.check.no_overlap": (
            "The arms do not overlap in customer mix: {covariate} is constant within {arm} and within {control} "
            "at different values, so no adjustment can separate the campaign's effect from that difference."
        ),
        "channels.check.skipped": (
            "This study has no {table} table, so the comparisons that need it did not run; this page states "
            "nothing about them."
        ),
        "channels.check.absent_columns": (
            "The parameter `{parameter}` names {columns}, not a column of this study's {table} table, so the "
            "part that needs it is skipped; set `{parameter}` to columns the table has, or to null."
        ),
        "channels.check.spend_few_buyers": (
            "{outcome}: {groups} had fewer than two buyers, too few to compare spend among buyers, so the spend "
            "section and the adjusted comparison of spend are skipped; the rates and the lift still use every contact."
        ),
        "channels.check.economics_skipped.customers": (
            "Channel economics need a customers table with the acquisition channel ({channel}) and "
            "`acquisition_cost`; this study has none, so first-year value, ROI, CAC payback and lifetime "
            "economics are skipped."
        ),
        "channels.check.economics_skipped.transactions": (
            "Channel economics need the customers' transactions; this study has no transactions table, so "
            "first-year value, ROI, CAC payback and lifetime economics are skipped."
        ),
        "channels.check.economics_skipped.amount": (
            "This study's transactions are counts without amounts, and first-year value, ROI, CAC payback and "
            "lifetime economics need money, so they are skipped; the comparisons above use no money."
        ),
        "channels.check.single_touch": (
            "{single:,.0f} of {total:,.0f} conversions come from journeys with one touch only, more than "
            "{limit}; every rule credits those alike, so the rules' differences rest on the rest."
        ),
        "channels.check.single_touch_pass": (
            "{single:,.0f} of {total:,.0f} conversions come from journeys with one touch only (at most {limit}), "
            "so the rules' differences rest on most of the conversions."
        ),
        "channels.check.bootstrap_wide": (
            "The bootstrap interval of the Markov share of {channel} spans {width:.1%} of all conversions, more "
            "than {limit}: channels whose shares differ by less cannot be ranked."
        ),
        "channels.check.bootstrap_pass": (
            "Every Markov share is estimated to within {width:.1%} of all conversions (widest interval: "
            "{channel}; limit {limit}), so the shares above rank the channels."
        ),
        "channels.check.bootstrap_not_run": (
            "No bootstrap was run (`n_bootstrap` = 0), so the Markov shares have no intervals."
        ),
        "channels.check.horizon": (
            "Notebook 04 counts {weeks:.0f} weeks of expected future value, notebook 02 {clv_weeks:.0f} weeks; "
            "channel rankings by lifetime value may differ between the two pages."
        ),
        "channels.check.horizon_pass": (
            "Notebooks 04 and 02 count expected future value over the same horizon ({weeks:.0f} weeks)."
        ),
        "channels.check.clv_errors": (
            "{missing} of {n} BG/NBD and Gamma-Gamma parameters have no finite standard error: those models are "
            "not identified on their channel's data, and intervals that rest on them are not reliable."
        ),
        "channels.check.clv_errors_pass": (
            "All {n} fitted BG/NBD and Gamma-Gamma parameters have a finite standard error ({missing} missing), "
            "so the bound on parameter uncertainty below the lifetime table is computed."
        ),
    },
}
