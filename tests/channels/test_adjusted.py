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


def _zero_event_frame(seed=7):
    import pandas as pd

    rng = np.random.default_rng(seed)
    return pd.DataFrame({"ch": ["a"] * 15 + ["b"] * 15,
                         "y": [0] * 15 + [1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0],
                         "tenure": rng.normal(size=30)})


def test_zero_event_group_is_fitted_by_firth_not_a_separated_ml_fit():
    # issue 13 case 16: channel "a" never converts, so the logistic fit is quasi-completely
    # separated; Firth's estimate of a saturated two-group model is the closed form
    # (x + 1/2) / (n + 1): 4.5/16 - 0.5/16 = 0.25 (the raw 4/15 - 0/15 came from a diverging fit)
    res = adjusted_comparison(_zero_event_frame(), "ch", "y", ["tenure"], reference="a")
    row = res.effects.iloc[0]
    assert (row["method"], row["separation"]) == ("firth", "quasi-complete")
    assert (row["unadjusted_method"], row["unadjusted_separation"]) == ("firth", "quasi-complete")
    assert row["unadjusted"] == pytest.approx(0.25, abs=1e-8)
    assert np.isfinite([row["estimate"], row["std_error"], row["p_value"]]).all()
    withheld = adjusted_comparison(_zero_event_frame(), "ch", "y", ["tenure"], reference="a",
                                   on_separation="withhold").effects.iloc[0]
    assert withheld["method"] == "withheld" and np.isnan([withheld["estimate"], withheld["p_value"]]).all()


def test_separated_adjusted_fit_no_longer_reports_p_near_zero():
    # a zero-event channel plus a covariate that splits the other channel: maximum likelihood
    # gave std_error 3e-6 and p = 0 while Newcombe's interval for the raw difference,
    # (-0.04, +0.53), includes 0; Firth's fit keeps a finite, honest standard error
    import pandas as pd

    from analysis.channels import newcombe_interval

    df = pd.DataFrame({"ch": ["a"] * 12 + ["b"] * 12, "y": [0] * 12 + [1] * 3 + [0] * 9,
                       "age": np.tile(np.arange(12.0), 2)})
    assert newcombe_interval(3, 12, 0, 12)[0] < 0
    row = adjusted_comparison(df, "ch", "y", ["age"], reference="a").effects.iloc[0]
    assert row["separation"] == "complete" and row["method"] == "firth"
    assert row["std_error"] > 0.05 and row["p_value"] > 1e-3


def test_unseparated_logistic_fit_stays_maximum_likelihood(firm):
    res = adjusted_comparison(firm.campaign, "channel", "visit", ["recency_group"], reference="control")
    assert set(res.effects["method"]) == {"ml"} and set(res.effects["separation"]) == {"none"}
    lin = adjusted_comparison(firm.campaign, "channel", "spend", ["recency_group"], model="linear",
                              reference="control")
    assert set(lin.effects["method"]) == {"ols"} and set(lin.effects["separation"]) == {"none"}
