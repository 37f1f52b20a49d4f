"""Messages of the customer lifetime value analysis (notebook 02)."""

MESSAGES = {
    "en": {
        "clv.model.BetaGeo": "BG/NBD",
        "clv.model.ModifiedBetaGeo": "MBG/NBD",
        "clv.model.ParetoNBD": "Pareto/NBD",
        "clv.axis.period": "Period ending",
        "clv.axis.repeat_transactions": "Repeat transactions",
        "clv.axis.cumulative_repeat": "Cumulative repeat transactions",
        "clv.axis.frequency": "Repeat purchases in calibration",
        "clv.axis.customers": "Customers",
        "clv.axis.holdout_purchases": "Mean purchases per customer in the holdout period",
        "clv.axis.customer_share": "Share of customers, most valuable first",
        "clv.axis.value_share": "Share of expected value",
        "clv.axis.p_alive": "P(alive)",
        "clv.axis.true": "True value",
        "clv.axis.estimate": "Estimate (95% interval)",
        "clv.legend.actual": "Actual",
        "clv.legend.model": "Model: {model}",
        "clv.legend.calibration_end": "End of calibration",
        "clv.fig.tracking.title": "Repeat transactions per {unit}: actual vs {model}",
        "clv.fig.tracking_cumulative.title": "Cumulative repeat transactions: actual vs {model}",
        "clv.fig.frequency.title": "Customers by repeat purchases in calibration: actual vs {model}",
        "clv.fig.holdout.title": "Holdout purchases by calibration frequency: actual vs {model}",
        "clv.fig.concentration.title": "How concentrated is the customer base's value?",
        "clv.fig.recovery.title": "Recovered vs true BG/NBD parameters by acquisition channel",
        "clv.unit.W": "week",
        "clv.unit.D": "day",
        "clv.unit.M": "month",
        "clv.unit.Y": "year",
        "clv.process.trans": "purchase (trans)",
        "clv.process.life": "drop-out (life)",
        "clv.finding.calibration": (
            "Calibration: the {customers:,} customers who bought for the first time by {cal_end}; "
            "holdout from {cal_end} to {end}, {holdout:.1f} {unit}s."
        ),
        "clv.finding.base_value": (
            "The {customers:,} customers are expected to bring {total:,.0f} {currency} of "
            "margin over the next {horizon:g} {unit}s (discounted at {discount:.0%} a year; 95% "
            "interval of the total {lower:,.0f} to {upper:,.0f})."
        ),
        "clv.finding.top_decile": (
            "The most valuable {top:.0%} of customers hold {share:.0%} of that value; on average a "
            "customer is {alive:.0%} likely to be still active."
        ),
        "clv.finding.win_back": (
            "{n_targets:,} customers are win-back targets: valuable if still active (value if alive "
            "of at least {cutoff:,.2f} {currency}, the top {top:.0%}) and slipping away but not gone "
            "(P(alive) from {low:.0%} to below {high:.0%}). Together {at_risk:,.0f} {currency} of their "
            "value is lost in expectation, the ceiling of what a win-back effort could recover. "
            "{n_gone:,} more valuable customers have P(alive) below {low:.0%}: they are probably gone "
            "and are not targeted."
        ),
        "clv.finding.recommend": (
            "{model} predicts the holdout period best (customer-level RMSE {rmse:.3f}, aggregate "
            "error {agg:+.1f}%), so the value figures use it."
        ),
        "clv.finding.recommend_counts": (
            "{model} predicts the holdout period best (customer-level RMSE {rmse:.3f}, aggregate "
            "error {agg:+.1f}%), so the forecasts of purchases and P(alive) use it."
        ),
        "clv.finding.tracking_convention": (
            "The model lines evaluate the expected purchases at the end of each period's last day, as "
            "the summary measures a customer's age; BTYD and lifetimes evaluate one day later. Their "
            "convention gives {next_day:,.1f} instead of {ours:,.1f} expected cumulative repeat "
            "purchases by the end of calibration, in the period ending {end} ({diff:+.2f}%)."
        ),
        "clv.check.converged": (
            "{model}, fitted on {fit}, converged: log-likelihood {loglik:,.1f} is a maximum (the optimiser's largest "
            "gradient is below 1e-4)."
        ),
        "clv.check.not_converged": (
            "{model}, fitted on {fit}, did not converge (log-likelihood {loglik:,.1f}): its estimates are not a "
            "maximum of the likelihood, so the figures that rest on them are uncertain beyond their "
            "intervals."
        ),
        "clv.check.interior": "{model}, fitted on {fit}: every estimate lies inside the parameter space.",
        "clv.check.boundary": (
            "{model}, fitted on {fit}: {parameters} ran to an extreme value (the edge of the parameter space); "
            "the standard errors of these estimates are not reliable."
        ),
        "clv.check.independence_pass": (
            "The Gamma-Gamma spend model assumes that how much a customer spends per purchase does not "
            "depend on how often she buys. Among the {n:,.0f} repeat customers the Spearman correlation "
            "of frequency and mean spend is {rho:+.2f} (p = {p:.2g}; Pearson r = {r:+.2f}), either below "
            "{material} in size or not significant at 5%: no material dependence, the spend predictions can be used."
        ),
        "clv.check.independence_warn": (
            "The Gamma-Gamma spend model assumes that how much a customer spends per purchase does not "
            "depend on how often she buys. Among the {n:,.0f} repeat customers the Spearman correlation "
            "of frequency and mean spend is {rho:+.2f} (p = {p:.2g}; Pearson r = {r:+.2f}): the "
            "assumption does not hold. Frequent buyers spend {direction} per purchase, so the expected "
            "spend of customers with few purchases is shrunk towards a mean that is not theirs; read the "
            "values of individual customers, and the share held by the most valuable, with care."
        ),
        "clv.check.independence_not_run": (
            "The independence of frequency and spend could not be checked: fewer than 3 repeat customers, "
            "or no variation in frequency or spend."
        ),
        "clv.direction.more": "more",
        "clv.direction.less": "less",
        "clv.direction.overstate": "overstate",
        "clv.direction.understate": "understate",
        "clv.check.holdout_fit": (
            "{model} predicted {predicted:,.0f} holdout purchases where the customers made {actual:,.0f} "
            "({agg:+.1f}%); within {limit}% the forecast of the total is adequate."
        ),
        "clv.check.holdout_misfit": (
            "{model} predicted {predicted:,.0f} holdout purchases where the customers made {actual:,.0f} "
            "({agg:+.1f}%), more than {limit}% off: the values built on it {direction} future purchases "
            "by about as much."
        ),
        "clv.check.holdout_misfit_counts": (
            "{model} predicted {predicted:,.0f} holdout purchases where the customers made {actual:,.0f} "
            "({agg:+.1f}%), more than {limit}% off: the forecasts built on it {direction} future purchases "
            "by about as much."
        ),
        "clv.check.excluded.first_purchase_at_end": (
            "Fitted on {fit}: {n:,} of {total:,} customers made their first purchase on the last day ({end}), so "
            "their age T is 0 and they carry no information on purchase rates or drop-out; they are "
            "left out of the model fit and forecast as customers just acquired."
        ),
        "clv.check.excluded.zero_repeat_spend": (
            "Fitted on {fit}: {n:,} of {total:,} customers have repeat purchases worth 0 in total; the spend model "
            "cannot use a mean spend of 0, so they are left out of its fit and valued with the "
            "population mean spend."
        ),
        "clv.check.note": "Check {status} ({kind})",
        "clv.check.paragraph": "**{label}:** {text}",
        "clv.fit.calibration": "the calibration period",
        "clv.fit.full": "all data up to the end of observation",
        "clv.model.GammaGamma": "Gamma-Gamma",
        "clv.model.BetaGeoCovariates": "BG/NBD with acquisition channel",
        "clv.text.calibration_data": "**{title}**",
        "clv.text.no_channel_value": "This study has no acquisition channel; value by channel is skipped.",
        "clv.text.no_channel_covariates": "This study has no acquisition channel; the covariate model is skipped.",
        "clv.text.no_truth": "The study reports no known truth to compare with (real data have none; a class study keeps its truth for the teacher).",
        "clv.finding.purchase_forecast": (
            "The {customers:,} customers are expected to make {total:,.0f} purchases over the next {horizon:g} "
            "{unit}s (95% interval of the total {lower:,.0f} to {upper:,.0f}); on average a customer is "
            "{alive:.0%} likely to be still active."
        ),
        "clv.finding.at_risk": (
            "{n_targets:,} customers are at risk: frequent buyers if still active (at least {cutoff:,.2f} "
            "expected purchases in the next {horizon:g} {unit}s if alive, the top {top:.0%}) who are slipping "
            "away but not gone (P(alive) from {low:.0%} to below {high:.0%}). Together {lost:,.0f} of the "
            "purchases they would make if all were still active are lost in expectation, the ceiling of what "
            "a win-back effort could recover. {n_gone:,} more frequent buyers have P(alive) below {low:.0%}: "
            "they are probably gone and are not targeted."
        ),
        "clv.check.spend.gamma_gamma": (
            "The mean spend per purchase differs among the {n:,} repeat customers ({distinct:,} distinct "
            "values), so the Gamma-Gamma spend model is fitted."
        ),
        "clv.check.spend.constant": (
            "Every one of the {n:,} repeat customers spends the same {spend:,.2f} {currency} per purchase on "
            "average, so the Gamma-Gamma spend model has nothing to estimate and is skipped: each purchase "
            "is valued at {spend:,.2f} {currency}. If the amounts were filled in only because the log has "
            "none (amount = 1), leave `amount` out of the study's column mapping: the page then gives "
            "purchase counts and P(alive) without a value in money."
        ),
        "clv.check.spend.no_amounts": (
            "The transaction log has no amounts, so the Gamma-Gamma spend model is skipped. A value "
            "analysis needs what each purchase was worth: map a column of amounts to `amount` in the "
            "study's `data:` section."
        ),
        "clv.check.spend.no_repeat_spend": (
            "No repeat purchase has an amount above 0, so the Gamma-Gamma spend model is skipped and there "
            "is no value in money; the page gives purchase counts and P(alive)."
        ),
        "clv.why.no_amounts": "The transaction log has no amounts",
        "clv.why.no_repeat_spend": "No repeat purchase has an amount above 0",
        "clv.text.skip.value": (
            "{why}, so the customer lifetime value in money (spend per purchase, margin, discounting and "
            "how concentrated value is) is skipped; the expected purchases take its place. A value "
            "analysis needs an amount per transaction: map that column to `amount` in the study's `data:` "
            "section."
        ),
        "clv.text.skip.win_back": (
            "{why}, so the value-based win-back list is skipped; the customers at risk below are ranked "
            "by the purchases they would still make, not by revenue."
        ),
        "clv.text.skip.channel_value": (
            "{why}, so value by acquisition channel (revenue per channel) is skipped."
        ),
        "clv.text.value_intro.money": (
            "## What is each customer worth from here on?\n\n"
            "For the value, the chosen model and the Gamma-Gamma spend model are refitted on all data up "
            "to the end of observation (without the customers counted above, who are still valued). The "
            "Gamma-Gamma model adds how much a customer spends per purchase, shrinking her own average "
            "towards the population average the fewer purchases she has made. The table gives both fits. "
            "The model assumes that how much a customer spends per purchase does not depend on how often "
            "she buys; the correlation between the two among repeat customers is checked below it, with "
            "its p-value, and the note says what the result means for the values. The 95% interval of "
            "each value carries the parameter uncertainty of both models (delta method)."
        ),
        "clv.text.value_intro.constant": (
            "## What is each customer worth from here on?\n\n"
            "For the value, the chosen model is refitted on all data up to the end of observation (without "
            "the customers counted above, who are still valued). Every repeat customer spends the same "
            "amount per purchase on average, so there is no spend model to fit (the note below says so): "
            "each expected purchase is worth that amount. The 95% interval of each value carries the "
            "parameter uncertainty of the purchase model (delta method)."
        ),
        "clv.text.value_intro.counts": (
            "## How many purchases will each customer still make?\n\n"
            "The chosen model is refitted on all data up to the end of observation (without the customers "
            "counted above, who are still forecast). For every customer it gives P(alive) and the "
            "expected purchases over the horizon, with a 95% interval that carries the parameter "
            "uncertainty (delta method)."
        ),
        "clv.text.churn.money": (
            "## The cost of churn: valuable customers who are slipping away\n\n"
            "P(alive) falls while a customer stays silent, faster for customers who used to buy often. "
            "`value_if_alive` is what a customer would be worth if certainly still active; the part of it "
            "lost to the chance she has left is the value at risk, the natural budget ceiling for a "
            "win-back effort. A **win-back target** is a customer who is valuable if alive (her "
            "`value_if_alive` is in the top quarter), slipping away (P(alive) below `risk_threshold`) but "
            "not gone (P(alive) at least `min_p_alive`): below that, her expected value is close to 0 "
            "whatever she was worth, and a win-back budget spent on her is mostly wasted. The rule, with "
            "the value it takes to count as valuable, is the first table; each customer's place under it "
            "is the `win_back_status` column of the value table. The second table lists the targets, "
            "most value at risk first."
        ),
        "clv.text.churn.counts": (
            "## Customers at risk: frequent buyers who are slipping away\n\n"
            "P(alive) falls while a customer stays silent, faster for customers who used to buy often. "
            "`purchases_if_alive` is how many purchases a customer would make over the horizon if "
            "certainly still active; the part of them lost to the chance she has left is "
            "`purchases_at_risk`. A customer **at risk** is a frequent buyer if alive (her "
            "`purchases_if_alive` is in the top quarter), slipping away (P(alive) below `risk_threshold`) "
            "but not gone (P(alive) at least `min_p_alive`). The rule is the first table; each customer's "
            "place under it is the `win_back_status` column of the forecast table. The second table lists "
            "the customers at risk, most purchases at risk first."
        ),
        "clv.text.reading.money": (
            "**Reading the findings.** The interval of the total adds the customers' interval bounds, "
            "which treats their parameter uncertainty as perfectly shared (it is: all values come from "
            "the same estimates), so it is the honest width for the total. Values are expectations: an "
            "individual customer's actual future spend will scatter widely around them, but totals over "
            "groups of customers are reliable. The recommended model is the one that predicted the "
            "held-out period best; when the models are close, their values agree closely too."
        ),
        "clv.text.reading.counts": (
            "**Reading the findings.** The interval of the total adds the customers' interval bounds, "
            "which treats their parameter uncertainty as perfectly shared (it is: all forecasts come from "
            "the same estimates), so it is the honest width for the total. Forecasts are expectations: "
            "an individual customer's actual purchases will scatter widely around them, but totals over "
            "groups of customers are reliable. The recommended model is the one that predicted the "
            "held-out period best."
        ),
        "clv.text.models": (
            "**Fitted models** (maximum likelihood; 95% intervals from the observed information)."
        ),
    },
}
