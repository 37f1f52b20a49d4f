"""Loyalty-programme evaluation by propensity weighting (analysis.retention.loyalty), issue 15 item 1.

Checked against independent references: the Lalonde NSW data (Dehejia-Wahba's experimental
benchmark of 1,794 dollars, and ATT weights computed here with scikit-learn's and statsmodels'
logistic regressions), cobalt-style balance against analysis.channels.covariate_balance, and the
synthetic firm, whose true effect on spend per order is known (ratio 1.10).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from sklearn.linear_model import LogisticRegression

from analysis.channels import covariate_balance
from analysis.errors import DataValidationError, ParameterError
from analysis.retention import (LOYALTY_COVARIATES, membership_status, programme_sample, propensity_weighting,
                                weighted_balance)

NSW_COVARIATES = ["age", "education", "black", "hispanic", "married", "nodegree", "re74", "re75"]
#: Dehejia and Wahba (1999): the experimental estimate on their NSW subsample (treated minus control re78)
EXPERIMENTAL_BENCHMARK = 1794.34


@pytest.fixture(scope="module")
def lalonde(shared_data):
    folder = shared_data / "reference" / "lalonde"
    if not (folder / "nsw_dw.csv").exists():
        pytest.skip(f"{folder} not found")
    return {name: pd.read_csv(folder / f"{name}.csv") for name in ("nsw_dw", "psid_controls", "matchit_lalonde")}


def _independent_att(df, covariates, trim):
    """ATT by weighting, written out with scikit-learn's unpenalised logistic regression."""
    x = df[covariates].to_numpy(float)
    x = (x - x.mean(0)) / x.std(0)
    t = df["treat"].to_numpy(bool)
    ps = LogisticRegression(C=np.inf, max_iter=10_000, tol=1e-12).fit(x, t).predict_proba(x)[:, 1]
    keep = np.ones(len(df), bool)
    if trim:
        keep = np.where(t, ps <= ps[~t].max(), ps >= ps[t].min())
    y, t, ps = df["re78"].to_numpy(float)[keep], t[keep], ps[keep]
    w = ps[~t] / (1 - ps[~t])
    return y[t].mean() - np.sum(w * y[~t]) / w.sum()


def test_the_experimental_benchmark_is_the_published_one(lalonde):
    # the data are Dehejia-Wahba's subsample: the randomised difference is their published 1,794 dollars
    nsw = lalonde["nsw_dw"]
    diff = nsw.loc[nsw.treat == 1, "re78"].mean() - nsw.loc[nsw.treat == 0, "re78"].mean()
    assert diff == pytest.approx(EXPERIMENTAL_BENCHMARK, abs=0.01)


def test_att_weighting_on_nsw_vs_psid_matches_an_independent_fit_and_covers_the_benchmark(lalonde):
    nsw = lalonde["nsw_dw"]
    df = pd.concat([nsw[nsw.treat == 1], lalonde["psid_controls"]], ignore_index=True)
    res = propensity_weighting(df, "treat", "re78", NSW_COVARIATES, scale="level", n_bootstrap=150, seed=3)
    e = res.effects
    # same estimator, independent optimiser: agreement to the optimisers' tolerance (1 dollar of ~2,100)
    assert e.loc["weighted", "estimate"] == pytest.approx(_independent_att(df, NSW_COVARIATES, True), abs=1.0)
    # the observational naive difference is far off (PSID men earned much more), weighting recovers the
    # experimental benchmark within its bootstrap interval
    assert e.loc["naive", "ci_high"] < 0 < EXPERIMENTAL_BENCHMARK
    assert e.loc["weighted", "ci_low"] < EXPERIMENTAL_BENCHMARK < e.loc["weighted", "ci_high"]
    assert e.loc["doubly_robust", "ci_low"] < EXPERIMENTAL_BENCHMARK < e.loc["doubly_robust", "ci_high"]
    # balance: earnings before the programme differ by more than one SD raw, much less after weighting
    b = res.balance
    assert (b.loc[["re74", "re75"], "smd_before"].abs() > 1).all()
    assert (b.loc[["re74", "re75"], "smd_after"].abs() < 0.1).all()
    assert e.loc["weighted", "n_trimmed"] == (~res.scores["kept"]).sum() > 0


def test_att_weighting_without_trimming_matches_statsmodels_on_matchit_lalonde(lalonde):
    # MatchIt's lalonde (614 rows, race as text): ATT weights from statsmodels' GLM, written out here
    df = lalonde["matchit_lalonde"]
    covs = ["age", "educ", "race", "married", "nodegree", "re74", "re75"]
    res = propensity_weighting(df, "treat", "re78", covs, scale="level", trim="none", n_bootstrap=0)
    x = pd.get_dummies(df[covs], columns=["race"], drop_first=True, dtype=float)
    fit = sm.GLM(df["treat"], sm.add_constant(x), family=sm.families.Binomial()).fit()
    ps, t = fit.fittedvalues.to_numpy(), df["treat"].to_numpy(bool)
    w = ps[~t] / (1 - ps[~t])
    expected = df.loc[t, "re78"].mean() - np.sum(w * df.loc[~t, "re78"]) / w.sum()
    assert res.effects.loc["weighted", "estimate"] == pytest.approx(expected, abs=0.01)  # 0.01 dollar
    np.testing.assert_allclose(res.scores["propensity"], ps, atol=1e-7)
    assert res.effects.loc["naive", "estimate"] == pytest.approx(
        df.loc[t, "re78"].mean() - df.loc[~t, "re78"].mean(), abs=1e-9)


def test_balance_before_weighting_is_channels_covariate_balance_and_after_is_a_weighted_mean():
    rng = np.random.default_rng(4)
    df = pd.DataFrame({"t": rng.random(300) < 0.4, "x": rng.normal(size=300),
                       "ch": rng.choice(["web", "store", "app"], 300)})
    w = np.where(df["t"], 1.0, rng.uniform(0.2, 3, 300))
    bal = weighted_balance(df, "t", ["x", "ch"], w)
    ref = covariate_balance(df.assign(arm=df["t"].map({True: "m", False: "c"})), "arm", ["x", "ch"], "c")
    ref.index = [c if v == "" else f"{c}={v}" for c, v in zip(ref["covariate"], ref["value"])]
    np.testing.assert_allclose(bal.loc[ref.index, "smd_before"], ref["smd"], atol=1e-12)
    t = df["t"].to_numpy()
    x = df["x"].to_numpy()
    sd = np.sqrt((x[t].var(ddof=1) + x[~t].var(ddof=1)) / 2)
    after = (x[t].mean() - np.sum(w[~t] * x[~t]) / w[~t].sum()) / sd
    assert bal.loc["x", "smd_after"] == pytest.approx(after, abs=1e-12)


def test_programme_sample_uses_pre_launch_history_and_orders_while_a_member():
    tx = pd.DataFrame({
        "customer_id": ["a", "a", "a", "a", "b", "b", "b", "c"],
        "date": pd.to_datetime(["2023-06-01", "2023-10-01", "2024-02-01", "2024-09-01",
                                "2023-11-01", "2024-03-01", "2024-04-01", "2024-05-01"]),
        "amount": [10.0, 30.0, 44.0, 50.0, 8.0, 9.0, 11.0, 99.0]})
    # a joins on 2024-02-01 and leaves on 2024-06-30 (her September order is after leaving)
    m = pd.DataFrame({"customer_id": ["a"], "start_date": pd.to_datetime(["2024-02-01"]),
                      "end_date": pd.to_datetime(["2024-06-30"])})
    s = programme_sample(tx, m, launch_date="2024-01-01")
    assert s.index.tolist() == ["a", "b"]  # c has no order before launch
    a, b = s.loc["a"], s.loc["b"]
    assert (a["member"], a["n_orders_pre"], a["aov_pre"], a["spend_per_order"]) == (True, 2, 20.0, 44.0)
    assert (a["recency_days"], a["tenure_days"]) == (92.0, 214.0)
    assert (b["member"], b["spend_per_order"], b["n_orders_post"]) == (False, 10.0, 2)
    assert a["log_aov_pre"] == pytest.approx(np.log(20.0))
    assert membership_status(m).loc["a", "leave_date"] == pd.Timestamp("2024-06-30")


def test_weighting_refuses_missing_values_and_logs_of_zero():
    df = pd.DataFrame({"t": [1, 1, 0, 0, 0], "y": [1.0, 2.0, 0.0, 3.0, 4.0], "x": [1.0, None, 2.0, 3.0, 1.0]})
    with pytest.raises(DataValidationError, match="missing"):
        propensity_weighting(df, "t", "y", ["x"], n_bootstrap=0)
    with pytest.raises(DataValidationError, match="scale='level'"):
        propensity_weighting(df.fillna(1.0), "t", "y", ["x"], n_bootstrap=0)
    with pytest.raises(DataValidationError, match="lacks column"):
        propensity_weighting(df, "t", "spend", ["x"], n_bootstrap=0)
    with pytest.raises(ParameterError, match="'scale' parameter"):
        propensity_weighting(df, "t", "y", ["x"], scale="ratio")


@pytest.fixture(scope="module")
def firm():
    from analysis.simulate import simulate_service_firm

    f = simulate_service_firm()
    t = f.tables()
    if "memberships" not in t:
        pytest.skip("the synthetic firm has no loyalty programme yet")
    return f, t


def test_weighting_recovers_the_firms_true_effect_and_the_naive_ratio_does_not(firm):
    f, t = firm
    truth = 1 + f.truth.loyalty_spend_effect  # 1.10: every order while a member is raised by 10 %
    s = programme_sample(t["transactions"], t["memberships"], t["customers"], launch_date=f.truth.loyalty_launch)
    res = propensity_weighting(s, "member", "spend_per_order", [*LOYALTY_COVARIATES, "acquisition_channel"],
                               n_bootstrap=100, seed=1)
    e = res.effects
    # self-selection: members' raw spend per order is far more than 10 % above non-members'
    assert e.loc["naive", "ratio_ci_low"] > truth + 0.1
    # weighting with regression adjustment recovers the truth within its 95 % interval
    assert e.loc["doubly_robust", "ratio_ci_low"] < truth < e.loc["doubly_robust", "ratio_ci_high"]
    # the score is the firm's own model (a logit in log AOV and log orders before launch): balance holds
    assert (res.balance["abs_smd_after"] <= 0.1).all()
    assert (res.balance.loc[["log_aov_pre", "log_orders_pre"], "smd_before"] > 0.3).all()


def test_a_covariate_outside_the_pre_launch_history_is_refused_by_name():
    """loyalty_covariates may name only pre-launch columns of the programme sample; before, 'income' got a
    message about mapping columns under 'data: data:' in the study file."""
    from analysis.errors import ParameterError
    from analysis.retention import programme_covariates

    sample = pd.DataFrame({"log_orders_pre": [0.0, 1.0], "spend_per_order": [5.0, 6.0], "tenure_days": [3, 9]})
    assert programme_covariates(sample, ["tenure_days"]) == ["tenure_days"]
    for given in (["income"], ["spend_per_order"], []):
        with pytest.raises(ParameterError, match=r"loyalty_covariates names .*which is not a pre-launch covariate "
                                                 r"of the programme sample; choose from 'log_orders_pre', 'tenure_days'"):
            programme_covariates(sample, given)
