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
        "clv.axis.clv": "Expected residual value (currency units)",
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
        "clv.finding.base_value": (
            "The {customers:,} customers are expected to bring {total:,.0f} currency units of "
            "margin over the next {horizon:g} {unit}s (discounted at {discount:.0%} a year; 95% "
            "interval of the total {lower:,.0f} to {upper:,.0f})."
        ),
        "clv.finding.top_decile": (
            "The most valuable 10% of customers hold {share:.0%} of that value; {alive:.0%} of "
            "all customers are estimated to be still active."
        ),
        "clv.finding.at_risk": (
            "{n_risk:,} valuable customers (top quarter by value if still active) have P(alive) "
            "below {threshold:.0%}; together {value:,.0f} currency units of expected value have "
            "already slipped away from them, the amount a win-back effort could target."
        ),
        "clv.finding.recommend": (
            "{model} predicts the holdout period best (customer-level RMSE {rmse:.3f}, aggregate "
            "error {agg:+.1f}%), so the value figures use it."
        ),
        "clv.text.calibration_data": (
            "**{title}**: {customers:,} customers bought for the first time by {cal_end}; "
            "holdout {cal_end} to {end}."
        ),
        "clv.text.no_channel_value": "This study has no acquisition channel; value by channel is skipped.",
        "clv.text.no_channel_covariates": "This study has no acquisition channel; the covariate model is skipped.",
        "clv.text.no_truth": "Real data: there is no known truth to compare with.",
        "clv.text.models": (
            "**Fitted models** (maximum likelihood; 95% intervals from the observed information). "
            "Calibration: {n:,} customers up to {cal_end}, holdout of {holdout:g} {unit}s."
        ),
    },
}
