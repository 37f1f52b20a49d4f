"""The shared model class (analysis.clv.base): settings checked once, not-fitted error,
the default seed, __repr__ and models with given parameters."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.checks import DEFAULT_SEED
from analysis.clv import (BetaGeo, BetaGeoBetaBinom, BetaGeoCovariates, GammaGamma, ModifiedBetaGeo, ParetoNBD,
                          ParetoNBDCovariates, ShiftedBetaGeometric)
from analysis.clv.base import as_generator
from analysis.errors import NotFittedError, ParameterError

MODELS = [BetaGeo, ModifiedBetaGeo, ParetoNBD, GammaGamma, BetaGeoBetaBinom, ShiftedBetaGeometric]
DATA = pd.DataFrame({"frequency": [0, 2, 5], "recency": [0.0, 10.0, 30.0], "T": [39.0, 39.0, 39.0]})


@pytest.mark.parametrize("cls", MODELS + [BetaGeoCovariates, ParetoNBDCovariates])
def test_not_fitted_error_is_the_one_check(cls):
    model = cls()
    with pytest.raises(NotFittedError, match=f"This {cls.__name__} is not fitted yet; call fit"):
        model.summary()
    assert repr(model).startswith(f"{cls.__name__}(")  # settings, no error


def test_not_fitted_predictions():
    with pytest.raises(NotFittedError, match="This BetaGeo is not fitted yet"):
        BetaGeo().prob_alive(DATA)
    with pytest.raises(NotFittedError, match="This BetaGeoCovariates is not fitted yet"):
        BetaGeoCovariates(trans_covariates=["x"]).prob_alive(DATA.assign(x=1.0))


def test_repr_shows_the_summary_of_a_fitted_model_and_the_parameters_otherwise():
    given = BetaGeo.from_params({"r": 0.24, "alpha": 4.4, "a": 0.79, "b": 2.4})
    assert repr(given) == "BetaGeo(r=0.24, alpha=4.4, a=0.79, b=2.4)"
    fitted = ShiftedBetaGeometric().fit([1000, 631, 468, 382, 326, 289, 262, 241])
    text = repr(fitted)
    assert text.splitlines()[0] == "ShiftedBetaGeometric"
    for col in ("estimate", "std_error", "ci_low", "ci_high", "p_value"):
        assert col in text
    assert f"{fitted.params_['alpha']:.6f}"[:5] in text
    assert repr(BetaGeo(max_iter=50)) == "BetaGeo(columns={}, initial_params=None, max_iter=50, tol=1e-10)"


@pytest.mark.parametrize(("settings", "message"), [
    ({"max_iter": 0}, "The 'max_iter' parameter of BetaGeo must be an int in the range [1, inf). Got 0 instead."),
    ({"tol": -1.0}, "The 'tol' parameter of BetaGeo must be a number in the range (0, inf). Got -1.0 instead."),
    ({"columns": "x"}, "The 'columns' parameter of BetaGeo must be a dict or None. Got 'x' instead."),
])
def test_settings_are_checked_with_one_message_form(settings, message):
    with pytest.raises(ParameterError) as info:
        BetaGeo(**settings)
    assert str(info.value) == message


def test_gamma_gamma_threshold_is_checked():
    with pytest.raises(ParameterError, match="'independence_threshold' parameter of GammaGamma"):
        GammaGamma(independence_threshold=2)


def test_default_seed_is_the_package_default_and_repeats():
    m = BetaGeo.from_params({"r": 0.5, "alpha": 5, "a": 0.8, "b": 2.5})
    pd.testing.assert_frame_equal(m.simulate(50, 39.0), m.simulate(50, 39.0, seed=DEFAULT_SEED))
    with pytest.raises(ParameterError, match="'seed' parameter"):
        m.simulate(5, 39.0, seed=None)
    rng = np.random.default_rng(1)
    assert as_generator(rng) is rng
    with pytest.raises(ParameterError):
        as_generator(None)


def test_from_params_checks_names_and_values():
    with pytest.raises(ParameterError, match="needs"):
        BetaGeo.from_params({"r": 1.0})
    with pytest.raises(ParameterError, match="finite and > 0"):
        BetaGeo.from_params({"r": 1.0, "alpha": -1, "a": 1, "b": 1})
