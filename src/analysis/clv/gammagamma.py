"""Gamma-Gamma model of spend per transaction (Fader, Hardie and Lee 2005; Fader and Hardie 2013).

A customer's transaction values are Gamma(p, nu) around a customer mean p/nu, and
``nu ~ Gamma(q, v)`` across customers. For a customer with ``x`` repeat purchases of
mean value ``zbar`` the density of ``zbar`` is

    Gamma(px+q) / (Gamma(px) Gamma(q)) * v^q x^(px) zbar^(px-1) / (v + x zbar)^(px+q),

and the expected mean spend is a weighted average of the population mean
``p v / (q - 1)`` and the customer's own mean ``zbar``:
``(q - 1)/(px + q - 1) * p v/(q - 1) + px/(px + q - 1) * zbar``.

The model assumes spend per transaction is independent of purchase frequency;
:meth:`GammaGamma.fit` reports the correlation between the two among repeat
customers and warns when it is material.

The fit maximises the likelihood by Newton's method on the log parameters with the
analytic Hessian (trigamma terms once per distinct frequency): about seven steps,
where the shared L-BFGS-B path took 15-20 iterations and then stalled for as many
evaluations in line searches on rounding noise. Where Newton fails (estimates
running to the edge of the parameter space) the shared L-BFGS-B path runs instead.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
from scipy import optimize, special

from analysis.checks import DEFAULT_SEED, Interval, check_params, rng_from
from analysis.clv.base import BaseFitter
from analysis.clv.inputs import _codes
from analysis.errors import AnalysisWarning, DataValidationError, ParameterError

__all__ = ["GammaGamma"]

_ln = np.log
_gl = special.gammaln
_psi = special.digamma
_zeta = special.zeta  # zeta(2, z) is the trigamma function, as a ufunc
_MAX_STEP = 1.0  # largest Newton step in any log parameter (a factor e)


def _pearson(x: np.ndarray, y: np.ndarray) -> float:
    """Pearson correlation of two non-constant arrays (centred sums, no BLAS threads)."""
    dx, dy = x - x.mean(), y - y.mean()
    r = float(np.sum(dx * dy) / np.sqrt(np.sum(dx * dx) * np.sum(dy * dy)))
    return min(max(r, -1.0), 1.0)


def _t_pvalue(r: float, n: float) -> float:
    """Two-sided p-value of H0: rho = 0 from a correlation *r* of *n* pairs (t test with n - 2 df,
    as scipy.stats.pearsonr and, for ranks, scipy.stats.spearmanr compute it)."""
    df = n - 2
    t2 = r * r * df / max(1.0 - r * r, 1e-300)
    return float(special.betainc(df / 2, 0.5, df / (df + t2)))


_INDEPENDENCE = pd.Index(["pearson_r", "pearson_p", "spearman_rho", "spearman_p", "n"])


def _independence(x: np.ndarray, m: np.ndarray) -> pd.Series:
    """Pearson and Spearman correlation of frequency and spend, each with its two-sided p-value."""
    n = float(len(x))
    if n < 3 or np.ptp(x) == 0 or np.ptp(m) == 0:
        values = [np.nan, np.nan, np.nan, np.nan, n]
    else:
        r = _pearson(x, m)
        # Ranks of spend rounded to a millionth: mean spends equal as money but apart by float noise (one
        # engine adds exact decimals, another floats) are ties, so every engine ranks them alike.
        rho = _pearson(_average_ranks(x), _average_ranks(np.round(m, 6)))
        values = [r, _t_pvalue(r, n), rho, _t_pvalue(rho, n), n]
    # from an array and a prepared index: a Series from a dict costs several times more
    return pd.Series(np.array(values, dtype=float), index=_INDEPENDENCE)


def _average_ranks(v: np.ndarray) -> np.ndarray:
    """Ranks 1..n with ties averaged (scipy.stats.rankdata's default), by one unstable
    sort: ties get their mean rank, so the order within them does not matter. Small
    whole numbers (purchase counts) are ranked by counting instead."""
    n = len(v)
    if n and v.min() >= 0 and v.max() < 2**20 and np.array_equal(v, np.floor(v)):
        counts = np.bincount(v.astype(np.int64))
        below = np.cumsum(counts) - counts
        return (below + (counts + 1) / 2.0)[v.astype(np.int64)]
    order = np.argsort(v, kind="quicksort")
    sv = v[order]
    new = np.empty(n, dtype=bool)
    new[0] = True
    np.not_equal(sv[1:], sv[:-1], out=new[1:])
    starts = np.flatnonzero(new)
    counts = np.diff(np.append(starts, n))
    ranks = np.empty(n)
    ranks[order] = np.repeat(starts + (counts + 1) / 2.0, counts)
    return ranks


def _newton(fast, hessian, theta0: np.ndarray, total: float, max_iter: int, tol: float):
    """Maximise ``fast(params) -> (loglik, gradient)`` over ``theta = log(params)`` by Newton's
    method with the analytic Hessian, backtracking on the log-likelihood (Levenberg
    damping where the Hessian is not negative definite).

    Stops after a step below ``sqrt(tol)`` in every log parameter: the error after it is
    of order ``tol`` (quadratic convergence). Returns a scipy ``OptimizeResult`` (``fun``
    the mean negative log-likelihood, ``grad_norm`` its largest gradient on the log
    scale) or None when it fails (no finite start, a line search or the iteration limit
    exhausted, a parameter outside [1e-6, 1e6]), so the caller falls back to L-BFGS-B.
    """
    theta = theta0.copy()
    params = np.exp(theta)
    ll, g = fast(params)
    if not np.isfinite(ll) or not np.all(np.isfinite(g)):
        return None
    nfev, eye, small = 1, np.eye(len(theta)), np.sqrt(tol)
    for it in range(1, min(max_iter, 100) + 1):
        g_t = g * params  # gradient in log parameters
        A = -(hessian(params) * np.outer(params, params) + np.diag(g_t))  # Hessian of -loglik in theta
        if not np.all(np.isfinite(A)):
            return None
        damping = 0.0
        while True:
            try:
                np.linalg.cholesky(A + damping * eye)  # positive definite: a step uphill in loglik
                step = np.linalg.solve(A + damping * eye, g_t)
                break
            except np.linalg.LinAlgError:
                damping = max(4 * damping, 1e-8 * float(np.max(np.abs(np.diag(A)))) + 1e-12)
                if damping > 1e12:
                    return None
        longest = float(np.max(np.abs(step)))
        if longest > _MAX_STEP:  # far from the optimum the quadratic model is poor: at most _MAX_STEP
            step *= _MAX_STEP / longest
        decrement = float(g_t @ step)  # predicted gain: decrement / 2 (of the full step)
        final = float(np.max(np.abs(step))) < small
        t = 1.0
        while True:
            new = theta + t * step
            p_new = np.exp(new)
            ll_new, g_new = fast(p_new)
            nfev += 1
            ok = np.isfinite(ll_new) and np.all(np.isfinite(g_new))
            # Armijo, with the last (tiny) step accepted unless it clearly loses: its gain is rounding noise
            if ok and (ll_new >= ll + 1e-4 * t * decrement or (final and ll_new >= ll - 1e-12 * abs(ll))):
                break
            t *= 0.5
            if t < 1e-10:
                return None
        theta, params, ll, g = new, p_new, ll_new, g_new
        if not np.all((params > 1e-8) & (params < 1e8)):  # running to the edge: leave it to L-BFGS-B
            return None
        if final:
            if not np.all((params > 1e-6) & (params < 1e6)):
                return None
            return optimize.OptimizeResult(
                x=theta, fun=-ll / total, nit=it, nfev=nfev, success=True,
                message=f"Newton: last step below {small:.0e} in every log parameter",
                grad_norm=float(np.max(np.abs(g * params))) / total,
            )
    return None


class GammaGamma(BaseFitter):
    """Gamma-Gamma spend model, fitted by maximum likelihood on repeat customers.

    Parameters
    ----------
    columns : mapping, optional
        Column names when they differ from ``frequency`` and ``monetary_value``.
    independence_threshold : float
        Absolute Pearson correlation between frequency and mean spend (among repeat
        customers) above which :meth:`fit` warns that the independence assumption is
        doubtful. Default 0.3.
    initial_params : mapping, optional
        Starting values; default ``p = 1``, ``q = 2``, ``v`` = mean spend (so the
        starting population mean ``p v / (q - 1)`` equals the observed mean).
    max_iter, tol : optimiser settings.

    Attributes
    ----------
    params_ : Series
        ``p, q, v``.
    loglik_ : float
        Maximised log-likelihood (density of the mean spends).
    independence_ : Series
        ``pearson_r``, ``pearson_p``, ``spearman_rho``, ``spearman_p``, ``n`` among repeat customers.

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.clv import GammaGamma
    >>> gg = GammaGamma.from_params({"p": 6.25, "q": 3.74, "v": 15.44})
    >>> round(gg.mean_spend(), 2)
    35.22
    >>> d = pd.DataFrame({"frequency": [0, 2], "monetary_value": [0.0, 22.35]})
    >>> gg.conditional_expected_spend(d).round(2).tolist()
    [35.22, 24.66]
    """

    _param_names = ("p", "q", "v")
    _columns = ("frequency", "monetary_value")
    _integer = ("frequency",)
    _nonnegative = ("frequency", "monetary_value")

    def __init__(
        self,
        *,
        columns=None,
        independence_threshold: float = 0.3,
        initial_params=None,
        max_iter: int = 2000,
        tol: float = 1e-10,
    ) -> None:
        super().__init__(columns=columns, initial_params=initial_params, max_iter=max_iter, tol=tol)
        check_params({"independence_threshold": [Interval(float, 0, 1)]},
                     {"independence_threshold": independence_threshold}, type(self).__name__)
        self.independence_threshold = independence_threshold

    def _check_positive_spend(self, arrays: dict[str, np.ndarray]) -> None:
        cols = self._column_map()
        bad = (arrays["frequency"] > 0) & (arrays["monetary_value"] <= 0)
        if bad.any():
            raise DataValidationError(
                f"{int(bad.sum())} repeat customer(s) have {cols['monetary_value']!r} <= 0 "
                f"(first positions {np.flatnonzero(bad)[:5].tolist()}); the Gamma-Gamma model "
                "needs positive spend. Fit on analysis.clv.fitting_sample(summary, \"spend\") (it leaves them "
                "out; they are valued with the population mean spend) or drop zero-value transactions."
            )

    def fit(self, data: pd.DataFrame, *, weights=None) -> GammaGamma:
        """Fit on the customers with ``frequency > 0`` (others carry no spend information).

        Parameters
        ----------
        data : DataFrame
            Summary with ``frequency`` and ``monetary_value`` (mean repeat spend).
        weights : str or array-like, optional
            Row counts for grouped data.

        Returns
        -------
        self

        Raises
        ------
        DataValidationError
            If a repeat customer's spend is 0 (see :func:`analysis.clv.fitting_sample`), fewer
            than 2 customers made a repeat purchase, or every repeat customer has the same
            mean spend (nothing varies, nothing to estimate).

        Examples
        --------
        >>> import pandas as pd
        >>> from analysis.clv import GammaGamma
        >>> d = GammaGamma.from_params({"p": 6, "q": 4, "v": 15}).simulate([1, 2, 5] * 300, seed=1)
        >>> GammaGamma().fit(d).converged_
        True
        """
        super().fit(data, weights=weights)
        if getattr(self, "_optimizer_method", None):
            self.optimizer_["method"] = self._optimizer_method
        return self

    def _fit_input(self, data, weights):
        arrays = self._data(data)
        self._check_positive_spend(arrays)
        repeat = arrays["frequency"] > 0
        if repeat.sum() < 2:
            raise DataValidationError(
                f"GammaGamma needs at least 2 customers with frequency > 0; got {int(repeat.sum())}."
            )
        w_all = self._weights(data, weights, len(repeat))
        spends = arrays["monetary_value"][repeat & (w_all > 0)]
        if np.ptp(spends) == 0:
            raise DataValidationError(
                f"GammaGamma: every repeat customer has the same mean spend ({spends[0]:g}), so there is no "
                "variation in spend to model (the fit would run p to infinity and report no standard errors). "
                f"Value customers with that spend instead: customer_lifetime_value(..., spend={spends[0]:g})."
            )
        arrays = {k: v[repeat] for k, v in arrays.items()}
        self.independence_ = _independence(arrays["frequency"], arrays["monetary_value"])
        if abs(self.independence_["pearson_r"]) > self.independence_threshold:
            warnings.warn(
                f"GammaGamma: frequency and mean spend are correlated among repeat customers "
                f"(Pearson r = {self.independence_['pearson_r']:.2f}); the model assumes they are "
                "independent, so its spend predictions may be biased.",
                AnalysisWarning,
                stacklevel=4,
            )
        return arrays, w_all[repeat]

    def independence_check(self, data: pd.DataFrame) -> pd.Series:
        """Correlation between frequency and mean spend among repeat customers.

        Returns
        -------
        Series
            ``pearson_r``, ``pearson_p``, ``spearman_rho``, ``spearman_p``, ``n``.

        Examples
        --------
        >>> import pandas as pd
        >>> from analysis.clv import GammaGamma
        >>> d = pd.DataFrame({"frequency": [1, 2, 3, 4], "monetary_value": [5.0, 3, 6, 4]})
        >>> int(GammaGamma().independence_check(d)["n"])
        4
        """
        arrays = self._data(data)
        keep = arrays["frequency"] > 0
        return _independence(arrays["frequency"][keep], arrays["monetary_value"][keep])

    def _start(self, data, w):
        mean = float(w @ data["monetary_value"]) / float(w.sum())
        return np.array([1.0, 2.0, mean])

    def _loglik(self, params, d):
        p, q, v = params
        x, m = d["frequency"], d["monetary_value"]
        px = p * x
        return _gl(px + q) - _gl(px) - _gl(q) + q * _ln(v) + px * _ln(x) + (px - 1) * _ln(m) - (px + q) * _ln(v + x * m)

    def _loglik_grad(self, params, d):
        p, q, v = params
        x, m = d["frequency"], d["monetary_value"]
        px = p * x
        g_p = x * (_psi(px + q) - _psi(px) + _ln(x) + _ln(m) - _ln(v + x * m))
        g_q = _psi(px + q) - _psi(q) + _ln(v) - _ln(v + x * m)
        g_v = q / v - (px + q) / (v + x * m)
        return np.column_stack([g_p, g_q, g_v])

    def _fast_loglik(self, d, w):
        """Log-likelihood and gradient with the gamma functions once per distinct x and
        the parameter-free logarithms summed once (only log(v + x m) is per row). The
        function carries ``hessian(params)``, the analytic second derivatives, for
        :meth:`_minimise`."""
        x, m = d["frequency"], d["monetary_value"]
        ix, ux = _codes(x)
        Wx = np.bincount(ix, weights=w, minlength=len(ux))
        seen = Wx > 0
        ux, Wx = ux[seen], Wx[seen]
        W = float(w.sum())
        wx = w * x
        xm = x * m
        log_m = _ln(m)
        s_xlnx = float(wx @ _ln(x))
        s_lnm = float(w @ log_m)
        s_xlnm = float(wx @ log_m)
        Wux, Wuxx = Wx * ux, Wx * ux * ux

        buffers = (np.empty(len(w)), np.empty(len(w)))
        last_v = [np.nan]  # v of the last call: the buffers hold 1/(v + x m) for it

        def fast(params):
            p, q, v = params
            pu = p * ux
            L, inv = buffers  # reused between calls (not re-entrant)
            np.add(xm, v, out=inv)
            np.log(inv, out=L)
            np.divide(1.0, inv, out=inv)
            last_v[0] = v
            wL, wxL = float(w @ L), float(wx @ L)
            ll = (float(Wx @ (_gl(pu + q) - _gl(pu))) + W * (q * _ln(v) - _gl(q))
                  + p * (s_xlnx + s_xlnm) - s_lnm - p * wxL - q * wL)
            psi_pq = _psi(pu + q)
            g_p = float(Wux @ (psi_pq - _psi(pu))) + s_xlnx + s_xlnm - wxL
            g_q = float(Wx @ psi_pq) - W * _psi(q) + W * _ln(v) - wL
            g_v = W * q / v - p * float(wx @ inv) - q * float(w @ inv)
            return ll, np.array([g_p, g_q, g_v])

        def hessian(params):
            """Second derivatives of the total log-likelihood in (p, q, v); trigamma is zeta(2, .)."""
            p, q, v = params
            pu = p * ux
            L, inv = buffers
            if last_v[0] != v:
                np.add(xm, v, out=inv)
                np.divide(1.0, inv, out=inv)
                last_v[0] = v
            np.multiply(inv, inv, out=L)  # L now holds 1/(v + x m)^2 (fast() refills it)
            t_pq = _zeta(2.0, pu + q)
            winv, wxinv = float(w @ inv), float(wx @ inv)
            H = np.empty((3, 3))
            H[0, 0] = float(Wuxx @ (t_pq - _zeta(2.0, pu)))
            H[0, 1] = H[1, 0] = float(Wux @ t_pq)
            H[0, 2] = H[2, 0] = -wxinv
            H[1, 1] = float(Wx @ t_pq) - W * float(_zeta(2.0, q))
            H[1, 2] = H[2, 1] = W / v - winv
            H[2, 2] = -W * q / (v * v) + p * float(wx @ L) + q * float(w @ L)
            return H

        fast.hessian = hessian  # type: ignore[attr-defined]
        return fast

    def _minimise(self, theta0, data, w, total, fun=None):
        """Newton's method on the log parameters with the analytic Hessian (a handful of
        steps where L-BFGS-B needs 15-20 iterations and then stalls in line searches on
        rounding noise); when Newton fails or ends at an extreme value, the shared
        L-BFGS-B path from the same start (:meth:`MaximumLikelihood._minimise`)."""
        fast = getattr(fun, "loglik", None)
        res = None
        if fast is not None and hasattr(fast, "hessian"):
            with np.errstate(all="ignore"):
                res = _newton(fast, fast.hessian, np.asarray(theta0, dtype=float), total, self.max_iter, self.tol)
        self._optimizer_method = "Newton" if res is not None else None
        return res if res is not None else super()._minimise(theta0, data, w, total, fun)

    def mean_spend(self) -> float:
        """Population mean spend per transaction, ``p v / (q - 1)`` (infinite if q <= 1).

        Examples
        --------
        >>> from analysis.clv import GammaGamma
        >>> GammaGamma.from_params({"p": 2, "q": 3, "v": 10}).mean_spend()
        10.0
        """
        p, q, v = self._p()
        return float(p * v / (q - 1)) if q > 1 else float("inf")

    def conditional_expected_spend(self, data: pd.DataFrame) -> pd.Series:
        """Expected mean spend per future transaction of each customer.

        Customers with ``frequency == 0`` (or, exceptionally, repeat purchases worth
        nothing in total) get the population mean.

        Returns
        -------
        Series
            ``expected_spend`` per row of ``data``.

        Examples
        --------
        >>> import pandas as pd
        >>> from analysis.clv import GammaGamma
        >>> gg = GammaGamma.from_params({"p": 6.25, "q": 3.74, "v": 15.44})
        >>> gg.conditional_expected_spend(pd.DataFrame({"frequency": [1], "monetary_value": [100.0]})).round(1).tolist()
        [80.3]
        """
        p, q, v = self._p()
        if q <= 1:
            raise ParameterError(
                f"GammaGamma: q = {q:.3g} <= 1, so the expected spend is infinite; the spend "
                "distribution is too heavy-tailed for this model."
            )
        arrays = self._data(data)
        informative = (arrays["frequency"] > 0) & (arrays["monetary_value"] > 0)
        x = np.where(informative, arrays["frequency"], 0.0)
        m = np.where(informative, arrays["monetary_value"], 0.0)
        values = p * (v + x * m) / (p * x + q - 1)
        index = data.index if isinstance(data, pd.DataFrame) else None
        return pd.Series(values, index=index, name="expected_spend")

    def simulate(self, frequency, *, seed: int | np.random.Generator = DEFAULT_SEED) -> pd.DataFrame:
        """Mean spends for customers with the given numbers of repeat purchases.

        Returns
        -------
        DataFrame
            ``frequency``, ``monetary_value`` (0 where frequency is 0) and the true
            customer mean ``true_mean_spend`` (= p / nu).

        Examples
        --------
        >>> from analysis.clv import GammaGamma
        >>> GammaGamma.from_params({"p": 6, "q": 4, "v": 15}).simulate([0, 3], seed=1).shape
        (2, 3)
        """
        p, q, v = self._p()
        x = np.asarray(frequency, dtype=int)
        rng = rng_from(seed)
        nu = rng.gamma(q, 1 / v, len(x))
        # The sum of x Gamma(p, nu) values is Gamma(p x, nu).
        total = np.where(x > 0, rng.gamma(np.maximum(p * x, 1e-12), 1 / nu), 0.0)
        mean = np.where(x > 0, total / np.maximum(x, 1), 0.0)
        return pd.DataFrame({"frequency": x, "monetary_value": mean, "true_mean_spend": p / nu})
