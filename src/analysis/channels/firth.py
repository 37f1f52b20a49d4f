"""Separation in logistic regression: detect it, and fit Firth's penalized likelihood that survives it.

A logistic model is *separated* when a combination of the predictors splits the
0s from the 1s: completely (every row on its side) or quasi-completely (some rows
on the boundary), as when one channel has no conversions at all. Maximum
likelihood then has no finite estimate: the fit drifts towards infinity and
reports absurd standard errors and p-values such as 2e-17.

:func:`detect_separation` finds it exactly with a linear program (Konis 2007, the
method of R's ``detectseparation`` and ``safeBinaryRegression``): there is
separation iff some direction ``b`` has ``(2y - 1) x_i'b >= 0`` for every row and
``> 0`` for one.

:func:`firth_logit` maximizes Firth's (1993) penalized log-likelihood
``l(b) + 0.5 log det I(b)`` (Heinze and Schemper 2002), which has a finite
maximum under separation. Estimates and profile penalized-likelihood intervals
match R's ``logistf`` (tests/channels/test_firth.py); the covariance is
``I(b)^-1`` at the estimate, as in ``logistf``'s ``vcov``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import optimize, stats
from scipy.special import expit

__all__ = ["FirthLogit", "detect_separation", "firth_logit", "SEPARATION_KINDS"]

#: values of the ``separation`` columns of the channel tables
SEPARATION_KINDS = ("none", "quasi-complete", "complete")


def detect_separation(x, y, *, tol: float = 1e-7) -> str:
    """Whether a logistic design separates the outcome: "none", "quasi-complete" or "complete".

    Parameters
    ----------
    x : array (n, p)
        Design matrix (with its intercept column).
    y : array (n,)
        0/1 outcome.
    tol : float
        A linear-programme optimum at or below ``tol`` (relative to the size of the
        design) counts as zero.

    Examples
    --------
    >>> import numpy as np
    >>> x = np.column_stack([np.ones(6), [0, 0, 0, 1, 1, 1]])
    >>> detect_separation(x, np.array([0, 1, 0, 0, 0, 0]))    # group 1 never converts
    'quasi-complete'
    >>> detect_separation(x, np.array([0, 1, 0, 1, 0, 1]))
    'none'
    """
    x = np.asarray(x, dtype=float)
    s = 2.0 * np.asarray(y, dtype=float) - 1.0
    a = s[:, None] * x                          # rows: a_i'b >= 0 on the right side
    scale = tol * max(1.0, float(np.abs(x).sum()) / max(len(x), 1))
    none, quasi, complete = SEPARATION_KINDS
    n, p = a.shape
    # maximize sum_i a_i'b subject to a_i'b >= 0 and -1 <= b <= 1
    res = optimize.linprog(-a.sum(0), A_ub=-a, b_ub=np.zeros(n), bounds=[(-1, 1)] * p, method="highs")
    if not res.success or -res.fun <= scale:
        return none
    # complete separation: every row strictly on its side (maximize the smallest margin t)
    c = np.r_[np.zeros(p), -1.0]
    full = optimize.linprog(c, A_ub=np.column_stack([-a, np.ones(n)]), b_ub=np.zeros(n),
                            bounds=[(-1, 1)] * p + [(None, 1)], method="highs")
    return complete if full.success and -full.fun > scale else quasi


def _pieces(x, y, b):
    p = expit(x @ b)
    w = p * (1 - p)
    info = x.T @ (w[:, None] * x)
    sign, logdet = np.linalg.slogdet(info)
    q, _ = np.linalg.qr(x * np.sqrt(w)[:, None])
    h = (q**2).sum(1)                           # leverages of the weighted design
    with np.errstate(divide="ignore"):
        loglik = float(np.sum(np.where(y > 0, np.log(p), np.log1p(-p))))
    penalized = loglik + 0.5 * logdet if sign > 0 else -np.inf
    score = x.T @ (y - p + h * (0.5 - p))       # gradient of the penalized log-likelihood
    return penalized, score, info


def _maximize(x, y, b, free, *, max_iter=100, max_step=5.0, tol=1e-8):
    """Newton-Raphson with step halving on the coordinates ``free`` (the others held fixed)."""
    pen, score, info = _pieces(x, y, b)
    for it in range(1, max_iter + 1):
        step = np.zeros_like(b)
        step[free] = np.linalg.solve(info[np.ix_(free, free)], score[free])
        big = np.abs(step).max()
        if big > max_step:
            step *= max_step / big
        for _ in range(30):
            new = _pieces(x, y, b + step)
            if new[0] >= pen - 1e-12:
                break
            step /= 2
        b = b + step
        pen, score, info = new
        if np.abs(step).max() < tol and np.abs(score[free]).max() < 1e-6:
            return b, pen, info, it, True
    return b, pen, info, max_iter, False


@dataclass(repr=False)
class FirthLogit:
    """Result of :func:`firth_logit`: ``params``, ``cov`` (``I^-1``), ``penalized_loglik``,
    ``converged``, ``n_iter``, ``separation`` and the data, for profile intervals and tests."""

    params: np.ndarray
    cov: np.ndarray
    penalized_loglik: float
    converged: bool
    n_iter: int
    separation: str
    x: np.ndarray
    y: np.ndarray

    def cov_params(self) -> np.ndarray:
        """Covariance of the estimates (the inverse Fisher information at the estimate)."""
        return self.cov

    def _profile(self, j: int, value: float) -> float:
        b = self.params.copy()
        b[j] = value
        free = np.array([k for k in range(len(b)) if k != j], dtype=int)
        if free.size == 0:
            return _pieces(self.x, self.y, b)[0]
        return _maximize(self.x, self.y, b, free)[1]

    def profile_test(self, j: int, value: float = 0.0) -> float:
        """p-value of the penalized likelihood-ratio test of ``params[j] = value`` (logistf's default)."""
        stat = 2 * (self.penalized_loglik - self._profile(j, value))
        return float(stats.chi2.sf(max(stat, 0.0), 1))

    def profile_interval(self, j: int, alpha: float = 0.05) -> tuple[float, float]:
        """Profile penalized-likelihood interval of ``params[j]`` (logistf's default interval)."""
        crit = stats.chi2.isf(alpha, 1) / 2
        est = self.params[j]
        se = np.sqrt(self.cov[j, j])

        def gap(v):
            return self.penalized_loglik - self._profile(j, v) - crit

        ends = []
        for sign in (-1, 1):
            width = 2 * se
            while gap(est + sign * width) < 0 and width < 1e3 * (1 + se):
                width *= 2
            ends.append(optimize.brentq(gap, est, est + sign * width, xtol=1e-10)
                        if gap(est + sign * width) >= 0 else sign * np.inf)
        return float(ends[0]), float(ends[1])


def firth_logit(x, y, *, max_iter: int = 100) -> FirthLogit:
    """Firth's bias-reduced (penalized-likelihood) logistic regression.

    Parameters
    ----------
    x : array (n, p)
        Design matrix, intercept column included.
    y : array (n,)
        0/1 outcome.
    max_iter : int
        Newton-Raphson iterations (each with step halving; steps capped at 5 as in logistf).

    Returns
    -------
    FirthLogit

    Examples
    --------
    In a saturated two-group model Firth's estimate adds 1/2 to every cell: with 0
    of 10 and 2 of 10 converting, the fitted rates are 0.5/11 and 2.5/11.

    >>> import numpy as np
    >>> x = np.column_stack([np.ones(20), np.r_[np.zeros(10), np.ones(10)]])
    >>> y = np.r_[np.zeros(10), 1, 1, np.zeros(8)]
    >>> fit = firth_logit(x, y)
    >>> [round(float(v), 4) for v in 1 / (1 + np.exp(-(x[[0, 10]] @ fit.params)))]
    [0.0455, 0.2273]
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    b0 = np.zeros(x.shape[1])
    b, pen, info, it, ok = _maximize(x, y, b0, np.arange(x.shape[1]), max_iter=max_iter)
    return FirthLogit(b, np.linalg.inv(info), pen, ok, it, detect_separation(x, y), x, y)
