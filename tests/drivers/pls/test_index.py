"""The satisfaction index (analysis.drivers.pls.index, issue 15 item 3): the ACSI formula checked by brute force,
by hand, for invariance to the scale's units, against R plspm's published outer weights, and its bootstrap and
group comparison against a simulation with known truth."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.drivers.pls import PLSPathModel
from analysis.drivers.pls.index import SatisfactionIndex
from analysis.errors import DataValidationError, NotFittedError, ParameterError

BLOCKS = {"QUAL": ["q1", "q2", "q3"], "SAT": ["s1", "s2"]}


def _survey(n: int = 300, seed: int = 0, low: int = 1, high: int = 7, shift: float = 0.0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    q = rng.normal(size=n)
    s = 0.6 * q + rng.normal(scale=0.8, size=n)
    mid = (low + high) / 2 + shift

    def item(f, load):
        return np.clip(np.round(mid + load * f + rng.normal(size=n)), low, high)

    return pd.DataFrame({"q1": item(q, 1.2), "q2": item(q, 0.8), "q3": item(q, 1.0), "s1": item(s, 1.1),
                         "s2": item(s, 0.9)})


def _fit(df: pd.DataFrame, **kw) -> PLSPathModel:
    return PLSPathModel({"QUAL": "SAT"}, BLOCKS, **kw).fit(df)


def test_items_with_equal_means_give_the_rescaled_mean_whatever_the_weights():
    """Brute force: when every item of a block has the same mean x, any weighted mean is x, so the index is
    100 (x - min) / (max - min); a respondent answering x to every item of a block scores the same. Exact up to
    rounding (1e-9)."""
    df = _survey()
    rng = np.random.default_rng(5)
    for item in ("q2", "q3"):  # same values as q1 in another order: the same mean, different answers
        df[item] = rng.permutation(df["q1"].to_numpy())
    df["s2"] = rng.permutation(df["s1"].to_numpy())
    si = SatisfactionIndex(scale=(1, 7)).fit(_fit(df))
    assert si.index_.loc["QUAL", "estimate"] == pytest.approx(100 * (df["q1"].mean() - 1) / 6, abs=1e-9)
    assert si.index_.loc["SAT", "estimate"] == pytest.approx(100 * (df["s1"].mean() - 1) / 6, abs=1e-9)
    same = df[BLOCKS["QUAL"]].nunique(axis=1) == 1
    assert same.sum() > 5
    expected = 100 * (df.loc[same, "q1"] - 1) / 6
    pd.testing.assert_series_equal(si.scores_.loc[same, "QUAL"], expected, check_names=False, atol=1e-9, rtol=0)


def test_index_is_the_hand_computed_weighted_mean_of_the_items():
    """By hand (Fornell et al. 1996): unstandardized weight = PLS weight / item SD, rescaled to sum 1; index =
    100 (sum w_i xbar_i - min) / (max - min). Tolerance 1e-9 (floating point only)."""
    df = _survey(seed=2)
    model = _fit(df)
    si = SatisfactionIndex(scale=(1, 7)).fit(model)
    for construct, items in BLOCKS.items():
        raw = model.outer_weights_[items] / df[items].std(ddof=0)
        w = raw / raw.sum()
        assert si.weights_.loc[items, "weight"].to_numpy() == pytest.approx(w.to_numpy(), abs=1e-12)
        hand = 100 * ((w * df[items].mean()).sum() - 1) / 6
        assert si.index_.loc[construct, "estimate"] == pytest.approx(hand, abs=1e-9)
        assert si.scores_[construct].mean() == pytest.approx(hand, abs=1e-9)  # the index is the mean score
    assert si.index_["same_scale"].all() and (si.index_["negative_weights"] == 0).all()
    assert si.index_[["scale_low", "scale_high"]].to_numpy().tolist() == [[1, 7], [1, 7]]
    assert si.index_["std_error"].isna().all() and si.n_boot_used_ == 0


def test_index_does_not_depend_on_the_scale_units():
    """The same answers written on another scale (1-7 -> 0-600, or one item in other units with its own declared
    scale) give the same index: the index says where answers lie between the scale's ends (1e-9)."""
    df = _survey(seed=3)
    base = SatisfactionIndex(scale=(1, 7)).fit(_fit(df)).index_["estimate"]
    stretched = (df - 1) * 100
    assert SatisfactionIndex(scale=(0, 600)).fit(_fit(stretched)).index_["estimate"].to_numpy() == \
        pytest.approx(base.to_numpy(), abs=1e-9)
    mixed = df.assign(q1=(df["q1"] - 1) * 10 / 6)  # q1 on 0-10, the rest on 1-7
    scales = {i: (1, 7) for i in df.columns} | {"q1": (0, 10)}
    si = SatisfactionIndex(scale=scales).fit(_fit(mixed))
    assert si.index_["estimate"].to_numpy() == pytest.approx(base.to_numpy(), abs=1e-9)
    assert si.index_["same_scale"].tolist() == [False, True]
    assert np.isnan(si.index_.loc["QUAL", "scale_low"])
    # unscaled PLS (items only centred): the same answers in common other units, the same index; the
    # iteration's stopping rule is on the weights' own units, so both run to tol 1e-14 (observed 3e-9)
    unscaled = SatisfactionIndex(scale=(1, 7)).fit(_fit(df, scaled=False, tol=1e-14)).index_["estimate"]
    assert SatisfactionIndex(scale=(0, 600)).fit(_fit(stretched, scaled=False, tol=1e-14)).index_[
        "estimate"].to_numpy() == pytest.approx(unscaled.to_numpy(), abs=1e-6)


def test_bank_survey_index_from_plspm_published_weights(ecsi, satisfaction, shared_data):
    """R plspm's outer weights for the ECSI bank survey (Mode A, centroid, unscaled: the weights apply to the
    0-10 items as answered) rescaled to sum 1 per block give the ACSI index by hand; ours agrees to 1e-6 (the
    outer-weight iteration stops at tol 1e-6 in both; observed ~1e-14). Each respondent's index is an exact
    linear function of plspm's published construct score."""
    reference = shared_data / "reference" / "plspm_tests"
    ref = pd.read_csv(reference / "satisfaction.outer-model.csv")
    ref["mean"] = [satisfaction[i].mean() for i in ref["name"]]
    ref["w"] = ref["weight"] / ref.groupby("block")["weight"].transform("sum")
    expected = (ref["w"] * ref["mean"]).groupby(ref["block"]).sum() * 10  # 100 (x - 0) / (10 - 0)
    si = SatisfactionIndex(scale=(0, 10)).fit(ecsi)
    pd.testing.assert_series_equal(si.index_["estimate"].sort_index(), expected.sort_index(), check_names=False,
                                   atol=1e-6, rtol=0)
    scores = pd.read_csv(reference / "satisfaction.scores.csv")
    for construct in expected.index:
        r = np.corrcoef(si.scores_[construct].to_numpy(), scores[construct].to_numpy())[0, 1]
        assert r == pytest.approx(1.0, abs=1e-9)


def test_group_index_and_difference_by_brute_force(satisfaction, ecsi):
    """Per group, the pooled weights applied to the group's item means; the difference is one group minus the
    other (two groups: one row per construct, the first group minus the second). Plain pandas, 1e-9."""
    si = SatisfactionIndex(scale=(0, 10), n_boot=60, seed=4).fit(ecsi, groups=satisfaction["gender"])
    means = satisfaction.groupby("gender")[list(si.weights_.index)].mean() * 10
    w = si.weights_["weight"]
    for construct in ecsi.constructs_:
        items = list(si.weights_.index[si.weights_["construct"] == construct])
        per = means[items] @ w[items]
        for g in ("female", "male"):
            assert si.by_group_.loc[(construct, g), "estimate"] == pytest.approx(per[g], abs=1e-9)
        assert si.differences_.loc[(construct, "female"), "estimate"] == pytest.approx(per["female"] - per["male"],
                                                                                       abs=1e-9)
    assert si.by_group_.xs("female", level="group")["n"].eq(148).all()
    assert set(si.differences_.index.get_level_values("group")) == {"female"}
    assert si.differences_["n_rest"].eq(102).all() and len(si.differences_) == 6
    assert set(si.differences_.columns) >= {"estimate", "std_error", "ci_low", "ci_high", "p_value", "excludes_zero"}


def _continuous(n_per: int, means: dict, rng) -> pd.DataFrame:
    """Items whose population mean is known exactly (no clipping): item = mu_group + factor + noise."""
    parts = []
    for g, mu in means.items():
        q = rng.normal(size=n_per)
        s = 0.6 * q + rng.normal(scale=0.8, size=n_per)
        cols = {i: mu + f + rng.normal(scale=0.7, size=n_per)
                for i, f in (("q1", q), ("q2", q), ("q3", q), ("s1", s), ("s2", s))}
        parts.append(pd.DataFrame(cols).assign(g=g))
    return pd.concat(parts, ignore_index=True)


def test_bootstrap_matches_a_simulation_with_known_truth():
    """Known truth: every item of a group has population mean mu_g, so on the scale 0-20 the true index is
    100 (mu_g - 0) / 20 for any weights (group a: 30, b: 33; overall 31.5). The bootstrap standard error of the
    overall index agrees with the spread of the index over 60 simulated surveys (ratio within 0.7-1.4: 60 samples
    estimate an SD to about +-9 %, one sample's bootstrap SE varies by as much again), and the intervals of one
    survey cover the true index and the true difference."""
    rng = np.random.default_rng(11)
    means = {"a": 6.0, "b": 6.6}
    spread = [SatisfactionIndex(scale=(0, 20)).fit(_fit(_continuous(150, means, rng))).index_["estimate"]
              for _ in range(60)]
    mc_sd = pd.concat(spread, axis=1).std(axis=1, ddof=1)
    mc_mean = pd.concat(spread, axis=1).mean(axis=1)
    assert mc_mean.to_numpy() == pytest.approx([31.5, 31.5], abs=0.15)  # unbiased: 3 Monte-Carlo SEs
    df = _continuous(150, means, rng)
    si = SatisfactionIndex(scale=(0, 20), n_boot=200, seed=2).fit(_fit(df), groups=df["g"])
    ratio = si.index_["std_error"] / mc_sd
    assert ratio.between(0.7, 1.4).all(), ratio
    assert ((si.index_["ci_low"] < 31.5) & (si.index_["ci_high"] > 31.5)).all()
    for construct in BLOCKS:
        for g, mu in means.items():
            row = si.by_group_.loc[(construct, g)]
            assert row["ci_low"] < 5 * mu < row["ci_high"]
        diff = si.differences_.loc[(construct, "a")]  # a minus b, truly 30 - 33
        assert diff["ci_low"] < -3.0 < diff["ci_high"] and diff["excludes_zero"]
    again = SatisfactionIndex(scale=(0, 20), n_boot=200, seed=2).fit(_fit(df), groups=df["g"])
    pd.testing.assert_frame_equal(si.differences_, again.differences_)  # same seed, same intervals


def test_negative_weight_is_counted():
    """A reverse-worded item left unrecoded gets a negative weight: the index is then no weighted mean (it can
    leave 0-100), and ``negative_weights`` says so for its construct only."""
    df = _survey(seed=6)
    df["q3"] = 8 - df["q3"]
    si = SatisfactionIndex(scale=(1, 7)).fit(PLSPathModel({"QUAL": "SAT"}, BLOCKS, anchors={"QUAL": "q1"}).fit(df))
    assert si.index_["negative_weights"].to_dict() == {"QUAL": 1, "SAT": 0}
    assert si.weights_.loc["q3", "weight"] < 0


def test_refusals_name_what_to_change():
    df = _survey(seed=7)
    model = _fit(df)
    with pytest.raises(NotFittedError):
        SatisfactionIndex().fit(PLSPathModel({"QUAL": "SAT"}, BLOCKS))
    with pytest.raises(ParameterError, match="n_boot"):
        SatisfactionIndex(n_boot=10).fit(model)
    with pytest.raises(ParameterError, match="alpha"):
        SatisfactionIndex(alpha=0.7).fit(model)
    with pytest.raises(DataValidationError, match="at least 2"):
        SatisfactionIndex().fit(model, groups=pd.Series("x", index=df.index))
    with pytest.raises(ParameterError, match="no value for 100"):
        SatisfactionIndex().fit(model, groups=pd.Series(["x", "y"] * 100))
    with pytest.raises(ParameterError, match="Series"):
        SatisfactionIndex().fit(model, groups=["x", "y"] * 150)
    with pytest.raises(DataValidationError, match="outside the declared scale"):
        SatisfactionIndex(scale=(2, 7)).fit(model)
    with pytest.raises(NotFittedError):
        SatisfactionIndex().summary()


def test_respondents_without_a_group_count_overall_only():
    """A missing group leaves the respondent in the overall index (the same as without groups) but in no group;
    three groups: each is compared with the respondents of the two others (brute force, 1e-9)."""
    df = _survey(seed=9)
    model = _fit(df)
    groups = pd.Series(np.resize(["x", "y", "z", None], len(df)), index=df.index)
    si = SatisfactionIndex(scale=(1, 7)).fit(model, groups=groups)
    plain = SatisfactionIndex(scale=(1, 7)).fit(model)
    pd.testing.assert_frame_equal(si.index_, plain.index_)
    assert si.by_group_.xs("QUAL", level="construct")["n"].to_dict() == {"x": 75, "y": 75, "z": 75}
    w = si.weights_["weight"]
    items = BLOCKS["SAT"]
    scored = (df[items] - 1) / 6 * 100 @ w[items]
    rest = scored[groups.isin(["y", "z"])].mean()
    assert si.differences_.loc[("SAT", "x"), "estimate"] == pytest.approx(scored[groups == "x"].mean() - rest,
                                                                          abs=1e-9)
    assert si.differences_.loc[("SAT", "x"), "n_rest"] == 150 and len(si.differences_) == 6


def test_index_by_channel_recovers_the_synthetic_firms_known_survey_truth():
    """Known truth (analysis.simulate): every perception item of a dimension is clip(rint(latent + noise), 1, 7)
    with latent + noise ~ Normal(mean_d + shift_cd, sqrt(latent_sd^2 + item_noise_sd^2)), so all items of a block
    share one expected answer E = 1 + sum_k P(X > k + 0.5) and the true index is 100 (E - 1) / 6 whatever the
    weights. The index of each dimension, per acquisition channel and each channel minus the others, lies within
    3.5 bootstrap standard errors of the truth (25 cells each: a miss beyond 3.5 has probability about 1 % in
    all), and at least 80 % of the 95 % intervals cover it (observed 24 of 25 per channel)."""
    from scipy import stats

    from analysis.datasets import load_service_demo
    from analysis.drivers import structural_model, survey_drivers

    firm = load_service_demo(5000, seed=20240601)
    truth, survey = firm.truth, firm.survey
    constructs, _ = survey_drivers(survey, item_pattern=r"^perc_(?P<construct>.+)_\d+$", predictors=None)
    sm = structural_model(constructs, {"satisfaction": ["overall_satisfaction"]})
    model = PLSPathModel(sm.paths, sm.blocks, scheme="path").fit(survey)
    si = SatisfactionIndex(scale=truth.scale, n_boot=200, seed=1).fit(model, groups=survey["channel"])
    sd = np.hypot(truth.latent_sd, truth.item_noise_sd)
    low, high = truth.scale
    sizes = survey["channel"].value_counts()

    def true_index(d, c):
        mu = truth.perception_means[d] + truth.perception_channel_shift.get(c, {}).get(d, 0.0)
        expected = low + sum(stats.norm.sf((k + 0.5 - mu) / sd) for k in range(low, high))
        return 100 * (expected - low) / (high - low)

    cells = []
    for d in truth.perception_means:
        per = pd.Series({c: true_index(d, c) for c in sizes.index})
        overall = (per * sizes).sum() / sizes.sum()
        assert abs(si.index_.loc[d, "estimate"] - overall) < 3.5 * si.index_.loc[d, "std_error"], d
        for c in sizes.index:
            rest = (per * sizes).drop(c).sum() / sizes.drop(c).sum()
            for table, value in ((si.by_group_, per[c]), (si.differences_, per[c] - rest)):
                row = table.loc[(d, c)]
                assert abs(row["estimate"] - value) < 3.5 * row["std_error"], (d, c)
                cells.append(row["ci_low"] < value < row["ci_high"])
    assert np.mean(cells) >= 0.8
    # the firm's largest channel shift shows: stores' tangibles perception is truly shifted up by 0.3 points
    assert si.differences_.loc[("tangibles", "store"), "excludes_zero"]
