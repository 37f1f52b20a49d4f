"""Messages of notebook 05's cross-selling section (analysis.messages.crosssell): every key renders with the
fields its callers pass, and no rendered text keeps a brace."""

from __future__ import annotations

import string

import pytest

from analysis.messages import crosssell as catalog
from analysis.messages import msg

FIELDS = {
    "level": "95%", "period": "2024Q3", "period_name": "Quarter", "currency": "euros", "customers": 4200, "k": 5,
    "top": "core", "top_share": 0.91, "top_low": 0.9, "top_high": 0.92, "bottom": "care", "bottom_share": 0.12,
    "rate": 0.43, "low": 0.41, "high": 0.45, "buyers": 1800, "n_rules": 12, "basket": "customer\\_id", "n_sig": 3,
    "alpha": "0.05", "min_support": "0.02", "min_confidence": "0.2", "ante": "core", "cons": "care", "conf": 0.4,
    "lift": 1.8, "base": 0.22, "support": 0.1, "n_both": 420, "p": 1.2e-9, "names": "care, setup", "sales": 12345.6,
    "share": 0.08, "referred": 40, "new": 300, "referrals": 500, "ref": 80.5, "other": 70.1, "diff": 10.4,
    "ref_repeat": 0.6, "other_repeat": 0.55, "reward": 20.0, "net": 60.5, "column": "category", "known": "a, b",
    "n": 7, "n_lift": 9, "minimum": "30", "n_top": 12,
}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(catalog.MESSAGES["en"]))
def test_every_key_renders(key):
    assert key.startswith("crosssell.")
    assert _fields(catalog.MESSAGES["en"][key]) <= set(FIELDS), key
    text = msg(key, language="en", **FIELDS)
    assert text and "{" not in text and "}" not in text


def test_rule_sentence_reads_as_intended():
    text = msg("crosssell.text.top_rule", **FIELDS)
    assert text.startswith("The strongest rule beyond chance: of the baskets holding core, 40.0% also hold care, 1.80 times")
