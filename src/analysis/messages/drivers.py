"""Messages of the satisfaction-drivers analysis (notebook 03)."""

MESSAGES = {
    "en": {
        "drivers.quadrant.concentrate_here": "Concentrate here",
        "drivers.quadrant.keep_up_the_good_work": "Keep up the good work",
        "drivers.quadrant.low_priority": "Low priority",
        "drivers.quadrant.possible_overkill": "Possible overkill",
        "drivers.fig.importance.title": "What drives {outcome}: share of explained variance ({method})",
        "drivers.fig.importance.x": "Share of R² (R² = {r2:.2f}); bars: {level:.0%} bootstrap interval",
        "drivers.fig.coefficients.title": "Key-driver regression of {outcome}",
        "drivers.fig.coefficients.x": "Standardized coefficient (outcome SDs per attribute SD), {level:.0%} CI",
        "drivers.fig.ipa.title": "Importance-performance map",
        "drivers.fig.ipa.x": (
            "Mean performance on the rating scale {low:g}-{high:g} "
            "(dashed line: mean of the attributes, {cut:.2f})"
        ),
        "drivers.fig.ipa.x_gap": "Perception minus expectation, rating-scale points (dashed line: 0 = expectation met)",
        "drivers.fig.ipa.y": "Importance (share of R²; dashed line: mean share, {cut:.0%})",
        "drivers.fig.gaps.title": "SERVQUAL gaps: perception minus expectation",
        "drivers.fig.gaps.x": "Gap in scale points (negative = below expectations), {level:.0%} CI",
        "drivers.method.lmg": "LMG / Shapley",
        "drivers.method.relative_weights": "relative weights",
        "drivers.method.shapley_sampled": "sampled Shapley",
        "drivers.fig.ipma.title": "Importance-performance map for {target} (PLS path model)",
        "drivers.fig.ipma.x": "Performance (mean score, 0-100; dashed line: mean of the constructs, {cut:.1f})",
        "drivers.fig.ipma.y": "Importance (total effect on {target}, points per point; dashed line: mean)",
        "drivers.fig.effects.title": "Effects on {target}: direct, indirect and total (PLS path model)",
        "drivers.fig.effects.x": "Effect on {target} (standardized), {level:.0%} bootstrap interval",
        "drivers.effect.direct": "direct",
        "drivers.effect.indirect": "indirect",
        "drivers.effect.total": "total",
        "drivers.fig.index.title": "Satisfaction index per construct (0-100, ACSI method)",
        "drivers.fig.index.x": (
            "Index (0 = every answer at the bottom of the scale, 100 = at the top), {level:.0%} bootstrap interval"
        ),
        "drivers.fig.index.y": "Construct",
        "drivers.fig.index.all": "all respondents",
        "drivers.fig.stated.title": "Stated vs derived importance (Spearman rho = {rho:.2f})",
        "drivers.fig.stated.x": "Derived importance rank (1 = most important)",
        "drivers.fig.stated.y": "Stated importance rank (1 = most important)",
        "drivers.class.key_driver": "Key driver",
        "drivers.class.hidden_driver": "Hidden driver",
        "drivers.class.basic_expectation": "Basic expectation",
        "drivers.class.minor": "Minor",
        "drivers.agreement.strong": "closely",
        "drivers.agreement.moderate": "partly",
        "drivers.agreement.weak": "little",
        "drivers.verdict.below": "below expectation",
        "drivers.verdict.met": "meets expectation",
        "drivers.verdict.above": "above expectation",
        "drivers.model.logistic": "logistic regression",
        "drivers.model.ordinal": "ordinal logit",
        # findings: every number cites a table the notebook writes
        "drivers.finding.survey": (
            "{n:,} respondents, {n_used:,} of whom answered every question the models use; "
            "drivers: {drivers}."
        ),
        "drivers.finding.reliability": (
            "{n_ok} of {n} constructs reach Cronbach's alpha {threshold:g} or more "
            "(lowest: {low_name}, alpha {low_alpha:.2f})."
        ),
        "drivers.finding.regression": (
            "The attributes explain {r2:.0%} of the variation in {outcome} (n = {n:,}). Holding the other "
            "attributes fixed, {top} has the largest standardized effect: one more point of {top} goes with "
            "{estimate:+.2f} points of {outcome} ({low:+.2f} to {high:+.2f}); {n_sig} of {k} attributes have "
            "effects significantly different from zero at the {level:.0%} level."
        ),
        "drivers.finding.top_driver": (
            "{top} is the strongest driver of {outcome}: {share:.0%} of the explained variance "
            "({low:.0%}-{high:.0%}, {level:.0%} bootstrap interval); its bootstrap interval of ranks is "
            "{rank_low}-{rank_high}, so it ranks first beyond sampling doubt."
        ),
        "drivers.finding.top_driver_uncertain": (
            "{top} has the largest share of the explained variance of {outcome}: {share:.0%} "
            "({low:.0%}-{high:.0%}, {level:.0%} bootstrap interval), but its rank is uncertain "
            "(ranks {rank_low}-{rank_high} across bootstrap samples)."
        ),
        "drivers.finding.loyalty_bad": (
            "Loyalty model ({model} of {outcome}, n = {n:,}): {outcome} is the outcome to avoid, so odds "
            "ratios below 1 are good (a higher rating, lower odds of {outcome}). {clearest} has the clearest "
            "effect: each point higher multiplies the odds of {outcome} by {odds_ratio:.2f} ({low:.2f}-{high:.2f}, "
            "p = {p:.3f}); {n_sig} of {k} attributes are significant at the {level:.0%} level."
        ),
        "drivers.finding.loyalty_good": (
            "Loyalty model ({model} of {outcome}, n = {n:,}): {outcome} is the outcome to win, so odds ratios "
            "above 1 are good (a higher rating, higher odds of {outcome}). {clearest} has the clearest effect: "
            "each point higher multiplies those odds by {odds_ratio:.2f} ({low:.2f}-{high:.2f}, p = {p:.3f}); "
            "{n_sig} of {k} attributes are significant at the {level:.0%} level."
        ),
        "drivers.finding.group_test_differ": (
            "The attribute effects differ between the {group} groups (robust Wald test of all "
            "group-by-attribute interactions: chi² = {stat:.1f}, df = {df}, p = {p:.3f}); see the per-group models."
        ),
        "drivers.finding.group_test_same": (
            "The data show no difference in attribute effects between the {group} groups (robust Wald test "
            "of all group-by-attribute interactions: chi² = {stat:.1f}, df = {df}, p = {p:.3f})."
        ),
        "drivers.finding.gap": (
            "The largest shortfall against expectations is {name}: perception {perception:.2f} vs "
            "expectation {expectation:.2f}, a gap of {gap:+.2f} points ({low:+.2f} to {high:+.2f}). "
            "{n_below} of {n} dimensions are significantly below expectation."
        ),
        "drivers.finding.priority": (
            "Improve first: {first} (importance {share:.0%}, performance {performance:.2f}; top "
            "priority in {p_top:.0%} of bootstrap samples)."
        ),
        "drivers.finding.priority_then": (
            "Improve first: {first} (importance {share:.0%}, performance {performance:.2f}; top "
            "priority in {p_top:.0%} of bootstrap samples), then {names}."
        ),
        "drivers.finding.improve_item": (
            "{rank}. **{name}** - {quadrant} ({verdict}); importance {share:.0%} ({share_low:.0%}-{share_high:.0%}), "
            "performance {performance:.2f} ({perf_low:.2f}-{perf_high:.2f}); priority rank "
            "{rank_low}-{rank_high} across bootstrap samples."
        ),
        "drivers.finding.improve_item_plain": (
            "{rank}. **{name}** - {quadrant}; importance {share:.0%} ({share_low:.0%}-{share_high:.0%}), "
            "performance {performance:.2f} ({perf_low:.2f}-{perf_high:.2f}); priority rank "
            "{rank_low}-{rank_high} across bootstrap samples."
        ),
        "drivers.finding.pls": (
            "The structural model explains {r2_target:.0%} of the variance in {target} "
            "(goodness of fit {gof:.2f}; n = {n:,})."
        ),
        "drivers.finding.effects_both": (
            "Of the constructs that affect {target}, {first} has the largest total effect: {total:.2f} "
            "({low:.2f} to {high:.2f}, {level:.0%} bootstrap interval), {direct:.2f} directly and {indirect:.2f} "
            "through the constructs in between."
        ),
        "drivers.finding.effects_direct": (
            "Of the constructs that affect {target}, {first} has the largest total effect: {total:.2f} "
            "({low:.2f} to {high:.2f}, {level:.0%} bootstrap interval), all of it direct (no route runs through "
            "other constructs)."
        ),
        "drivers.finding.effects_indirect": (
            "Of the constructs that affect {target}, {first} has the largest total effect: {total:.2f} "
            "({low:.2f} to {high:.2f}, {level:.0%} bootstrap interval), all of it through the constructs in "
            "between (the model has no direct path)."
        ),
        "drivers.finding.ipma": (
            "For {target}, {first} matters most per point of performance: one more point of its performance "
            "(now {performance:.0f} of 100) would lift {target} by about {gain:.2f} points. Improve first: "
            "{priority} (largest importance-weighted room for improvement)."
        ),
        "drivers.finding.ipma_boot": (
            "For {target}, {first} matters most per point of performance: one more point of its performance "
            "(now {performance:.0f} of 100) would lift {target} by about {gain:.2f} points ({low:.2f}-{high:.2f}, "
            "{level:.0%} bootstrap interval). Improve first: {priority} (largest importance-weighted room for "
            "improvement)."
        ),
        "drivers.finding.index": (
            "On a scale from 0 to 100, the {headline} index is {estimate:.1f}, where 0 would mean every answer at "
            "the bottom of the rating scale and 100 every answer at the top. The highest index is {top} "
            "({top_value:.1f}), the lowest {bottom} ({bottom_value:.1f})."
        ),
        "drivers.finding.index_boot": (
            "On a scale from 0 to 100, the {headline} index is {estimate:.1f} ({low:.1f} to {high:.1f}, "
            "{level:.0%} bootstrap interval), where 0 would mean every answer at the bottom of the rating scale "
            "and 100 every answer at the top. The highest index is {top} ({top_value:.1f}), the lowest {bottom} "
            "({bottom_value:.1f})."
        ),
        "drivers.finding.index_group_clear": (
            "By {group}, the largest difference in an index is {name} on {construct}: {difference:+.1f} points "
            "against the other groups ({low:+.1f} to {high:+.1f}, {level:.0%} bootstrap interval); {n_clear} of "
            "{k} group differences have an interval that leaves out 0."
        ),
        "drivers.finding.index_group_none": (
            "By {group}, no group's index differs clearly from the other groups': the largest difference, "
            "{name} on {construct}, is {difference:+.1f} points ({low:+.1f} to {high:+.1f}, {level:.0%} bootstrap "
            "interval), and none of the {k} group differences has an interval that leaves out 0."
        ),
        "drivers.finding.stated": (
            "What customers say matters and what moves {outcome} agree {agreement} (Spearman rho "
            "{rho:.2f}, {n} attributes)."
        ),
        "drivers.finding.stated_hidden": "Hidden drivers (move {outcome} more than customers say): {names}.",
        "drivers.finding.stated_basic": "Stated as important but not driving {outcome}: {names}.",
        # checks: what was checked, the result, what it means for the findings
        "drivers.check.reliability_pass": (
            "Every construct's Cronbach's alpha is at least {threshold:g} (lowest: {low_name}, {low_alpha:.2f}), "
            "so its items agree well enough to average them into one score."
        ),
        "drivers.check.reliability_warn": (
            "{n_low} of {n} constructs have Cronbach's alpha below {threshold:g} (lowest: {low_name}, "
            "{low_alpha:.2f}): their items do not measure one thing, so their scores and every effect found "
            "for them are blurred; inspect the item analysis before relying on them."
        ),
        "drivers.check.collinearity_pass": (
            "The largest variance inflation factor is {max_vif:.2f} (threshold {threshold:g}): the attributes "
            "overlap, but each regression coefficient is still well determined."
        ),
        "drivers.check.collinearity_warn": (
            "The largest variance inflation factor is {max_vif:.2f}, above {threshold:g}: the attributes overlap "
            "so much that the regression coefficients are unstable (signs can flip); read the relative "
            "importance shares instead."
        ),
        "drivers.check.residuals_hetero": (
            "Breusch-Pagan p = {bp_p:.3f}: the residual variance is not constant. The standard errors are "
            "robust (HC3), so the regression's intervals and tests still hold."
        ),
        "drivers.check.residuals_ok": (
            "Breusch-Pagan p = {bp_p:.3f}: no sign of unequal residual variance; the standard errors are "
            "robust (HC3) in any case."
        ),
        "drivers.check.sample_size_pass": (
            "{n:,} respondents for {k} attributes ({per:.0f} per attribute; about {need:g} are needed): "
            "enough for stable coefficients."
        ),
        "drivers.check.sample_size_warn": (
            "Only {n:,} respondents for {k} attributes ({per:.0f} per attribute; about {need:g} are needed): "
            "coefficients and importance shares are imprecise; read their intervals, not the point values."
        ),
        "drivers.check.small_groups_pass": (
            "The smallest {group} group has {n_min:,} respondents ({need:g} per attribute are needed): "
            "the per-group models are estimable."
        ),
        "drivers.check.small_groups_warn": (
            "The smallest {group} group has only {n_min:,} respondents (about {need:g} per attribute are "
            "needed): its per-group coefficients are imprecise and the group test has little power."
        ),
        "drivers.check.loyalty_converged": "The {model} of {outcome} converged to a maximum of the likelihood.",
        "drivers.check.loyalty_not_converged": (
            "The {model} of {outcome} did not converge: its odds ratios are not maximum-likelihood estimates "
            "and its p-values cannot be trusted."
        ),
        "drivers.check.separation_pass": (
            "{n_extreme} respondents have a fitted probability of 0 or 1: no combination of ratings predicts "
            "{outcome} perfectly, so the odds ratios are finite estimates."
        ),
        "drivers.check.separation_warn": (
            "{n_extreme:,} respondents have a fitted probability of 0 or 1: some ratings predict {outcome} "
            "(quasi-)perfectly, so the odds ratios run off towards 0 or infinity and their p-values mean "
            "nothing; merge rating categories or use a penalized (Firth) fit before reading them."
        ),
        "drivers.check.events_pass": (
            "{n_events:,} respondents have the rarer value of {outcome}, {per:.0f} per attribute (about 10 "
            "are needed): enough events for the loyalty model."
        ),
        "drivers.check.events_warn": (
            "Only {n_events:,} respondents have the rarer value of {outcome}, {per:.1f} per attribute (about "
            "10 are needed): the loyalty model's odds ratios are biased away from 1 and imprecise."
        ),
        "drivers.check.indirect_pass": (
            "Each of the {k} indirect effects has a {level:.0%} bootstrap interval that leaves out 0: every route "
            "through intermediate constructs is supported by the data."
        ),
        "drivers.check.indirect_warn": (
            "{n} of {k} indirect effects have a {level:.0%} bootstrap interval that includes 0 (for example "
            "{source} on {target}: {estimate:.2f}, {low:.2f} to {high:.2f}): these routes through intermediate "
            "constructs cannot be told apart from no effect, so do not claim mediation along them."
        ),
        "drivers.check.indirect_none": (
            "The model has no route through intermediate constructs, so there is no indirect effect to test."
        ),
        "drivers.check.index_weights_pass": (
            "Every item of the {k} constructs has a positive weight, so each index is a weighted mean of its "
            "items and stays between 0 and 100."
        ),
        "drivers.check.index_weights_warn": (
            "{n_items} item(s) in {n} construct(s) have a negative weight (most: {name}): such an index is not a "
            "weighted mean of its items, can leave the range 0-100 and should not be read as a score; look for "
            "reverse-worded items (recode them) or items that measure something else (drop them)."
        ),
        "drivers.check.index_scales_pass": (
            "The items of each of the {k} constructs share one rating scale, so each index is the ACSI formula: "
            "the weighted item mean placed between the scale's ends."
        ),
        "drivers.check.index_scales_warn": (
            "The items of {n} of {k} constructs use different rating scales ({names}): each item is first "
            "rescaled to 0-100 and the index is the weighted mean of the rescaled items. It still reads as 0-100, "
            "but it is not the ACSI formula with one scale, so compare it with published indices with care."
        ),
        # one sentence for each part of the page that cannot run for this study
        "drivers.skip.reliability": (
            "The attributes are single columns (`predictors`), not items grouped into constructs by "
            "`item_pattern`, so there is no multi-item scale whose reliability could be checked."
        ),
        "drivers.skip.loyalty": "No loyalty outcome is given (`loyalty_outcome` is None), so no loyalty model is fitted.",
        "drivers.skip.group": (
            "No grouping column is given (`group` is None), so the drivers are not compared between groups."
        ),
        "drivers.skip.servqual": (
            "No expectation items are given (`expectation_prefix` is None), so there are no SERVQUAL gaps and the "
            "importance-performance map below cuts at mean performance."
        ),
        "drivers.skip.pls": (
            "No structural model is given: it needs outcome constructs with their items (`pls_outcomes`) and "
            "driver constructs from `item_pattern`, or a model of its own (`pls_paths`, with `pls_blocks`)."
        ),
        "drivers.skip.index": (
            "Without a structural model there are no PLS weights, so no satisfaction index is computed."
        ),
        "drivers.skip.index_group": (
            "No grouping column is given (`group` is None), so the satisfaction index is not compared between "
            "groups."
        ),
        "drivers.skip.stated": (
            "No stated-importance columns are given (`stated_importance` is None), so what customers say matters "
            "is not compared with what drives their ratings."
        ),
        "drivers.skip.agreement": (
            "Without a loyalty outcome there is no behaviour to compare the improve-first list with."
        ),
        "drivers.check.agree": (
            "Stated and behavioural drivers agree: {first}, first on the list built from {source}, also has "
            "the clearest effect in the loyalty model of {behaviour} (odds ratio {odds_ratio:.2f}, p = {p:.3f})."
        ),
        "drivers.check.disagree": (
            "Stated and behavioural drivers disagree. The list built from {source} puts {first} first, but in "
            "the loyalty model of {behaviour} its effect is not significant at the {level:.0%} level "
            "(odds ratio {odds_ratio:.2f}, p = {p:.3f}), while {clearest} has the clearest effect (odds ratio "
            "{odds_ratio_clearest:.2f}, p = {p_clearest:.3f}). Ratings say what customers feel, {behaviour} "
            "what they do: check that improving {first} changes behaviour before investing, and weigh "
            "{clearest} as well."
        ),
        "drivers.check.weak": (
            "Stated and behavioural drivers point the same way, without certainty: {first}, first on the list "
            "built from {source}, also has the clearest effect in the loyalty model of {behaviour}, but that "
            "effect is not significant at the {level:.0%} level (odds ratio {odds_ratio:.2f}, p = {p:.3f}). "
            "Check that improving {first} changes behaviour before investing."
        ),
        "drivers.check.differ": (
            "Stated and behavioural drivers point to different attributes. The list built from {source} puts "
            "{first} first (loyalty model of {behaviour}: odds ratio {odds_ratio:.2f}, p = {p:.3f}), but "
            "{clearest} has the clearest effect on {behaviour} (odds ratio {odds_ratio_clearest:.2f}, "
            "p = {p_clearest:.3f}); weigh both before investing."
        ),
    },
}
