"""Covariates of the covariate CLV models: treatment coding of categorical columns,
the design matrix, rank checks and the internal centring/scaling of numeric columns.

See :mod:`analysis.clv.covariates` for the coding rules.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from analysis.clv.inputs import _row_list
from analysis.errors import DataValidationError, ParameterError

@dataclass(frozen=True)
class _Covariate:
    """How one source column is coded: numeric (as is) or categorical (treatment dummies)."""

    column: str
    kind: str  # "numeric" or "categorical"
    levels: tuple[Any, ...] = ()  # non-reference levels (categorical)
    reference: Any = None

    @property
    def labels(self) -> list[str]:
        if self.kind == "numeric":
            return [self.column]
        return [f"{self.column}={level}" for level in self.levels]


def _first_rows(mask: np.ndarray, values: Any, index: pd.Index) -> str:
    return _row_list(mask, np.asarray(values, dtype=object), index)


def _is_categorical(series: pd.Series) -> bool:
    return not pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series)


def _learn(frame: pd.DataFrame, column: str, categorical: set[str], reference: Mapping[str, Any]) -> _Covariate:
    series = frame[column]
    missing = series.isna().to_numpy()
    if missing.any():
        raise DataValidationError(
            f"Covariate {column!r}: {int(missing.sum())} row(s) are missing (first rows "
            f"{_first_rows(missing, series.to_numpy(dtype=object), frame.index)}). Fill them (for a "
            "categorical covariate an explicit level such as 'unknown' works) or drop those customers."
        )
    if column in categorical or _is_categorical(series):
        if isinstance(series.dtype, pd.CategoricalDtype):
            present = set(series.unique())
            levels = [c for c in series.cat.categories if c in present]
        else:
            levels = sorted(series.unique().tolist(), key=lambda v: (str(type(v)), v))
        if len(levels) < 2:
            raise DataValidationError(
                f"Covariate {column!r} is constant (every row is {levels[0]!r}); it carries no "
                "information and is not identified next to the baseline parameters. Remove it."
            )
        ref = reference.get(column, levels[0])
        if ref not in levels:
            raise ParameterError(
                f"reference[{column!r}] = {ref!r} is not a level of {column!r}; its levels are {levels}."
            )
        return _Covariate(column, "categorical", tuple(v for v in levels if v != ref), ref)
    if column in reference:
        raise ParameterError(
            f"reference[{column!r}] was given but {column!r} is numeric; list it in categorical=[...] "
            "to code it as levels."
        )
    values = pd.to_numeric(series).to_numpy(dtype=float)
    bad = ~np.isfinite(values)
    if bad.any():
        raise DataValidationError(
            f"Covariate {column!r}: {int(bad.sum())} row(s) are infinite (first rows "
            f"{_first_rows(bad, values, frame.index)})."
        )
    if np.ptp(values) == 0:
        raise DataValidationError(
            f"Covariate {column!r} is constant (every row is {values[0]:g}); it is not identified "
            "next to the baseline parameters. Remove it."
        )
    return _Covariate(column, "numeric")


def _encode(frame: pd.DataFrame, covs: Sequence[_Covariate]) -> np.ndarray:
    """Design matrix (n, k) of the coded covariates, checking missing and unseen values."""
    blocks = [np.zeros((len(frame), 0))]
    for cov in covs:
        series = frame[cov.column]
        missing = series.isna().to_numpy()
        if missing.any():
            raise DataValidationError(
                f"Covariate {cov.column!r}: {int(missing.sum())} row(s) are missing (first rows "
                f"{_first_rows(missing, series.to_numpy(dtype=object), frame.index)})."
            )
        if cov.kind == "numeric":
            try:
                values = pd.to_numeric(series).to_numpy(dtype=float)
            except (TypeError, ValueError) as exc:
                raise DataValidationError(f"Covariate {cov.column!r} was numeric when fitted; it is not now.") from exc
            bad = ~np.isfinite(values)
            if bad.any():
                raise DataValidationError(
                    f"Covariate {cov.column!r}: {int(bad.sum())} row(s) are infinite (first rows "
                    f"{_first_rows(bad, values, frame.index)})."
                )
            blocks.append(values[:, None])
            continue
        raw = series.to_numpy(dtype=object)
        known = np.isin(raw, np.array([cov.reference, *cov.levels], dtype=object))
        if not known.all():
            raise DataValidationError(
                f"Covariate {cov.column!r}: {int((~known).sum())} row(s) have a level not seen when the "
                f"model was fitted (first rows {_first_rows(~known, raw, frame.index)}); known levels "
                f"are {[cov.reference, *cov.levels]}."
            )
        blocks.append(np.column_stack([raw == level for level in cov.levels]).astype(float))
    return np.hstack(blocks)


def _check_rank(Z: np.ndarray, labels: list[str], process: str) -> None:
    """Intercept plus covariates must have full column rank; name the culprits if not."""
    if Z.shape[1] == 0:
        return
    rows = np.unique(Z, axis=0)
    X = np.column_stack([np.ones(len(rows)), rows])
    scale = np.maximum(np.abs(X).max(axis=0), 1e-300)
    Xs = X / scale
    _, sv, vt = np.linalg.svd(Xs, full_matrices=False)
    tol = max(Xs.shape) * np.finfo(float).eps * sv[0] * 1e3
    if len(sv) < X.shape[1] or sv[-1] <= tol:
        null = vt[-1]
        names = ["(intercept)", *labels]
        involved = [names[j] for j in np.flatnonzero(np.abs(null) > 1e-6)]
        raise DataValidationError(
            f"The {process} covariates are perfectly collinear: {involved} are linearly dependent "
            f"(together with the baseline parameter, the intercept), so their coefficients are not "
            f"identified. Drop one of them (or merge levels)."
        )


def _standardiser(coding: Sequence[_Covariate], Z: np.ndarray, w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Centre and scale (weighted mean and SD) of the numeric columns of Z; dummies keep (0, 1)."""
    center, scale = np.zeros(Z.shape[1]), np.ones(Z.shape[1])
    j = 0
    for cov in coding:
        k = len(cov.labels)
        if cov.kind == "numeric":
            mu = float(w @ Z[:, j]) / float(w.sum())
            sd = float(np.sqrt(w @ (Z[:, j] - mu) ** 2 / w.sum()))
            center[j], scale[j] = mu, sd if sd > 0 else 1.0
        j += k
    return center, scale
