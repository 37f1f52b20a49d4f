"""Messages of notebook 05's KPI scorecard (analysis.messages.scorecard): every key renders, every KPI and every
verdict has words, and each kind of KPI reads its numbers in its own unit."""

from __future__ import annotations

import string

import pytest

from analysis.messages import msg
from analysis.messages import scorecard as catalog
from analysis.retention import KPI_UNITS, KPIS, VERDICTS

FIELDS = {
    "kpi": "Retention rate", "period": "2024Q3", "level": "95%", "currency": "euros", "estimate": 0.62, "low": 0.6,
    "high": 0.64, "target": 0.65, "verdict": "met", "slope": 0.01, "n": 8, "n_target": 5, "met": 2, "not_met": 1,
    "cannot": 2, "reason": "it needs a survey.", "column": "overall\\_satisfaction", "kpis": "Referral rate",
}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(catalog.MESSAGES["en"]))
def test_every_key_renders(key):
    assert key.startswith("scorecard.")
    assert _fields(catalog.MESSAGES["en"][key]) <= set(FIELDS), key
    text = msg(key, language="en", **FIELDS)
    assert text and "{" not in text and "}" not in text


def test_every_kpi_and_verdict_has_words():
    for kpi in KPIS:
        assert msg(f"scorecard.kpi.{kpi}") and msg(f"scorecard.reason.{kpi}")
        assert msg(f"scorecard.unit.{KPI_UNITS[kpi]}", currency="euros")
        for sentence in ("target", "no_target", "trend_up", "trend_down", "trend_flat"):
            assert msg(f"scorecard.text.{sentence}.{KPI_UNITS[kpi]}", **FIELDS)
    for verdict in VERDICTS[:3]:
        assert msg(f"scorecard.verdict.{verdict}").startswith(verdict)
    for verdict in VERDICTS[:4]:
        assert msg(f"scorecard.verdict_short.{verdict}") == verdict


def test_units_read_as_intended():
    fields = {**FIELDS, "estimate": 31.25, "low": 25.0, "high": 38.0, "target": 40.0}
    assert msg("scorecard.text.target.rate", **fields).startswith(
        "Retention rate (2024Q3): 31.2 per 1,000 orders (95% interval 25.0 to 38.0) against a target of 40.0")
    money = msg("scorecard.text.no_target.money", **{**fields, "estimate": 123456.0})
    assert "123,456 euros (95% interval 25 to 38); no target was set." in money
    assert "+1.0% points per 2024Q3" in msg("scorecard.text.trend_up.share", **FIELDS)
