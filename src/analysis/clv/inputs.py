"""Input of the buy-till-you-die models: column checks and merging identical rows.

:func:`check_summary_columns` pulls a model's columns out of a customer summary
and checks each rule once, naming the column, the rule, how many rows break it and
the first few. :func:`_collapse` merges identical rows into weights before a fit
(exact for the likelihood): hash- or count-based, see its docstring.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from analysis.checks import plain
from analysis.errors import DataValidationError

__all__ = ["check_summary_columns", "rows_text"]


def _row_list(mask: np.ndarray, values: np.ndarray, index: pd.Index) -> str:
    bad = np.flatnonzero(mask)[:5]
    labels = index[bad].tolist()  # Python values: no np.int64(...) in the message
    return ", ".join(f"{label!r}: {plain(values[i])!r}" for label, i in zip(labels, bad))


def rows_text(mask: np.ndarray, data: Any) -> str:
    """The first five rows where ``mask`` holds, numbered from 1, with a DataFrame's index label (the customer).

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rows_text(np.array([False, True, True]), pd.DataFrame(index=pd.Index(["a", "b", "c"], name="customer_id")))
    "rows 2 ('b'), 3 ('c')"
    >>> rows_text(np.array([True] * 7), {"x": [0] * 7})
    'rows 1, 2, 3, 4, 5 and 2 more'
    """
    bad = np.flatnonzero(mask)
    shown = bad[:5]
    labelled = isinstance(data, pd.DataFrame) and not isinstance(data.index, pd.RangeIndex)
    labels = data.index[shown].tolist() if labelled else [None] * len(shown)
    parts = [f"{i + 1}" + (f" ({label!r})" if labelled else "") for i, label in zip(shown, labels)]
    more = f" and {len(bad) - len(shown)} more" if len(bad) > len(shown) else ""
    return f"{'row' if len(bad) == 1 else 'rows'} {', '.join(parts)}{more}"


def check_summary_columns(
    data: pd.DataFrame | Mapping[str, Any],
    columns: Mapping[str, str],
    *,
    integer: Sequence[str] = (),
    positive: Sequence[str] = (),
    nonnegative: Sequence[str] = (),
) -> dict[str, np.ndarray]:
    """Pull the model's columns out of ``data`` as float arrays, checking each rule.

    Parameters
    ----------
    data : DataFrame or mapping of arrays
        The customer summary.
    columns : mapping
        Canonical name -> column name in ``data``.
    integer, positive, nonnegative : sequences of canonical names
        Rules to check: whole numbers, > 0, >= 0.

    Returns
    -------
    dict
        Canonical name -> 1-d float array.

    Raises
    ------
    DataValidationError
        Naming the column, the rule, how many rows break it and the first few.

    Examples
    --------
    >>> d = check_summary_columns({"x": [0, 2]}, {"frequency": "x"}, integer=["frequency"])
    >>> d["frequency"].tolist()
    [0.0, 2.0]
    """
    frame = data if isinstance(data, pd.DataFrame) else pd.DataFrame(dict(data))
    missing = [col for col in columns.values() if col not in frame.columns]
    if missing:
        raise DataValidationError(
            f"The summary lacks column(s) {missing}; it has {list(frame.columns)}. Build it "
            "with analysis.summary.customer_summary or pass columns={...} to the model."
        )
    out: dict[str, np.ndarray] = {}
    for name, col in columns.items():
        series = frame[col]
        dtype = getattr(series, "dtype", None)  # a duplicated column name gives a DataFrame
        if isinstance(dtype, np.dtype) and dtype.kind in "iuf":
            values = series.to_numpy(dtype=float)  # plain numpy numbers: no conversion to check
        else:
            try:
                values = pd.to_numeric(series).to_numpy(dtype=float, na_value=np.nan)
            except (TypeError, ValueError) as exc:
                raise DataValidationError(f"Column {col!r} ({name}) must be numeric.") from exc
        rules = [("missing or infinite", ~np.isfinite(values))]
        if name in integer:
            rules.append(("not a whole number", np.isfinite(values) & (values != np.round(values))))
        if name in positive:
            rules.append(("not > 0", values <= 0))
        if name in nonnegative:
            rules.append(("negative", values < 0))
        for rule, mask in rules:
            if mask.any():
                raise DataValidationError(
                    f"Column {col!r} ({name}): {int(mask.sum())} row(s) {rule}; first rows "
                    f"{_row_list(mask, values, frame.index)}."
                )
        out[name] = values
    return out


def _small_whole(values: np.ndarray) -> bool:
    """Whole numbers in [0, 2**20) (such as purchase counts): coded by themselves."""
    return bool(len(values) and values.dtype.kind == "f" and float(values.min()) >= 0
                and float(values.max()) < 2**20 and np.array_equal(values, np.floor(values)))


def _more_distinct_than(values: np.ndarray, limit: float) -> bool:
    """Whether ``values`` has more than ``limit`` distinct values, counted by sorting (several
    times cheaper than hashing), as :func:`_codes` would count them. Counted only when over
    3/4 of a strided sample of about 1,024 values are distinct (else False, as for a column
    of days or weeks: the count would be wasted), and never with NaN (which sorting would
    count once per NaN)."""
    sample = np.sort(values[:: max(1, len(values) // 1024)])
    if np.count_nonzero(sample[1:] != sample[:-1]) + 1 <= 0.75 * len(sample):
        return False
    ordered = np.sort(values)
    if ordered.dtype.kind == "f" and np.isnan(ordered[-1]):
        return False
    return int(np.count_nonzero(ordered[1:] != ordered[:-1])) + 1 > limit


def _codes(values: np.ndarray, *, whole: bool | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes and the distinct values of a float array (``values == uniques[codes]``).

    Small whole numbers (such as purchase counts) are their own codes (the distinct
    values then include unused ones); anything else is hashed (pandas.factorize,
    first-appearance order). ``whole`` passes :func:`_small_whole` when already known.
    """
    if _small_whole(values) if whole is None else whole:
        return values.astype(np.int64), np.arange(int(values.max()) + 1, dtype=float)
    codes, uniques = pd.factorize(values, sort=False, use_na_sentinel=False)
    return codes.astype(np.int64, copy=False), np.asarray(uniques, dtype=float)


def _collapse(arrays: dict[str, np.ndarray], weights: np.ndarray) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Identical rows merged into one with the summed weight (exact for the likelihood).

    Each column is coded (see :func:`_codes`), the codes are combined into one integer
    key, and rows with equal keys are summed: by counting when the key range is small
    (rows then come out in key order), otherwise by hashing (first-appearance order).
    Groups whose weights sum to zero are dropped. When one column alone has more than
    n/2 distinct values (merging could at most halve the rows, which does not repay its
    cost), rows are returned as they are (minus zero weights).
    """
    names = list(arrays)
    n = len(weights)
    key = np.zeros(n, dtype=np.int64)
    uniques: list[np.ndarray] = []
    span = 1
    for name in names:
        column = arrays[name]
        whole = _small_whole(column)
        # A column of distinct amounts (spend) ends the merge before it is hashed: the same
        # rule, counted by sorting
        many = not whole and _more_distinct_than(column, 0.5 * n)
        codes, values = (None, None) if many else _codes(column, whole=whole)
        if many or len(values) > 0.5 * n:  # merging could at most halve the rows: not worth its cost
            keep = weights > 0
            return {k: np.asarray(v, dtype=float)[keep] for k, v in arrays.items()}, weights[keep]
        size = max(len(values), 1)
        if span * size >= 2**62:  # cannot happen for realistic tables
            frame = pd.DataFrame(arrays).assign(_w=weights)
            grouped = frame.groupby(names, sort=False, observed=True)["_w"].sum()
            grouped = grouped[grouped > 0]
            keys = grouped.index.to_frame(index=False)
            return {k: keys[k].to_numpy(dtype=float) for k in names}, grouped.to_numpy(dtype=float)
        key = key * size + codes
        span *= size
        uniques.append(values)
    if span <= max(8 * n, 2**22):
        w_all = np.bincount(key, weights=weights, minlength=span)
        rest = np.flatnonzero(w_all > 0)
        w = w_all[rest]
    else:
        group, first_keys = pd.factorize(key, sort=False)
        w = np.bincount(group, weights=weights, minlength=len(first_keys))
        keep = w > 0
        rest, w = np.asarray(first_keys, dtype=np.int64)[keep], w[keep]
    out: dict[str, np.ndarray] = {}
    for name, values in zip(reversed(names), reversed(uniques)):
        size = max(len(values), 1)
        out[name] = values[rest % size]
        rest = rest // size
    return {name: out[name] for name in names}, w
