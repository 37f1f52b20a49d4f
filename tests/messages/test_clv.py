"""Messages of the CLV analysis (analysis.messages.clv): every key renders, and every unit
and model the notebook can use has a word."""

from __future__ import annotations

import pytest

from analysis.messages import clv as catalog
from analysis.messages import msg
from analysis.window import UNIT_DAYS

FIELDS = {"model": "BG/NBD", "unit": "week", "customers": 1234, "total": 5678.9, "horizon": 52, "discount": 0.1,
          "lower": 5000.0, "upper": 6000.0, "share": 0.58, "alive": 0.46, "n_risk": 12, "threshold": 0.5,
          "value": 99.5, "rmse": 1.2345, "agg": -2.5, "n": 1000, "cal_end": "1997-09-30", "holdout": 39.0,
          "title": "CDNOW", "end": "1998-06-30"}


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
    assert msg("clv.text.calibration_data", title="CDNOW", customers=23570, cal_end="1997-09-30",
               end="1998-06-30") == ("**CDNOW**: 23,570 customers bought for the first time by 1997-09-30; "
                                     "holdout 1997-09-30 to 1998-06-30.")
    assert msg("clv.finding.base_value", **FIELDS).startswith("The 1,234 customers are expected to bring 5,679")
    assert msg("clv.text.no_truth") == "Real data: there is no known truth to compare with."
