"""Relative importance of drivers with bootstrap intervals: :class:`RelativeImportance` and its functions."""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.checks import DEFAULT_SEED, Interval, Options, check_alpha, check_is_fitted, check_params, rng_from
from analysis.drivers._data import (
    MISSING_POLICIES,
    check_scale,
    collinearity_message,
    numeric_block,
    percentile_tails,
    prepare,
    weighted_corr,
)
from analysis.drivers.importance.lmg import MAX_EXACT_P, _as_batch, lmg_from_corr
from analysis.drivers.importance.weights import _shapley_sampled, relative_weights_from_corr
from analysis.errors import AnalysisWarning, DataValidationError, ParameterError
from analysis.results import ResultMixin, order_estimate_columns

__all__ = ["METHODS", "RelativeImportance", "importance_differences", "relative_importance"]

METHODS = ("lmg", "relative_weights", "shapley_sampled")


def _prepare_corr(data, outcome, predictors, weight, missing, scale=None):
    predictors = list(predictors)
    if not predictors:
        raise ParameterError("predictors must name at least one column.")
    if outcome in predictors:
        raise ParameterError(f"outcome {outcome!r} is also listed among the predictors.")
    prep = prepare(data, predictors + [outcome], weight=weight, missing=missing,
                   min_rows=len(predictors) + 2)
    check_scale(numeric_block(data, predictors, "rating"), scale, "rating")
    corr = weighted_corr(prep.values, prep.weights)
    if np.isnan(corr).any():
        raise DataValidationError(
            "some pair of columns has no respondents who answered both (pairwise deletion); "
            "use missing='listwise' or drop the sparse column."
        )
    message = collinearity_message(corr[:-1, :-1], predictors)
    if message:
        raise DataValidationError(message)
    if np.linalg.eigvalsh(corr)[0] < -1e-10:
        raise DataValidationError(
            "the pairwise-deletion correlation matrix is not positive definite (answers are "
            "missing in an inconsistent pattern); use missing='listwise'."
        )
    return prep, corr


def _statistic(method: str, corr: np.ndarray, n_perm: int, rng) -> tuple[np.ndarray, np.ndarray | None]:
    if method == "lmg":
        return lmg_from_corr(corr), None
    if method == "relative_weights":
        return relative_weights_from_corr(corr), None
    c, single = _as_batch(corr)
    mean, se = _shapley_sampled(c, n_perm, rng)
    return (mean[0], se[0]) if single else (mean, se)


def _bootstrap_corrs(prep, n_boot: int, rng: np.random.Generator, chunk: int):
    n = len(prep.values)
    for start in range(0, n_boot, chunk):
        m = min(chunk, n_boot - start)
        draws = rng.integers(0, n, size=(m, n))
        counts = np.bincount((draws + n * np.arange(m)[:, None]).ravel(), minlength=m * n).reshape(m, n)
        yield weighted_corr(prep.values, counts * prep.weights[None, :])


def _rank(values: np.ndarray) -> np.ndarray:
    """Rank 1 = largest, along the last axis."""
    return np.argsort(np.argsort(-values, axis=-1, kind="stable"), axis=-1, kind="stable") + 1


class RelativeImportance(ResultMixin):
    """Relative importance of drivers with bootstrap intervals (scikit-learn style).

    Parameters
    ----------
    method : {"lmg", "relative_weights", "shapley_sampled"}
        ``"lmg"`` is exact up to ``MAX_EXACT_P`` predictors; above that it switches
        to ``"shapley_sampled"`` with an :class:`~analysis.errors.AnalysisWarning`.
    n_boot : int
        Bootstrap replicates for intervals (0 = none).
    alpha : float
        One minus the confidence level of the percentile intervals.
    seed : int or numpy.random.Generator, default analysis.checks.DEFAULT_SEED
        Randomness for the bootstrap and the sampled orderings.
    missing : {"listwise", "pairwise"}
        Missing-answer policy (stated in the output's ``attrs``).
    n_permutations : int
        Orderings drawn by ``"shapley_sampled"``.

    Attributes
    ----------
    importance_ : DataFrame
        See :func:`relative_importance`.
    r2_ : float
        R² of the full model.
    boot_ : ndarray, shape (n_valid_boot, p)
        Importance in each bootstrap replicate (in R² units).
    boot_r2_ : ndarray, shape (n_valid_boot,)

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> x = rng.normal(size=(200, 2))
    >>> df = pd.DataFrame({"a": x[:, 0], "b": x[:, 1], "y": x @ [1.0, 0.2] + rng.normal(size=200)})
    >>> ri = RelativeImportance(n_boot=200, seed=1).fit(df, "y", ["a", "b"])
    >>> ri.importance_.loc["a", "rank"], bool(ri.importance_.loc["a", "share_low"] > 0.6)
    (np.int64(1), True)
    """

    _parameter_constraints = {
        "method": [Options(METHODS)],
        "n_boot": [Options({0}), Interval(int, 50, None, closed="left")],
        "alpha": [Interval(float, 0, 0.5, closed="neither")],
        "seed": ["seed"],
        "missing": [Options(MISSING_POLICIES)],
        "n_permutations": [Interval(int, 10, None, closed="left")],
    }

    def __init__(self, method: str = "lmg", *, n_boot: int = 0, alpha: float = 0.05,
                 seed: int | np.random.Generator = DEFAULT_SEED, missing: str = "listwise",
                 n_permutations: int = 2000) -> None:
        self.method = method
        self.n_boot = n_boot
        self.alpha = alpha
        self.seed = seed
        self.missing = missing
        self.n_permutations = n_permutations

    def fit(self, data: pd.DataFrame, outcome: str, predictors: Sequence[str], *,
            weight: str | None = None, scale: tuple[float, float] | None = None) -> RelativeImportance:
        """Compute importances (and bootstrap intervals) for ``outcome`` on ``predictors``.

        ``scale`` = (low, high) checks that every predictor rating lies on that scale.

        Examples
        --------
        >>> df = pd.DataFrame({"a": [1, 2, 3, 4, 5, 6], "b": [2, 1, 4, 3, 6, 5],
        ...                    "y": [1, 3, 2, 5, 4, 6]})
        >>> RelativeImportance().fit(df, "y", ["a", "b"]).r2_.round(3)
        np.float64(0.981)
        """
        check_params(self._parameter_constraints, vars(self), type(self).__name__)
        predictors = list(predictors)
        method = self.method
        if method == "lmg" and len(predictors) > MAX_EXACT_P:
            warnings.warn(
                f"exact LMG with {len(predictors)} predictors would take too long (limit "
                f"{MAX_EXACT_P}); estimating the Shapley values from {self.n_permutations} random "
                f"orderings instead (see the importance_se column).",
                AnalysisWarning, stacklevel=2,
            )
            method = "shapley_sampled"
        rng = rng_from(self.seed)
        prep, corr = _prepare_corr(data, outcome, predictors, weight, self.missing, scale)
        est, se = _statistic(method, corr, self.n_permutations, rng)
        r2 = float(corr[-1, :-1] @ np.linalg.solve(corr[:-1, :-1], corr[:-1, -1]))
        table = pd.DataFrame({"importance": est, "share": est / r2}, index=pd.Index(predictors, name="predictor"))
        if se is not None:
            table["importance_se"] = se
        table["rank"] = _rank(est[None, :])[0]
        boot = np.empty((0, len(predictors)))
        boot_r2 = np.empty(0)
        if self.n_boot:
            parts, parts_r2 = [], []
            chunk = max(1, min(self.n_boot, 2_000_000 // (len(prep.values) * len(predictors) + 1), 250))
            for c in _bootstrap_corrs(prep, self.n_boot, rng, chunk):
                bad = np.isnan(c).any(axis=(1, 2))
                c = np.where(bad[:, None, None], np.eye(c.shape[1]), c)
                val, _ = _statistic(method, c, max(200, self.n_permutations // 10), rng)
                rr = np.linalg.solve(c[:, :-1, :-1], c[:, :-1, -1:])[..., 0]
                r2b = np.einsum("bi,bi->b", c[:, -1, :-1], rr)
                val[bad] = np.nan
                parts.append(val)
                parts_r2.append(np.where(bad, np.nan, r2b))
            boot = np.concatenate(parts)
            boot_r2 = np.concatenate(parts_r2)
            keep = ~np.isnan(boot).any(axis=1) & ~np.isnan(boot_r2)
            if (~keep).any():
                warnings.warn(
                    f"{int((~keep).sum())} of {self.n_boot} bootstrap replicates were degenerate "
                    f"(a predictor constant or collinear in the resample) and were dropped.",
                    AnalysisWarning, stacklevel=2,
                )
            boot, boot_r2 = boot[keep], boot_r2[keep]
            a, b = percentile_tails(self.alpha)
            shares = boot / boot_r2[:, None]
            ranks = _rank(boot)
            table["importance_low"], table["importance_high"] = np.quantile(boot, [a, b], axis=0)
            table["share_low"], table["share_high"] = np.quantile(shares, [a, b], axis=0)
            table["rank_low"], table["rank_high"] = np.quantile(ranks, [a, b], axis=0,
                                                                  method="inverted_cdf").astype(int)
        table.attrs.update({
            "method": method, "outcome": outcome, "r2": r2, "n": int(len(prep.values)),
            "n_total": prep.n_total, "n_complete": prep.n_complete, "missing": self.missing,
            "n_boot": int(len(boot)), "alpha": self.alpha, "weight": weight,
        })
        self.importance_ = table
        self.r2_ = np.float64(r2)
        self.boot_ = boot
        self.boot_r2_ = boot_r2
        self.corr_ = pd.DataFrame(corr, index=predictors + [outcome], columns=predictors + [outcome])
        return self

    def summary(self) -> pd.DataFrame:
        """Importances as a table of estimates.

        Returns
        -------
        DataFrame
            Indexed by ``predictor``: ``estimate`` (importance, R² units),
            ``std_error`` (bootstrap standard deviation; NaN without bootstrap),
            ``ci_low``/``ci_high`` (percentile interval of the importance),
            ``p_value`` (NaN: importance is not tested against zero), then ``share``,
            ``share_low``, ``share_high``, ``rank``, ``rank_low``, ``rank_high`` and,
            for sampled Shapley values, ``importance_se``; ``attrs`` as ``importance_``.

        Examples
        --------
        >>> rng = np.random.default_rng(0)
        >>> x = rng.normal(size=(200, 2))
        >>> df = pd.DataFrame({"a": x[:, 0], "b": x[:, 1], "y": x @ [1.0, 0.2] + rng.normal(size=200)})
        >>> list(RelativeImportance(n_boot=100).fit(df, "y", ["a", "b"]).summary().columns)[:6]
        ['estimate', 'std_error', 'ci_low', 'ci_high', 'p_value', 'share']
        """
        check_is_fitted(self, "importance_")
        t = self.importance_.rename(columns={"importance": "estimate", "importance_low": "ci_low",
                                             "importance_high": "ci_high"})
        t["std_error"] = self.boot_.std(axis=0, ddof=1) if len(self.boot_) > 1 else np.nan
        order = ["share", "share_low", "share_high", "rank", "rank_low", "rank_high", "importance_se"]
        out = order_estimate_columns(t[[c for c in t.columns if c not in order] + [c for c in order if c in t]])
        out.attrs = dict(self.importance_.attrs)
        return out

    def differences(self) -> pd.DataFrame:
        """Every pair's difference in importance with its bootstrap interval.

        Returns
        -------
        DataFrame
            Indexed by ``predictor_a``, ``predictor_b`` (one row per pair, a listed
            before b in the fitted order): ``estimate`` (importance a - b, R² units),
            ``std_error`` (bootstrap standard deviation), ``ci_low``/``ci_high``
            (percentile interval), ``p_value`` (NaN), ``prob_a_greater`` (share of
            replicates in which a > b) and ``significant`` (the interval excludes 0).

        Examples
        --------
        >>> rng = np.random.default_rng(0)
        >>> x = rng.normal(size=(200, 2))
        >>> df = pd.DataFrame({"a": x[:, 0], "b": x[:, 1], "y": x @ [1.0, 0.2] + rng.normal(size=200)})
        >>> d = RelativeImportance(n_boot=200, seed=1).fit(df, "y", ["a", "b"]).differences()
        >>> bool(d.loc[("a", "b"), "significant"])
        True
        """
        check_is_fitted(self, "importance_")
        if len(self.boot_) == 0:
            raise ParameterError("differences() needs bootstrap replicates: fit with n_boot >= 50.")
        names = list(self.importance_.index)
        est = self.importance_["importance"].to_numpy()
        a, b = percentile_tails(self.alpha)
        rows = []
        for i in range(len(names)):
            for j in range(i + 1, len(names)):
                d = self.boot_[:, i] - self.boot_[:, j]
                low, high = np.quantile(d, [a, b])
                rows.append({"predictor_a": names[i], "predictor_b": names[j],
                             "estimate": est[i] - est[j], "std_error": d.std(ddof=1), "ci_low": low,
                             "ci_high": high, "prob_a_greater": float(np.mean(d > 0)),
                             "significant": bool(low > 0 or high < 0)})
        return order_estimate_columns(pd.DataFrame(rows).set_index(["predictor_a", "predictor_b"]))


def relative_importance(data: pd.DataFrame, outcome: str, predictors: Sequence[str],
                        method: str = "lmg", *, weight: str | None = None, n_boot: int = 0,
                        alpha: float = 0.05, seed: int | np.random.Generator = DEFAULT_SEED,
                        missing: str = "listwise", n_permutations: int = 2000,
                        scale: tuple[float, float] | None = None) -> pd.DataFrame:
    """Divide the R² of ``outcome`` on ``predictors`` among the predictors.

    Parameters
    ----------
    data : DataFrame
        One row per respondent.
    outcome : str
        Overall rating (satisfaction, recommendation).
    predictors : sequence of str
        Attribute or construct ratings.
    method : {"lmg", "relative_weights", "shapley_sampled"}
        Exact LMG/Shapley (default), Johnson's relative weights, or the Shapley
        value estimated from ``n_permutations`` random orderings.
    weight : str, optional
        Column of survey weights (weighted correlations).
    n_boot, alpha, seed
        Bootstrap replicates (0 = no intervals), one minus the interval level, randomness.
    missing : {"listwise", "pairwise"}
        Drop respondents with any missing answer, or compute each correlation on the
        respondents who answered both.
    scale : (low, high), optional
        Rating scale; a predictor value outside it is an error.

    Returns
    -------
    DataFrame
        Indexed by ``predictor``: ``importance`` (R² units, sums to the model R²),
        ``share`` (sums to 1), ``rank`` (1 = most important); with
        ``method="shapley_sampled"`` also ``importance_se`` (Monte Carlo error); with
        ``n_boot`` also ``importance_low/high``, ``share_low/high`` and
        ``rank_low/high`` (percentile intervals). ``attrs`` holds ``method``, ``r2``,
        ``n`` (respondents used), ``n_total``, ``missing``, ``n_boot``, ``alpha``.

    Examples
    --------
    >>> df = pd.DataFrame({"a": [1, 2, 3, 4, 5, 6], "b": [2, 1, 4, 3, 6, 5],
    ...                    "y": [1, 3, 2, 5, 4, 6]})
    >>> relative_importance(df, "y", ["a", "b"])["share"].round(3).tolist()
    [0.78, 0.22]
    """
    model = RelativeImportance(method, n_boot=n_boot, alpha=alpha, seed=seed, missing=missing,
                               n_permutations=n_permutations)
    return model.fit(data, outcome, predictors, weight=weight, scale=scale).importance_


def importance_differences(data: pd.DataFrame, outcome: str, predictors: Sequence[str],
                           method: str = "lmg", *, weight: str | None = None, n_boot: int = 1000,
                           alpha: float = 0.05, seed: int | np.random.Generator = DEFAULT_SEED,
                           missing: str = "listwise") -> pd.DataFrame:
    """Bootstrap intervals for the difference in importance of every pair of predictors.

    See :meth:`RelativeImportance.differences` for the columns.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> x = rng.normal(size=(200, 2))
    >>> df = pd.DataFrame({"a": x[:, 0], "b": x[:, 1], "y": x @ [1.0, 0.2] + rng.normal(size=200)})
    >>> importance_differences(df, "y", ["a", "b"], n_boot=200, seed=3)[["significant"]]
                             significant
    predictor_a predictor_b
    a           b                   True
    """
    return RelativeImportance(method, n_boot=n_boot, alpha=alpha, seed=seed, missing=missing).fit(
        data, outcome, predictors, weight=weight).differences()

