"""Parameter constraints, data checks and small helpers shared by the channel-comparison modules.

Parameter checks are declared with :mod:`analysis.checks` (one message form for the
whole package); the data checks here name the column, the rule and the first rows.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd
from statsmodels.stats.multitest import multipletests

from analysis.checks import Interval, Options, plain
from analysis.errors import AnalysisWarning, DataValidationError, ParameterError
from analysis.schemas import number_hint

CORRECTIONS = ("holm", "bonferroni", "fdr_bh", "none")


#: parameter constraints shared by the channel functions (declared with analysis.checks)
ALPHA = [Interval(float, 0.0, 0.5, closed="neither")]
CORRECTION = [Options(CORRECTIONS)]
SEED = ["seed"]
N_BOOTSTRAP = [Interval(int, 0, None, closed="left")]
MARGIN = [Interval(float, 0.0, 1.0, closed="right")]
FRAME = ["frame"]
COLUMN = [str]
OPTIONAL_COLUMN = [str, None]


def omnibus_frame(**values) -> pd.DataFrame:
    """An omnibus test as a one-row DataFrame (the package's one shape for omnibus tests)."""
    return pd.DataFrame([values])


def check_columns(data: pd.DataFrame, columns: Sequence[str], what: str = "data") -> None:
    if not isinstance(data, pd.DataFrame):
        raise ParameterError(f"{what} must be a pandas DataFrame; got {type(data).__name__}.")
    missing = [c for c in columns if c not in data.columns]
    if missing:
        raise DataValidationError(
            f"{what} lacks column(s) {missing}; it has {list(data.columns)}. "
            "Map your column names in the study YAML or pass the right names."
        )


def _first_rows(rows: np.ndarray, values: Sequence | None = None, k: int = 5) -> str:
    """The first ``k`` of ``rows`` (numbered from 1, as everywhere in the package), with their values.

    Examples
    --------
    >>> import numpy as np
    >>> _first_rows(np.array([2, 5]), np.array([2.5, 7.0]))
    'row 2: 2.5, row 5: 7.0'
    >>> _first_rows(np.arange(1, 8))
    'rows 1, 2, 3, 4, 5 and 2 more'
    """
    shown = [int(r) for r in rows[:k]]
    more = f" and {len(rows) - len(shown)} more" if len(rows) > len(shown) else ""
    if values is None:
        return f"{'row' if len(shown) == 1 else 'rows'} {', '.join(map(str, shown))}{more}"
    return ", ".join(f"row {r}: {plain(v)!r}" for r, v in zip(shown, list(values)[:k])) + more


def prepare(
    data: pd.DataFrame,
    group: str,
    outcome: str,
    *,
    kind: str,
    order: Sequence | None = None,
    min_n: int = 2,
) -> tuple[pd.DataFrame, list]:
    """Validated two-column frame (``group``, ``outcome`` as float) and the group order.

    ``kind`` is "binary" (values 0/1 or booleans) or "continuous" (finite numbers).
    Rows with a missing group or outcome are dropped with an AnalysisWarning.
    """
    check_columns(data, [group, outcome])
    frame = data[[group, outcome]].copy()
    row_no = np.arange(1, len(frame) + 1)  # rows numbered from 1 in messages, whatever the index
    missing = (frame[group].isna() | frame[outcome].isna()).to_numpy()
    if missing.any():
        warnings.warn(
            f"{int(missing.sum())} row(s) with a missing {group!r} or {outcome!r} were left out "
            f"({_first_rows(row_no[missing])}).",
            AnalysisWarning,
            stacklevel=4,
        )
        frame = frame.loc[~missing]
        row_no = row_no[~missing]
    values = frame[outcome]
    if pd.api.types.is_bool_dtype(values):
        numeric = values.astype(float)
    else:
        numeric = pd.to_numeric(values, errors="coerce")
        bad = (numeric.isna() | ~np.isfinite(numeric.to_numpy(dtype=float, na_value=np.nan))).to_numpy()
        if bad.any():
            raise DataValidationError(
                f"Column {outcome!r} must hold numbers; {int(bad.sum())} row(s) do not "
                f"({_first_rows(row_no[bad], values[bad])}). "
                f"{number_hint(values[bad].iloc[:200].tolist(), 'channel_outcomes', outcome)}."
            )
        numeric = numeric.astype(float)
    if kind == "binary":
        bad = (~numeric.isin([0.0, 1.0])).to_numpy()
        if bad.any():
            raise DataValidationError(
                f"Column {outcome!r} is compared as a rate, so it must hold only 0/1 (or True/False); "
                f"{int(bad.sum())} row(s) hold other values ({_first_rows(row_no[bad], values[bad])}). "
                "Recode it (e.g. spend > 0) or compare it as a continuous outcome."
            )
    frame[outcome] = numeric
    present = pd.unique(frame[group]).tolist()  # Python values: messages show 3, not np.int64(3)
    if order is None:
        if isinstance(frame[group].dtype, pd.CategoricalDtype):
            levels = [c for c in frame[group].cat.categories if c in set(present)]
        else:
            try:
                levels = sorted(present)
            except TypeError:
                levels = present
    else:
        levels = list(order)
        unknown = [g for g in present if g not in set(levels)]
        if unknown:
            raise ParameterError(
                f"order leaves out group(s) {unknown[:5]} found in column {group!r}; list every group."
            )
        absent = [g for g in levels if g not in set(present)]
        if absent:
            warnings.warn(
                f"group(s) {absent} named in order have no rows in {group!r} and are left out.",
                AnalysisWarning,
                stacklevel=4,
            )
            levels = [g for g in levels if g in set(present)]
    if len(levels) < 2:
        raise DataValidationError(
            f"Column {group!r} holds {len(levels)} group(s) ({levels}); a comparison needs at "
            "least two channels or arms."
        )
    counts = frame[group].value_counts()
    small = [(g, int(counts.get(g, 0))) for g in levels if counts.get(g, 0) < min_n]
    if small:
        raise DataValidationError(
            f"Every group in {group!r} needs at least {min_n} rows to be compared; too small: "
            + ", ".join(f"{g!r} has {n}" for g, n in small)
            + ". Merge small channels or drop them before comparing."
        )
    return frame, levels


def adjust_pvalues(pvalues: np.ndarray, correction: str) -> np.ndarray:
    """Multiple-comparison adjusted p-values (``"none"`` returns them unchanged)."""
    p = np.asarray(pvalues, dtype=float)
    if correction == "none" or p.size == 0:
        return p.copy()
    out = np.full(p.shape, np.nan)
    ok = np.isfinite(p)
    if ok.any():
        out[ok] = multipletests(p[ok], method=correction)[1]
    return out
