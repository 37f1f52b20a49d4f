"""messages/drivers.py: every drivers.* key the package uses exists, formats, and reads right."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

import analysis
from analysis.drivers import GAP_VERDICTS, QUADRANTS
from analysis.drivers.importance import METHODS
from analysis.drivers.stated import IMPORTANCE_CLASSES
from analysis.messages import drivers as catalog
from analysis.messages import msg

SRC = Path(analysis.__file__).parent
LITERAL_KEY = re.compile(
    r"""["'](drivers\.(?:fig|quadrant|method|class|agreement|verdict|model|finding|check|skip|effect)\.[\w.]+)["']""")


def _sources() -> list[Path]:
    notebook = SRC.parents[1] / "notebooks" / "03_satisfaction_drivers.ipynb"  # its skip sentences
    return sorted((SRC / "drivers").rglob("*.py")) + [SRC / "plots" / "drivers.py", SRC / "findings" / "drivers.py",
                                                      notebook]


def test_keys_start_with_the_module_name_in_every_language():
    for language, entries in catalog.MESSAGES.items():
        assert entries, language
        assert all(k.startswith("drivers.") for k in entries), language


def test_every_literal_key_used_by_the_package_exists():
    # a notebook is JSON: its quotes are escaped (\"drivers.skip.group\")
    used = {k for path in _sources() for k in LITERAL_KEY.findall(path.read_text(encoding="utf-8").replace('\\"', '"'))}
    assert {"drivers.skip.group", "drivers.skip.pls"} <= used  # the notebook's skip sentences are scanned
    assert len(used) >= 20  # the scan finds the calls
    unknown = sorted(used - set(catalog.MESSAGES["en"]))
    assert not unknown, unknown


@pytest.mark.parametrize("prefix, values", [
    ("drivers.quadrant", QUADRANTS),
    ("drivers.method", METHODS),
    ("drivers.class", IMPORTANCE_CLASSES),
    ("drivers.agreement", ("strong", "moderate", "weak")),
    ("drivers.verdict", GAP_VERDICTS),
    ("drivers.model", ("logistic", "ordinal")),
    ("drivers.finding.loyalty", ("bad", "good")),
    ("drivers.finding.group_test", ("differ", "same")),
    ("drivers.check.reliability", ("pass", "warn")),
    ("drivers.check.collinearity", ("pass", "warn")),
    ("drivers.check.residuals", ("hetero", "ok")),
    ("drivers.check.sample_size", ("pass", "warn")),
    ("drivers.check.small_groups", ("pass", "warn")),
    ("drivers.check.loyalty", ("converged", "not_converged")),
    ("drivers.check.separation", ("pass", "warn")),
    ("drivers.check.events", ("pass", "warn")),
    ("drivers.check", ("agree", "disagree", "differ")),
    ("drivers.finding.priority", ("then",)),
    ("drivers.finding.effects", ("both", "direct", "indirect")),
    ("drivers.check.indirect", ("pass", "warn", "none")),
    ("drivers.effect", ("direct", "indirect", "total")),
    ("drivers.finding.index", ("boot",)),
    ("drivers.finding.index_group", ("clear", "none")),
    ("drivers.check.index_weights", ("pass", "warn")),
    ("drivers.check.index_scales", ("pass", "warn")),
])
def test_keys_built_from_values_exist(prefix, values):
    for value in values:
        key = f"{prefix}.{value}" if prefix.count(".") == 1 else f"{prefix}_{value}"
        assert key in catalog.MESSAGES["en"], key


def test_every_template_formats_with_its_own_fields():
    for key, template in catalog.MESSAGES["en"].items():
        fields = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        sample = {name: 0.5 for name in fields}
        for name in fields:  # text fields
            if name in {"outcome", "target", "name", "names", "top", "first", "low_name", "method", "drivers",
                        "quadrant", "agreement", "priority", "model", "clearest", "group", "verdict", "source",
                        "behaviour", "headline", "bottom", "construct"}:
                sample[name] = "x"
            if name in {"n", "n_ok", "n_used", "n_low", "n_sig", "k", "df", "n_min", "n_events", "n_extreme", "n_below",
                        "rank", "rank_low", "rank_high", "n_clear", "n_items"}:
                sample[name] = 3
        assert isinstance(msg(key, **sample), str), key


def test_survey_sentence_and_a_finding_read_as_expected():
    assert msg("drivers.finding.survey", n=1200, n_used=1150, drivers="speed, staff") == (
        "1,200 respondents, 1,150 of whom answered every question the models use; drivers: speed, staff.")
    text = msg("drivers.finding.top_driver", top="reliability", outcome="satisfaction", share=0.35, low=0.31,
               high=0.38, level=0.95, rank_low=1, rank_high=1)
    assert text.startswith("reliability is the strongest driver of satisfaction: 35% of the explained variance")
    assert "(31%-38%, 95% bootstrap interval)" in text


def test_a_missing_field_names_the_field():
    with pytest.raises(KeyError, match="drivers"):
        msg("drivers.finding.survey", n=3)


def test_index_sentences_read_as_expected():
    """Issue 15 (item 3): the index sentence says what 0 and 100 mean; a group difference carries its sign."""
    text = msg("drivers.finding.index_boot", headline="satisfaction", estimate=68.61, low=66.5, high=70.7,
               level=0.95, top="expectations", top_value=74.8, bottom="satisfaction", bottom_value=68.6)
    assert text.startswith("On a scale from 0 to 100, the satisfaction index is 68.6 (66.5 to 70.7, 95% bootstrap")
    assert "0 would mean every answer at the bottom of the rating scale and 100 every answer at the top" in text
    group = msg("drivers.finding.index_group_clear", group="gender", name="male", construct="satisfaction",
                difference=-4.08, low=-8.1, high=-0.2, level=0.95, n_clear=4, k=12)
    assert group == ("By gender, the largest difference in an index is male on satisfaction: -4.1 points against "
                     "the other groups (-8.1 to -0.2, 95% bootstrap interval); 4 of 12 group differences have an "
                     "interval that leaves out 0.")
