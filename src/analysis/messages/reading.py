"""How to read each type of figure (the note under every figure of every notebook, issue 17).

``reading.<kind>`` is the type's generic note: what a point, bar, line or colour means and what a
good and a bad pattern look like; ``reading.<kind>.example`` (or ``.example_<variant>``) a sentence
filled with the figure's own numbers (:func:`analysis.plots.reading.attach_reading`).
A figure whose numbers may be shares or plain numbers picks ``.example_share`` (percentages) or
``.example`` (two decimals) by what it plotted.
"""

MESSAGES = {
    "en": {
        "reading.lead": "How to read this chart.",
        # distributions
        "reading.distribution": (
            "Each bar counts the customers (or transactions) whose value falls in that bin. A tall bar at the left "
            "with a long thin tail to the right is normal for purchases and spend: most customers buy a little, a "
            "few buy a lot; a second hump or a spike at one value is worth checking in the data."),
        "reading.distribution.example": "Here {once:.1%} of the {customers:,} customers bought only once.",
        "reading.distribution.example_amount": (
            "Here half of the {n:,} transactions are below {median:,.2f} and one in ten is above {p90:,.2f} "
            "(the axis is logarithmic: each step is ten times the last)."),
        "reading.missing": (
            "Each bar is one column with missing values, its length the share of rows without a value. "
            "No bars means a complete table; a long bar on a column an analysis needs is a data-quality "
            "problem to fix (or a reason to leave that column out) before you trust the results."),
        "reading.missing.example": "Here the most incomplete column is {column}: {share:.1%} of its rows are empty.",
        "reading.activity": (
            "Bars are the money (or transactions) of each month, the line the customers active in it (right axis). "
            "Look for the trend and for months that break it; a last bar far below the others is often a month "
            "not yet over at the end of the data."),
        "reading.activity.example": "Here the month with the most active customers is {month} ({active:,} customers).",
        # shares and concentration
        "reading.share_pairs": (
            "For each group the upper bar is its share of the customers, the lower bar its share of the revenue. "
            "A group whose revenue bar is much longer than its customer bar is worth more than its size (protect "
            "it); the reverse marks many customers who bring little."),
        "reading.share_pairs.example": (
            "Here the largest revenue bar is {group}: {value:.1%} of the revenue from {customers:.1%} of the "
            "customers."),
        "reading.share_pairs.example_purchases": (
            "Here the largest purchase bar is {group}: {value:.1%} of the purchases from {customers:.1%} of the "
            "customers."),
        "reading.concentration": (
            "The curve adds up customers from the most valuable (left) to the least, and shows what share of the "
            "total value they bring together. The dashed diagonal is perfect equality; the further the curve bows "
            "up and left, the more the value rests on a few customers (and the more losing one of them costs)."),
        "reading.concentration.example": "Here the top {top:.0%} of customers bring {share:.1%} of the value.",
        "reading.pareto": (
            "Bars count complaints per category, largest first; the line adds up their share (right axis) and the "
            "dashed line marks 80 %. The dark bars are the vital few, the categories that together pass 80 %: "
            "fixing those first removes most complaints."),
        "reading.pareto.example": "Here {k} of {n} categories make up {share:.1%} of the complaints.",
        # heat maps
        "reading.heatmap": (
            "Each cell is one combination of the row and the column; its colour (see the bar beside the chart) and "
            "its number give the value, darker or brighter meaning more. Read along a row or down a column to see "
            "where the customers or the money gather."),
        "reading.heatmap.example": "Here the largest cell is {row} × {column}: {value:,.0f}.",
        "reading.profile_heatmap": (
            "Each row is a cluster, each column a feature; a cell is how far the cluster's mean lies from the mean of "
            "all customers, in standard deviations (red above, blue below, white average). A useful cluster has a "
            "few strong colours that give it a name; a row of pale cells is a cluster that is hard to act on."),
        "reading.profile_heatmap.example": (
            "Here the strongest contrast is cluster {cluster} on {feature}: {z:+.1f} standard deviations."),
        "reading.cohort_heatmap": (
            "Each row is a cohort of customers acquired in the same period, each column the periods since; a cell "
            "is the share of the cohort that bought again in that period. Colours fading to the right are normal; "
            "later cohorts (lower rows) lighter than earlier ones mean retention is getting better."),
        "reading.cohort_heatmap.example": (
            "Here, one period after acquisition, on average {rate:.1%} of a cohort bought again."),
        "reading.migration": (
            "Each row is a membership tier at the start, each column the tier at the end; a cell gives how many "
            "customers moved that way and what share of the row they are. The diagonal holds those who stayed; "
            "cells right of it (higher tiers) are upgrades, a good sign for the programme."),
        "reading.migration.example": "Here {stay:.1%} of the customers ended in the tier they started in.",
        # estimates with intervals
        "reading.interval_dots": (
            "Each dot is an estimate for one group and its whisker the confidence interval: the range the true value "
            "is likely in. Groups whose intervals do not overlap clearly differ; overlapping intervals may be noise, "
            "and a wide interval means few observations."),
        "reading.interval_dots.example": (
            "Here the widest interval is that of {group}: from {low:,.2f} to {high:,.2f}."),
        "reading.interval_dots.example_share": (
            "Here the widest interval is that of {group}: from {low:.1%} to {high:.1%}."),
        "reading.forest": (
            "Each dot is an estimated difference or effect and its whisker the confidence interval; the vertical "
            "line at 0 means no difference. An interval wholly on one side of 0 is a clear effect in that direction; "
            "one that crosses 0 cannot be told apart from no effect."),
        "reading.forest.example": "Here {clear} of the {n} intervals lie wholly on one side of 0.",
        "reading.gaps": (
            "Each dot is a gap, perception minus expectation, with its confidence interval; the line at 0 is "
            "expectation met. Dots left of 0 are where the service falls short of what customers expected, the first "
            "candidates for improvement; right of 0 the service exceeds expectations."),
        "reading.gaps.example": (
            "Here the largest shortfall is {name}: {gap:+.2f} (interval {low:+.2f} to {high:+.2f})."),
        "reading.trend_intervals": (
            "Each point is one period's value with its confidence interval (a band or whiskers); hollow points are "
            "periods not yet over at the end of the data. Read the direction over several periods rather than one "
            "jump; a change smaller than the intervals may be noise."),
        "reading.trend_intervals.example": (
            "Here the value goes from {first_value:,.2f} in {first} to {last_value:,.2f} "
            "in {last}."),
        "reading.trend_intervals.example_share": (
            "Here the value goes from {first_value:.1%} in {first} to {last_value:.1%} "
            "in {last}."),
        "reading.adjusted_vs_raw": (
            "Grey dots are the raw comparison, blue dots the same comparison adjusted for the differences between "
            "the customers behind each group, each with its interval. Where the two disagree, the raw view was partly "
            "a comparison of different customers: trust the adjusted one."),
        "reading.adjusted_vs_raw.example": (
            "Here the adjustment changes {group} most: from {raw:,.2f} raw to {adjusted:,.2f} adjusted."),
        "reading.adjusted_vs_raw.example_share": (
            "Here the adjustment changes {group} most: from {raw:.1%} raw to {adjusted:.1%} adjusted."),
        "reading.boxplot": (
            "Each box holds the middle half of the positive values of one group, the line inside is the median and "
            "the triangle the mean; whiskers and dots show the spread and the outliers (log scale). A mean far right "
            "of the median says a few large values pull the average up."),
        "reading.boxplot.example": "Here the highest median is {group}'s: {median:,.2f}.",
        # models against data
        "reading.tracking": (
            "The solid line is what happened, the dashed line what the model expected; the dotted vertical line ends "
            "the calibration period, after which the model sees no data. Lines that stay close after it are a model "
            "you can use for forecasts; a growing gap means it misses something (season, growth, a campaign)."),
        "reading.tracking.example": (
            "Over the whole period shown there are {actual:,.0f} actual against {expected:,.0f} expected repeat "
            "transactions."),
        "reading.tracking.example_share": (
            "Here, in the last period, {observed:.1%} of members are still in against {forecast:.1%} forecast."),
        "reading.observed_expected": (
            "For each number of repeat purchases the left bar is the actual count, the right bar what the model "
            "expects. Pairs of equal height are a good fit; a pattern of gaps (the model too high for the zeros, too "
            "low for the heavy buyers) tells you where it misjudges customers."),
        "reading.observed_expected.example": (
            "Here the largest gap is at {bin} repeat purchases: {actual:,.2f} actual against {expected:,.2f} expected."),
        "reading.observed_expected.example_count": (
            "Here the largest gap is at {bin} repeat purchases: {actual:,.0f} customers actual against {expected:,.0f} expected."),
        "reading.recovery": (
            "Each point is a parameter estimated from simulated data against its true value, with its interval; the "
            "dotted diagonal is a perfect estimate. Points on the diagonal, with intervals that cross it, show that "
            "the method finds what was planted."),
        "reading.recovery.example": "Here {covered} of {n} intervals contain the true value.",
        "reading.survival": (
            "The curve is the share of customers still active (not yet lapsed) at each time since their first "
            "purchase, with its confidence band; each step down is customers lapsing. A curve that falls steeply "
            "early and then flattens is typical; coloured curves compare groups, higher is better."),
        "reading.survival.example": "Here, after {t:,.0f} days, {s:.1%} of the customers are still active.",
        "reading.event_study": (
            "Each dot is the change (in %) of members against comparable non-members in one period around the launch "
            "(dashed line), with its interval. Before launch the dots should sit on 0, or the groups were not "
            "comparable; a lasting step after launch is the programme's effect."),
        "reading.event_study.example": (
            "Here the estimates average {pre:+.1f}% before launch and {post:+.1f}% after."),
        "reading.balance": (
            "Each row is a customer characteristic; the hollow dot is the standardised difference between members "
            "and non-members before weighting, the filled dot after. Good weighting brings every filled dot inside "
            "the dashed limits; a dot outside means that difference still biases the comparison."),
        "reading.balance.example": (
            "Here {before} of {n} characteristics lie outside ±{limit:.2f} before weighting and {after} after."),
        "reading.overlap": (
            "The bars show how likely each customer was to join, for members and non-members; the line shows the "
            "non-members after weighting. The groups can only be compared where both have customers: a wide common "
            "range is good, bars with no partner on the other side are customers without a fair comparison."),
        "reading.overlap.example": "Here {kept:.1%} of the non-members lie in the common range and are kept.",
        # maps and scatters
        "reading.quadrant_map": (
            "Each point is one attribute: how much it matters (up) against how well it performs (right), with the "
            "dashed lines at the averages. The top-left quadrant, important but weak, is where to improve first; "
            "bottom-right, strong but unimportant, may be effort to move elsewhere."),
        "reading.quadrant_map.example": "Here “{quadrant}” holds {names}.",
        "reading.portfolio": (
            "Each dot is a customer: current value (right) against growth potential (up); red numbered dots are the "
            "key accounts by rank and the dashed lines the thresholds. Top-right accounts are strategic; a key "
            "account low on growth needs attention before it lapses."),
        "reading.portfolio.example": (
            "Here {top_right} of the {n} key accounts sit in the top-right quadrant."),
        "reading.rank_scatter": (
            "Each point is an attribute, placed by the rank customers say it has (stated) and the rank the data "
            "gives it (derived); 1 is most important. Points on the diagonal agree; points far off it are "
            "attributes customers name but that do not move satisfaction, or the reverse."),
        "reading.rank_scatter.example": "Here the two rankings agree with a Spearman rho of {rho:.2f}.",
        "reading.projection": (
            "Each dot is a customer, placed on the two directions that separate customers most, coloured by cluster. "
            "Clusters that form separate clouds are well apart; clouds that run into each other are one continuum "
            "cut into parts, which is fine for targeting but not a natural grouping."),
        "reading.projection.example": "Here {shown:,} of the {n:,} customers are drawn.",
        "reading.k_selection": (
            "Each panel is one criterion against the number of clusters k; the red line marks the k it picks (solid: "
            "the criterion used). When several criteria pick the same k the choice is clear; when they disagree the "
            "data has no single natural number of groups."),
        "reading.k_selection.example": "Here the clusters shown use k = {k}.",
        # bars that rank
        "reading.stability": (
            "Each bar is a cluster's mean Jaccard similarity over bootstrap resamples: how often it is found again "
            "when the data change a little. Above 0.75 a cluster is stable, 0.6 to 0.75 it shows a pattern, below "
            "0.6 it may be an artefact; do not act on unstable clusters."),
        "reading.stability.example": "Here the least stable cluster is {cluster}, with a Jaccard of {jaccard:.2f}.",
        "reading.importance": (
            "Each bar is a driver's share of the explained variance (R²) of the outcome, with its interval when "
            "bootstrapped. The longest bars are the key drivers; bars with overlapping intervals are about as "
            "important as each other."),
        "reading.importance.example": "Here {top} carries {share:.1%} of the explained variance.",
        "reading.value_vs_cost": (
            "The value bar (what a customer of a channel is worth, or the extra margin a programme earns) stands "
            "beside the cost bar (what it cost to win that customer, CAC, or what the programme spends), in money, "
            "with intervals when bootstrapped. It pays where the value clearly rises above the cost; close bars or "
            "overlapping intervals are break-even at best."),
        "reading.value_vs_cost.example": (
            "Here {group} returns the most per unit of cost: {value:wan} of value against {cost:wan} of CAC."),
        "reading.value_vs_cost.example_programme": (
            "Here the programme's incremental margin is {value:wan} against {cost:wan} of cost."),
        "reading.attribution": (
            "Each group of bars is one channel, each bar the conversions a rule credits it with. Rules that agree "
            "give a robust answer; a channel whose credit changes much with the rule (e.g. first touch against last "
            "touch) opens or closes journeys, and its budget should not rest on one rule."),
        "reading.attribution.example": (
            "Here {group}'s credit varies most: from {low:,.1f} to {high:,.1f} conversions."),
        "reading.scenario_bars": (
            "Each bar is the gain in the value of today's customers if retention rose by that many points. The bars "
            "grow faster than in a straight line, because a customer kept also stays longer: small gains in "
            "retention are worth more than they look."),
        "reading.scenario_bars.example": "Here +{points} points of retention add {gain:wan}.",
        "reading.scorecard": (
            "Each row is a KPI on its own scale: the dot is its latest value with the interval, coloured by verdict "
            "(green met, orange not met, grey cannot tell), and the black diamond its target. A dot whose whole "
            "interval is on the right side of the diamond has met the target beyond doubt."),
        "reading.scorecard.example": (
            "Here {met} of {n} KPIs met their target, {not_met} did not and {unclear} cannot be told yet."),
    },
}
