"""Input of the CLV models (analysis.clv.inputs): column checks and merging identical rows.

The merge is checked against a plain pandas groupby of the same rows: same distinct
rows, same summed weights, and the weighted log-likelihood of a model is unchanged.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.clv import BetaGeo
from analysis.clv.inputs import _collapse, check_summary_columns
from analysis.errors import DataValidationError


def test_check_summary_columns_names_rule_rows_and_count():
    data = pd.DataFrame({"x": [0, 1.5, -2, 3]}, index=["a", "b", "c", "d"])
    with pytest.raises(DataValidationError, match=r"Column 'x' \(frequency\): 1 row\(s\) not a whole number; first rows 'b': 1.5"):
        check_summary_columns(data, {"frequency": "x"}, integer=["frequency"])
    with pytest.raises(DataValidationError, match=r"1 row\(s\) negative; first rows 'c': -2.0"):
        check_summary_columns(data.drop("b"), {"frequency": "x"}, nonnegative=["frequency"])
    with pytest.raises(DataValidationError, match="lacks column"):
        check_summary_columns(data, {"frequency": "freq"})


@pytest.mark.parametrize("n_distinct", [5, 200, 5000])
def test_collapse_equals_a_groupby(n_distinct):
    rng = np.random.default_rng(n_distinct)
    n = 4000
    arrays = {"frequency": rng.integers(0, n_distinct, n).astype(float),
              "recency": np.round(rng.uniform(0, 3, n), 0),
              "T": rng.choice([39.0, 38.5], n)}
    w = rng.integers(0, 3, n).astype(float)
    collapsed, cw = _collapse(arrays, w)
    got = pd.DataFrame(collapsed).assign(w=cw).groupby(["frequency", "recency", "T"])["w"].sum()
    expected = pd.DataFrame(arrays).assign(w=w).groupby(["frequency", "recency", "T"])["w"].sum()
    expected = expected[expected > 0]
    pd.testing.assert_series_equal(got.sort_index(), expected.sort_index())


def test_collapsed_loglik_equals_the_per_row_loglik():
    m = BetaGeo.from_params({"r": 0.5, "alpha": 5, "a": 0.8, "b": 2.5})
    sim = m.simulate(2000, 39.0, seed=3)
    arrays = {k: sim[k].to_numpy(float) for k in ("frequency", "recency", "T")}
    collapsed, cw = _collapse(arrays, np.ones(len(sim)))
    p = m.params_.to_numpy()
    assert np.isclose(cw @ m._loglik(p, collapsed), m._loglik(p, arrays).sum(), rtol=1e-12)


@pytest.mark.parametrize("model", ["BetaGeo", "ModifiedBetaGeo", "ParetoNBD", "BetaGeoCovariates"])
def test_repeat_buyers_with_recency_zero_are_refused_by_name(model):
    """Issue 14: BetaGeo.fit took frequency > 0 with recency 0 and returned a degenerate fit with warnings only."""
    from analysis import clv

    summary = pd.DataFrame({"frequency": [2, 0, 1, 3, 0], "recency": [10.0, 0.0, 0.0, 20.0, 0.0],
                            "T": [30.0, 12.0, 25.0, 40.0, 8.0], "region": ["n", "s", "n", "s", "n"]},
                           index=pd.Index(["a", "b", "c", "d", "e"], name="customer_id"))
    cls = getattr(clv, model)
    fitter = cls(trans_covariates=["region"]) if model.endswith("Covariates") else cls()
    with pytest.raises(DataValidationError, match=r"1 row\(s\) have 'recency' 0 although 'frequency' > 0 "
                                                  r"\(row 3 \('c'\), numbered from 1\)"):
        fitter.fit(summary)


def test_row_labels_are_shown_without_numpy_reprs():
    data = pd.DataFrame({"x": [1.0, -2.0]}, index=pd.Index(np.array([7, 8], dtype=np.int64)))
    with pytest.raises(DataValidationError) as info:
        check_summary_columns(data, {"frequency": "x"}, nonnegative=["frequency"])
    assert "first rows 8: -2.0" in str(info.value) and "np." not in str(info.value)


def test_numpy_scalars_in_messages_are_shown_plainly():
    """Issue 14: several messages printed np.float64(...)."""
    from analysis.clv import BetaGeoCovariates, ShiftedBetaGeometric
    from analysis.errors import ParameterError

    model = BetaGeo().fit(pd.DataFrame({"frequency": [2, 0, 1, 3], "recency": [10.0, 0.0, 4.0, 20.0],
                                        "T": [30.0, 12.0, 25.0, 40.0]}))
    calls = [lambda: model.expected_purchases(np.float64(-2.0)),
             lambda: ShiftedBetaGeometric().fit(np.array([np.float64(5.0)])),
             lambda: BetaGeoCovariates(trans_covariates=["x"]).fit(
                 pd.DataFrame({"frequency": [2, 0, 1], "recency": [3.0, 0.0, 2.0], "T": [9.0, 9.0, 9.0],
                               "x": np.full(3, 1.5)}))]
    for call in calls:
        with pytest.raises((ParameterError, DataValidationError)) as info:
            call()
        assert "np." not in str(info.value), str(info.value)
