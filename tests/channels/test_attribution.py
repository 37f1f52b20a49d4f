"""Path attribution against the ChannelAttribution example data's recorded heuristic
figures, a direct pandas computation, a hand-solved chain, a different algorithm
(power iteration) and a seeded simulation of the chain."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.channels import (
    absorbing_conversion_probability,
    heuristic_attribution,
    markov_attribution,
    paths_from_touches,
)
from analysis.channels.attribution import _chain_counts, _transition_structure, parse_paths
from analysis.errors import DataValidationError

KW = dict(conversions="total_conversions", value="total_conversion_value", nulls="total_null")


@pytest.fixture(scope="module")
def path_data(shared_data):
    return pd.read_csv(shared_data / "path_attribution" / "PathData.csv", sep=";")


def test_heuristics_match_recorded_figures(path_data):
    # PROVENANCE.md of the path_attribution data: first / last / linear conversions
    recorded = {"alpha": (6308, 8447, 7574.7), "iota": (4606, 3355, 3857.1), "eta": (3164, 4167, 3540.0),
                "beta": (2831, 989, 2083.5), "theta": (1606, 653, 1022.8), "lambda": (902, 1207, 1035.3)}
    h = heuristic_attribution(path_data, conversions="total_conversions", value="total_conversion_value")
    for ch, (first, last, linear) in recorded.items():
        assert h.loc[ch, "first_touch"] == first
        assert h.loc[ch, "last_touch"] == last
        assert round(h.loc[ch, "linear"], 1) == linear
    for rule in ("first_touch", "last_touch", "linear", "time_decay"):
        assert h[rule].sum() == pytest.approx(path_data["total_conversions"].sum())
        assert h[f"{rule}_value"].sum() == pytest.approx(path_data["total_conversion_value"].sum())


def test_time_decay_against_direct_pandas(path_data):
    sub = path_data.head(300)
    h = heuristic_attribution(sub, conversions="total_conversions", half_life=2.0)
    long = sub.assign(ch=sub["path"].str.split(">")).explode("ch")
    long["ch"] = long["ch"].str.strip()
    long["pos"] = long.groupby(level=0).cumcount()
    long["k"] = long.groupby(level=0)["ch"].transform("size")
    long["w"] = 2.0 ** (-(long["k"] - 1 - long["pos"]) / 2.0)
    long["w"] = long["w"] / long.groupby(level=0)["w"].transform("sum")
    direct = (long["w"] * long["total_conversions"]).groupby(long["ch"]).sum()
    pd.testing.assert_series_equal(h["time_decay"], direct.rename("time_decay").rename_axis("channel"), rtol=1e-10)


def test_markov_hand_solved_example():
    # start->a (2), start->b (1); a->b (1), a->null (1); b->conv (2): P = 2/3
    # without a: P = 1/3 -> removal effect 0.5; without b: P = 0 -> 1
    p = pd.DataFrame({"path": ["a > b", "a", "b"], "conversions": [1, 0, 1], "nulls": [0, 1, 0]})
    m = markov_attribution(p)
    assert m.conversion_probability == pytest.approx(2 / 3, abs=1e-14)
    np.testing.assert_allclose(m.attribution["removal_effect"], [0.5, 1.0], atol=1e-14)
    np.testing.assert_allclose(m.attribution["conversions"], [2 / 3, 4 / 3], atol=1e-14)


def _power_iteration(q, r, removed=None, steps=4000):
    """Push probability mass through the chain until it is absorbed (a different algorithm)."""
    q, r = q.astype(float).copy(), r.astype(float).copy()
    if removed is not None:
        q[removed] = 0
        r[removed] = (0, 1)
    tot = q.sum(1) + r.sum(1)
    tot[tot == 0] = 1
    qp, rp = q / tot[:, None], r[:, 0] / tot
    mass = np.zeros(len(q))
    mass[0] = 1.0
    absorbed = 0.0
    for _ in range(steps):
        absorbed += mass @ rp
        mass = mass @ qp
        if mass.sum() < 1e-15:
            break
    return absorbed


def test_markov_exact_solution_vs_power_iteration_and_observed_rate(path_data):
    m = markov_attribution(path_data, **KW)
    conv, nul = path_data["total_conversions"].sum(), path_data["total_null"].sum()
    # a first-order chain fitted to the journeys reproduces their conversion rate exactly
    assert m.conversion_probability == pytest.approx(conv / (conv + nul), rel=1e-12)
    touches, c, _, n = parse_paths(path_data, path="path", conversions="total_conversions", nulls="total_null")
    channels = sorted({x for t in touches for x in t})
    inc, last = _transition_structure(touches, channels)
    q, r = _chain_counts(inc, last, len(channels) + 1, c, n)
    base = _power_iteration(q, r)
    for s, ch in enumerate(channels, start=1):
        re = 1 - _power_iteration(q, r, removed=s) / base
        assert m.attribution.loc[ch, "removal_effect"] == pytest.approx(re, abs=1e-10), ch
    assert m.attribution["conversions"].sum() == pytest.approx(conv)
    assert m.attribution["value"].sum() == pytest.approx(path_data["total_conversion_value"].sum())
    again = markov_attribution(path_data, **KW)
    pd.testing.assert_frame_equal(m.attribution, again.attribution)  # deterministic, to the bit


def test_markov_against_simulated_walks():
    # tiny chain with a loop; simulate 200,000 journeys from the fitted transition matrix
    p = pd.DataFrame({"path": ["a > b > a", "b > c", "a > c", "c", "b > b > c"],
                      "conversions": [3, 2, 1, 1, 2], "nulls": [1, 4, 2, 5, 1]})
    m = markov_attribution(p)
    mat = m.transition_matrix.to_numpy()
    n_states = mat.shape[0]
    conv_state, null_state = n_states - 2, n_states - 1
    rng = np.random.default_rng(42)
    n = 200_000
    cum = np.cumsum(mat, axis=1)

    def simulate(removed):
        state = np.zeros(n, dtype=int)
        done = np.zeros(n, dtype=bool)
        converted = np.zeros(n, dtype=bool)
        for _ in range(200):
            u = rng.random(n)
            nxt = (u[:, None] > cum[state]).sum(1)
            if removed is not None:
                nxt = np.where(nxt == removed, null_state, nxt)
            nxt = np.where(done, state, nxt)
            converted |= (nxt == conv_state) & ~done
            done |= (nxt == conv_state) | (nxt == null_state)
            state = nxt
            if done.all():
                break
        return converted.mean()

    base = simulate(None)
    se = np.sqrt(base * (1 - base) / n)
    assert abs(base - m.conversion_probability) < 4 * se
    for s, ch in enumerate(m.attribution.index, start=1):
        p_removed = simulate(s)
        exact = m.conversion_probability * (1 - m.attribution.loc[ch, "removal_effect"])
        assert abs(p_removed - exact) < 4 * np.sqrt(exact * (1 - exact) / n) + 1e-12, ch


def test_bootstrap_reproducible_and_brackets_estimate():
    p = pd.DataFrame({"path": ["a > b", "a", "b", "b > c", "c > a"],
                      "conversions": [30, 5, 20, 12, 9], "nulls": [20, 60, 40, 30, 25]})
    m1 = markov_attribution(p, n_bootstrap=200, seed=3)
    m2 = markov_attribution(p, n_bootstrap=200, seed=3)
    pd.testing.assert_frame_equal(m1.attribution, m2.attribution)
    a = m1.attribution
    assert ((a["share_ci_low"] <= a["share"]) & (a["share"] <= a["share_ci_high"])).all()


def test_paths_from_touches_and_errors():
    log = pd.DataFrame({"customer_id": ["x", "x", "y", "z", "z"], "channel": ["web", "mail", "web", "web", "mail"],
                        "date": [2, 1, 5, 1, 3], "converted": [1, 0, 0, 0, 1], "value": [10.0, 0, 0, 0, 5.0]})
    paths = paths_from_touches(log, value="value").set_index("path")
    assert paths.loc["mail > web", "conversions"] == 1 and paths.loc["web > mail", "value"] == 5.0
    assert paths.loc["web", "nulls"] == 1
    with pytest.raises(DataValidationError, match="no conversions"):
        markov_attribution(pd.DataFrame({"path": ["a"], "conversions": [0], "nulls": [3]}))
    with pytest.raises(DataValidationError, match="non-negative"):
        markov_attribution(pd.DataFrame({"path": ["a"], "conversions": [-1], "nulls": [3]}))
    with pytest.raises(DataValidationError, match="empty path"):
        heuristic_attribution(pd.DataFrame({"path": [" > "], "conversions": [1]}))


def test_absorbing_probability_doc_example():
    q = np.array([[0, 2, 1], [0, 0, 1], [0, 0, 0]], float)
    r = np.array([[0, 0], [0, 1], [2, 0]], float)
    assert absorbing_conversion_probability(q, r, removed=2) == 0.0


def test_read_paths_reads_through_io_and_checks_the_counts(shared_data, path_data, tmp_path):
    from analysis.channels import attribution_table, read_paths
    from analysis.errors import InputFileError
    from analysis.results import ResultMixin

    paths = read_paths(shared_data / "path_attribution" / "PathData.csv")
    assert list(paths.columns) == ["path", "conversions", "value", "nulls"]
    np.testing.assert_array_equal(paths["conversions"], path_data["total_conversions"].to_numpy(float))
    np.testing.assert_array_equal(paths["nulls"], path_data["total_null"].to_numpy(float))
    assert paths["path"].tolist() == path_data["path"].astype(str).tolist()
    # the canonical table gives the same attribution as the raw file with its own column names
    ours = markov_attribution(paths, value="value")
    raw = markov_attribution(path_data, **KW)
    pd.testing.assert_frame_equal(ours.attribution, raw.attribution)
    assert isinstance(ours, ResultMixin) and ours.summary() is ours.attribution
    table = attribution_table(heuristic_attribution(paths, value="value"), ours)
    assert table.columns[:5].tolist() == ["first_touch", "last_touch", "linear", "time_decay", "markov"]
    np.testing.assert_allclose(table["markov"].sum(), paths["conversions"].sum(), rtol=1e-12)

    def write(text: str):
        f = tmp_path / "paths.csv"
        f.write_text(text, encoding="utf-8")
        return f

    with pytest.raises(InputFileError):
        read_paths(tmp_path / "missing.csv")
    with pytest.raises(InputFileError, match="no data rows"):
        read_paths(write("path;total_conversions;total_conversion_value;total_null\n"))
    with pytest.raises(DataValidationError, match="lacks column"):
        read_paths(write("path;conversions\na > b;1\n"))
    with pytest.raises(DataValidationError, match=r"'total_null' must hold non-negative numbers; 1 row\(s\) do not "
                                                  r"\(rows \[2\]\)"):
        read_paths(write("path;total_conversions;total_conversion_value;total_null\na;1;5;0\nb;0;0;-3\n"))
    with pytest.raises(DataValidationError, match=r"'total_conversions' must hold non-negative numbers"):
        read_paths(write("path;total_conversions;total_conversion_value;total_null\na;one;5;0\n"))
    # a file without value and null columns
    only = read_paths(write("path,total_conversions\na > b,2\n"), sep=",", value=None, nulls=None)
    assert only[["value", "nulls"]].to_numpy().sum() == 0


def test_channelattribution_value_definition_against_its_simulation():
    # issue 13 case 19: ChannelAttribution (R/src/ChannelAttribution.cpp, markov_model) simulates
    # walks of the fitted chain, gives each converting walk a value drawn from the per-conversion
    # values of the journeys that ended at the same last channel (weighted by conversions), and
    # shares the total value in proportion to the value each channel's walks collected.
    # That algorithm, re-implemented here with 300,000 seeded walks, against the exact solution;
    # tolerance 2 % relative (Monte Carlo standard error about 0.5 % for these shares)
    p = pd.DataFrame({"path": ["a > b", "b", "a > c", "c > b", "a", "c"],
                      "conversions": [4, 3, 2, 3, 0, 2], "value": [40.0, 90.0, 10.0, 30.0, 0.0, 8.0],
                      "nulls": [3, 5, 4, 2, 6, 5]})
    exact = markov_attribution(p, value="value", value_method="channelattribution")
    assert exact.value_method == "channelattribution"
    share = markov_attribution(p, value="value")
    assert share.value_method == "removal_share"
    mat = exact.transition_matrix.to_numpy()
    names = list(exact.transition_matrix.index)
    conv_state, null_state = len(names) - 2, len(names) - 1
    last = p["path"].str.split(">").str[-1].str.strip()
    per_conv = p.loc[p["conversions"] > 0].assign(v=lambda d: d["value"] / d["conversions"], last=last)
    rng = np.random.default_rng(11)
    cum = np.cumsum(mat, axis=1)
    n = 300_000
    state = np.zeros(n, dtype=int)
    prev = np.zeros(n, dtype=int)
    visited = np.zeros((n, len(names)), dtype=bool)
    alive = np.ones(n, dtype=bool)
    for _ in range(100):
        idx = np.flatnonzero(alive)
        if idx.size == 0:
            break
        nxt = (rng.random(idx.size)[:, None] > cum[state[idx]]).sum(1)
        prev[idx] = state[idx]
        state[idx] = nxt
        done = (nxt == conv_state) | (nxt == null_state)
        visited[idx[~done], nxt[~done]] = True
        alive[idx[done]] = False
    converted = state == conv_state
    values = np.zeros(n)
    for ch in per_conv["last"].unique():
        rows = per_conv[per_conv["last"] == ch]
        hit = converted & (prev == names.index(ch))
        values[hit] = rng.choice(rows["v"].to_numpy(), size=hit.sum(), p=rows["conversions"] / rows["conversions"].sum())
    collected = np.array([values[visited[:, names.index(ch)]].sum() for ch in exact.attribution.index])
    simulated = collected / collected.sum() * p["value"].sum()
    np.testing.assert_allclose(exact.attribution["value"], simulated, rtol=0.02)
    # the two definitions really differ here (by more than the tolerance), and agree on conversions
    assert np.abs(share.attribution["value"] / exact.attribution["value"] - 1).max() > 0.05
    pd.testing.assert_series_equal(share.attribution["conversions"], exact.attribution["conversions"])


def test_value_definitions_agree_when_every_conversion_is_worth_the_same(path_data):
    same = path_data.assign(total_conversion_value=path_data["total_conversions"] * 3.0)
    a = markov_attribution(same, **KW)
    b = markov_attribution(same, **KW, value_method="channelattribution")
    np.testing.assert_allclose(a.attribution["value"], b.attribution["value"], rtol=1e-9)
    np.testing.assert_allclose(b.attribution["value_removal_effect"], b.attribution["removal_effect"], rtol=1e-9)
    # on the real values the largest channel moves by 7.5 % (module docstring)
    real = markov_attribution(path_data, **KW, value_method="channelattribution")
    moved = markov_attribution(path_data, **KW).attribution.loc["alpha", "value"] / real.attribution.loc["alpha", "value"]
    assert moved == pytest.approx(1.0749, abs=5e-4)


def test_attribute_paths_on_the_canonical_table_with_its_separator():
    # issue 12: the study's `paths` table (path, conversions, optional value and nulls) with its own separator
    from analysis.channels import attribute_paths, path_lengths

    piped = pd.DataFrame({"path": ["a | b", "a", "b | a | b"], "conversions": [3.0, 1.0, 2.0],
                          "nulls": [4.0, 6.0, 1.0]})
    arrows = piped.assign(path=piped["path"].str.replace(" | ", ">", regex=False))
    r = attribute_paths(piped, separator=" | ", n_bootstrap=0)
    same = attribute_paths(arrows, separator=" > ", n_bootstrap=0)
    pd.testing.assert_frame_equal(r.table, same.table)
    assert not r.has_value and "value" not in piped.columns
    # linear credit by hand: a: 3/2 + 1 + 2/3, b: 3/2 + 4/3
    assert r.table["linear"].to_dict() == pytest.approx({"a": 1.5 + 1 + 2 / 3, "b": 1.5 + 4 / 3})
    # lengths by hand: one 1-touch path (1 conversion, 7 journeys), one 2-touch, one 3-touch
    assert r.lengths.to_dict("index") == {1: {"paths": 1, "journeys": 7.0, "conversions": 1.0},
                                          2: {"paths": 1, "journeys": 7.0, "conversions": 3.0},
                                          3: {"paths": 1, "journeys": 3.0, "conversions": 2.0}}
    # without nulls every listed journey converted
    assert path_lengths(piped.drop(columns="nulls"), sep="|")["journeys"].tolist() == [1.0, 3.0, 2.0]
    valued = attribute_paths(piped.assign(value=[30.0, 5.0, 20.0]), separator=" | ", n_bootstrap=0)
    assert valued.has_value and valued.table["value"].sum() == pytest.approx(55.0)
    assert r.summary() is r.table
