"""Findings and checks of notebook 05's KPI scorecard.

Every sentence cites the scorecard table the notebook writes (``table=``, the
output of :func:`analysis.retention.scorecard`): each KPI's latest value, interval,
target and verdict, its trend where the data have dates, and a count of the
verdicts. KPIs the study has no data for, a missing set of targets, a satisfaction
scale read off the answers and KPIs without dates are :class:`~analysis.findings.Check`\\ s.

Examples
--------
>>> import pandas as pd
>>> from analysis.retention import scorecard
>>> one = pd.DataFrame({"estimate": [0.82], "ci_low": [0.80], "ci_high": [0.84], "period": ["2024Q2"]})
>>> card = scorecard({"retention_rate": one}, {"retention_rate": 0.75})
>>> scorecard_findings(card, table="scorecard", currency="euros")[0].text()
'Retention rate (2024Q2): 82.0% (95% interval 80.0% to 84.0%) against a target of 75.0%: met (the whole interval is on the good side of the target).'
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.findings.core import Check, Cite, Finding
from analysis.messages import escape_markdown, join_words, msg
from analysis.retention import KPI_UNITS

__all__ = ["kpi_name", "scorecard_findings", "scorecard_checks", "satisfaction_check"]

_JUDGED = ("met", "not met", "cannot tell")


def kpi_name(kpi: str, language: str | None = None) -> str:
    """The KPI's name in the reader's language.

    Examples
    --------
    >>> kpi_name("cross_sell_rate")
    'Cross-sell rate'
    """
    return msg(f"scorecard.kpi.{kpi}", language=language)


def _cite(card: pd.DataFrame, table: str, column: str, kpi: str) -> Cite:
    return Cite(card.loc[kpi, column], table=table, column=column, row=kpi)


def _finite(card: pd.DataFrame, kpi: str, *columns: str) -> bool:
    return all(pd.notna(card.loc[kpi, c]) and np.isfinite(float(card.loc[kpi, c])) for c in columns)


def _period_word(value: object) -> str:
    text = "" if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)
    return escape_markdown(text) if text and text != "all" else msg("scorecard.period.whole")


def scorecard_findings(card: pd.DataFrame, *, table: str, currency: str, period: str = "quarter",
                       alpha: float = 0.05) -> list[Finding]:
    """Per KPI with data: its value against the target (or without one) and its trend; then the verdict count."""
    out, level = [], f"{1 - alpha:.0%}"
    period_name = msg(f"scorecard.period.{period}")
    for kpi in card.index:
        if not _finite(card, kpi, "estimate", "ci_low", "ci_high"):
            continue
        kind = KPI_UNITS[kpi]
        fields = dict(kpi=kpi_name(kpi), period=_period_word(card.loc[kpi, "period"]), level=level, currency=currency,
                      estimate=_cite(card, table, "estimate", kpi), low=_cite(card, table, "ci_low", kpi),
                      high=_cite(card, table, "ci_high", kpi))
        verdict = card.loc[kpi, "verdict"]
        if verdict in _JUDGED:
            out.append(Finding(f"kpi_{kpi}", f"scorecard.text.target.{kind}", target=_cite(card, table, "target", kpi),
                               verdict=msg(f"scorecard.verdict.{verdict}"), **fields))
        else:
            out.append(Finding(f"kpi_{kpi}", f"scorecard.text.no_target.{kind}", **fields))
        if _finite(card, kpi, "trend", "trend_low", "trend_high"):
            way = "up" if card.loc[kpi, "trend_low"] > 0 else "down" if card.loc[kpi, "trend_high"] < 0 else "flat"
            out.append(Finding(f"trend_{kpi}", f"scorecard.text.trend_{way}.{kind}", kpi=kpi_name(kpi),
                               period=period_name, level=level, currency=currency,
                               slope=_cite(card, table, "trend", kpi), low=_cite(card, table, "trend_low", kpi),
                               high=_cite(card, table, "trend_high", kpi), n=_cite(card, table, "n_periods", kpi)))
    judged = card["verdict"].isin(_JUDGED)
    if judged.any():
        def count(verdicts) -> Cite:
            n = int(card["verdict"].isin(verdicts).sum())
            return Cite(n, table=table, column="estimate", agg="count", where={"verdict": list(verdicts)})
        out.append(Finding("scorecard_summary", "scorecard.text.summary", n_target=count(_JUDGED),
                           met=count(["met"]), not_met=count(["not met"]), cannot=count(["cannot tell"])))
    return out


def scorecard_checks(card: pd.DataFrame) -> list[Check]:
    """``data_quality``: each KPI without data (not_run, with what it needs), no targets at all (not_run),
    KPIs with a value but no dates for a trend (not_run)."""
    out = []
    for kpi in card.index[card["verdict"] == "no data"]:
        out.append(Check(f"no_data_{kpi}", "data_quality", "not_run", "scorecard.check.no_data", kpi=kpi_name(kpi),
                         reason=msg(f"scorecard.reason.{kpi}")))
    has_data = card["verdict"] != "no data"
    if has_data.any() and not (card["verdict"].isin(_JUDGED)).any() and card["target"].isna().all():
        out.append(Check("no_targets", "data_quality", "not_run", "scorecard.check.no_targets"))
    no_dates = [kpi_name(k) for k in card.index[card["trend_note"] == "no dates"]]
    if no_dates:
        out.append(Check("kpi_no_dates", "data_quality", "not_run", "scorecard.check.no_dates",
                         kpis=join_words(no_dates)))
    return out


def satisfaction_check(index: pd.DataFrame, *, table: str, column: str) -> Check:
    """``data_quality``: the satisfaction index's scale was given (pass) or read off the answers (warn)."""
    row = index.index[0]
    fields = dict(low=Cite(index.loc[row, "scale_low"], table=table, column="scale_low", row=row),
                  high=Cite(index.loc[row, "scale_high"], table=table, column="scale_high", row=row))
    if bool(index.loc[row, "scale_given"]):
        return Check("satisfaction_scale", "data_quality", "pass", "scorecard.check.scale_given",
                     column=escape_markdown(column), n=Cite(index.loc[row, "respondents"], table=table,
                                                            column="respondents", row=row), **fields)
    return Check("satisfaction_scale", "data_quality", "warn", "scorecard.check.scale_observed",
                 affects=["kpi_satisfaction_index"], **fields)
