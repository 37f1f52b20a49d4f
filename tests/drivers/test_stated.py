"""Derived vs stated importance."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.drivers import stated_vs_derived
from analysis.errors import ParameterError


# --------------------------------------------------------------- derived vs stated


def test_stated_vs_derived_constructed():
    derived = pd.Series({"speed": 0.40, "staff": 0.25, "price": 0.15, "decor": 0.12, "parking": 0.08})
    # respondents say price and parking matter most; speed third
    stated = pd.Series({"speed": 6.0, "staff": 4.0, "price": 6.6, "decor": 3.0, "parking": 6.3})
    t = stated_vs_derived(derived, stated)
    assert t["derived_rank"].tolist() == [1, 2, 3, 4, 5]
    assert t["stated_rank"].tolist() == [3, 4, 1, 5, 2]
    assert t["rank_gap"].tolist() == [2, 2, -2, 1, -3]
    # Spearman by hand: 1 - 6 sum d^2 / (n (n^2 - 1)) with d = (2, 2, -2, 1, -3): sum 22
    assert t.attrs["spearman_rho"] == pytest.approx(1 - 6 * 22 / (5 * 24))
    assert t.loc["speed", "class"] == "key_driver"
    assert t.loc["staff", "class"] == "hidden_driver"
    assert t.loc["parking", "class"] == "basic_expectation"
    assert t.loc["decor", "class"] == "minor"


def test_stated_vs_derived_from_survey_columns_and_ties():
    rng = np.random.default_rng(0)
    data = pd.DataFrame({"imp_a": rng.integers(5, 8, 200), "imp_b": rng.integers(1, 4, 200),
                         "imp_c": rng.integers(3, 6, 200), "w": rng.uniform(0.5, 2, 200)})
    derived = pd.DataFrame({"share": [0.5, 0.3, 0.2]}, index=["a", "b", "c"])
    t = stated_vs_derived(derived, {"a": "imp_a", "b": "imp_b", "c": "imp_c"}, data=data, weight="w")
    assert t.loc["b", "stated"] == pytest.approx(np.average(data["imp_b"], weights=data["w"]))
    assert t["stated_rank"].tolist() == [1, 3, 2]
    tied = stated_vs_derived(pd.Series({"a": 3.0, "b": 2.0, "c": 2.0}), pd.Series({"a": 1.0, "b": 2.0, "c": 3.0}))
    assert tied["derived_rank"].tolist() == [1, 2.5, 2.5]
    with pytest.raises(ParameterError, match="data="):
        stated_vs_derived(derived, {"a": "imp_a"})
    with pytest.raises(ParameterError, match=r"\['c'\]"):
        stated_vs_derived(derived, pd.Series({"a": 1.0, "b": 2.0}))
