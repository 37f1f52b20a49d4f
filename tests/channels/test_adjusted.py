"""Adjusted channel comparisons (analysis.channels.adjusted): the synthetic firm's known truth in
a confounded sample, the raw difference of means, and statsmodels' OLS with HC1 errors."""

from __future__ import annotations

import numpy as np
import pytest
import statsmodels.formula.api as smf

from analysis.channels import adjusted_comparison
from analysis.simulate import simulate_service_firm

Z = 4.0  # truth must lie within 4 standard errors: a false alarm about 1 in 16,000 per check


@pytest.fixture(scope="module")
def firm():
    return simulate_service_firm(12000, seed=7)


def _confounded(firm):
    """Treated arms keep every recent but only 15% of lapsed contacts: mix now differs by arm."""
    camp = firm.campaign
    rng = np.random.default_rng(1)
    drop = (camp["channel"] != "control") & (camp["recency_group"] == "lapsed") & (rng.random(len(camp)) > 0.15)
    return camp.loc[~drop].reset_index(drop=True)


def _adjusted_in_confounded_sample(firm, outcome: str, true_column: str):
    """The confounded sample, the true arm values at its share of recent contacts, and the
    comparison of ``outcome`` adjusted for recency group (interacted)."""
    sample = _confounded(firm)
    share = (sample["recency_group"] == "recent").mean()
    true = firm.truth.arm_rates(share).set_index("arm")[true_column]
    res = adjusted_comparison(sample, "channel", outcome, ["recency_group"], reference="control", interact=True)
    return sample, true, res


def test_adjustment_recovers_truth_in_a_confounded_sample(firm):
    sample, true, res = _adjusted_in_confounded_sample(firm, "visit", "visit_rate")
    assert res.model == "logistic"
    eff = res.effects.set_index("group")
    for arm in ("email", "email_discount"):
        want = true[arm] - true["control"]
        assert abs(eff.loc[arm, "estimate"] - want) < Z * eff.loc[arm, "std_error"], arm
        # the raw comparison is biased upward (recent customers visit more) far beyond its error
        assert eff.loc[arm, "unadjusted"] - want > Z * eff.loc[arm, "unadjusted_std_error"], arm
        # unadjusted = raw difference of rates
        raw = sample.groupby("channel")["visit"].mean()
        assert eff.loc[arm, "unadjusted"] == pytest.approx(raw[arm] - raw["control"], abs=1e-8)


def test_two_part_spend_adjustment_recovers_truth(firm):
    sample, true, res = _adjusted_in_confounded_sample(firm, "spend", "spend_per_contact")
    assert res.model == "two_part"
    eff = res.effects.set_index("group")
    raw = sample.groupby("channel")["spend"].mean()
    for arm in ("email", "email_discount"):
        assert abs(eff.loc[arm, "estimate"] - (true[arm] - true["control"])) < Z * eff.loc[arm, "std_error"]
        assert eff.loc[arm, "unadjusted"] == pytest.approx(raw[arm] - raw["control"], rel=1e-6)


def test_ancova_equals_statsmodels_ols_coefficient(firm):
    camp = firm.campaign
    res = adjusted_comparison(camp, "channel", "spend", ["tenure_days", "region", "past_spend"],
                              model="linear", reference="control")
    fit = smf.ols("spend ~ C(channel, Treatment('control')) + tenure_days + C(region) + past_spend",
                  data=camp).fit(cov_type="HC1")
    eff = res.effects.set_index("group")
    for arm in ("email", "email_discount"):
        name = f"C(channel, Treatment('control'))[T.{arm}]"
        assert eff.loc[arm, "estimate"] == pytest.approx(fit.params[name], rel=1e-8)
        assert eff.loc[arm, "std_error"] == pytest.approx(fit.bse[name], rel=1e-8)


def test_effects_have_the_estimate_shape(firm):
    from analysis.results import ESTIMATE_COLUMNS

    res = adjusted_comparison(firm.campaign, "channel", "visit", ["recency_group"], reference="control")
    eff = res.effects
    assert list(eff.columns) == [*ESTIMATE_COLUMNS, "group", "reference", "unadjusted", "unadjusted_std_error",
                                 "unadjusted_ci_low", "unadjusted_ci_high", "unadjusted_p_value", "shift",
                                 # issue 13 case 16: how each fit was estimated and whether it was separated
                                 "method", "separation", "unadjusted_method", "unadjusted_separation"]
    assert res.summary() is eff and repr(res).startswith("AdjustedComparison\n")
    np.testing.assert_allclose(eff["shift"], eff["estimate"] - eff["unadjusted"], rtol=1e-12)
    np.testing.assert_allclose(eff["ci_high"] - eff["estimate"], 1.959963984540054 * eff["std_error"], rtol=1e-9)
    with pytest.raises(Exception, match=r"The 'model' parameter of adjusted_comparison must be one of"):
        adjusted_comparison(firm.campaign, "channel", "visit", ["recency_group"], model="probit")
