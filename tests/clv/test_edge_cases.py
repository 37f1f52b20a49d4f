"""BG/NBD and MBG/NBD expectations at and near a = 1, where the closed form divides by a - 1.

The reference is an independent brute-force computation: E[X(t) | lambda, p] =
(1 - exp(-lambda p t)) / p integrated numerically over lambda ~ Gamma(r, alpha) and
p ~ Beta(a, b) (scipy.integrate.quad, relative tolerance 1e-12 per integral). The
model must agree to a relative 1e-8: the implementation's error is below ~1e-9 over a
wide parameter grid (checked when it was written), the quadrature's a few 1e-12, so
1e-8 leaves room for both while any return of the 0/0 at a = 1 (NaN) or of the
cancellation near it (relative error ~3e-15/|a-1|, i.e. ~3e-7 at |a-1| = 1e-8) fails.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import integrate, special, stats

from analysis.clv import BetaGeo, ModifiedBetaGeo

R, ALPHA, B = 0.243, 4.414, 2.426  # FHL (2005) CDNOW values; a is varied around 1
OFFSETS = [0.0, 1e-8, -1e-8, 1e-4, -1e-4]
RTOL = 1e-8


def _given_p(r: float, alpha: float, p: float, t: float) -> float:
    """E[(1 - exp(-lambda p t)) / p] over lambda ~ Gamma(r, rate alpha), by quadrature."""
    log_norm = r * np.log(alpha) - special.gammaln(r)
    f = lambda lam: np.exp(log_norm + (r - 1) * np.log(lam) - alpha * lam) * -np.expm1(-lam * p * t) / p
    # The Gamma(r < 1) density has an integrable spike at 0: split the range there.
    edge = 1e-3 / alpha
    lo = integrate.quad(f, 0, edge, epsabs=0, epsrel=1e-12, limit=200)[0]
    hi = integrate.quad(f, edge, np.inf, epsabs=0, epsrel=1e-12, limit=200)[0]
    return lo + hi


def _brute_expected(r: float, alpha: float, a: float, b: float, t: float) -> float:
    """Unconditional BG/NBD E[X(t)] by 2-D integration over p and lambda. The lambda
    integral is done numerically (not by the Gamma Laplace transform) to stay
    independent of the model's algebra; the inner result is checked against it below."""
    log_beta = special.betaln(a, b)
    f = lambda p: np.exp((a - 1) * np.log(p) + (b - 1) * np.log1p(-p) - log_beta) * _given_p(r, alpha, p, t)
    return integrate.quad(f, 0, 1, epsabs=0, epsrel=1e-11, limit=200)[0]


def _brute_expected_1d(r: float, alpha: float, a: float, b: float, t: float) -> float:
    """The same with the lambda integral in closed form, E[exp(-lambda s)] = (alpha/(alpha+s))^r."""
    f = lambda p: np.exp((a - 2) * np.log(p) + (b - 1) * np.log1p(-p) - special.betaln(a, b)) * -np.expm1(
        -r * np.log1p(p * t / alpha)
    )
    return integrate.quad(f, 0, 1, epsabs=0, epsrel=1e-12, limit=500, points=[1e-9, 1e-6, 1e-3, 0.1])[0]


def test_inner_integral_matches_gamma_laplace_transform():
    # Guards the brute force itself: for a fixed p, the lambda integral equals
    # (1 - (alpha/(alpha + p t))^r) / p.
    for p in (1e-4, 0.3, 0.9):
        exact = -np.expm1(-R * np.log1p(p * 39 / ALPHA)) / p
        assert _given_p(R, ALPHA, p, 39.0) == pytest.approx(exact, rel=1e-10)


@pytest.mark.parametrize("offset", OFFSETS)
def test_bgnbd_unconditional_expectation_near_a_one_matches_2d_integral(offset):
    a = 1.0 + offset
    m = BetaGeo.from_params({"r": R, "alpha": ALPHA, "a": a, "b": B})
    got = m.expected_purchases([1.0, 39.0, 78.0])
    want = [_brute_expected_1d(R, ALPHA, a, B, t) for t in (1.0, 39.0, 78.0)]
    # One point by the full 2-D integral (slow: a few seconds), as an independent
    # check of the 1-D reduction as well.
    if offset in (0.0, 1e-8):
        assert got[1] == pytest.approx(_brute_expected(R, ALPHA, a, B, 39.0), rel=RTOL)
    assert np.all(np.isfinite(got))
    np.testing.assert_allclose(got, want, rtol=RTOL)


@pytest.mark.parametrize(
    "r, alpha, b, t",
    [
        (0.05, 0.1, 0.3, 1000.0),  # t >> alpha: interpolation branch, slow NBD tail
        (2.0, 4.4, 20.0, 39.0),  # integer r
        (50.5, 300.0, 200.0, 39.0),  # t < alpha: series branch, heavy buyer posterior
        (0.243, 1000.0, 2.4, 0.1),  # tiny expectation
        (10.0, 50.0, 0.3, 50.0),  # z = 1/2 exactly (branch edge)
    ],
)
@pytest.mark.parametrize("offset", [0.0, 1e-8, -1e-4, 9.9e-3, -9.9e-3])
def test_alive_expectation_near_a_one_over_parameter_grid(r, alpha, b, t, offset):
    # Both evaluation branches and the switch to the closed form at |a - 1| = 1e-2.
    a = 1.0 + offset
    got = float(BetaGeo._alive_expected(r, alpha, a, b, t))
    assert got == pytest.approx(_brute_expected_1d(r, alpha, a, b, t), rel=RTOL)


def test_expectation_is_continuous_across_the_switch():
    # Just inside and just outside |a - 1| = 1e-2 the two evaluations agree.
    m = lambda a: BetaGeo.from_params({"r": R, "alpha": ALPHA, "a": a, "b": B}).expected_purchases(39.0)
    for edge in (1 - 1e-2, 1 + 1e-2):
        inside, outside = m(edge + np.sign(1 - edge) * 1e-12), m(edge - np.sign(1 - edge) * 1e-12)
        assert float(inside) == pytest.approx(float(outside), rel=1e-10)


def _brute_conditional(r, alpha, a, b, x, tx, T, t, shift=0):
    """E[X(T, T+t) | x, t_x, T] = P(alive) * E[X(t)] under the alive posterior
    Gamma(r+x, alpha+T) x Beta(a, b+x+shift); P(alive) by 1-D integration over p."""

    def joint(p, alive):
        # Likelihood of (x, t_x, T) given p with lambda integrated out, split by state.
        base = special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha)
        stays = (1 - p) ** (x + shift) * np.exp(base - (r + x) * np.log(alpha + T))
        dead = p * (1 - p) ** (x - 1 + shift) * np.exp(base - (r + x) * np.log(alpha + tx)) if x + shift > 0 else 0.0
        return np.exp((a - 1) * np.log(p) + (b - 1) * np.log1p(-p) - special.betaln(a, b)) * (stays if alive else dead)

    alive = integrate.quad(lambda p: joint(p, True), 0, 1, epsabs=0, epsrel=1e-12)[0]
    dead = integrate.quad(lambda p: joint(p, False), 0, 1, epsabs=0, epsrel=1e-12)[0]
    return alive / (alive + dead) * _brute_expected_1d(r + x, alpha + T, a, b + x + shift, t)


@pytest.mark.parametrize("cls, shift", [(BetaGeo, 0), (ModifiedBetaGeo, 1)])
@pytest.mark.parametrize("a", [1.0, 1 + 1e-8, 1 - 1e-4])
def test_conditional_predictions_at_a_one_match_integral(cls, shift, a):
    m = cls.from_params({"r": R, "alpha": ALPHA, "a": a, "b": B})
    d = pd.DataFrame({"frequency": [0, 2, 7], "recency": [0.0, 30.43, 35.0], "T": [38.86, 38.86, 38.86]})
    got = m.predict_purchases(39.0, d).to_numpy()
    alive = m.prob_alive(d).to_numpy()
    assert np.all(np.isfinite(got)) and np.all(np.isfinite(alive))
    want = [_brute_conditional(R, ALPHA, a, B, x, tx, T, 39.0, shift) for x, tx, T in d.itertuples(index=False)]
    np.testing.assert_allclose(got, want, rtol=RTOL)


def test_mbg_unconditional_expectation_at_a_one():
    # MBG/NBD: dead at time 0 with probability a/(a+b), otherwise BG/NBD with Beta(a, b+1)
    # (the p mixture of "drop-out before any purchase" integrated out).
    m = ModifiedBetaGeo.from_params({"r": R, "alpha": ALPHA, "a": 1.0, "b": B})
    f = lambda p: stats.beta(1.0, B).pdf(p) * (1 - p) * -np.expm1(-R * np.log1p(p * 39 / ALPHA)) / p
    want = integrate.quad(f, 0, 1, epsabs=0, epsrel=1e-12)[0]
    assert float(m.expected_purchases(39.0)) == pytest.approx(want, rel=RTOL)
