"""Key-driver OLS, VIF, ordinal and logistic models against independent computations.

References: least squares and the HC3 sandwich written out with numpy; VIF from
auxiliary regressions (1 / (1 - R²_j)); scikit-learn's unpenalized logistic
regression; statsmodels' OrderedModel fitted directly; simulated data with known
coefficients.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from sklearn.linear_model import LogisticRegression
from statsmodels.miscmodels.ordinal_model import OrderedModel

from analysis.drivers import KeyDriverRegression, LogisticDriverModel, OrdinalDriverModel, vif
from analysis.errors import AnalysisWarning, DataValidationError, NotFittedError, ParameterError


def survey(n=400, seed=0, hetero=False):
    rng = np.random.default_rng(seed)
    base = rng.normal(size=(n, 1))
    x = np.clip(np.rint(4 + 1.2 * (rng.normal(size=(n, 3)) + 0.7 * base)), 1, 7)
    noise = rng.normal(size=n) * (0.5 + 0.3 * x[:, 0] if hetero else 1.0)
    y = 1.0 + x @ [0.5, 0.3, 0.0] + noise
    df = pd.DataFrame(x, columns=["staff", "speed", "decor"])
    df["overall"] = y
    return df


def test_ols_coefficients_and_hc3_errors_match_the_formulas():
    df = survey(hetero=True)
    cols = ["staff", "speed", "decor"]
    m = KeyDriverRegression().fit(df, "overall", cols)
    x = np.column_stack([np.ones(len(df)), df[cols].to_numpy()])
    y = df["overall"].to_numpy()
    beta = np.linalg.lstsq(x, y, rcond=None)[0]
    xtx_inv = np.linalg.inv(x.T @ x)
    h = np.einsum("ij,jk,ik->i", x, xtx_inv, x)
    e = y - x @ beta
    meat = (x * (e**2 / (1 - h) ** 2)[:, None]).T @ x  # HC3 (MacKinnon & White 1985)
    se = np.sqrt(np.diag(xtx_inv @ meat @ xtx_inv))
    s = m.summary()
    np.testing.assert_allclose(s["estimate"], beta, rtol=1e-10)
    np.testing.assert_allclose(s["std_error"], se, rtol=1e-10)
    # standardized coefficients = slopes of the regression on z-scores
    z = (df - df.mean()) / df.std(ddof=0)
    bz = np.linalg.lstsq(np.column_stack([np.ones(len(z)), z[cols]]), z["overall"], rcond=None)[0][1:]
    np.testing.assert_allclose(s["std_coef"].iloc[1:], bz, rtol=1e-10)
    # heteroskedastic errors on purpose: Breusch-Pagan should notice
    assert m.diagnostics()["breusch_pagan_p"] < 0.01


def test_vif_equals_auxiliary_regressions():
    df = survey()
    cols = ["staff", "speed", "decor"]
    x = df[cols].to_numpy()
    for j, c in enumerate(cols):
        others = np.column_stack([np.ones(len(x)), np.delete(x, j, axis=1)])
        fit = others @ np.linalg.lstsq(others, x[:, j], rcond=None)[0]
        r2 = 1 - np.sum((x[:, j] - fit) ** 2) / np.sum((x[:, j] - x[:, j].mean()) ** 2)
        assert vif(df, cols)[c] == pytest.approx(1 / (1 - r2), rel=1e-10)
    assert KeyDriverRegression().fit(df, "overall", cols).vif_["staff"] == pytest.approx(vif(df, cols)["staff"])


def test_multicollinearity_warning_names_the_predictors():
    df = survey()
    df["staff2"] = df["staff"] + np.random.default_rng(1).normal(scale=0.1, size=len(df))
    with pytest.warns(AnalysisWarning, match=r"VIF above 5 for staff \(.*staff2"):
        KeyDriverRegression().fit(df, "overall", ["staff", "speed", "staff2"])


def test_ols_recovers_known_coefficients():
    df = survey(n=3000, seed=4)
    s = KeyDriverRegression().fit(df, "overall", ["staff", "speed", "decor"]).summary()
    z = (s["estimate"] - [1.0, 0.5, 0.3, 0.0]) / s["std_error"]
    assert np.all(np.abs(z) < 4), z  # 4 independent-ish z-scores; P(|z| > 4) ~ 6e-5 each


def test_weights_equal_duplicated_rows_for_coefficients():
    df = survey(n=120, seed=2)
    w = np.random.default_rng(3).integers(1, 4, size=len(df))
    a = KeyDriverRegression().fit(df.assign(w=w), "overall", ["staff", "speed"], weight="w").summary()
    b = KeyDriverRegression().fit(df.loc[df.index.repeat(w)], "overall", ["staff", "speed"]).summary()
    np.testing.assert_allclose(a["estimate"], b["estimate"], rtol=1e-10)
    np.testing.assert_allclose(a["std_coef"].iloc[1:], b["std_coef"].iloc[1:], rtol=1e-10)


def test_group_interaction_test_detects_different_drivers_and_not_equal_ones():
    rng = np.random.default_rng(5)
    n = 600
    x = rng.normal(size=(n, 2))
    g = np.repeat(["web", "store"], n // 2)
    slope = np.where(g == "web", 1.0, 0.2)
    df = pd.DataFrame({"a": x[:, 0], "b": x[:, 1], "channel": g})
    df["differs"] = slope * x[:, 0] + rng.normal(size=n)
    df["same"] = 0.6 * x[:, 0] + rng.normal(size=n)
    differs = KeyDriverRegression().fit(df, "differs", ["a", "b"], group="channel")
    assert differs.group_test_["p_value"].item() < 1e-6 and differs.group_test_["df"].item() == 2
    per = differs.group_summary().set_index(["group", "term"])
    assert per.loc[("web", "a"), "estimate"] == pytest.approx(1.0, abs=0.2)
    assert per.loc[("store", "a"), "estimate"] == pytest.approx(0.2, abs=0.2)
    same = KeyDriverRegression().fit(df, "same", ["a", "b"], group="channel")
    assert same.group_test_["p_value"].item() > 0.001


def test_ordinal_logit_matches_statsmodels_and_recovers_truth():
    rng = np.random.default_rng(6)
    n = 3000
    x = rng.normal(size=(n, 2))
    latent = x @ [0.8, -0.4] + rng.logistic(size=n)
    cuts = [-1.5, 0.0, 1.0, 2.5]
    df = pd.DataFrame(x, columns=["a", "b"])
    df["y"] = np.digitize(latent, cuts) + 1  # categories 1..5
    m = OrdinalDriverModel().fit(df, "y", ["a", "b"])
    direct = OrderedModel(pd.Series(pd.Categorical(df["y"], ordered=True)), df[["a", "b"]],
                          distr="logit").fit(method="bfgs", disp=False, maxiter=2000)
    s = m.summary()
    np.testing.assert_allclose(s["estimate"], direct.params[:2], rtol=1e-6)
    assert np.all(np.abs((s["estimate"] - [0.8, -0.4]) / s["std_error"]) < 4)
    np.testing.assert_allclose(m.thresholds_, cuts, atol=0.2)  # SE of cut points here ~0.05
    np.testing.assert_allclose(s["odds_ratio"], np.exp(s["estimate"]))


def test_logistic_matches_scikit_learn_and_truth():
    rng = np.random.default_rng(7)
    n = 4000
    x = rng.normal(size=(n, 2))
    p = 1 / (1 + np.exp(-(-0.5 + x @ [1.0, -0.5])))
    df = pd.DataFrame(x, columns=["a", "b"])
    df["churned"] = (rng.random(n) < p).astype(int)
    s = LogisticDriverModel().fit(df, "churned", ["a", "b"]).summary()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sk = LogisticRegression(C=np.inf, tol=1e-10, max_iter=1000).fit(x, df["churned"])
    np.testing.assert_allclose(s["estimate"], [sk.intercept_[0], *sk.coef_[0]], atol=1e-5)
    assert np.all(np.abs((s["estimate"] - [-0.5, 1.0, -0.5]) / s["std_error"]) < 4)
    np.testing.assert_allclose(s["or_low"], np.exp(s["ci_low"]))


def test_weighted_logistic_equals_duplicated_rows():
    rng = np.random.default_rng(8)
    df = pd.DataFrame({"a": rng.normal(size=200)})
    df["y"] = (rng.random(200) < 1 / (1 + np.exp(-df["a"]))).astype(int)
    w = rng.integers(1, 4, size=200)
    a = LogisticDriverModel().fit(df.assign(w=w), "y", ["a"], weight="w").summary()
    b = LogisticDriverModel().fit(df.loc[df.index.repeat(w)], "y", ["a"]).summary()
    np.testing.assert_allclose(a["estimate"], b["estimate"], rtol=1e-6)


def test_bad_inputs_give_clear_errors():
    df = survey(n=50)
    with pytest.raises(DataValidationError, match="outside the declared scale 1-5.*'staff'|'staff'.*1-5"):
        KeyDriverRegression().fit(df, "overall", ["staff", "speed"], scale=(1, 5))
    with pytest.raises(DataValidationError, match="0/1"):
        LogisticDriverModel().fit(df, "overall", ["staff"])
    with pytest.raises(DataValidationError, match="whole-number"):
        OrdinalDriverModel().fit(df, "overall", ["staff"])
    with pytest.raises(DataValidationError, match="at least 3 categories|3 \\(use"):
        OrdinalDriverModel().fit(df.assign(two=(df["staff"] > 4).astype(int)), "two", ["speed"])
    with pytest.raises(ParameterError, match="weights"):
        OrdinalDriverModel().fit(df.assign(w=1.0), "staff", ["speed"], weight="w")
    with pytest.raises(DataValidationError, match="collinear"):
        KeyDriverRegression().fit(df.assign(both=df["staff"] + df["speed"]), "overall",
                                  ["staff", "speed", "both"])
    with pytest.raises(DataValidationError, match="'flat'"):
        KeyDriverRegression().fit(df.assign(flat=3), "overall", ["staff", "flat"])
    with pytest.raises(DataValidationError, match="at least 5"):
        KeyDriverRegression().fit(df.head(4), "overall", ["staff", "speed", "decor"])
    with pytest.raises(ParameterError, match="cov_type"):
        KeyDriverRegression(cov_type="HC9").fit(df, "overall", ["staff"])
    with pytest.raises(NotFittedError):
        KeyDriverRegression().summary()
    with pytest.raises(DataValidationError, match="group column 'segment'"):
        KeyDriverRegression().fit(df, "overall", ["staff"], group="segment")


def test_missing_answers_are_dropped_listwise_with_a_count():
    df = survey(n=100)
    df.loc[[3, 7], "speed"] = np.nan
    with pytest.warns(AnalysisWarning, match="2 of 100"):
        m = KeyDriverRegression().fit(df, "overall", ["staff", "speed"])
    assert m.n_ == 98 and m.n_dropped_ == 2


# --------------------------------------------------------------------------- one result shape
ESTIMATE_COLUMNS = ["estimate", "std_error", "ci_low", "ci_high", "p_value"]


def test_summaries_share_the_estimate_columns_and_follow_alpha():
    df = survey()
    df["loyal"] = (df["overall"] > df["overall"].median()).astype(int)
    df["rating"] = pd.cut(df["overall"], 4, labels=False)
    cols = ["staff", "speed", "decor"]
    for make, outcome, extra in [(KeyDriverRegression, "overall", ["t", "std_coef", "vif"]),
                                 (LogisticDriverModel, "loyal", ["z", "odds_ratio", "or_low", "or_high"]),
                                 (OrdinalDriverModel, "rating", ["z", "odds_ratio", "or_low", "or_high"])]:
        wide = make().fit(df, outcome, cols)
        narrow = make(alpha=0.1).fit(df, outcome, cols)
        s, s90 = wide.summary(), narrow.summary()
        assert list(s.columns) == ESTIMATE_COLUMNS + extra, make
        assert s.index.name == "term"
        # the intervals are statsmodels' own at the level asked for
        ci = np.asarray(narrow.result_.conf_int(0.1))[: len(s90)]
        np.testing.assert_allclose(s90[["ci_low", "ci_high"]], ci, rtol=1e-12)
        assert ((s90["ci_high"] - s90["ci_low"]) < (s["ci_high"] - s["ci_low"])).all()
        pd.testing.assert_series_equal(s["estimate"], s90["estimate"])
        assert repr(wide).startswith(make.__name__ + "\n") and "estimate" in repr(wide)
        assert make.__name__ + "(" in repr(make())  # unfitted: its settings
        with pytest.raises(NotFittedError, match="not fitted"):
            make().summary()


def test_group_test_is_a_one_row_frame():
    df = survey()
    df["g"] = np.repeat(["a", "b"], len(df) // 2)
    test = KeyDriverRegression().fit(df, "overall", ["staff", "speed"], group="g").group_test_
    assert isinstance(test, pd.DataFrame) and test.shape == (1, 3)
    assert list(test.columns) == ["stat", "df", "p_value"] and test.index.tolist() == ["g x drivers"]


def test_parameter_messages_have_one_form():
    df = survey()
    with pytest.raises(ParameterError, match=r"The 'cov_type' parameter of KeyDriverRegression must be one of"):
        KeyDriverRegression("HC9").fit(df, "overall", ["staff"])
    with pytest.raises(ParameterError, match=r"The 'alpha' parameter of LogisticDriverModel must be a number in "
                                             r"the range \(0, 0.5\)\. Got 0.95 instead\."):
        LogisticDriverModel(alpha=0.95).fit(df.assign(y=df["staff"] > 4), "y", ["speed"])


def test_loyalty_model_picks_logistic_for_0_1_and_ordinal_for_ratings():
    from analysis.drivers import loyalty_model

    df = survey()
    df["loyal"] = (df["overall"] > df["overall"].median()).astype(int)
    df["rating"] = pd.cut(df["overall"], 4, labels=False)
    logit = loyalty_model(df, "loyal", ["staff", "speed"], alpha=0.1)
    assert isinstance(logit, LogisticDriverModel) and logit.alpha == 0.1
    pd.testing.assert_frame_equal(logit.summary(), LogisticDriverModel(alpha=0.1).fit(df, "loyal", ["staff", "speed"])
                                  .summary())
    assert isinstance(loyalty_model(df, "rating", ["staff", "speed"]), OrdinalDriverModel)


def test_logit_diagnostics_report_separation_without_leaking_library_warnings():
    """Issue 13 (separation in the churn logit): a perfectly separated outcome is reported by
    diagnostics() (not converged, every fitted probability at 0 or 1) and no statsmodels warning
    reaches the page. Truth by construction: y = 1 exactly when a > 4.5."""
    import warnings

    from analysis.drivers import LogisticDriverModel

    df = pd.DataFrame({"a": [1, 2, 3, 4, 5, 6, 7, 8.0], "b": [3, 1, 4, 1, 5, 9, 2, 6.0], "y": [0, 0, 0, 0, 1, 1, 1, 1]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        d = LogisticDriverModel().fit(df, "y", ["a", "b"]).diagnostics()
    assert not d["converged"]
    assert d["n_extreme"] == 8 and d["n_events"] == 4 and d["n"] == 8
    rng = np.random.default_rng(0)
    ok = pd.DataFrame({"a": rng.normal(size=400)})
    ok["y"] = (rng.random(400) < 1 / (1 + np.exp(-ok["a"]))).astype(int)
    d = LogisticDriverModel().fit(ok, "y", ["a"]).diagnostics()
    assert bool(d["converged"]) and d["n_extreme"] == 0
    assert d["n_events"] == min(ok["y"].sum(), 400 - ok["y"].sum())


def test_a_missing_code_in_a_rating_is_pointed_to_missing_codes():
    """Issue 12: survey ratings coded 'unknown' for a missing answer failed with 'must hold numbers' and no hint."""
    import pandas as pd

    from analysis.drivers import KeyDriverRegression
    from analysis.errors import DataValidationError

    data = pd.DataFrame({"sat": [1, 2, 3, 4, 5, 6], "q": ["unknown", 2, 3, "unknown", 4, 5]})
    with pytest.raises(DataValidationError, match=r"\(row 1: 'unknown', row 4: 'unknown'\).*missing_codes: \[unknown\]"):
        KeyDriverRegression().fit(data, "sat", ["q"])
