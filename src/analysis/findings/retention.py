"""Findings and checks of notebook 05's retention and economics sections, built from the tables it writes.

Every sentence is a :class:`~analysis.findings.Finding` whose numbers are
:class:`~analysis.findings.Cite`\\ s of a table the notebook writes under the name given
(``table=``, ``*_name=``); every assumption check is a :class:`~analysis.findings.Check` naming
the findings its failure weakens. Words come from ``messages/retention.py``; names from the data
go through ``label`` (``Study.label``) and are escaped for Markdown; period names (``2024-01``,
``2024Q1``) are made by pandas and shown as they are. A small table the sentences
cite is made here: :func:`sbg_fit_table` (the sBG's parameters and holdout error).

Examples
--------
>>> import pandas as pd
>>> from analysis.retention.cohorts import cohort_matrix, period_retention
>>> tx = pd.DataFrame({"customer_id": ["a", "a", "b", "c", "c"], "date": pd.to_datetime(
...     ["2024-01-05", "2024-02-01", "2024-01-20", "2024-02-03", "2024-03-01"])})
>>> m = cohort_matrix(tx, observation_end="2024-03-31")
>>> cohort_findings(m, table="cohort_matrix", period="month")[0].text()[:58]
'Of the 2 customers acquired in 2024-01, 50.0% bought again'
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from analysis.findings.core import Check, Cite, Finding
from analysis.messages import escape_markdown, msg
from analysis.retention.cohorts import period_bounds

__all__ = ["MIN_HISTORY", "MIN_GROUP", "CENSORED_LIMIT", "MIN_AT_RISK", "SBG_ERROR_LIMIT", "skipped_check",
           "history_skip", "lifetimes_skip", "sbg_skip", "no_amounts_check", "cohort_findings", "history_check", "latest_finding", "group_findings",
           "group_check", "lifetime_findings", "lifetime_checks", "logrank_finding", "sbg_fit_table",
           "sbg_finding", "sbg_check", "sbg_truth_table", "sbg_truth_finding", "economics_findings"]

Label = Callable[[object], str]
#: complete periods after acquisition the oldest cohort needs before cohorts say how retention settles
MIN_HISTORY = 3
#: active customers a group needs for a fair Wilson interval and chi-square test
MIN_GROUP = 30
#: above this censored share, most lifetimes are incomplete
CENSORED_LIMIT = 0.5
#: customers under observation at the median below which it is imprecise
MIN_AT_RISK = 30
#: largest acceptable miss of the sBG forecast in the holdout (share of members)
SBG_ERROR_LIMIT = 0.05


def _word(label: Label | None, name: object) -> str:
    return escape_markdown(label(name) if label else str(name).replace("_", " "))


def _period(period: str, language: str | None = None) -> str:
    return msg(f"retention.period.{period}", language=language)


def _grouping(name: str, language: str | None = None) -> str:
    try:
        return msg(f"retention.grouping.{name}", language=language)
    except KeyError:
        return escape_markdown(str(name).replace("_", " "))


def _cite(df: pd.DataFrame, table: str, column: str, row) -> Cite:
    return Cite(df.loc[row, column], table=table, column=column, row=row)


def skipped_check(table: str) -> Check:
    """``not_run`` (``data_quality``): the study has no *table*, so the part that needs it did not run."""
    return Check(f"retention_skipped_{table}", "data_quality", "not_run", "retention.check.skipped",
                 table=escape_markdown(table))


def history_skip(transactions: pd.DataFrame, *, period: str, observation_end) -> Check | None:
    """``not_run`` when the log holds fewer than two complete periods (nothing to rate), else None.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a"], "date": pd.to_datetime(["2024-05-03"])})
    >>> history_skip(tx, period="quarter", observation_end="2024-06-30").status
    'not_run'
    """
    first = pd.Timestamp(transactions["date"].min()).to_period("M" if period == "month" else "Q")
    if period_bounds(period, observation_end) > first:
        return None
    return Check("retention_too_short", "sample_size", "not_run", "retention.check.too_short",
                 period=_period(period))


def lifetimes_skip(lifetimes: pd.DataFrame, *, churn_days: int) -> Check | None:
    """``not_run`` when no customer was acquired at least ``churn_days`` before the end, else None."""
    if len(lifetimes):
        return None
    return Check("retention_no_lifetimes", "sample_size", "not_run", "retention.check.no_lifetimes",
                 churn_days=f"{int(churn_days):,}")


def sbg_skip(members: pd.DataFrame, *, fit_periods: int) -> Check | None:
    """``not_run`` when no member was observed for ``fit_periods`` months, or none of them left in that time
    (the sBG needs leavers), else None."""
    sample = members[members["observed_periods"] >= fit_periods]
    if len(sample) and (sample["left"] & (sample["periods"] <= fit_periods)).any():
        return None
    return Check("retention_sbg_not_run", "sample_size", "not_run", "retention.check.sbg_not_run",
                 fit=f"{int(fit_periods):,}")


def no_amounts_check() -> Check:
    """``not_run``: the transactions carry no amounts, so the economics of retention did not run."""
    return Check("retention_economics_no_amounts", "data_quality", "not_run", "retention.check.no_amounts")


# --- cohorts and period retention ------------------------------------------------------------------------------

def cohort_findings(matrix: pd.DataFrame, *, table: str, period: str, language: str | None = None) -> list[Finding]:
    """The oldest cohort's first-period retention and its range over the cohorts with that period observed
    (nothing when no cohort has a complete first period)."""
    first = matrix.xs(1, level="periods_since", drop_level=False)
    first = first[first["complete"]]
    if first.empty:
        return []
    oldest = first.index[0]
    fields = dict(size=_cite(matrix, table, "cohort_size", oldest), cohort=str(oldest[0]),
                  rate=_cite(matrix, table, "rate", oldest), period=_period(period, language))
    if len(first) == 1:
        return [Finding("retention_cohorts", "retention.finding.cohorts_one", checks=["retention_history"], **fields)]
    low, high = first["rate"].idxmin(), first["rate"].idxmax()
    return [Finding("retention_cohorts", "retention.finding.cohorts", checks=["retention_history"], **fields,
                    n_cohorts=Cite(len(first), table=table, column="rate", agg="count",
                                   where={"periods_since": 1, "complete": True}),
                    low=str(low[0]), high=str(high[0]),
                    low_rate=_cite(matrix, table, "rate", low), high_rate=_cite(matrix, table, "rate", high))]


def history_check(matrix: pd.DataFrame, *, table: str, period: str, language: str | None = None) -> Check:
    """``sample_size``: the oldest cohort needs :data:`MIN_HISTORY` complete periods after acquisition."""
    complete = matrix[matrix["complete"]]
    oldest = matrix.index[0][0]
    rows = complete.loc[[oldest]] if oldest in complete.index.get_level_values(0) else complete.iloc[:0]
    n = int(rows.index.get_level_values("periods_since").max()) if len(rows) else 0
    where = {"cohort": oldest, "complete": True}
    cite = Cite(n, table=table, column="periods_since", agg="max" if len(rows) else "count", where=where)
    short = n < MIN_HISTORY
    return Check("retention_history", "sample_size", "warn" if short else "pass",
                 "retention.check.history_short" if short else "retention.check.history",
                 affects=["retention_cohorts"], n=cite, period=_period(period, language))


def latest_finding(rates: pd.DataFrame, *, table: str, period: str, language: str | None = None) -> Finding:
    """The latest rated period's retention (the KPI) with its interval and churn, and the first rated period's."""
    overall = rates.loc[["all"]]
    last, first = overall.index[-1], overall.index[0]
    return Finding("retention_latest", "retention.finding.latest", period=_period(period, language),
                   period_t=str(last[1]), first_period=str(first[1]),
                   active=_cite(rates, table, "active", last), rate=_cite(rates, table, "estimate", last),
                   low=_cite(rates, table, "ci_low", last), high=_cite(rates, table, "ci_high", last),
                   churn=_cite(rates, table, "churn_rate", last), first_rate=_cite(rates, table, "estimate", first))


def group_findings(by_group: pd.DataFrame, *, table: str, period: str, label: Label | None = None,
                   language: str | None = None) -> list[Finding]:
    """Per grouping: the lowest and highest retention, their group sizes and the chi-square test."""
    out = []
    for grouping in by_group.index.unique("grouping"):
        rows = by_group.loc[[grouping]]
        key = f"retention_by_{grouping}"
        if len(rows) == 1:
            out.append(Finding(key, "retention.finding.group_one", grouping=_grouping(grouping, language),
                               level=_word(label, rows.index[0][1])))
            continue
        low, high = rows["estimate"].idxmin(), rows["estimate"].idxmax()
        p = rows["p_value"].iloc[0]
        if not np.isfinite(p):
            continue
        out.append(Finding(key, "retention.finding.group", checks=["retention_group_sizes"],
                           grouping=_grouping(grouping, language), period_t=str(rows["period"].iloc[0]),
                           low=_word(label, low[1]), high=_word(label, high[1]),
                           low_rate=_cite(by_group, table, "estimate", low),
                           high_rate=_cite(by_group, table, "estimate", high),
                           low_n=_cite(by_group, table, "active", low), high_n=_cite(by_group, table, "active", high),
                           p=_cite(by_group, table, "p_value", low)))
    return out


def group_check(by_group: pd.DataFrame, *, table: str) -> Check:
    """``small_groups``: every group needs :data:`MIN_GROUP` active customers."""
    smallest = by_group["active"].idxmin()
    n_small = int((by_group["active"] < MIN_GROUP).sum())
    fields = dict(n=_cite(by_group, table, "active", smallest), limit=f"{MIN_GROUP}",
                  period_t=str(by_group["period"].iloc[0]))
    affects = [f"retention_by_{g}" for g in by_group.index.unique("grouping")]
    if n_small:
        return Check("retention_group_sizes", "small_groups", "warn", "retention.check.small_groups_warn",
                     affects=affects, n_small=Cite(n_small, table=table, column="active", agg="count",
                                                   where={"active": [str(v) for v in by_group["active"]
                                                                     if v < MIN_GROUP]}), **fields)
    return Check("retention_group_sizes", "small_groups", "pass", "retention.check.small_groups", affects=affects,
                 **fields)


# --- survival --------------------------------------------------------------------------------------------------

def lifetime_findings(sample: pd.DataFrame, curve: pd.DataFrame, median: pd.DataFrame, *, churn_days: int,
                      sample_name: str, curve_name: str, median_name: str) -> list[Finding]:
    """Who the lifetimes judge, the share who never came back (a drop at time 0), and the median lifetime."""
    row = sample.index[0]
    out = [Finding("retention_lifetimes", "retention.finding.lifetimes", checks=["retention_censoring"],
                   judged=_cite(sample, sample_name, "judged", row), churned=_cite(sample, sample_name, "churned", row),
                   censored=_cite(sample, sample_name, "censored", row), churn_days=f"{int(churn_days):,}")]
    if sample.loc[row, "never_returned_share"] > 0:
        out.append(Finding("retention_first_day", "retention.finding.first_day",
                           share=_cite(sample, sample_name, "never_returned_share", row)))
    m = median.index[0]
    checks = ["retention_censoring", "retention_at_risk"]
    if not median.loc[m, "reached"]:
        last = curve.index[-1]
        out.append(Finding("retention_median", "retention.finding.median_not_reached", checks=checks,
                           last=_cite(curve, curve_name, "estimate", last), days=f"{int(last):,}"))
    elif median.loc[m, "estimate"] == 0:
        out.append(Finding("retention_median", "retention.finding.median_zero", checks=checks,
                           median=_cite(median, median_name, "estimate", m)))
    elif np.isfinite(median.loc[m, "ci_high"]):
        out.append(Finding("retention_median", "retention.finding.median", checks=checks,
                           median=_cite(median, median_name, "estimate", m), low=_cite(median, median_name, "ci_low", m),
                           high=_cite(median, median_name, "ci_high", m)))
    else:
        out.append(Finding("retention_median", "retention.finding.median_open", checks=checks,
                           median=_cite(median, median_name, "estimate", m),
                           low=_cite(median, median_name, "ci_low", m)))
    return out


def lifetime_checks(sample: pd.DataFrame, median: pd.DataFrame, *, sample_name: str,
                    median_name: str) -> list[Check]:
    """``sample_size``: a censored share above :data:`CENSORED_LIMIT`; fewer than :data:`MIN_AT_RISK`
    customers under observation at the median (or no median)."""
    row, m = sample.index[0], median.index[0]
    heavy = sample.loc[row, "censored_share"] > CENSORED_LIMIT
    share = _cite(sample, sample_name, "censored_share", row)
    censoring = Check("retention_censoring", "sample_size", "warn" if heavy else "pass",
                      "retention.check.censoring_warn" if heavy else "retention.check.censoring",
                      affects=["retention_median"], share=share)
    if not median.loc[m, "reached"]:
        at_risk = Check("retention_at_risk", "sample_size", "warn", "retention.check.at_risk_open",
                        affects=["retention_median"])
    else:
        few = median.loc[m, "at_risk"] < MIN_AT_RISK
        at_risk = Check("retention_at_risk", "sample_size", "warn" if few else "pass",
                        "retention.check.at_risk_warn" if few else "retention.check.at_risk",
                        affects=["retention_median"], n=_cite(median, median_name, "at_risk", m))
    return [censoring, at_risk]


def logrank_finding(test: pd.DataFrame, *, table: str, grouping: str, language: str | None = None) -> Finding | None:
    """The log-rank comparison of the groups' survival (None with fewer than two groups)."""
    row = test.index[0]
    if not np.isfinite(test.loc[row, "p_value"]):
        return None
    return Finding("retention_logrank", "retention.finding.logrank", grouping=_grouping(grouping, language),
                   statistic=_cite(test, table, "statistic", row), df=_cite(test, table, "df", row),
                   p=_cite(test, table, "p_value", row))


# --- sBG ------------------------------------------------------------------------------------------------------

def sbg_fit_table(model, curve: pd.DataFrame) -> pd.DataFrame:
    """One row (``sbg``): ``members`` (the calibration sample), ``fit_periods``, ``alpha``, ``beta``,
    ``first_retention`` (``beta / (alpha + beta)``), ``holdout_periods``, ``mae`` and ``max_error``
    (absolute forecast error over the holdout; NaN without one).

    Examples
    --------
    >>> from analysis.clv import ShiftedBetaGeometric
    >>> m = ShiftedBetaGeometric().fit([100, 60, 45])
    >>> c = pd.DataFrame({"error": [0.0, 0.01, -0.02, 0.03], "calibration": [True, True, True, False]})
    >>> sbg_fit_table(m, c)[["fit_periods", "holdout_periods", "mae"]].values.tolist()
    [[2.0, 1.0, 0.03]]
    """
    a, b = (float(v) for v in model.params_)
    hold = curve.loc[~curve["calibration"], "error"].abs()
    return pd.DataFrame({"members": [float(model.survivors_[0])], "fit_periods": [float(len(model.survivors_) - 1)],
                         "alpha": [a], "beta": [b], "first_retention": [b / (a + b)],
                         "holdout_periods": [float(len(hold))], "mae": [hold.mean() if len(hold) else np.nan],
                         "max_error": [hold.max() if len(hold) else np.nan]}, index=pd.Index(["sbg"], name="model"))


def sbg_finding(fit: pd.DataFrame, *, table: str) -> Finding:
    """The sBG's parameters and its holdout error."""
    row = fit.index[0]
    fields = dict(fit=_cite(fit, table, "fit_periods", row), members=_cite(fit, table, "members", row),
                  alpha=_cite(fit, table, "alpha", row), beta=_cite(fit, table, "beta", row))
    if fit.loc[row, "holdout_periods"] == 0:
        return Finding("retention_sbg", "retention.finding.sbg_no_holdout", checks=["retention_sbg"], **fields)
    return Finding("retention_sbg", "retention.finding.sbg", checks=["retention_sbg"], **fields,
                   mean_retention=_cite(fit, table, "first_retention", row), mae=_cite(fit, table, "mae", row),
                   max_error=_cite(fit, table, "max_error", row))


def sbg_check(fit: pd.DataFrame, *, table: str) -> Check:
    """``model_fit``: the holdout miss must stay within :data:`SBG_ERROR_LIMIT` (``not_run`` without a holdout)."""
    row = fit.index[0]
    if fit.loc[row, "holdout_periods"] == 0:
        return Check("retention_sbg", "model_fit", "not_run", "retention.check.sbg_holdout", affects=["retention_sbg"])
    bad = fit.loc[row, "max_error"] > SBG_ERROR_LIMIT
    return Check("retention_sbg", "model_fit", "warn" if bad else "pass",
                 "retention.check.sbg_warn" if bad else "retention.check.sbg", affects=["retention_sbg"],
                 max_error=_cite(fit, table, "max_error", row), limit=f"{SBG_ERROR_LIMIT:.0%}")


def sbg_truth_table(summary: pd.DataFrame, truth: dict) -> pd.DataFrame:
    """The sBG's estimates beside the known true parameters of a synthetic firm.

    Returns
    -------
    DataFrame
        Indexed by ``parameter`` (``alpha``, ``beta``): ``truth``, ``estimate``, ``ci_low``, ``ci_high`` and
        ``covered`` (the interval contains the truth).

    Examples
    --------
    >>> s = pd.DataFrame({"estimate": [1.0, 5.2], "ci_low": [0.6, 2.9], "ci_high": [1.6, 9.2]},
    ...                  index=pd.Index(["alpha", "beta"], name="parameter"))
    >>> sbg_truth_table(s, {"alpha": 0.8, "beta": 4.0})["covered"].tolist()
    [True, True]
    """
    out = summary.loc[["alpha", "beta"], ["estimate", "ci_low", "ci_high"]].copy()
    out.insert(0, "truth", [float(truth["alpha"]), float(truth["beta"])])
    out["covered"] = (out["ci_low"] <= out["truth"]) & (out["truth"] <= out["ci_high"])
    return out.rename_axis("parameter")


def sbg_truth_finding(table: pd.DataFrame, *, table_name: str) -> Finding:
    """Whether the sBG's intervals contain the synthetic firm's true parameters."""
    c = {f"{p}_{col}": _cite(table, table_name, col, p) for p in ("alpha", "beta") for col in ("truth", "ci_low", "ci_high")}
    key = "retention.finding.sbg_truth" if table["covered"].all() else "retention.finding.sbg_truth_missed"
    return Finding("retention_sbg_truth", key, **c)


# --- economics ------------------------------------------------------------------------------------------------

def economics_findings(margin: pd.DataFrame, economics: pd.DataFrame, scenarios: pd.DataFrame, *, margin_name: str,
                       economics_name: str, scenarios_name: str, period: str, currency: str,
                       language: str | None = None) -> list[Finding]:
    """Margin per active customer, customer and base value with the cost of churn, the programme's cost per
    customer kept, break-even and verdict, and the gain of one (and the most) extra points of retention."""
    row, e, name = margin.index[0], economics, economics_name
    words = dict(currency=currency, period=_period(period, language))
    out = [Finding("retention_margin", "retention.finding.margin", period_t=str(row), **words,
                   active=_cite(margin, margin_name, "active", row),
                   margin=_cite(margin, margin_name, "margin_per_active", row)),
           Finding("retention_value", "retention.finding.value", currency=currency,
                   value=_cite(e, name, "estimate", "customer_value"), low=_cite(e, name, "ci_low", "customer_value"),
                   high=_cite(e, name, "ci_high", "customer_value"), base=_cite(e, name, "estimate", "base_value"),
                   churn_cost=_cite(e, name, "estimate", "cost_of_churn"))]
    if e.loc["programme_effect", "estimate"] > 0:
        out.append(Finding("retention_programme", "retention.finding.programme", **words,
                           cost=_cite(e, name, "estimate", "programme_cost"),
                           effect=_cite(e, name, "estimate", "programme_effect"),
                           per_kept=_cite(e, name, "estimate", "retention_cost_per_kept"),
                           break_even=_cite(e, name, "estimate", "break_even_improvement"),
                           verdict=msg(f"retention.pays.{e['pays'].iloc[0]}", language=language)))
    steps = [p for p in scenarios.index if p > 0]
    if 1 in steps and len(steps) > 1:
        top = steps[-1]
        out.append(Finding("retention_scenarios", "retention.finding.scenarios", currency=currency, top=f"{top}",
                           gain_one=_cite(scenarios, scenarios_name, "gain_share", 1),
                           gain_one_money=_cite(scenarios, scenarios_name, "gain", 1),
                           gain_top=_cite(scenarios, scenarios_name, "gain_share", top)))
    return out
