"""Dominance analysis against direct regressions."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from drivers_cases import brute_force_lmg, correlated_data, ols_r2

from analysis.drivers import dominance_analysis
from analysis.errors import ParameterError


def test_dominance_against_direct_regressions():
    df = correlated_data(200, 4, seed=8, beta=[1.0, 0.6, 0.3, 0.0])
    cols = [f"x{i}" for i in range(4)]
    x, y = df[cols].to_numpy(), df["y"].to_numpy()
    res = dominance_analysis(df, "y", cols)
    for i in range(4):
        others = [j for j in range(4) if j != i]
        for k in range(4):
            incs = [ols_r2(x, y, list(s) + [i]) - ols_r2(x, y, s)
                    for s in itertools.combinations(others, k)]
            assert res.conditional.iloc[i, k] == pytest.approx(np.mean(incs), abs=1e-10)
    np.testing.assert_allclose(res.general["general_dominance"], brute_force_lmg(x, y), atol=1e-10)
    # complete dominance, checked by brute force over the subsets of the other two
    for _, row in res.pairs.iterrows():
        a, b = cols.index(row["a"]), cols.index(row["b"])
        rest = [j for j in range(4) if j not in (a, b)]
        diffs = [ols_r2(x, y, list(s) + [a]) - ols_r2(x, y, list(s) + [b])
                 for k in range(3) for s in itertools.combinations(rest, k)]
        want = row["a"] if min(diffs) > 0 else row["b"] if max(diffs) < 0 else ""
        assert row["complete"] == want
    assert res.pairs.loc[0, "complete"] == "x0"  # strongest true effect


def test_dominance_summary_and_repr():
    df = correlated_data(300, 3, seed=9)
    res = dominance_analysis(df, "y", ["x0", "x1", "x2"])
    s = res.summary()
    assert list(s.columns) == ["estimate", "std_error", "ci_low", "ci_high", "p_value", "share"]
    np.testing.assert_array_equal(s["estimate"], res.general["general_dominance"])
    assert repr(res).startswith("DominanceResult\n")
    with pytest.raises(ParameterError, match=r"The 'missing' parameter of dominance_analysis must be one of"):
        dominance_analysis(df, "y", ["x0", "x1"], missing="drop")
