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
        "clv.check.excluded.first_purchase_at_end": (
            "Fitted on {fit}: {n:,} of {total:,} customers made their first purchase on the last day ({end}), so "
            "their age T is 0 and they carry no information on purchase rates or drop-out; they are "
            "left out of the model fit and valued as customers just acquired."
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
        "clv.text.no_truth": "Real data: there is no known truth to compare with.",
        "clv.text.models": (
            "**Fitted models** (maximum likelihood; 95% intervals from the observed information)."
        ),
    },
}
