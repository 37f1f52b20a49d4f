"""Headline findings of the CLV analysis (notebook 02), as sentences built from the results.

Every number a sentence cites is computed here from the tables the notebook writes
(the value table, the at-risk table and the model comparison), never typed in.
"""

from __future__ import annotations

import pandas as pd

from analysis.checks import Interval, Options, validate_params
from analysis.messages import msg
from analysis.window import UNIT_DAYS

__all__ = ["clv_findings", "finding_values"]


@validate_params({
    "value": ["frame"],
    "at_risk": ["frame"],
    "comparison": ["frame"],
    "horizon": [Interval(float, 0, None, closed="neither")],
    "time_unit": [Options(tuple(UNIT_DAYS))],
    "discount_rate": [Interval(float, 0, None, closed="left")],
    "risk_threshold": [Interval(float, 0, 1)],
})
def finding_values(
    value: pd.DataFrame,
    at_risk: pd.DataFrame,
    comparison: pd.DataFrame,
    *,
    horizon: float,
    time_unit: str = "W",
    discount_rate: float = 0.10,
    risk_threshold: float = 0.5,
) -> dict[str, dict]:
    """The values each finding cites, by finding key (what :func:`clv_findings` puts into words).

    Parameters
    ----------
    value : DataFrame
        :func:`~analysis.clv.customer_lifetime_value` output (``clv``, ``clv_ci_low``,
        ``clv_ci_high``, ``p_alive``), one row per customer.
    at_risk : DataFrame
        :func:`~analysis.clv.customers_at_risk` output (``value_at_risk``).
    comparison : DataFrame
        :func:`~analysis.clv.compare_models` output, best model first.
    horizon, time_unit, discount_rate, risk_threshold
        The settings the tables were computed with.

    Returns
    -------
    dict
        ``base_value``, ``top_decile``, ``at_risk``, ``recommend`` -> the sentence's fields.

    Examples
    --------
    >>> import pandas as pd
    >>> v = pd.DataFrame({"clv": [10.0, 30.0], "clv_ci_low": [8.0, 25.0], "clv_ci_high": [12.0, 36.0],
    ...                   "p_alive": [0.5, 0.9]})
    >>> comp = pd.DataFrame({"rmse": [1.5], "aggregate_error_pct": [-2.0]}, index=["BetaGeo"])
    >>> finding_values(v, v.head(0).assign(value_at_risk=[]), comp, horizon=52)["base_value"]["total"]
    40.0
    """
    top = value["clv"].sort_values(ascending=False)
    best = comparison.index[0]
    return {
        "base_value": {"customers": len(value), "total": float(value["clv"].sum()), "horizon": horizon,
                       "time_unit": time_unit, "discount": discount_rate,
                       "lower": float(value["clv_ci_low"].sum()), "upper": float(value["clv_ci_high"].sum())},
        "top_decile": {"share": float(top.head(max(1, len(top) // 10)).sum() / top.sum()),
                       "alive": float(value["p_alive"].mean())},
        "at_risk": {"n_risk": len(at_risk), "threshold": risk_threshold,
                    "value": float(at_risk["value_at_risk"].sum())},
        "recommend": {"model": best, "rmse": float(comparison.loc[best, "rmse"]),
                      "agg": float(comparison.loc[best, "aggregate_error_pct"])},
    }


def clv_findings(
    value: pd.DataFrame,
    at_risk: pd.DataFrame,
    comparison: pd.DataFrame,
    *,
    horizon: float,
    time_unit: str = "W",
    discount_rate: float = 0.10,
    risk_threshold: float = 0.5,
    language: str | None = None,
) -> dict[str, str]:
    """Key -> sentence for notebook 02's findings (numbers computed, never typed).

    Parameters are those of :func:`finding_values`; ``language`` picks the catalog.

    Examples
    --------
    >>> import pandas as pd
    >>> v = pd.DataFrame({"clv": [10.0, 30.0], "clv_ci_low": [8.0, 25.0], "clv_ci_high": [12.0, 36.0],
    ...                   "p_alive": [0.5, 0.9]})
    >>> comp = pd.DataFrame({"rmse": [1.5], "aggregate_error_pct": [-2.0]}, index=["BetaGeo"])
    >>> risk = pd.DataFrame({"value_at_risk": [3.0]})
    >>> clv_findings(v, risk, comp, horizon=52)["recommend"]
    'BG/NBD predicts the holdout period best (customer-level RMSE 1.500, aggregate error -2.0%), so the value figures use it.'
    """
    values = finding_values(value, at_risk, comparison, horizon=horizon, time_unit=time_unit,
                            discount_rate=discount_rate, risk_threshold=risk_threshold)
    base = dict(values["base_value"])
    base["unit"] = msg(f"clv.unit.{base.pop('time_unit')}", language=language)
    recommend = dict(values["recommend"])
    recommend["model"] = msg(f"clv.model.{recommend['model']}", language=language)
    return {
        "base_value": msg("clv.finding.base_value", language=language, **base),
        "top_decile": msg("clv.finding.top_decile", language=language, **values["top_decile"]),
        "at_risk": msg("clv.finding.at_risk", language=language, **values["at_risk"]),
        "recommend": msg("clv.finding.recommend", language=language, **recommend),
    }
