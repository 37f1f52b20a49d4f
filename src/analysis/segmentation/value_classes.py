"""The eight RFM value classes of Chinese CRM teaching (重要价值客户 ... 一般挽留客户).

Each customer's recency, frequency and monetary value is compared with a
reference computed over all customers (the median, or the mean): R is *high*
when the last purchase is more recent than the reference (``recency_days``
smaller than it), F and M are *high* when above it. The three yes/no answers
give eight classes; M decides "important" (重要) against "general" (一般), R and
F decide value (R high, F high), development (R high, F low), retention (R low,
F high) and win-back (R low, F low).

Ties: a value equal to the reference is *not* above it, so it counts as low (for
recency: a customer whose recency equals the reference is not more recent than
it, so R is low). With the median this matters: when most customers bought once,
the median frequency is 1 and "F high" means "bought more than once".

The classes need money: a count-only log (visits, baskets without amounts) has
no monetary value and is refused with a :class:`~analysis.errors.ParameterError`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.checks import Options, validate_params
from analysis.errors import DataValidationError, ParameterError
from analysis.messages import msg

__all__ = ["VALUE_CLASSES", "CLASS_REFERENCES", "value_class_references", "rfm_value_classes",
           "value_class_summary"]

#: the class codes, in the courses' order: important (M high) first, then value, development, retention, win-back
VALUE_CLASSES = ("important_value", "important_development", "important_retention", "important_win_back",
                 "general_value", "general_development", "general_retention", "general_win_back")
#: the references R, F and M may be compared with
CLASS_REFERENCES = ("median", "mean")
_COLUMNS = ("recency_days", "frequency", "monetary")
#: (R high, F high) -> the second word of the class code
_RF = {(True, True): "value", (True, False): "development", (False, True): "retention", (False, False): "win_back"}


def _values(table: pd.DataFrame) -> pd.DataFrame:
    """The three columns as floats; a count-only table or missing values are refused."""
    if not isinstance(table, pd.DataFrame):
        raise ParameterError(f"table must be a DataFrame of per-customer RFM values; got {type(table).__name__}.")
    if "monetary" not in table.columns or not table["monetary"].notna().any():
        raise ParameterError(
            "The eight RFM value classes need amounts (M, the money each customer spent): this table has no "
            "'monetary' values (a count-only log). Map an amount column in the study, or skip the classes "
            "(rfm_class_reference = None).")
    missing = [c for c in _COLUMNS if c not in table.columns]
    if missing:
        raise DataValidationError(f"table lacks column(s) {missing}; give the per-customer RFM table of rfm().")
    values = table[list(_COLUMNS)].astype("float64")
    bad = values.isna().any(axis=1)
    if bad.any():
        first = [str(i) for i in values.index[bad][:5]]
        raise DataValidationError(
            f"{int(bad.sum())} customer(s) have no recency, frequency or monetary value (first: {first}); "
            "every customer needs all three to be classed.")
    if len(values) == 0:
        raise ParameterError("table has no customers; the references need at least one.")
    return values


@validate_params({"reference": [Options(CLASS_REFERENCES)]})
def value_class_references(table: pd.DataFrame, reference: str = "median") -> pd.Series:
    """The reference recency, frequency and monetary value the customers are compared with.

    Parameters
    ----------
    table : DataFrame
        Per-customer ``recency_days``, ``frequency`` and ``monetary`` (the table of
        :func:`~analysis.segmentation.rfm` or ``rfm_from_customers``).
    reference : {"median", "mean"}
        The statistic over all customers.

    Returns
    -------
    Series
        Indexed by ``recency_days``, ``frequency``, ``monetary``.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"recency_days": [10, 20, 90], "frequency": [1, 1, 4], "monetary": [5.0, 50.0, 60.0]})
    >>> value_class_references(t).tolist(), value_class_references(t, "mean").tolist()
    ([20.0, 1.0, 50.0], [40.0, 2.0, 38.333333333333336])
    """
    values = _values(table)
    return values.median() if reference == "median" else values.mean()


@validate_params({"reference": [Options(CLASS_REFERENCES)]})
def rfm_value_classes(table: pd.DataFrame, reference: str = "median", *,
                      language: str | None = None) -> pd.DataFrame:
    """Each customer's value class: R, F and M above or below the reference, eight classes.

    R is high when ``recency_days`` is below the reference (a more recent last
    purchase); F and M are high when ``frequency`` and ``monetary`` are above it.
    A value equal to the reference counts as low (see the module notes).

    Parameters
    ----------
    table : DataFrame
        Per-customer ``recency_days``, ``frequency`` and ``monetary``, indexed by
        customer (the table of :func:`~analysis.segmentation.rfm`).
    reference : {"median", "mean"}
        What R, F and M are compared with, computed over all customers of ``table``.
    language : str, optional
        Language of ``value_class_name`` (default: the process's).

    Returns
    -------
    DataFrame
        Same index as ``table``: ``recency_days``, ``frequency``, ``monetary``,
        ``r_high``, ``f_high``, ``m_high`` (bool), ``value_class`` (the code, a
        categorical over :data:`VALUE_CLASSES`) and ``value_class_name`` (the
        catalog's name of the class).

    Raises
    ------
    ParameterError
        A reference other than "median" or "mean", or a table without monetary
        values (a count-only log: the classes need amounts).
    DataValidationError
        A missing column, or a customer without one of the three values.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"recency_days": [10, 20, 90], "frequency": [1, 1, 4], "monetary": [5.0, 50.0, 60.0]},
    ...                  index=pd.Index(["a", "b", "c"], name="customer_id"))
    >>> rfm_value_classes(t)["value_class"].tolist()
    ['general_development', 'general_win_back', 'important_retention']
    >>> rfm_value_classes(t, language="en").loc["c", "value_class_name"]
    'Important retention customers'
    """
    values = _values(table)
    ref = values.median() if reference == "median" else values.mean()
    r_high = (values["recency_days"] < ref["recency_days"]).to_numpy()
    f_high = (values["frequency"] > ref["frequency"]).to_numpy()
    m_high = (values["monetary"] > ref["monetary"]).to_numpy()
    codes = np.array([f"{'important' if m else 'general'}_{_RF[(bool(r), bool(f))]}"
                      for r, f, m in zip(r_high, f_high, m_high)], dtype=object)
    names = {c: msg(f"value_classes.class.{c}", language=language) for c in VALUE_CLASSES}
    out = values.assign(r_high=r_high, f_high=f_high, m_high=m_high,
                        value_class=pd.Categorical(codes, categories=list(VALUE_CLASSES)))
    out["value_class_name"] = [names[c] for c in codes]
    return out


@validate_params({"reference": [Options(CLASS_REFERENCES)]})
def value_class_summary(classes: pd.DataFrame, reference: str = "median", *,
                        language: str | None = None) -> pd.DataFrame:
    """Customers, revenue and mean R, F, M per value class, with the references used.

    Parameters
    ----------
    classes : DataFrame
        The result of :func:`rfm_value_classes`.
    reference : {"median", "mean"}
        The reference the classes were made with (checked: recomputed from the
        classes' own values, it must give the same high/low answers).
    language : str, optional
        Language of ``value_class_name`` and ``strategy``.

    Returns
    -------
    DataFrame
        One row per class (all eight, in :data:`VALUE_CLASSES` order, empty ones
        with 0 customers), indexed by ``value_class``: ``value_class_name``,
        ``customers``, ``customer_share``, ``revenue`` (sum of ``monetary``),
        ``revenue_share``, ``mean_recency_days``, ``mean_frequency``,
        ``mean_monetary`` (NaN for an empty class), ``reference`` ("median" or
        "mean"), ``reference_recency_days``, ``reference_frequency``,
        ``reference_monetary`` (the same in every row) and ``strategy`` (the
        courses' treatment of the class).

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"recency_days": [10, 20, 90], "frequency": [1, 1, 4], "monetary": [5.0, 50.0, 60.0]})
    >>> s = value_class_summary(rfm_value_classes(t))
    >>> row = s.loc["important_retention"]
    >>> int(row["customers"]), float(row["revenue"]), round(float(row["revenue_share"]), 4)
    (1, 60.0, 0.5217)
    >>> int(s["customers"].sum()), s["reference_monetary"].iloc[0]
    (3, np.float64(50.0))
    """
    needed = [*_COLUMNS, "r_high", "f_high", "m_high", "value_class"]
    if not isinstance(classes, pd.DataFrame) or any(c not in classes.columns for c in needed):
        raise ParameterError(f"classes must be the table of rfm_value_classes() (columns {needed}).")
    ref = value_class_references(classes, reference)
    again = rfm_value_classes(classes[list(_COLUMNS)], reference, language=language)
    if not (again["value_class"].astype(str) == classes["value_class"].astype(str)).all():
        raise ParameterError(f"classes were not made with reference={reference!r}; pass the reference "
                             "rfm_value_classes used.")
    grouped = classes.groupby(classes["value_class"].astype(str))
    out = pd.DataFrame(index=pd.Index(list(VALUE_CLASSES), name="value_class"))
    out["value_class_name"] = [msg(f"value_classes.class.{c}", language=language) for c in VALUE_CLASSES]
    out["customers"] = grouped.size().reindex(out.index, fill_value=0).astype("int64")
    out["customer_share"] = out["customers"] / len(classes)
    out["revenue"] = grouped["monetary"].sum().reindex(out.index, fill_value=0.0)
    total = float(classes["monetary"].sum())
    out["revenue_share"] = out["revenue"] / total if total else np.nan
    for column in _COLUMNS:
        out[f"mean_{column}"] = grouped[column].mean().reindex(out.index)
    out["reference"] = reference
    for column in _COLUMNS:
        out[f"reference_{column}"] = float(ref[column])
    out["strategy"] = [msg(f"value_classes.strategy.{c}", language=language) for c in VALUE_CLASSES]
    return out
