"""Messages of the CLV analysis (analysis.messages.clv): every key renders, and every unit
and model the notebook can use has a word."""

from __future__ import annotations

import re

import pytest

from analysis.messages import clv as catalog
from analysis.messages import msg
from analysis.window import UNIT_DAYS

FIELDS = {"model": "BG/NBD", "unit": "week", "customers": 1234, "total": 5678.9, "horizon": 52, "discount": 0.1,
          "lower": 5000.0, "upper": 6000.0, "share": 0.58, "alive": 0.46, "n_risk": 12, "threshold": 0.5,
          "value": 99.5, "rmse": 1.2345, "agg": -2.5, "n": 1000, "cal_end": "1997-09-30", "holdout": 39.0,
          "title": "CDNOW", "end": "1998-06-30", "currency": "US dollars", "fit": "all data", "loglik": -9582.4,
          "parameters": "q, v", "rho": 0.21, "p": 1.3e-116, "r": 0.07, "material": "0.1", "direction": "more",
          "predicted": 17153.0, "actual": 19684.0, "limit": "10", "n_targets": 1061, "cutoff": 13.98, "top": 0.25,
          "low": 0.05, "high": 0.5, "at_risk": 27078.0, "n_gone": 272, "next_day": 24657.9, "ours": 24580.5,
          "diff": 0.3151, "label": "Check warns", "text": "text", "kind": "independence", "status": "passed",
          "total_customers": 10, "distinct": 40, "spend": 1.0, "why": "The transaction log has no amounts",
          "lost": 156.0}


@pytest.mark.parametrize("key", sorted(catalog.MESSAGES["en"]))
def test_every_key_renders(key):
    assert key.startswith("clv.")
    text = msg(key, language="en", **FIELDS)
    assert text and "{" not in text


def test_units_models_and_processes_have_words():
    for unit in UNIT_DAYS:
        assert msg(f"clv.unit.{unit}")
    for model in ("BetaGeo", "ModifiedBetaGeo", "ParetoNBD"):
        assert msg(f"clv.model.{model}")
    assert msg("clv.process.trans") == "purchase (trans)"


def test_notebook_sentences():
    assert msg("clv.text.calibration_data", title="CDNOW") == "**CDNOW**"
    assert msg("clv.finding.calibration", **FIELDS) == (
        "Calibration: the 1,234 customers who bought for the first time by 1997-09-30; holdout from 1997-09-30 "
        "to 1998-06-30, 39.0 weeks.")
    assert msg("clv.finding.base_value", **FIELDS).startswith(
        "The 1,234 customers are expected to bring 5,679 US dollars of margin over the next 52 weeks")
    assert "(p = 1.3e-116; Pearson r = +0.07)" in msg("clv.check.independence_warn", **FIELDS)
    assert msg("clv.text.no_truth").startswith("The study reports no known truth to compare with (real data have none")


@pytest.mark.parametrize("key", ["clv.finding.purchase_forecast", "clv.finding.at_risk", "clv.finding.recommend_counts",
                                 "clv.check.holdout_misfit_counts",
                                 "clv.text.value_intro.counts", "clv.text.churn.counts", "clv.text.reading.counts"])
def test_count_only_words_never_speak_of_money(key):
    """Issue 12: the sentences and headers of a log without amounts say purchases, not revenue, spend, margin or
    currency (only the skip sentences name what a value analysis would need)."""
    assert not re.search(r"(?i)revenue|spend|margin|currenc|money", msg(key, **FIELDS))


def test_skip_sentences_say_what_a_value_analysis_needs():
    why = msg("clv.why.no_amounts")
    for key in ("clv.text.skip.value", "clv.check.spend.no_amounts"):
        assert "`amount`" in msg(key, why=why)
    assert msg("clv.text.skip.win_back", why=why).startswith("The transaction log has no amounts, so")
