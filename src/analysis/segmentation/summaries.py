"""Per-segment summaries and the recency x frequency heat-map table, with or without money.

A count-only log (no amounts) or a customer table without spend has no
``monetary`` column: the summaries then speak of purchases, never of revenue,
and the heat map counts customers.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.errors import DataValidationError, ParameterError
from analysis.segmentation.rfm import has_monetary

__all__ = ["segment_summary", "rfm_heatmap_table"]


def segment_summary(table: pd.DataFrame, by: str = "segment") -> pd.DataFrame:
    """Counts, revenue (or purchase) shares and average values per segment (or any grouping column).

    Parameters
    ----------
    table : DataFrame
        Output of :func:`~analysis.segmentation.rfm` (or any per-customer table with
        ``recency_days``, ``frequency``, optional ``monetary`` and the column ``by``).
    by : str
        Grouping column.

    Returns
    -------
    DataFrame
        One row per group that has customers. With money: ``customers``,
        ``customer_share``, ``revenue``, ``revenue_share``, ``purchases`` (sum of
        frequency), ``revenue_per_purchase``, ``mean_recency_days``,
        ``mean_frequency``, ``mean_monetary``, ``median_monetary``. Without
        (no ``monetary`` values): ``customers``, ``customer_share``,
        ``purchases``, ``purchase_share``, ``mean_recency_days``, ``mean_frequency``.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"segment": ["x", "x", "y"], "recency_days": [1, 3, 9],
    ...                   "frequency": [2, 2, 1], "monetary": [30.0, 10.0, 60.0]})
    >>> segment_summary(t)[["customers", "revenue_share", "revenue_per_purchase"]]
             customers  revenue_share  revenue_per_purchase
    segment
    x                2            0.4                  10.0
    y                1            0.6                  60.0
    >>> segment_summary(t.drop(columns="monetary"))["purchase_share"].round(2).tolist()
    [0.8, 0.2]
    """
    missing = [c for c in (by, "recency_days", "frequency") if c not in table.columns]
    if missing:
        raise DataValidationError(f"table lacks column(s) {missing} needed for the segment summary.")
    g = table.groupby(by, observed=True, sort=True)
    if not has_monetary(table):
        out = pd.DataFrame({"customers": g.size(), "purchases": g["frequency"].sum(),
                            "mean_recency_days": g["recency_days"].mean(),
                            "mean_frequency": g["frequency"].mean()})
        total = table["frequency"].sum()
        out.insert(1, "customer_share", out["customers"] / len(table))
        out.insert(3, "purchase_share", out["purchases"] / total if total else np.nan)
        return out
    out = pd.DataFrame(
        {
            "customers": g.size(),
            "revenue": g["monetary"].sum(),
            "purchases": g["frequency"].sum(),
            "mean_recency_days": g["recency_days"].mean(),
            "mean_frequency": g["frequency"].mean(),
            "mean_monetary": g["monetary"].mean(),
            "median_monetary": g["monetary"].median(),
        }
    )
    total_revenue = table["monetary"].sum()
    out.insert(1, "customer_share", out["customers"] / len(table))
    out.insert(3, "revenue_share", out["revenue"] / total_revenue if total_revenue else np.nan)
    out.insert(5, "revenue_per_purchase", out["revenue"] / out["purchases"])
    return out


def rfm_heatmap_table(table: pd.DataFrame, value: str | None = "monetary", stat: str = "mean") -> pd.DataFrame:
    """Recency score (rows) by frequency score (columns), cells = ``stat`` of ``value``.

    ``value=None`` counts customers per cell (the heat map of a table without money).

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"r_score": [1, 1, 2], "f_score": [1, 1, 2], "monetary": [2.0, 4.0, 9.0]})
    >>> rfm_heatmap_table(t).to_numpy().tolist()
    [[3.0, nan], [nan, 9.0]]
    >>> rfm_heatmap_table(t, None).to_numpy().tolist()
    [[2.0, nan], [nan, 1.0]]
    """
    if value is None:
        counts = table.groupby(["r_score", "f_score"]).size().unstack("f_score")
        return counts.astype(float)
    if stat not in ("mean", "median", "sum", "count"):
        raise ParameterError(f"stat must be 'mean', 'median', 'sum' or 'count'; got {stat!r}.")
    if value not in table.columns:
        raise DataValidationError(f"table has no column {value!r}; pass value=None to count customers per cell.")
    return table.pivot_table(index="r_score", columns="f_score", values=value, aggfunc=stat)
