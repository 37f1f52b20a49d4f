"""One-to-one differentiation: most valuable, most growable and below-zero customers.

*Most valuable* customers are the top ``top_share`` by current value (revenue,
or margin when a margin rate is given). *Most growable* customers are the top
``top_share`` by the gap between potential and current value, which needs a
potential-value column (a share-of-wallet estimate, a survey's stated spend, or a
CLV estimate). *Below-zero* customers cost more to serve than the margin they
bring: ``margin - cost_to_serve < 0``, which needs a cost-to-serve column. When
an input is missing, the class is not guessed: its column is all missing and
``notes`` says which column would enable it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.checks import Interval, Options, validate_params
from analysis.errors import DataValidationError
from analysis.messages import msg
from analysis.results import ResultMixin

__all__ = ["ONE_TO_ONE_CLASSES", "OneToOne", "one_to_one_classes"]

ONE_TO_ONE_CLASSES = ("most_valuable", "most_growable", "below_zero")


@dataclass(frozen=True, repr=False)
class OneToOne(ResultMixin):
    """Result of :func:`one_to_one_classes`: the per-customer ``table`` and ``notes``."""

    table: pd.DataFrame
    notes: dict[str, str] = field(default_factory=dict)

    def summary(self) -> pd.DataFrame:
        """One row per class: ``customers`` flagged, their ``share`` of all customers, and the
        ``note`` saying which column would enable a class that could not be computed (its
        counts are then missing).

        Examples
        --------
        >>> import pandas as pd
        >>> r = OneToOne(pd.DataFrame({"most_valuable": pd.array([True, False], dtype="boolean")}))
        >>> s = r.summary()
        >>> int(s.loc["most_valuable", "customers"]), float(s.loc["most_valuable", "share"])
        (1, 0.5)
        """
        counts = self.counts()
        n = len(self.table)
        out = pd.DataFrame(
            {"customers": pd.array([counts.get(c, pd.NA) for c in ONE_TO_ONE_CLASSES], dtype="Int64"),
             "note": [self.notes.get(c, "") for c in ONE_TO_ONE_CLASSES]},
            index=pd.Index(ONE_TO_ONE_CLASSES, name="class"))
        out.insert(1, "share", out["customers"].astype("Float64") / n if n else np.nan)
        return out

    def counts(self) -> pd.Series:
        """Customers in each class (missing classes are left out).

        Examples
        --------
        >>> import pandas as pd
        >>> r = OneToOne(pd.DataFrame({"most_valuable": pd.array([True, False], dtype="boolean")}))
        >>> r.counts().to_dict()
        {'most_valuable': 1}
        """
        cols = [c for c in ONE_TO_ONE_CLASSES if c in self.table
                and self.table[c].notna().any()]
        return pd.Series({c: int(self.table[c].sum()) for c in cols}, dtype="int64")


def _top(values: pd.Series, share: float) -> np.ndarray:
    """Boolean mask of the top ceil(share * n) values (ties by index order)."""
    n = len(values)
    k = int(np.ceil(share * n - 1e-9))
    order = np.lexsort((np.arange(n), -values.to_numpy(dtype=np.float64)))
    mask = np.zeros(n, dtype=bool)
    mask[order[:k]] = True
    return mask


@validate_params({"table": ["frame"], "customers": ["frame", None],
                  "top_share": [Interval(float, 0, 1, closed="right")], "value_column": [str],
                  "margin_rate": [Interval(float, 0, 1, closed="right"), None], "potential_column": [str, None],
                  "cost_column": [str, None], "cost_unit": [Options({"customer", "order"})], "order_column": [str]})
def one_to_one_classes(
    table: pd.DataFrame,
    customers: pd.DataFrame | None = None,
    *,
    top_share: float = 0.1,
    value_column: str = "monetary",
    margin_rate: float | None = None,
    potential_column: str | None = "potential_value",
    cost_column: str | None = "cost_to_serve",
    cost_unit: str = "customer",
    order_column: str = "frequency",
    language: str | None = None,
) -> OneToOne:
    """Flag most valuable, most growable and below-zero customers.

    Parameters
    ----------
    table : DataFrame
        Per-customer table indexed by ``customer_id`` with ``value_column``
        (e.g. the output of :func:`analysis.segmentation.rfm`).
    customers : DataFrame, optional
        Canonical customers table (``customer_id`` column) holding
        ``potential_column`` and/or ``cost_column``.
    top_share : float
        Share of customers flagged as most valuable / most growable.
    value_column : str
        Current value per customer (default: total revenue in the window).
    margin_rate : float, optional
        Gross margin as a share of revenue; margin = value x rate. Default:
        value is already a margin (rate 1).
    potential_column, cost_column : str or None
        Columns of ``customers`` with potential value and with cost to serve
        (both over the same window as the value); None (or "") leaves that class
        out, with a note saying so.
    cost_unit : {"customer", "order"}
        ``cost_column`` holds each customer's total cost to serve, or a cost per
        order that is multiplied by ``order_column`` of ``table``.
    order_column : str
        Orders per customer in ``table`` (default ``frequency``: purchase days).

    Returns
    -------
    OneToOne
        ``table`` with ``value``, ``margin``, ``potential``, ``growth_gap``,
        ``cost_to_serve``, ``net_margin`` and the nullable booleans
        ``most_valuable``, ``most_growable``, ``below_zero`` (missing where the
        input is missing); ``notes`` maps a missing class to a message naming the
        column that would enable it.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"monetary": [100.0, 10.0, 50.0]},
    ...                  index=pd.Index(["a", "b", "c"], name="customer_id"))
    >>> c = pd.DataFrame({"customer_id": ["a", "b", "c"], "cost_to_serve": [20.0, 15.0, 5.0]})
    >>> r = one_to_one_classes(t, c, top_share=0.34)
    >>> r.table["below_zero"].tolist(), list(r.notes)
    ([False, True, False], ['most_growable'])
    """
    share = float(top_share)
    if value_column not in table.columns:
        raise DataValidationError(f"table lacks the value column {value_column!r}; it has {list(table.columns)}.")
    rate = 1.0 if margin_rate is None else float(margin_rate)
    if cost_unit == "order" and order_column not in table.columns:
        raise DataValidationError(f"cost_unit='order' needs the column {order_column!r} in table.")
    value = table[value_column].astype("float64")
    if value.isna().any():
        raise DataValidationError(f"{value_column!r} has {int(value.isna().sum())} missing value(s).")
    out = pd.DataFrame({"value": value, "margin": value * rate}, index=table.index)
    out["most_valuable"] = pd.array(_top(out["margin"], share), dtype="boolean")
    notes: dict[str, str] = {}
    extra = pd.DataFrame(index=table.index)
    if customers is not None:
        if "customer_id" not in customers.columns:
            raise DataValidationError("customers lacks the 'customer_id' column.")
        keyed = customers.assign(customer_id=customers["customer_id"].astype("string")).set_index("customer_id")
        if keyed.index.has_duplicates:
            raise DataValidationError("customers has duplicate customer_id values; validate it first.")
        extra = keyed.reindex(table.index.astype("string"))
        extra.index = table.index
    if potential_column in extra.columns:
        out["potential"] = extra[potential_column].astype("float64")
        out["growth_gap"] = out["potential"] - out["value"]
        known = out["growth_gap"].notna()
        flag = pd.array(np.zeros(len(out), dtype=bool), dtype="boolean")
        gap = out["growth_gap"].where(known & (out["growth_gap"] > 0), -np.inf)
        mask = _top(gap, share) & (gap > 0).to_numpy()
        flag[:] = mask
        flag[~known.to_numpy()] = pd.NA
        out["most_growable"] = flag
    else:
        out["potential"] = np.nan
        out["growth_gap"] = np.nan
        out["most_growable"] = pd.array([pd.NA] * len(out), dtype="boolean")
        notes["most_growable"] = (msg("segmentation.one_to_one.potential_off", language=language)
                                  if not potential_column else
                                  msg("segmentation.one_to_one.missing_potential",
                                      language=language, column=potential_column))
    if cost_column in extra.columns:
        cost = extra[cost_column].astype("float64")
        if cost_unit == "order":
            cost = cost * table[order_column].astype("float64")
        out["cost_to_serve"] = cost
        out["net_margin"] = out["margin"] - out["cost_to_serve"]
        out["below_zero"] = pd.array(
            np.where(out["net_margin"].isna(), None, out["net_margin"] < 0), dtype="boolean"
        )
    else:
        out["cost_to_serve"] = np.nan
        out["net_margin"] = np.nan
        out["below_zero"] = pd.array([pd.NA] * len(out), dtype="boolean")
        notes["below_zero"] = (msg("segmentation.one_to_one.cost_off", language=language) if not cost_column
                               else msg("segmentation.one_to_one.missing_cost", language=language,
                                        column=cost_column))
    return OneToOne(out, notes)
