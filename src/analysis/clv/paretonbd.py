"""Pareto/NBD (Schmittlein, Morrison and Colombo 1987), fitted by maximum likelihood.

While alive, a customer buys at Poisson rate ``lambda ~ Gamma(r, alpha)``; the
lifetime is exponential with rate ``mu ~ Gamma(s, beta)``. The likelihood of
``(x, t_x, T)`` is (Fader and Hardie 2005, "A note on deriving the Pareto/NBD model")

    L = Gamma(r+x) alpha^r beta^s / Gamma(r)
        * [ (alpha+T)^-(r+x) (beta+T)^-s + s/(r+s+x) * A0 ],

with ``A0`` the difference of two Gauss hypergeometric terms, evaluated with the
argument of smaller modulus (``alpha >= beta`` or not) and combined in log space
(``log F - (r+s+x) log(alpha+tau)`` and a log-difference), so large ``x`` and ages
of decades neither overflow nor lose the small term. ``A0`` is also
``(r+s+x)/s * Integral_{t_x}^{T} (alpha+tau)^-(r+x) s (beta+tau)^-(s+1) dtau``,
which the tests use as an independent brute-force check.
"""

from __future__ import annotations

import numpy as np
from scipy import special

from analysis.clv._simulate import poisson_purchases
from analysis.clv.bgnbd import NonContractualModel

__all__ = ["ParetoNBD"]

_ln = np.log
_gl = special.gammaln


def _log_hyp_term(r, alpha, s, beta, x, tau):
    """log of 2F1(...)/(max(alpha,beta)+tau)^(r+s+x), branch chosen by alpha >= beta."""
    rsx = r + s + x
    if alpha >= beta:
        z = (alpha - beta) / (alpha + tau)
        f = special.hyp2f1(rsx, s + 1, rsx + 1, z)
        return _ln(f) - rsx * _ln(alpha + tau)
    z = (beta - alpha) / (beta + tau)
    f = special.hyp2f1(rsx, r + x, rsx + 1, z)
    return _ln(f) - rsx * _ln(beta + tau)


def _log_h(k: float, u: np.ndarray) -> np.ndarray:
    """log of (1 - (1+u)^-k)/k, continuous at k = 0 (where it is log(log1p(u)))."""
    if abs(k) < 1e-10:
        return _ln(np.log1p(u))
    return _ln(-np.expm1(-k * np.log1p(u)) / k)


class ParetoNBD(NonContractualModel):
    """Pareto/NBD model, fitted by maximum likelihood.

    Parameters
    ----------
    columns : mapping, optional
        Column names when they differ from ``frequency``, ``recency``, ``T``.
    initial_params : mapping, optional
        Starting values. Default ``r = s = 1``, ``alpha`` = total age / total repeat
        purchases, ``beta`` = mean age.
    max_iter, tol : optimiser settings.

    Attributes
    ----------
    params_ : Series
        ``r, alpha, s, beta``.
    loglik_ : float
        Maximised log-likelihood.

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.clv import ParetoNBD
    >>> m = ParetoNBD.from_params({"r": 0.55, "alpha": 10.58, "s": 0.61, "beta": 11.67})
    >>> d = pd.DataFrame({"frequency": [0, 2], "recency": [0, 30.43], "T": [38.86, 38.86]})
    >>> m.prob_alive(d).round(3).tolist()
    [0.294, 0.868]
    """

    _param_names = ("r", "alpha", "s", "beta")

    def _start(self, data, w):
        rate = max(float(w @ data["frequency"]) / float(w @ data["T"]), 1e-6)
        return np.array([1.0, 1.0 / rate, 1.0, float(w @ data["T"]) / float(w.sum())])

    @staticmethod
    def _parts(p, x, tx, T):
        """log prefactor, log of the alive-throughout term, log of s/(r+s+x) A0."""
        r, alpha, s, beta = p
        A = _gl(r + x) - _gl(r) + r * _ln(alpha) + s * _ln(beta)
        B1 = -(r + x) * _ln(alpha + T) - s * _ln(beta + T)
        hi = _log_hyp_term(r, alpha, s, beta, x, tx)
        lo = _log_hyp_term(r, alpha, s, beta, x, T)
        with np.errstate(divide="ignore", invalid="ignore"):
            diff = np.where(lo < hi, hi + np.log1p(-np.exp(np.minimum(lo - hi, 0.0))), -np.inf)
        B2 = _ln(s) - _ln(r + s + x) + diff
        return A, B1, B2

    def _loglik(self, p, d):
        A, B1, B2 = self._parts(p, d["frequency"], d["recency"], d["T"])
        return A + np.logaddexp(B1, B2)

    def _prob_alive(self, p, x, tx, T):
        _, B1, B2 = self._parts(p, x, tx, T)
        return special.expit(B1 - B2)

    def _conditional_expected(self, p, t, x, tx, T):
        r, alpha, s, beta = p
        log_e = _ln(r + x) - _ln(alpha + T) + _ln(beta + T) + _log_h(s - 1, t / (beta + T))
        return np.where(t > 0, np.exp(log_e), 0.0) * self._prob_alive(p, x, tx, T)

    def _unconditional_expected(self, p, t):
        r, alpha, s, beta = p
        with np.errstate(divide="ignore"):
            return np.where(t > 0, np.exp(_ln(r * beta / alpha) + _log_h(s - 1, t / beta)), 0.0)

    def _pmf(self, p, x, t):
        """Fader and Hardie (2006), "Deriving an expression for P(X(t) = x) under the Pareto/NBD"."""
        r, alpha, s, beta = p
        x, t = np.broadcast_arrays(np.asarray(x, float), np.asarray(t, float))
        out = np.empty(x.shape)
        for idx in np.ndindex(x.shape):
            out[idx] = self._pmf_one(r, alpha, s, beta, int(x[idx]), float(t[idx]))
        return out if out.ndim else float(out)

    @staticmethod
    def _pmf_one(r, alpha, s, beta, x, t):
        if t == 0:
            return float(x == 0)
        first = np.exp(
            _gl(r + x) - _gl(r) - _gl(x + 1) + r * _ln(alpha / (alpha + t))
            + special.xlogy(x, t / (alpha + t)) + s * _ln(beta / (beta + t))
        )
        c = r + s + x + 1
        i = np.arange(x + 1)
        if alpha >= beta:
            b1 = special.hyp2f1(r + s, s + 1, c, (alpha - beta) / alpha) / alpha ** (r + s)
            log_b2 = _ln(special.hyp2f1(r + s + i, s + 1, c, (alpha - beta) / (alpha + t))) - (r + s + i) * _ln(alpha + t)
        else:
            b1 = special.hyp2f1(r + s, r + x, c, (beta - alpha) / beta) / beta ** (r + s)
            log_b2 = _ln(special.hyp2f1(r + s + i, r + x, c, (beta - alpha) / (beta + t))) - (r + s + i) * _ln(beta + t)
        log_coef = _gl(r + s + i) - _gl(r + s) - _gl(i + 1) + special.xlogy(i, t)
        total = np.sum(np.exp(log_coef + log_b2))
        scale = np.exp(r * _ln(alpha) + s * _ln(beta) + special.betaln(r + x, s + 1) - special.betaln(r, s))
        return float(first + scale * (b1 - total))

    def _simulate(self, p, rng, T, holdout):
        r, alpha, s, beta = p
        n = len(T)
        lam = rng.gamma(r, 1 / alpha, n)
        mu = rng.gamma(s, 1 / beta, n)
        death = rng.exponential(1 / np.maximum(mu, 1e-300))
        return poisson_purchases(rng, lam, T, holdout, death=death)

