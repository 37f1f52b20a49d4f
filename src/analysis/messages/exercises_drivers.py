"""The exercises of notebook 03 (satisfaction drivers): titles, questions, hints and model answers (analysis.course.drivers)."""

MESSAGES = {
    "en": {
        "exercises_drivers.reliability.title": "Can the scales be averaged?",
        "exercises_drivers.reliability.question": (
            "Run notebook 03 on your class study and read the table *reliability*. Which construct (service "
            "dimension) has the lowest Cronbach's alpha, and what is its alpha? Is it reliable enough to average its "
            "items into one score, and which item would you look at first?"),
        "exercises_drivers.reliability.hint": (
            "The column `alpha` of the table `reliability`; the usual floor is the parameter `alpha_threshold` (0.7)."),
        "exercises_drivers.reliability.answer": (
            "The least reliable scale is {construct}, with Cronbach's alpha {alpha:.3f} over {n_items} items (the "
            "highest alpha is {highest:.3f}); {n_reliable} of the {n_constructs} scales reach the floor of "
            "{threshold:.2f}. Alpha is the share of a score's variance its items have in common, so above the floor "
            "the items measure one thing and their mean is a fair score. Its weakest item is {weakest_item}, yet "
            "without it alpha would fall to {if_dropped:.3f}: every item adds to the scale."),
        "exercises_drivers.top_driver.title": "The attribute that matters most",
        "exercises_drivers.top_driver.question": (
            "Read the section *Relative importance*. Which attribute accounts for the largest share of the "
            "explained variance (R²) of overall satisfaction, and what share? Does the key-driver regression's "
            "largest standardized coefficient point to the same attribute?"),
        "exercises_drivers.top_driver.hint": (
            "The column `share` of the table `relative_importance` (shares sum to 1); the column `std_coef` of the "
            "table `regression` (in the notebook, the variables `importance` and `reg`)."),
        "exercises_drivers.top_driver.answer": (
            "{driver} accounts for {share:.1%} of the explained variance (R² = {r2:.3f}), ahead of {second} "
            "({second_share:.1%}); {smallest} matters least ({smallest_share:.1%}). The largest standardized "
            "regression coefficient belongs to {coef_top}. Relative importance splits the variance the attributes "
            "share fairly over every order of entering them, so its ranking is steadier than the coefficients', "
            "which hold the other attributes fixed."),
        "exercises_drivers.loyalty.title": "Satisfaction and churn",
        "exercises_drivers.loyalty.question": (
            "The section *Loyalty* relates the same attributes to whether the respondent later churned. Which "
            "attribute has the lowest odds ratio, what is it, and can you be sure it lowers churn?"),
        "exercises_drivers.loyalty.hint": (
            "The column `odds_ratio` of the table `loyalty_model`; for churn an odds ratio below 1 is good, and its "
            "interval (`or_low`, `or_high`) says how sure."),
        "exercises_drivers.loyalty.answer": (
            "{driver} has the lowest odds ratio, {odds_ratio:.3f}: each point more on it multiplies the odds of "
            "churning by {odds_ratio:.3f} (interval {or_low:.3f} to {or_high:.3f}, p = {p_value:.3f}). "
            "{n_significant} of the {n_drivers} attributes are significant at the {level:.0%} level here, against "
            "{n_regression} in the regression of overall satisfaction, with {n_events:,} churners among {n:,} "
            "respondents. An interval that includes 1 means the data cannot rule out no effect: what customers say "
            "about a service predicts what they do less sharply than it predicts their overall rating."),
        "exercises_drivers.shortfall.title": "Where the service falls short",
        "exercises_drivers.shortfall.question": (
            "Read the section *Expectations versus perceptions (SERVQUAL)* and its figure. On which dimension does "
            "the service fall furthest short of what customers expected, by how many points, and is the shortfall "
            "more than chance? How important is that dimension for overall satisfaction, and what would you "
            "improve first?"),
        "exercises_drivers.shortfall.hint": (
            "The rows of level `dimension` of the table `servqual_gaps`: the most negative `estimate`, its interval, "
            "and the dimension's rank in `relative_importance` (in the notebook, the variables `gaps` and `importance`)."),
        "exercises_drivers.shortfall.answer": (
            "{dimension} falls furthest short: perception {perception:.2f} against expectation {expectation:.2f}, a "
            "gap of {gap:+.2f} points (interval {ci_low:+.2f} to {ci_high:+.2f}, wholly below zero), far more than "
            "the next dimension, {runner} ({runner_gap:+.2f}). It ranks {rank} of {n_drivers} in relative importance "
            "({share:.1%} of R²). Satisfaction is perception measured against expectation, so a large, certain gap "
            "on a dimension that matters is where improving first pays most; the importance-performance map plots "
            "exactly these two numbers for every dimension."),
        "exercises_drivers.gap_by_hand.title": "A SERVQUAL gap by hand",
        "exercises_drivers.gap_by_hand.question": (
            "Compute the SERVQUAL gap of the dimension *reliability* by hand: for each respondent, the mean of the "
            "perception items minus the mean of the expectation items, then the mean over respondents. Check it "
            "against the table `servqual_gaps`."),
        "exercises_drivers.gap_by_hand.hint": (
            "`(perception.mean(axis=1) - expectation.mean(axis=1)).mean()`; the columns of both blocks must be in "
            "the same item order."),
        "exercises_drivers.gap_by_hand.answer": (
            "The reliability gap is {gap:+.3f} points: mean perception {perception:.3f} minus mean expectation "
            "{expectation:.3f} over {n:,} respondents; its {n_items} items range from {item_low:+.3f} to "
            "{item_high:+.3f}, and the interval of the gap is {ci_low:+.3f} to {ci_high:+.3f}. With every item answered, the mean of the differences "
            "equals the difference of the means; the table tests the per-respondent differences (a paired test), "
            "because the same person rated both."),
        "exercises_drivers.index_by_hand.title": "The satisfaction index by hand",
        "exercises_drivers.index_by_hand.question": (
            "The section *A satisfaction index from 0 to 100* reports every construct as an index. Compute the "
            "index of satisfaction (one item, `overall_satisfaction` on 1 to 7) and of loyalty (the weighted mean "
            "of its items, each first put on 0 to 100 by its own scale, with the weights of the table "
            "`satisfaction_index_weights`) by hand, and check both against the table `satisfaction_index`."),
        "exercises_drivers.index_by_hand.hint": (
            "An item's 0-100 mean is `(mean - low) / (high - low) * 100`; `recommend` is rated 0 to 10, "
            "`loyalty_intent` 1 to 7; the weights of a construct sum to 1 (in the notebook, `si.weights_` shows them)."),
        "exercises_drivers.index_by_hand.answer": (
            "The satisfaction index is {satisfaction:.2f}: the mean rating placed between {low:g} (index 0) and "
            "{high:g} (index 100). The loyalty index is {loyalty:.2f}, the weighted mean of its {n_items} items' "
            "0-100 means, with {heavy} weighing most ({heavy_weight:.2f}). An index is a level, not a share of "
            "satisfied customers; the lowest index among the service dimensions is {lowest}'s ({lowest_index:.2f})."),
        "exercises_drivers.outcome.title": "Drivers of loyalty intention",
        "exercises_drivers.outcome.question": (
            "Set `outcome = \"loyalty_intent\"` in notebook 03's parameters cell and run it again (or fit the "
            "regression and the relative importance in the workbook). Which attribute now accounts for the largest "
            "share of R², and how much of the variance do the five attributes explain? Compare with overall "
            "satisfaction."),
        "exercises_drivers.outcome.hint": (
            "`KeyDriverRegression().fit(data, \"loyalty_intent\", drivers).diagnostics()[\"r2\"]` and "
            "`RelativeImportance(\"lmg\").fit(...)` from `analysis.drivers`; build `data` with `driver_table` and "
            "the outcome `loyalty_intent`."),
        "exercises_drivers.outcome.answer": (
            "For {outcome} the top driver is {driver} ({share:.1%} of R²), and the {n_drivers} attributes explain "
            "R² = {r2:.3f}, against {r2_before:.3f} for {before} (whose top driver is {driver_before}). An "
            "intention to stay depends on more than the service attributes (price, habit, alternatives), so they "
            "explain less of it: satisfaction is a step towards loyalty, not the same thing."),
        "exercises_drivers.other_firm.title": "Another firm: service_demo",
        "exercises_drivers.other_firm.question": (
            "Apply the SERVQUAL gaps and the relative importance to the bundled `service_demo` firm drawn with your "
            "seed. Which dimension falls furthest short there, how many of the dimensions are significantly below "
            "expectations, and which attribute is the top driver? Compare with your class firm."),
        "exercises_drivers.other_firm.hint": (
            "`servqual_gaps(survey, servqual_pairs(survey.columns), scale=(1, 7))` and `gap_verdicts` from "
            "`analysis.drivers`: count the dimensions whose verdict is `below`."),
        "exercises_drivers.other_firm.answer": (
            "In `service_demo` ({respondents:,} respondents) {dimension} falls furthest short ({gap:+.2f} points), "
            "{n_below} of the {n} dimensions are significantly below expectations, and {driver} is the top driver "
            "({share:.1%} of R²). In your class firm {own_n_below} dimensions are below, the worst is "
            "{own_dimension} and the top driver {own_driver}. The method is the same; what to improve first "
            "depends on each firm's own gaps and importances."),
    },
}
