"""Messages of notebook 05's KPI scorecard: KPI names, units, verdicts, sentences and checks."""

#: how each kind of KPI's numbers read: format of a number and the unit after the estimate
_KINDS = {
    "share": (".1%", ""),
    "index": (".1f", " out of 100"),
    "rate": (".1f", " per 1,000 orders"),
    "money": (",.0f", " {currency}"),
}


def _kpi_sentences() -> dict[str, str]:
    out = {}
    for kind, (fmt, unit) in _KINDS.items():
        value = f"{{estimate:{fmt}}}{unit} ({{level}} interval {{low:{fmt}}} to {{high:{fmt}}})"
        out[f"scorecard.text.target.{kind}"] = (
            f"{{kpi}} ({{period}}): {value} against a target of {{target:{fmt}}}: {{verdict}}.")
        out[f"scorecard.text.no_target.{kind}"] = f"{{kpi}} ({{period}}): {value}; no target was set."
        change = f"{{slope:+{fmt}}}" + {"share": " points", "money": " {currency}"}.get(kind, "")
        interval = f"({{level}} interval {{low:+{fmt}}} to {{high:+{fmt}}})"
        out[f"scorecard.text.trend_up.{kind}"] = (
            f"{{kpi}}, trend over the last {{n}} full periods: rising, {change} per {{period}} {interval}.")
        out[f"scorecard.text.trend_down.{kind}"] = (
            f"{{kpi}}, trend over the last {{n}} full periods: falling, {change} per {{period}} {interval}.")
        out[f"scorecard.text.trend_flat.{kind}"] = (
            f"{{kpi}}, trend over the last {{n}} full periods: no clear change; {change} per {{period}} "
            f"{interval} is compatible with none.")
    return out


MESSAGES = {
    "en": {
        "scorecard.kpi.retention_rate": "Retention rate",
        "scorecard.kpi.churn_rate": "Churn rate",
        "scorecard.kpi.satisfaction_index": "Satisfaction index",
        "scorecard.kpi.complaint_rate": "Complaint rate",
        "scorecard.kpi.complaints_per_customer": "Share of customers who complained",
        "scorecard.kpi.value_added_sales": "Value-added service sales",
        "scorecard.kpi.cross_sell_rate": "Cross-sell rate",
        "scorecard.kpi.referral_rate": "Referral rate",
        "scorecard.unit.share": "share",
        "scorecard.unit.index": "index (0-100)",
        "scorecard.unit.rate": "per 1,000 orders",
        "scorecard.unit.money": "{currency}",
        "scorecard.verdict.met": "met (the whole interval is on the good side of the target)",
        "scorecard.verdict.not met": "not met (the whole interval is on the wrong side of the target)",
        "scorecard.verdict.cannot tell": "cannot tell (the interval holds the target)",
        "scorecard.verdict_short.met": "met",
        "scorecard.verdict_short.not met": "not met",
        "scorecard.verdict_short.cannot tell": "cannot tell",
        "scorecard.verdict_short.no target": "no target",
        "scorecard.period.month": "month",
        "scorecard.period.quarter": "quarter",
        "scorecard.period.whole": "all data",
        "scorecard.fig.title": "KPI scorecard: latest value, {level} interval and target",
        "scorecard.fig.target": "Target",
        "scorecard.fig.estimate": "Latest value ({verdict})",
        "scorecard.text.summary": (
            "Of the {n_target} KPIs with a target, {met} met it, {not_met} did not and for {cannot} the data "
            "cannot tell; the verdicts respect each interval."
        ),
        "scorecard.text.no_targets": (
            "The study sets no targets, so the scorecard shows each KPI with its interval but gives no verdict; "
            "set targets in the study file, under notebooks, 05_retention_loyalty, targets (for example retention_rate: 0.6)."
        ),
        **_kpi_sentences(),
        "scorecard.check.no_data": "{kpi} could not be measured for this study: {reason}",
        "scorecard.reason.retention_rate": "the retention section measured no period retention rate (it needs transactions over at least two full periods).",
        "scorecard.reason.churn_rate": "it is one minus the retention rate, which was not measured.",
        "scorecard.reason.satisfaction_index": "it needs a survey with the overall satisfaction column named by satisfaction_column.",
        "scorecard.reason.complaint_rate": "it needs a complaints table and transactions.",
        "scorecard.reason.complaints_per_customer": "it needs a complaints table and transactions.",
        "scorecard.reason.value_added_sales": "it needs transactions with a category and value_added_categories listing the value-added services.",
        "scorecard.reason.cross_sell_rate": "it needs transactions with a category (category_column).",
        "scorecard.reason.referral_rate": "it needs a customers table with referred_by and acquisition dates.",
        "scorecard.check.scale_observed": (
            "Neither satisfaction_scale nor notebook 03's scale is set for this study, so the 0-100 index takes "
            "the lowest and highest answers given "
            "({low:g} and {high:g}) as the ends of the scale; if the scale is wider the index is too high or too "
            "low. Set satisfaction_scale: [lowest, highest]."
        ),
        "scorecard.check.scale_given": (
            "The satisfaction index rescales {column} from its {low:g}-{high:g} scale to 0-100 ({n:,} answers)."
        ),
        "scorecard.check.no_targets": (
            "No targets were set for this study, so no KPI has a verdict; set targets in the study file."
        ),
        "scorecard.check.no_dates": (
            "{kpis}: no trend, the data have no dates for them (the survey has no date column, or only "
            "overall figures exist)."
        ),
    },
}
