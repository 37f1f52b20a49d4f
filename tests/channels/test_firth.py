"""Firth's penalized logistic regression and separation detection against R's logistf
(published estimates and profile intervals on its example data, tests/channels/results/),
the closed form of a saturated two-group model, and designs whose separation is known."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy.special import expit

from analysis.channels.firth import detect_separation, firth_logit

RESULTS = Path(__file__).parent / "results"


def _endometrial():
    e = pd.read_csv(RESULTS / "endometrial.csv")
    return np.column_stack([np.ones(len(e)), e[["NV", "PI", "EH"]].to_numpy(float)]), e["HG"].to_numpy(float)


def _sex2():
    s = pd.read_csv(RESULTS / "sex2.csv")
    s = s.loc[s.index.repeat(s["count"])]
    cols = ["age", "oc", "vic", "vicl", "vis", "dia"]
    return np.column_stack([np.ones(len(s)), s[cols].to_numpy(float)]), s["case"].to_numpy(float)


def test_endometrial_matches_logistf():
    # logistf's estimates and profile intervals (README); it stops at a gradient of 1e-5,
    # so agreement to 1e-6 relative is all its printed digits allow
    x, y = _endometrial()
    fit = firth_logit(x, y)
    assert fit.converged and fit.separation == "quasi-complete"
    np.testing.assert_allclose(fit.params, [3.77455951, 2.92927330, -0.03475175, -2.60416387], rtol=1e-6)
    published = [(1.0825371, 7.20928050), (0.6097244, 7.85463171), (-0.1244587, 0.04045547),
                 (-4.3651832, -1.23272106)]
    for j, ends in enumerate(published):
        np.testing.assert_allclose(fit.profile_interval(j), ends, rtol=1e-6)
    # NV's penalized likelihood-ratio p-value, the one Heinze and Schemper report (0.0091)
    assert fit.profile_test(1) == pytest.approx(0.0091, abs=5e-5)


def test_sex2_matches_logistf():
    x, y = _sex2()
    fit = firth_logit(x, y)
    np.testing.assert_allclose(fit.params, [0.12025405, -1.10598131, -0.06881673, 2.26887464, -2.11140817,
                                            -0.78831694, 3.09601166], rtol=1e-6)
    published = [(-0.8185591, 1.07315122), (-1.9737884, -0.30742514), (-0.9414363, 0.78920202),
                 (1.2730216, 3.43543273), (-3.2608611, -1.11773495), (-1.6080879, 0.01518468),
                 (0.7745682, 8.03029352)]
    np.testing.assert_allclose([fit.profile_interval(j) for j in range(7)], published, rtol=1e-6)


def test_saturated_two_group_model_adds_one_half_to_every_cell():
    # closed form (Firth 1993): with one binary predictor the penalized estimate is the
    # logit of (x + 1/2) / (n + 1) in each group, even with 0 events in a group
    x = np.column_stack([np.ones(30), np.r_[np.zeros(12), np.ones(18)]])
    y = np.r_[np.zeros(12), np.ones(5), np.zeros(13)]
    fit = firth_logit(x, y)
    np.testing.assert_allclose(expit(x[[0, 12]] @ fit.params), [0.5 / 13, 5.5 / 19], rtol=1e-8)  # Newton stops at 1e-8
    assert fit.separation == "quasi-complete"


@pytest.mark.parametrize("xcol, y, kind", [
    ([1, 2, 3, 4, 5, 6], [0, 0, 0, 1, 1, 1], "complete"),
    ([1, 2, 3, 3, 5, 6], [0, 0, 0, 1, 1, 1], "quasi-complete"),   # one tie at the boundary
    ([1, 2, 3, 4, 5, 6], [0, 1, 0, 1, 1, 0], "none"),
])
def test_detect_separation_on_known_designs(xcol, y, kind):
    x = np.column_stack([np.ones(6), xcol])
    assert detect_separation(x, np.array(y, float)) == kind


def test_detect_separation_finds_none_in_overlapping_random_data():
    rng = np.random.default_rng(3)
    x = np.column_stack([np.ones(500), rng.normal(size=(500, 3))])
    y = (rng.random(500) < expit(x @ [0.2, 1.0, -0.5, 0.3])).astype(float)
    assert detect_separation(x, y) == "none"
    x[:, 1] = np.where(y > 0, np.abs(x[:, 1]), -np.abs(x[:, 1]))  # now x1 splits the outcome
    assert detect_separation(x, y) == "complete"
