"""Notebook 02's findings (analysis.clv.findings): every number a sentence cites equals
the one recomputed here from the tables the notebook writes."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from analysis import clv
from analysis.clv.findings import finding_values
from analysis.errors import ParameterError

BG = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
GG = {"p": 6.25, "q": 3.74, "v": 15.44}


@pytest.fixture(scope="module")
def tables():
    rng = np.random.default_rng(8)
    sim = clv.BetaGeo.from_params(BG).simulate(600, rng.uniform(10, 40, 600), holdout=20, seed=rng)
    spend = clv.GammaGamma.from_params(GG).simulate(sim["frequency"], seed=2)
    data = sim.assign(monetary_value=spend["monetary_value"])
    bg, gg = clv.BetaGeo().fit(data), clv.GammaGamma().fit(data[data["frequency"] > 0])
    value = clv.customer_lifetime_value(bg, data, spend_model=gg, horizon=26, margin=0.3)
    risk = clv.churn_risk(bg, data, value, silence=6.5)
    value = value.join(risk[["p_alive_if_silent", "value_if_alive", "value_at_risk"]])
    at_risk = clv.customers_at_risk(value, threshold=0.4)
    comparison = pd.DataFrame({"rmse": [1.234, 1.5], "aggregate_error_pct": [-2.04, 3.0]},
                              index=["ParetoNBD", "BetaGeo"])
    return value, at_risk, comparison


def _numbers(text: str) -> list[float]:
    return [float(x.replace(",", "")) for x in re.findall(r"[-+]?\d[\d,]*\.?\d*", text)]


def test_each_sentence_cites_the_tables_numbers(tables):
    value, at_risk, comparison = tables
    f = clv.clv_findings(value, at_risk, comparison, horizon=26, time_unit="W", discount_rate=0.08, risk_threshold=0.4)
    assert set(f) == {"base_value", "top_decile", "at_risk", "recommend"}
    customers, total, horizon, discount, level, lower, upper = _numbers(f["base_value"])[:7]
    assert customers == len(value) and horizon == 26 and discount == 8 and level == 95
    assert total == round(value["clv"].sum())
    assert lower == round(value["clv_ci_low"].sum()) and upper == round(value["clv_ci_high"].sum())
    assert lower < total < upper
    assert "weeks" in f["base_value"] and "95% interval" in f["base_value"]
    ranked = np.sort(value["clv"].to_numpy())[::-1]
    share, alive = _numbers(f["top_decile"])[1:3]  # "10% ... {share}% ...; {alive}% ..."
    assert share == round(100 * ranked[: len(ranked) // 10].sum() / ranked.sum())
    assert alive == round(100 * value["p_alive"].mean())
    n_risk, threshold, at_risk_value = _numbers(f["at_risk"])[:3]
    valuable = value["value_if_alive"] >= value["value_if_alive"].quantile(0.75)
    by_hand = value[valuable & (value["p_alive"] < 0.4)]
    assert n_risk == len(by_hand) == len(at_risk) > 0 and threshold == 40
    assert at_risk_value == round(by_hand["value_at_risk"].sum())
    assert f["recommend"].startswith("Pareto/NBD predicts") and "RMSE 1.234" in f["recommend"]
    assert "-2.0%" in f["recommend"]


def test_finding_values_are_the_cited_numbers(tables):
    value, at_risk, comparison = tables
    v = finding_values(value, at_risk, comparison, horizon=26)
    assert v["base_value"]["total"] == pytest.approx(value["clv"].sum())
    assert v["at_risk"]["value"] == pytest.approx(at_risk["value_at_risk"].sum())
    assert v["recommend"]["model"] == "ParetoNBD"


def test_findings_check_their_settings(tables):
    value, at_risk, comparison = tables
    with pytest.raises(ParameterError, match="The 'time_unit' parameter of finding_values must be one of"):
        clv.clv_findings(value, at_risk, comparison, horizon=26, time_unit="fortnight")
