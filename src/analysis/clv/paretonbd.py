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

Gradient: exact in closed form except for the derivatives of ``log 2F1(a, b; a+1; z)``
in its parameters ``a`` and ``b``, which have no closed form and are central
differences (relative step 6e-6, error about 1e-10); the z-derivative is exact.
Fitting evaluates the gamma terms once per distinct ``x``, the hypergeometric terms
once per distinct ``(x, t_x)`` and ``(x, T)`` pair, and only the log-space
combination per distinct customer row.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import special

from analysis.clv._simulate import poisson_purchases
from analysis.clv.bgnbd import NonContractualModel
from analysis.clv.inputs import _codes

__all__ = ["ParetoNBD"]

_ln = np.log
_gl = special.gammaln
_psi = special.digamma


def _codes_int(key: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    codes, uniques = pd.factorize(key, sort=False)
    return codes.astype(np.int64, copy=False), np.asarray(uniques)


def _first_rows(codes: np.ndarray, n: int) -> np.ndarray:
    """Index of the first row of each code (codes numbered in order of first appearance)."""
    first = np.full(n, len(codes), dtype=np.int64)
    np.minimum.at(first, codes, np.arange(len(codes)))
    return first


def _log_hyp_term(r, alpha, s, beta, x, tau):
    """log of 2F1(...)/(max(alpha,beta)+tau)^(r+s+x), branch chosen by alpha >= beta.

    Vectorised: every argument may be an array (per-customer parameters included);
    the branch is then chosen element by element.
    """
    rsx = r + s + x
    if np.ndim(alpha) == 0 and np.ndim(beta) == 0:
        if alpha >= beta:
            z = (alpha - beta) / (alpha + tau)
            f = special.hyp2f1(rsx, s + 1, rsx + 1, z)
            return _ln(f) - rsx * _ln(alpha + tau)
        z = (beta - alpha) / (beta + tau)
        f = special.hyp2f1(rsx, r + x, rsx + 1, z)
        return _ln(f) - rsx * _ln(beta + tau)
    ge = alpha >= beta
    big = np.where(ge, alpha, beta)
    z = np.abs(alpha - beta) / (big + tau)
    f = special.hyp2f1(rsx, np.where(ge, s + 1, r + x), rsx + 1, z)
    return _ln(f) - rsx * _ln(big + tau)


# Relative step of the central differences in the hypergeometric parameters:
# about eps^(1/3), which balances truncation (h^2) against rounding (eps/h) at ~1e-10.
_H_REL = 6e-6


def _log_hyp_term_grad(r, alpha, s, beta, x, tau):
    """:func:`_log_hyp_term` and its derivatives with respect to r, alpha, s, beta.

    With a = r+s+x, b = s+1 (alpha >= beta) or r+x (alpha < beta), m = max(alpha, beta),
    o = min(alpha, beta), z = (m - o)/(m + tau), the term is
    ``l = log 2F1(a, b; a+1; z) - a log(m + tau)``. The derivatives in alpha and beta
    are exact (d/dz 2F1(a, b; c; z) = ab/c 2F1(a+1, b+1; c+1; z)); those of
    ``log 2F1`` in its parameters a (with c = a+1) and b have no closed form and are
    central differences with relative step 6e-6 (error about 1e-10). Vectorised like
    :func:`_log_hyp_term`.

    Returns
    -------
    tuple of arrays
        ``(l, dl/dr, dl/dalpha, dl/ds, dl/dbeta)``.
    """
    r, alpha, s, beta, x, tau = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (r, alpha, s, beta, x, tau)))
    ge = alpha >= beta
    big = np.where(ge, alpha, beta)
    small = np.where(ge, beta, alpha)
    a = r + s + x
    b = np.where(ge, s + 1, r + x)
    z = (big - small) / (big + tau)
    hyp = special.hyp2f1
    log_f = _ln(hyp(a, b, a + 1, z))
    log_big = _ln(big + tau)
    value = log_f - a * log_big
    ha, hb = _H_REL * a, _H_REL * b
    d_a = (_ln(hyp(a + ha, b, a + 1 + ha, z)) - _ln(hyp(a - ha, b, a + 1 - ha, z))) / (2 * ha)
    d_b = (_ln(hyp(a, b + hb, a + 1, z)) - _ln(hyp(a, b - hb, a + 1, z))) / (2 * hb)
    # d log F / dz = ab/(a+1) 2F1(a+1, b+1; a+2; z) / F
    g = a * b / (a + 1) * np.exp(_ln(hyp(a + 1, b + 1, a + 2, z)) - log_f)
    d_big = g * (small + tau) / (big + tau) ** 2 - a / (big + tau)
    d_small = -g / (big + tau)
    d_r = d_a + np.where(ge, 0.0, d_b) - log_big
    d_s = d_a + np.where(ge, d_b, 0.0) - log_big
    d_alpha = np.where(ge, d_big, d_small)
    d_beta = np.where(ge, d_small, d_big)
    return value, d_r, d_alpha, d_s, d_beta


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

    @staticmethod
    def _assemble(A, B1, C, hi, lo, w):
        """Log-likelihood per row and the weights of the partial derivatives, shared by the
        per-row and the distinct-value paths.

        ll = A + logaddexp(B1, B2) with B2 = C + log(exp(hi) - exp(lo)). Returns ll and
        the weights (w1, w2, wh, wl) such that d ll = dA + w1 dB1 + w2 dC + wh dhi - wl dlo
        (times the row weight w).
        """
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            gap = lo - hi
            ok = gap < 0
            diff = np.where(ok, hi + np.log1p(-np.exp(np.minimum(gap, 0.0))), -np.inf)
            B2 = C + diff
            u = np.logaddexp(B1, B2)
            w1 = w * np.exp(B1 - u)
            w2 = w - w1
            kappa = np.where(ok, 1.0 / -np.expm1(np.minimum(gap, 0.0)), 0.0)
        return A + u, w1, w2, w2 * kappa, w2 * (kappa - 1.0)

    def _loglik_and_grad(self, p, d):
        """Per-row log-likelihood and its (n, 4) derivatives in r, alpha, s, beta.

        Exact except for the parameter derivatives of the hypergeometric function,
        which are central differences (see :func:`_log_hyp_term_grad`). Parameters may
        be per-row arrays (the covariate models use this too)."""
        r, alpha, s, beta = p
        x, tx, T = d["frequency"], d["recency"], d["T"]
        A, dA = self._a_terms(p, x)
        B1, dB1, C, dC = self._b_terms(p, x, T)
        hi, *dhi = _log_hyp_term_grad(r, alpha, s, beta, x, tx)
        lo, *dlo = _log_hyp_term_grad(r, alpha, s, beta, x, T)
        ll, w1, w2, wh, wl = self._assemble(A, B1, C, hi, lo, 1.0)
        cols = [dA[k] + w1 * dB1[k] + w2 * dC[k] + wh * dhi[k] - wl * dlo[k] for k in range(4)]
        return ll, np.column_stack(np.broadcast_arrays(*cols))

    def _loglik_grad(self, p, d):
        """Per-row derivatives of the log-likelihood with respect to r, alpha, s, beta."""
        return self._loglik_and_grad(p, d)[1]

    @staticmethod
    def _a_terms(p, x):
        r, alpha, s, beta = p
        A = _gl(r + x) - _gl(r) + r * _ln(alpha) + s * _ln(beta)
        one = np.ones_like(np.asarray(x, dtype=float))
        dA = (_psi(r + x) - _psi(r) + _ln(alpha), r / alpha * one, _ln(beta) * one, s / beta * one)
        return A, dA

    @staticmethod
    def _b_terms(p, x, T):
        r, alpha, s, beta = p
        la, lb = _ln(alpha + T), _ln(beta + T)
        B1 = -(r + x) * la - s * lb
        dB1 = (-la, -(r + x) / (alpha + T), -lb, -s / (beta + T))
        rsx = r + s + x
        C = _ln(s) - _ln(rsx)
        zero = np.zeros_like(B1)
        dC = (-1.0 / rsx + zero, zero, 1.0 / s - 1.0 / rsx + zero, zero)
        return B1, dB1, C + zero, dC

    def _fast_loglik(self, data, w):
        """Log-likelihood and gradient on distinct values: gamma terms per distinct x,
        the alive-throughout term per distinct (x, T), the hypergeometric terms once per
        distinct (x, t_x) and (x, T) pair; per row only the log-space combination."""
        x, tx, T = data["frequency"], data["recency"], data["T"]
        ix, ux = _codes(x)
        itx_code, _ = _codes(tx)
        iT_code, _ = _codes(T)
        Wx = np.bincount(ix, weights=w, minlength=len(ux))
        p_tx, k_tx = _codes_int(ix * (itx_code.max() + 1) + itx_code)
        p_T, k_T = _codes_int(ix * (iT_code.max() + 1) + iT_code)
        first_tx = _first_rows(p_tx, len(k_tx))
        first_T = _first_rows(p_T, len(k_T))
        x_tx, tx_tx = x[first_tx], tx[first_tx]
        x_T, T_T = x[first_T], T[first_T]
        x_pairs = np.concatenate([x_tx, x_T])
        tau_pairs = np.concatenate([tx_tx, T_T])
        n_tx = len(k_tx)
        buffers = tuple(np.empty(len(w)) for _ in range(6))

        def fast(p):
            r, alpha, s, beta = p
            A, dA = self._a_terms(p, ux)
            B1, dB1, C, dC = self._b_terms(p, x_T, T_T)
            hyp, *dhyp = _log_hyp_term_grad(r, alpha, s, beta, x_pairs, tau_pairs)
            hi, lo = hyp[:n_tx], hyp[n_tx:]
            # What _assemble does, per row in preallocated buffers (fresh large temporaries
            # cost more than the arithmetic); the buffers are reused (not re-entrant).
            h, b1, b2, u, e, k = buffers
            with np.errstate(divide="ignore", invalid="ignore"):
                return _rows(h, b1, b2, u, e, k, A, dA, B1, dB1, C, dC, hi, lo, dhyp)

        def _rows(h, b1, b2, u, e, k, A, dA, B1, dB1, C, dC, hi, lo, dhyp):
            np.take(hi, p_tx, out=h)
            np.take(lo, p_T, out=e)
            e -= h  # lo - hi <= 0
            np.minimum(e, 0.0, out=e)
            np.expm1(e, out=k)  # exp(lo - hi) - 1, in [-1, 0]
            np.negative(k, out=b2)
            np.log(b2, out=b2)  # log(1 - exp(lo - hi)); -inf where lo == hi
            b2 += h
            np.take(C, p_T, out=h)
            b2 += h  # B2
            np.take(B1, p_T, out=b1)
            np.subtract(b1, b2, out=e)  # logaddexp(B1, B2) = max + log(1 + exp(-|B1 - B2|))
            np.abs(e, out=e)
            np.negative(e, out=e)
            np.exp(e, out=e)
            e += 1.0
            np.log(e, out=e)
            np.maximum(b1, b2, out=u)
            u += e
            ll = float(Wx @ A) + float(w @ u)
            np.subtract(b1, u, out=e)
            np.exp(e, out=e)
            w1 = np.multiply(w, e, out=b1)
            w2 = np.subtract(w, w1, out=b2)
            np.divide(-1.0, k, out=k, where=k < 0)  # kappa = 1 / (1 - exp(lo - hi))
            wh = np.multiply(w2, k, out=k)
            wl = np.subtract(wh, w2, out=e)
            g1 = np.bincount(p_T, weights=w1, minlength=len(k_T))
            g2 = np.bincount(p_T, weights=w2, minlength=len(k_T))
            gh = np.bincount(p_tx, weights=wh, minlength=n_tx)
            gl = np.bincount(p_T, weights=wl, minlength=len(k_T))
            grad = np.array([
                float(Wx @ dA[j]) + float(g1 @ dB1[j]) + float(g2 @ dC[j])
                + float(gh @ dhyp[j][:n_tx]) - float(gl @ dhyp[j][n_tx:])
                for j in range(4)
            ])
            return ll, grad

        return fast

    def _prob_alive(self, p, x, tx, T):
        _, B1, B2 = self._parts(p, x, tx, T)
        return special.expit(B1 - B2)

    def _conditional_expected(self, p, t, x, tx, T):
        r, alpha, s, beta = p
        with np.errstate(divide="ignore"):  # t = 0: log 0, masked below
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

