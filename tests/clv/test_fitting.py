"""Maximum-likelihood fitting (analysis.clv.fitting): recovers known parameters, records
convergence, and refuses bad starting values; the fit is compared with a direct
scipy minimisation of the model's own per-row log-likelihood written out here."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import optimize

from analysis.clv import BetaGeo, ShiftedBetaGeometric
from analysis.errors import ParameterError

SURVIVORS = np.array([1000, 631, 468, 382, 326, 289, 262, 241], dtype=float)


def test_fit_returns_self_and_records_the_optimiser():
    m = ShiftedBetaGeometric()
    assert m.fit(SURVIVORS) is m
    assert m.converged_ and m.at_boundary_ == []
    assert set(m.optimizer_) == {"method", "start", "iterations", "max_abs_gradient", "message"}


def test_sbg_fit_equals_a_direct_minimisation():
    """sBG likelihood written independently: P(T=t) = B(a+1, b+t-1)/B(a,b), S(t) = B(a, b+t)/B(a,b)."""
    from scipy.special import betaln

    lost = -np.diff(SURVIVORS)
    t = np.arange(1, len(SURVIVORS))

    def nll(theta):
        a, b = np.exp(theta)
        return -(lost @ (betaln(a + 1, b + t - 1) - betaln(a, b)) + SURVIVORS[-1] * (betaln(a, b + t[-1]) - betaln(a, b)))

    direct = np.exp(optimize.minimize(nll, [0.0, 0.0], method="Nelder-Mead",
                                      options={"xatol": 1e-10, "fatol": 1e-12, "maxiter": 5000}).x)
    m = ShiftedBetaGeometric().fit(SURVIVORS)
    np.testing.assert_allclose(m.params_.to_numpy(), direct, rtol=1e-5)
    np.testing.assert_allclose(m.loglik_, -nll(np.log(direct)), rtol=1e-9)


def test_initial_params_are_checked():
    sim = BetaGeo.from_params({"r": 0.5, "alpha": 5, "a": 0.8, "b": 2.5}).simulate(300, 39.0, seed=1)
    with pytest.raises(ParameterError, match="initial_params lacks"):
        BetaGeo(initial_params={"r": 1.0}).fit(sim)
    with pytest.raises(ParameterError, match="must all be > 0"):
        BetaGeo(initial_params={"r": 1.0, "alpha": 1.0, "a": 0.0, "b": 1.0}).fit(sim)
