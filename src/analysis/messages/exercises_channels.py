"""The exercises of notebook 04 (channel comparison): titles, questions, hints and model answers (analysis.course.channels)."""

MESSAGES = {
    "en": {
        "exercises_channels.best_rate.title": "The channel with the best visit rate",
        "exercises_channels.best_rate.question": (
            "Run notebook 04 on your class study and read the section *Rates*. Which channel of the campaign has the "
            "highest visit rate, and what is the rate? Would you give that channel the credit?"),
        "exercises_channels.best_rate.hint": (
            "The column `rate` of the table `rates_visit` (a share from 0 to 1; in the notebook, "
            "`rate_results[\"visit\"].groups`)."),
        "exercises_channels.best_rate.answer": (
            "{channel} has the highest visit rate, {rate:.2%} of its {n:,} contacts, against {control_rate:.2%} "
            "in the control group (the lowest of the other channels is {worst}, {worst_rate:.2%}). A raw rate says what happened among the "
            "customers a channel reached, not what the channel did: before giving it the credit, check whether the "
            "channels reached the same kind of customers (the section *Adjusted for customer mix*)."),
        "exercises_channels.lift_by_hand.title": "Lift over control by hand",
        "exercises_channels.lift_by_hand.question": (
            "Compute by hand, for every arm of the campaign, its visit rate minus the control group's rate, in "
            "percentage points, and check it against the table `lift_visit` (column `estimate_pp`)."),
        "exercises_channels.lift_by_hand.hint": (
            "`rates = outcomes.groupby(\"channel\")[\"visit\"].mean()`, then `(rates[arm] - rates[\"control\"]) * 100`."),
        "exercises_channels.lift_by_hand.answer": (
            "Lift is an arm's rate minus the control group's: {best} reaches {rate:.2%} against {control_rate:.2%} "
            "in {control}, a lift of {lift:+.2f} percentage points ({relative:+.0%} relative to control). The "
            "difference from a control group is a campaign's causal effect only when customers were assigned to the "
            "arms at random; otherwise it mixes the channel's effect with who received it."),
        "exercises_channels.adjusted.title": "The same customers in every channel",
        "exercises_channels.adjusted.question": (
            "Read the section *Adjusted for customer mix*: it compares the channels as if each had reached the same "
            "customers. Which channel is best once adjusted? What is the adjusted difference from control of the "
            "channel with the best raw rate (percentage points)? What changed, and why? Look at the balance table."),
        "exercises_channels.adjusted.hint": (
            "The table `adjusted_visit`: `unadjusted_pp` is the raw difference, `estimate_pp` the adjusted one; the "
            "table `covariate_balance` shows how the arms' customers differ (in the notebook, `adjusted[\"visit\"].effects` "
            "gives the differences as shares, and `balance` the balance table)."),
        "exercises_channels.adjusted.answer": (
            "{leader} had the best raw rate, {raw:+.2f} percentage points above control, but at the same customer mix "
            "its difference is {adjusted:+.2f} ({ci_low:+.2f} to {ci_high:+.2f}), while {best} is best once adjusted "
            "({best_raw:+.2f} raw, {best_adjusted:+.2f} adjusted). The contacts were not assigned at random: the "
            "largest difference in the balance table for {leader} is {covariate} (standardized difference "
            "{smd:+.2f}), so most of its raw advantage belonged to the customers it reached, not to the channel. An "
            "unadjusted channel comparison credits a channel with its customers' behaviour."),
        "exercises_channels.balance_by_hand.title": "A standardized difference by hand",
        "exercises_channels.balance_by_hand.question": (
            "Compute by hand, for every arm, the standardized difference of `past_spend` between the arm and "
            "control: the difference of the means divided by the square root of the mean of the two variances. "
            "Check it against the table `covariate_balance`. What does a value above 0.1 say?"),
        "exercises_channels.balance_by_hand.hint": (
            "`(a.mean() - c.mean()) / ((a.var() + c.var()) / 2) ** 0.5` with `a` and `c` the arm's and control's "
            "`past_spend` (pandas' `var` divides by n - 1, as the package does)."),
        "exercises_channels.balance_by_hand.answer": (
            "`past_spend` differs by {smd_leader:+.3f} standard deviations between {leader} and control. Across the "
            "balance table {n_over} of {n_rows} differences exceed 0.1, the largest being {covariate} for {arm} "
            "({smd:+.2f}): the arms reached different customers, which random assignment would not do. Unlike a "
            "test, the standardized difference does not grow with the sample, so it measures the imbalance itself."),
        "exercises_channels.one_covariate.title": "Which covariate does the work?",
        "exercises_channels.one_covariate.question": (
            "Set `covariates = [\"tenure_days\"]` in notebook 04's parameters cell and run the adjusted comparison "
            "again, then `covariates = [\"lifecycle_stage\"]`. What is the adjusted difference from control of the "
            "channel with the best raw rate each time (percentage points)? What does that say about the customer "
            "mix?"),
        "exercises_channels.one_covariate.hint": (
            "`adjusted_comparison(outcomes, \"channel\", \"visit\", [\"tenure_days\"], reference=\"control\")` from "
            "`analysis.channels`; its `effects` table has `estimate` (a share: times 100 for points)."),
        "exercises_channels.one_covariate.answer": (
            "Adjusted for tenure alone, {leader}'s difference from control stays at {tenure:+.2f} percentage points "
            "(raw {raw:+.2f}); adjusted for the lifecycle stage alone it drops to {stage:+.2f}, close to the "
            "{full:+.2f} with all three covariates. An adjustment removes only the differences in customer mix that "
            "its covariates describe: here the lifecycle stage (how recently and how often a customer buys) carries "
            "the difference, and a covariate unrelated to who got which channel changes little."),
        "exercises_channels.best_roi.title": "Which acquisition channel pays back best?",
        "exercises_channels.best_roi.question": (
            "Read the section *Channel economics*. Which acquisition channel has the highest first-year ROI, and "
            "what is it? What does a customer of that channel cost, and what does she bring in her first year?"),
        "exercises_channels.best_roi.hint": (
            "The columns `roi`, `cac` and `first_year_value` of the table `economics`; ROI is first-year value / "
            "CAC - 1."),
        "exercises_channels.best_roi.answer": (
            "{channel} has the highest first-year ROI, {roi:.1%}: a customer costs {cac:,.2f} to acquire and brings "
            "{value:,.2f} of first-year value (gross margin minus cost to serve). {n_positive} of the {n} "
            "acquisition channels earn back their acquisition cost within the first year; {worst} does worst "
            "({worst_roi:.1%}, with a CAC of {worst_cac:,.2f}). A channel is worth its cost when its customers bring "
            "more than they cost to win, whatever its volume."),
        "exercises_channels.margin.title": "A lower margin",
        "exercises_channels.margin.question": (
            "Set `gross_margin = 0.20` in notebook 04's parameters cell and run the channel economics again. Which "
            "acquisition channels still earn back their CAC within the first year (ROI above 0)? Answer `True` or "
            "`False` for each channel. Why do the others not?"),
        "exercises_channels.margin.hint": (
            "`eco = channel_economics(customers, transactions, channel=\"acquisition_channel\", margin=0.20, "
            "cost_to_serve=\"cost_to_serve\")` from `analysis.channels`; then `(eco[\"roi\"] > 0).to_dict()`."),
        "exercises_channels.margin.answer": (
            "At a gross margin of {margin:.0%} instead of {margin_before:.0%}, {n_after} of the {n} channels still "
            "earn back their acquisition cost in the first year, against {n_before} before; even the best, {best}, "
            "falls from an ROI of {roi_before:.1%} to {roi_after:.1%}. The acquisition cost is paid whatever the "
            "margin while the value a customer brings shrinks with it, so every ROI falls and a channel near "
            "break-even turns into a loss: channel economics are only as good as the margin they assume."),
        "exercises_channels.other_firm.title": "A randomized campaign: service_demo",
        "exercises_channels.other_firm.question": (
            "Apply the balance table and the adjusted comparison to the bundled `service_demo` firm drawn with your "
            "seed, whose campaign arms were assigned at random. Which arm is best raw, and which once adjusted? What "
            "is the largest absolute standardized difference in its balance table? Compare with your class firm."),
        "exercises_channels.other_firm.hint": (
            "Add the lifecycle stage with `with_lifecycle_stage(outcomes, demo.study.lifecycle)`, then "
            "`covariate_balance` and `adjusted_comparison` from `analysis.channels` with the covariates "
            "`lifecycle_stage`, `tenure_days`, `past_spend`."),
        "exercises_channels.other_firm.answer": (
            "In `service_demo` the largest standardized difference of the customer mix is {max_abs_smd:.3f} (against "
            "{own_max_abs_smd:.2f} in your firm), and adjusting moves no arm by more than {max_shift:.2f} percentage "
            "points (your firm: {own_shift:.2f}); {best_raw} is best both raw ({raw:+.2f}) and adjusted "
            "({adjusted:+.2f}). Random assignment makes the arms alike in every respect, measured or not, so the raw "
            "lift is already the campaign's effect; adjusting is the best one can do without it, and only for the "
            "covariates one has."),
    },
}
