"""Power and sample sizes of analysis.channels.power against statsmodels."""

from __future__ import annotations

import math

import pytest

from analysis.errors import ParameterError


def test_power_against_statsmodels():
    from statsmodels.stats.power import NormalIndPower, TTestIndPower
    from statsmodels.stats.proportion import proportion_effectsize

    from analysis.channels import mde_means, mde_rates, sample_size_rates

    power = NormalIndPower()
    for p0, n1, n0 in [(0.10, 2000, 2000), (0.01, 20000, 10000), (0.4, 150, 300)]:
        mde = mde_rates(p0, n1, n0)
        # at the MDE statsmodels' power is 0.8 (its two-sided power adds the far tail, < 1e-6 here)
        h = proportion_effectsize(p0 + mde, p0)
        assert power.power(h, nobs1=n1, alpha=0.05, ratio=n0 / n1) == pytest.approx(0.8, abs=1e-5)
    n1, n0 = sample_size_rates(0.12, 0.10, ratio=2.0)
    ref = power.solve_power(proportion_effectsize(0.12, 0.10), alpha=0.05, power=0.8, ratio=2.0)
    assert n1 == math.ceil(ref) or n1 == math.ceil(ref) - 1  # same up to the far-tail term
    # means: large samples, the z-based MDE matches the t-test power solution closely
    d = TTestIndPower().solve_power(nobs1=5000, alpha=0.05, power=0.8, ratio=1.0)
    assert mde_means(1.0, 5000, 5000) == pytest.approx(d, rel=1e-3)
    with pytest.raises(ParameterError):
        mde_rates(0.1, 100, 100, power=1.2)


def test_mde_table_in_points():
    # issue 13, case 15: the MDE is a difference in percentage points, and the table says so in its column
    import pandas as pd

    from analysis.channels import mde_rates, mde_table

    lift = pd.DataFrame({"arm": ["a", "b"], "n": [2000, 800], "n_control": [2000, 2000], "mean_control": [0.1, 0.1],
                         "estimate": [0.05, 0.01], "significant": [True, False]})
    t = mde_table(lift)
    assert t.loc["a", "mde_pp"] == pytest.approx(100 * mde_rates(0.1, 2000, 2000))
    assert t.loc["b", "mde"] == pytest.approx(mde_rates(0.1, 800, 2000))
    assert t["detectable"].tolist() == [True, False] and t["lift_pp"].tolist() == pytest.approx([5.0, 1.0])
