"""BG/NBD (Fader, Hardie and Lee 2005) and MBG/NBD (Batislam, Denizel and Filiztekin 2007).

While alive, a customer buys at the times of a Poisson process with rate
``lambda ~ Gamma(r, alpha)`` (shape ``r``, rate ``alpha``). After each repeat
purchase (BG/NBD), or also right after the first purchase (MBG/NBD), the customer
drops out for good with probability ``p ~ Beta(a, b)``. The data per customer are
the number of repeat purchases ``frequency`` (x), the time of the last one
``recency`` (t_x) and the age ``T``, all measured from the first purchase.

The log-likelihood is evaluated in log space (``gammaln``/``betaln`` and
``logaddexp``), so hundreds of purchases or ages of decades do not overflow. The
conditional expectation uses Euler's transformation of the Gauss hypergeometric
function, ``(1-z)^(r+x) 2F1(r+x, b+x; c; z) = (1-z)^(a-1) 2F1(c-r-x, a-1; c; z)``,
which keeps every term bounded for large ``x``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from scipy import special, stats

from analysis.checks import DEFAULT_SEED, Interval, check_params, rng_from
from analysis.clv._simulate import ages, poisson_purchases
from analysis.clv.base import BaseFitter
from analysis.clv.inputs import _codes, rows_text
from analysis.errors import DataValidationError, ParameterError

__all__ = ["BetaGeo", "ModifiedBetaGeo", "NonContractualModel"]

_ln = np.log
_gl = special.gammaln
_bl = special.betaln
_psi = special.digamma


def _as_time(t: Any, name: str = "t") -> np.ndarray:
    arr = np.asarray(t, dtype=float)
    bad = ~np.isfinite(arr) | (arr < 0)
    if np.any(bad):
        raise ParameterError(f"{name} must be finite and >= 0; got {arr[bad].flat[0]:g}.")
    return arr


def _bg_terms(r, alpha, a, b, x, tx, T, shift=0):
    """BG/NBD (shift 0) or MBG/NBD (shift 1) log-likelihood pieces per row:
    ``ll = A + logaddexp(t1, t2)``; every argument may be an array (per-customer
    parameters included). Under BG/NBD ``t2`` is ``-inf`` for ``x = 0``."""
    A = _gl(r + x) - _gl(r) + r * _ln(alpha) - _bl(a, b)
    t1 = _bl(a, b + x + shift) - (r + x) * _ln(alpha + T)
    if shift:
        t2 = _bl(a + 1, b + x) - (r + x) * _ln(alpha + tx)
    else:
        with np.errstate(all="ignore"):
            t2 = np.where(x > 0, _bl(a + 1, b + np.maximum(x, 1) - 1) - (r + x) * _ln(alpha + tx), -np.inf)
    return A, t1, t2


def _bg_loglik_grad(r, alpha, a, b, x, tx, T, shift=0):
    """Per-row log-likelihood and its derivatives ``(d/dr, d/dalpha, d/da, d/db)`` of
    BG/NBD (shift 0) or MBG/NBD (shift 1); vectorised like :func:`_bg_terms`."""
    A, t1, t2 = _bg_terms(r, alpha, a, b, x, tx, T, shift)
    m = np.logaddexp(t1, t2)
    w1, w2 = np.exp(t1 - m), np.exp(t2 - m)
    pab = _psi(a + b)
    pabx = _psi(a + b + x + shift)
    b_t2 = b + x if shift else b + np.maximum(x, 1) - 1
    g_r = _psi(r + x) - _psi(r) + _ln(alpha) - w1 * _ln(alpha + T) - w2 * _ln(alpha + tx)
    g_alpha = r / alpha - w1 * (r + x) / (alpha + T) - w2 * (r + x) / (alpha + tx)
    g_a = -(_psi(a) - pab) + w1 * (_psi(a) - pabx) + w2 * (_psi(a + 1) - pabx)
    g_b = -(_psi(b) - pab) + w1 * (_psi(b + x + shift) - pabx) + w2 * (_psi(b_t2) - pabx)
    return A + m, (g_r, g_alpha, g_a, g_b)


class NonContractualModel(BaseFitter):
    """Common input rules and predictive interface of BG/NBD, MBG/NBD and Pareto/NBD."""

    _columns = ("frequency", "recency", "T")
    _integer = ("frequency",)
    _nonnegative = ("frequency", "recency", "T")

    def _check_data(self, arrays: dict[str, np.ndarray], data: Any) -> None:
        cols = self._column_map()
        x, tx, T = arrays["frequency"], arrays["recency"], arrays["T"]
        rules = [
            (tx > T * (1 + 1e-12), f"{cols['recency']!r} greater than {cols['T']!r}"),
            ((x == 0) & (tx != 0), f"{cols['recency']!r} not 0 although {cols['frequency']!r} is 0"),
            # a repeat purchase comes after the first one: its recency (last - first purchase) is > 0
            ((x > 0) & (tx == 0), f"{cols['recency']!r} 0 although {cols['frequency']!r} > 0"),
        ]
        for mask, rule in rules:
            if mask.any():
                raise DataValidationError(
                    f"{int(mask.sum())} row(s) have {rule} ({rows_text(mask, data)}, numbered from 1); recency "
                    "and T must both be measured from the customer's first purchase, and a customer with "
                    "repeat purchases has recency > 0. Build the summary with analysis.summary.customer_summary."
                )

    def fit(self, data, *, weights=None):
        """Fit by maximum likelihood (see :meth:`BaseFitter.fit`).

        Raises
        ------
        DataValidationError
            If nobody made a repeat purchase: purchase rates and drop-out cannot
            then be told apart (the likelihood has no interior maximum); or if a
            row has ``T = 0`` (first purchase on the last day: its likelihood is 1
            whatever the parameters, so it carries no information; fit on
            :func:`analysis.clv.fitting_sample` and predict for every customer).
        """
        return super().fit(data, weights=weights)

    def _fit_input(self, data, weights):
        arrays, w = super()._fit_input(data, weights)
        newcomers = (arrays["T"] == 0) & (w > 0)
        if newcomers.any():
            raise DataValidationError(
                f"{type(self).__name__}: {int(newcomers.sum())} row(s) have {self._column_map()['T']!r} = 0 "
                f"({rows_text(newcomers, data)}, numbered from 1): their first purchase is on the last day of the "
                "period, so they say nothing yet about purchase rates or drop-out. Fit on "
                "analysis.clv.fitting_sample(summary) and value them with the fitted model (predictions accept T = 0)."
            )
        if float(w @ arrays["frequency"]) == 0:
            raise DataValidationError(
                f"{type(self).__name__}: no customer made a repeat purchase (frequency is 0 in every "
                "row), so purchase rates and drop-out cannot be estimated. Use a longer observation "
                "period or check how the summary was built."
            )
        return arrays, w

    def _index(self, data: Any) -> pd.Index | None:
        return data.index if isinstance(data, pd.DataFrame) else None

    # ------------------------------------------------------------ public API
    def predict_purchases(self, t: float, data: pd.DataFrame) -> pd.Series:
        """Conditional expected number of repeat purchases in the next ``t`` periods.

        Parameters
        ----------
        t : float
            Length of the forecast period, in the time unit of ``recency`` and ``T``.
        data : DataFrame
            Customer summary with the model's columns.

        Returns
        -------
        Series
            ``expected_purchases`` per row of ``data``.

        Examples
        --------
        >>> import pandas as pd
        >>> from analysis.clv import BetaGeo
        >>> m = BetaGeo.from_params({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
        >>> d = pd.DataFrame({"frequency": [2], "recency": [30.43], "T": [38.86]})
        >>> round(float(m.predict_purchases(39, d).iloc[0]), 4)
        1.226
        """
        p = self._p()
        arr = self._data(data)
        values = self._conditional_expected(p, _as_time(t), arr["frequency"], arr["recency"], arr["T"])
        return pd.Series(values, index=self._index(data), name="expected_purchases")

    def prob_alive(self, data: pd.DataFrame) -> pd.Series:
        """Probability that each customer is still active at the end of observation.

        Parameters
        ----------
        data : DataFrame
            Customer summary with the model's columns.

        Returns
        -------
        Series
            ``p_alive`` per row of ``data``.

        Examples
        --------
        >>> import pandas as pd
        >>> from analysis.clv import BetaGeo
        >>> m = BetaGeo.from_params({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
        >>> d = pd.DataFrame({"frequency": [0, 2], "recency": [0, 30.43], "T": [38.86, 38.86]})
        >>> m.prob_alive(d).round(3).tolist()
        [1.0, 0.727]
        """
        p = self._p()
        arr = self._data(data)
        values = self._prob_alive(p, arr["frequency"], arr["recency"], arr["T"])
        return pd.Series(values, index=self._index(data), name="p_alive")

    def expected_purchases(self, t: float | np.ndarray) -> np.ndarray:
        """Unconditional expected repeat purchases in (0, t] of a customer just acquired.

        Examples
        --------
        >>> from analysis.clv import BetaGeo
        >>> m = BetaGeo.from_params({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
        >>> m.expected_purchases([1, 39]).round(3).tolist()
        [0.053, 1.197]
        """
        return np.asarray(self._unconditional_expected(self._p(), _as_time(t)), dtype=float)

    def prob_purchases(self, x: int | np.ndarray, t: float | np.ndarray) -> np.ndarray:
        """P(X(t) = x): probability of exactly ``x`` repeat purchases in (0, t].

        Examples
        --------
        >>> from analysis.clv import BetaGeo
        >>> m = BetaGeo.from_params({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
        >>> round(float(m.prob_purchases(0, 39)), 3)
        0.574
        """
        xs = np.asarray(x, dtype=float)
        if np.any(xs < 0) or np.any(xs != np.round(xs)):
            raise ParameterError(f"x must be whole numbers >= 0; got {x!r}.")
        return np.asarray(self._pmf(self._p(), xs, _as_time(t)), dtype=float)

    def simulate(
        self,
        n_customers: int,
        T: float | np.ndarray,
        *,
        holdout: float = 0.0,
        seed: int | np.random.Generator = DEFAULT_SEED,
    ) -> pd.DataFrame:
        """Customers simulated from the fitted (or given) parameters.

        Parameters
        ----------
        n_customers : int
            Number of customers.
        T : float or array
            Age of each customer at the end of calibration.
        holdout : float
            Length of a holdout period after ``T`` to simulate as well.
        seed : int or Generator
            Randomness.

        Returns
        -------
        DataFrame
            ``frequency``, ``recency``, ``T``, ``frequency_holdout`` (purchases in
            (T, T + holdout]) and ``alive`` (still active at ``T``).

        Examples
        --------
        >>> from analysis.clv import BetaGeo
        >>> m = BetaGeo.from_params({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
        >>> m.simulate(3, 39.0, seed=1).columns.tolist()
        ['frequency', 'recency', 'T', 'frequency_holdout', 'alive']
        """
        check_params({"n_customers": [Interval(int, 1, None, closed="left")]}, {"n_customers": n_customers},
                     f"{type(self).__name__}.simulate")
        rng = rng_from(seed)
        return self._simulate(self._p(), rng, ages(T, int(n_customers)), float(_as_time(holdout, "holdout")))


class BetaGeo(NonContractualModel):
    """BG/NBD model (Fader, Hardie and Lee 2005), fitted by maximum likelihood.

    Parameters
    ----------
    columns : mapping, optional
        Column names when they differ from ``frequency``, ``recency``, ``T``,
        e.g. ``{"frequency": "x", "recency": "t_x"}``.
    initial_params : mapping, optional
        Starting values. Default ``r = 1``, ``alpha`` = total age / total repeat
        purchases (so the starting mean rate matches the data), ``a = b = 1``.
    max_iter, tol : optimiser settings.

    Attributes
    ----------
    params_ : Series
        ``r, alpha, a, b``.
    loglik_ : float
        Maximised log-likelihood.
    converged_ : bool
        Whether the optimiser met its tolerance (gradient below 1e-4 on log scale).

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.clv import BetaGeo
    >>> sim = BetaGeo.from_params({"r": 0.5, "alpha": 5, "a": 0.8, "b": 2.5}).simulate(2000, 39, seed=2)
    >>> m = BetaGeo().fit(sim)
    >>> m.converged_, list(m.params_.index)
    (True, ['r', 'alpha', 'a', 'b'])
    """

    _param_names = ("r", "alpha", "a", "b")

    def _start(self, data: dict[str, np.ndarray], w: np.ndarray) -> np.ndarray:
        # Rate start: mean repeat purchases per unit of time; r = 1.
        rate = max(float(w @ data["frequency"]) / float(w @ data["T"]), 1e-6)
        return np.array([1.0, 1.0 / rate, 1.0, 1.0])

    def _loglik(self, p, d):
        A, t1, t2 = _bg_terms(*p, d["frequency"], d["recency"], d["T"], self._shift)
        return A + np.logaddexp(t1, t2)

    def _loglik_and_grad(self, p, d):
        """Per-row log-likelihood and its (n, 4) derivatives in r, alpha, a, b (parameters
        may be per-row arrays: the covariate models use this too)."""
        ll, grads = _bg_loglik_grad(*p, d["frequency"], d["recency"], d["T"], self._shift)
        return ll, np.column_stack(np.broadcast_arrays(*grads))

    def _loglik_grad(self, p, d):
        return self._loglik_and_grad(p, d)[1]

    # Fitting works on distinct values: for BG/NBD (shift 0) and MBG/NBD (shift 1)
    #   ll = A(x) + t1 + softplus(d),  A(x) + t1 = gl(r+x) - gl(r) + r ln(alpha) - bl(a,b)
    #        + bl(a, b+x+shift) - (r+x) ln(alpha+T),
    #   d = t2 - t1 = ln a - ln(b+x+shift-1) + (r+x) (ln(alpha+T) - ln(alpha+t_x)),
    # (B(a+1, c-1) / B(a, c) = a / (c-1)); the softplus term is absent for x = 0 under
    # BG/NBD. Gamma-function terms are evaluated once per distinct x, logarithms once
    # per distinct T and t_x, and the rest with weighted sums.
    _shift = 0

    def _fast_loglik(self, data, w):
        shift = self._shift
        x, tx, T = data["frequency"], data["recency"], data["T"]
        ix, ux = _codes(x)
        iT, uT = _codes(T)
        Wx = np.bincount(ix, weights=w, minlength=len(ux))
        WT = np.bincount(iT, weights=w, minlength=len(uT))
        WxT = np.bincount(iT, weights=w * x, minlength=len(uT))
        rows = x > 0 if shift == 0 else np.ones(len(x), bool)
        xr, wr, iTr = x[rows], w[rows], iT[rows]
        itx, utx = _codes(tx[rows])
        ixr = ix[rows]
        n_rows = len(xr)
        buffers = tuple(np.empty(n_rows) for _ in range(6))

        def fast(p):
            r, alpha, a, b = p
            delta, tmp, rx, d, sp, ws = buffers  # reused between calls (not re-entrant)
            # x-level and T-level parts
            g_x = _gl(r + ux) + _bl(a, b + ux + shift)
            ll = float(Wx @ g_x) + float(Wx.sum()) * (r * _ln(alpha) - _gl(r) - _bl(a, b))
            LT = _ln(alpha + uT)
            ll -= float((r * WT + WxT) @ LT)
            pab = _psi(a + b)
            pabx = _psi(a + b + ux + shift)
            W = float(Wx.sum())
            g_r = float(Wx @ _psi(r + ux)) + W * (_ln(alpha) - _psi(r)) - float(WT @ LT)
            g_alpha = W * r / alpha - float((r * WT + WxT) @ (1.0 / (alpha + uT)))
            g_a = float(Wx @ (pab - pabx))
            g_b = float(Wx @ (pab - _psi(b) + _psi(b + ux + shift) - pabx))
            if n_rows:
                # Per-row work in preallocated buffers: fresh large temporaries cost more
                # (page faults) than the arithmetic itself.
                np.take(LT, iTr, out=delta)
                np.take(_ln(alpha + utx), itx, out=tmp)
                delta -= tmp
                np.add(xr, r, out=rx)
                inv_c = 1.0 / (b + np.maximum(ux + shift, 1) - 1)  # x = 0 rows (BG) never use it
                np.take(_ln(a) + _ln(inv_c), ixr, out=d)
                np.multiply(rx, delta, out=tmp)
                d += tmp
                # softplus(d) = max(d, 0) + log(1 + exp(-|d|)); sigmoid(d) = exp(d - softplus(d))
                np.abs(d, out=sp)
                np.negative(sp, out=sp)
                np.exp(sp, out=sp)
                sp += 1.0
                np.log(sp, out=sp)
                np.maximum(d, 0.0, out=tmp)
                sp += tmp
                ll += float(wr @ sp)
                np.subtract(d, sp, out=tmp)
                np.exp(tmp, out=tmp)
                np.multiply(wr, tmp, out=ws)
                g_r += float(ws @ delta)
                np.take(1.0 / (alpha + uT), iTr, out=tmp)
                np.take(1.0 / (alpha + utx), itx, out=sp)
                tmp -= sp
                tmp *= rx
                g_alpha += float(ws @ tmp)
                g_a += float(ws.sum()) / a
                np.take(inv_c, ixr, out=tmp)
                g_b -= float(ws @ tmp)
            return ll, np.array([g_r, g_alpha, g_a, g_b])

        return fast

    # ------------------------------------------------------------ predictions
    @staticmethod
    def _alive_expected(r, alpha, a, b, t):
        """Expected purchases in the next t of a customer alive now with posterior
        lambda ~ Gamma(r, alpha), p ~ Beta(a, b) (BG drop-out after each purchase).

        The closed form divides by ``a - 1``; for ``|a - 1| < 1e-2`` it is replaced by
        :func:`_alive_expected_near_one` (exact at ``a = 1``)."""
        a = np.asarray(a, dtype=float)
        near = np.abs(a - 1) < _NEAR_ONE
        if not near.any():
            return _alive_expected_closed(r, alpha, a, b, t)
        far = _alive_expected_closed(r, alpha, np.where(near, 2.0, a), b, t)
        return np.where(near, _alive_expected_near_one(r, alpha, a, b, t), far)

    def _prob_alive(self, p, x, tx, T):
        r, alpha, a, b = p
        with np.errstate(all="ignore"):
            log_ratio = _ln(a) - _ln(b + np.maximum(x, 1) - 1) + (r + x) * (_ln(alpha + T) - _ln(alpha + tx))
        return np.where(x > 0, special.expit(-log_ratio), 1.0)

    def _conditional_expected(self, p, t, x, tx, T):
        r, alpha, a, b = p
        return self._alive_expected(r + x, alpha + T, a, b + x, t) * self._prob_alive(p, x, tx, T)

    def _unconditional_expected(self, p, t):
        r, alpha, a, b = p
        return self._alive_expected(r, alpha, a, b, t)

    @staticmethod
    def _bg_pmf(r, alpha, a, b, x, t):
        with np.errstate(all="ignore"):
            q = alpha / (alpha + t)
            log_nb = _gl(r + x) - _gl(r) - _gl(x + 1) + r * _ln(q) + special.xlogy(x, t / (alpha + t))
            first = np.exp(_bl(a, b + x) - _bl(a, b) + log_nb)
            second = np.exp(_bl(a + 1, b + np.maximum(x, 1) - 1) - _bl(a, b)) * stats.nbinom.sf(x - 1, r, q)
        return first + np.where(x > 0, second, 0.0)

    def _pmf(self, p, x, t):
        return self._bg_pmf(*p, x, t)

    def _simulate(self, p, rng, T, holdout):
        r, alpha, a, b = p
        n = len(T)
        lam = rng.gamma(r, 1 / alpha, n)
        drop = rng.beta(a, b, n)
        purchases_in_life = rng.geometric(np.clip(drop, 1e-15, 1))  # drop-out after this purchase
        return poisson_purchases(rng, lam, T, holdout, max_purchases=purchases_in_life)


class ModifiedBetaGeo(BetaGeo):
    """MBG/NBD model (Batislam, Denizel and Filiztekin 2007): BG/NBD with a drop-out
    opportunity also right after the first purchase, so one-time buyers can be dead.

    Same parameters (``r, alpha, a, b``), columns and methods as :class:`BetaGeo`.

    Examples
    --------
    >>> from analysis.clv import ModifiedBetaGeo
    >>> m = ModifiedBetaGeo.from_params({"r": 0.5, "alpha": 5, "a": 0.8, "b": 2.5})
    >>> import pandas as pd
    >>> float(m.prob_alive(pd.DataFrame({"frequency": [0], "recency": [0], "T": [10]})).iloc[0]) < 1
    True
    """

    _shift = 1

    def _prob_alive(self, p, x, tx, T):
        r, alpha, a, b = p
        log_ratio = _ln(a) - _ln(b + x) + (r + x) * (_ln(alpha + T) - _ln(alpha + tx))
        return special.expit(-log_ratio)

    def _conditional_expected(self, p, t, x, tx, T):
        r, alpha, a, b = p
        # Alive now: lambda ~ Gamma(r+x, alpha+T), p ~ Beta(a, b+x+1); then BG drop-outs.
        return self._alive_expected(r + x, alpha + T, a, b + x + 1, t) * self._prob_alive(p, x, tx, T)

    def _unconditional_expected(self, p, t):
        r, alpha, a, b = p
        # Survives the drop-out at time 0 with probability b/(a+b); then BG/NBD with Beta(a, b+1).
        return b / (a + b) * self._alive_expected(r, alpha, a, b + 1, t)

    def _pmf(self, p, x, t):
        r, alpha, a, b = p
        return a / (a + b) * (x == 0) + b / (a + b) * self._bg_pmf(r, alpha, a, b + 1, x, t)

    def _simulate(self, p, rng, T, holdout):
        r, alpha, a, b = p
        n = len(T)
        lam = rng.gamma(r, 1 / alpha, n)
        drop = rng.beta(a, b, n)
        purchases_in_life = rng.geometric(np.clip(drop, 1e-15, 1)) - 1
        return poisson_purchases(rng, lam, T, holdout, max_purchases=purchases_in_life)


# ----------------------------------------------------------------- E[X(t)] near a = 1
# The BG/NBD expectation of a customer alive now,
#   E = c/(a-1) (1 - (1-z)^(a-1) 2F1(c-r, a-1; c; z)),  c = a+b-1,  z = t/(alpha+t),
# is 0/0 at a = 1 and loses about 3e-15/|a-1| relative accuracy near it (cancellation
# in 1 - ...). Near a = 1 two other evaluations are used:
# * z <= 1/2: the positive series E = sum_{k>=1} P(N = k) S_k, where N ~ NBD(r, z) is
#   the number of purchase opportunities in (0, t] and S_k = sum_{n<k} (b)_n/(a+b)_n
#   the expected number of them the customer is alive for (k-th purchase happens if
#   N >= k and the customer survived k-1 drop-out chances). No cancellation; the
#   NBD tail is geometric with ratio <= 1/2, truncated at a relative 1e-16.
# * z > 1/2: the closed form is evaluated at a = 1 + k h, k = +-1, +-2, +-3, h = 1e-2,
#   where its cancellation error is ~3e-13, and interpolated (degree 5) in a; E is
#   analytic in a, and against brute-force integration the error is below 1e-10.
_NEAR_ONE = 1e-2
_NODES = (-3.0, -2.0, -1.0, 1.0, 2.0, 3.0)


def _alive_expected_closed(r, alpha, a, b, t):
    c = a + b - 1
    z = t / (alpha + t)
    bounded = np.exp((a - 1) * np.log1p(-z)) * special.hyp2f1(c - r, a - 1, c, z)
    return c / (a - 1) * (1 - bounded)


def _alive_expected_series(r, alpha, a, b, t, max_terms: int = 100_000):
    r, alpha, a, b, t = (np.asarray(v, dtype=float).ravel() for v in np.broadcast_arrays(r, alpha, a, b, t))
    z = t / (alpha + t)
    log_z = _ln(np.where(z > 0, z, 1.0))
    log_pmf = r * np.log1p(-z)  # log P(N = 0)
    s_n = np.ones_like(r)  # (b)_n / (a+b)_n for n = k - 1
    S = np.zeros_like(r)
    total = np.zeros_like(r)
    active = z > 0
    for k in range(1, max_terms + 1):
        S = S + s_n
        log_pmf = log_pmf + _ln((r + k - 1) / k) + log_z
        term = np.exp(log_pmf) * S
        total = total + np.where(active, term, 0.0)
        s_n = s_n * (b + k - 1) / (a + b + k - 1)
        # term_{j+1}/term_j = z (r+j)/(j+1) * S_{j+1}/S_j <= z (r+j)/j (s_n decreases),
        # which decreases in j; so once rho = z (r+k)/k < 1 the rest of the sum is
        # below term * rho / (1 - rho).
        rho = z * (r + k) / k
        with np.errstate(divide="ignore", invalid="ignore"):
            done = (rho < 0.9) & (term * rho / (1 - rho) <= 1e-17 * total)
        active &= ~done
        if not active.any():
            break
    return total


def _alive_expected_near_one(r, alpha, a, b, t):
    shape = np.broadcast_shapes(np.shape(r), np.shape(alpha), np.shape(a), np.shape(b), np.shape(t))
    r, alpha, a, b, t = (np.broadcast_to(np.asarray(v, dtype=float), shape) for v in (r, alpha, a, b, t))
    small_z = t <= alpha  # z = t / (alpha + t) <= 1/2
    out = np.empty(shape)
    if small_z.any():
        out[small_z] = _alive_expected_series(r[small_z], alpha[small_z], a[small_z], b[small_z], t[small_z])
    big = ~small_z
    if big.any():
        rb, alb, ab, bb, tb = r[big], alpha[big], a[big], b[big], t[big]
        s = (ab - 1) / _NEAR_ONE
        acc = np.zeros(len(rb))
        for k in _NODES:
            weight = np.prod([(s - j) / (k - j) for j in _NODES if j != k], axis=0)
            acc += weight * _alive_expected_closed(rb, alb, 1 + k * _NEAR_ONE, bb, tb)
        out[big] = acc
    return out[()] if out.ndim == 0 else out
