"""Both bundled studies, every notebook, as `make reports` runs them: every generated sentence cites
values its own written tables hold, every notebook ends with its Checks, a failed check shows next
to the findings it weakens (on the page and on the index), and no page carries library or kernel
noise (issue 13: "The mechanism", case 21).

The citations are recomputed from the CSV files by ``analysis.findings.verify_outputs``: within half
a unit of the last digit the CSV shows, because tables are rounded when written.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from analysis.findings import verify_outputs
from analysis.study import load_study

STUDIES = ("service_demo", "cdnow")
NOISE = re.compile(r"\w*Warning: |\[IPKernelApp\]|Traceback \(most recent call last\)")


@pytest.fixture(scope="module")
def reports(bundled_reports) -> Path:
    return bundled_reports


def _notebooks():
    return [(study, nb) for study in STUDIES for nb in load_study(study).notebooks]


def _plain(markup: str) -> str:
    """Readable text of a page or a Markdown sentence: no tags, entities, emphasis, escapes or list
    numbers; one space between words."""
    text = re.sub(r"</?(?:strong|em|b|i|code|a|span)\b[^>]*>", "", markup)  # inline tags: no space
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = re.sub(r"^\s*(?:\d+\.|-)\s+", "", text)  # a finding written as a list item
    return " ".join(re.sub(r"\\(.)|[*`]", r"\1", text).split())


def _records(reports: Path, study: str, nb: str) -> dict:
    return json.loads((reports / study / nb / "outputs.json").read_text(encoding="utf-8"))


@pytest.mark.slow
@pytest.mark.parametrize(("study", "nb"), _notebooks())
def test_every_cited_value_is_in_a_written_table(reports, study, nb):
    records = _records(reports, study, nb)
    assert records["findings"], f"{study}/{nb} recorded no finding"
    assert verify_outputs(reports / study / nb) == []


@pytest.mark.slow
@pytest.mark.parametrize(("study", "nb"), _notebooks())
def test_every_notebook_ends_with_its_checks(reports, study, nb):
    page = (reports / study / f"{nb}.html").read_text(encoding="utf-8")
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", page, flags=re.S)
    assert headings and re.sub(r"<[^>]+>", "", headings[-1]).strip().rstrip("¶").strip() == "Checks", headings[-3:]
    records = _records(reports, study, nb)
    assert records["checks"], f"{study}/{nb} recorded no check"
    checks_section = _plain(page.rsplit("Checks", 1)[1])
    for key, check in records["checks"].items():
        assert _plain(check["text"]) in checks_section, key
    for key, finding in records["findings"].items():  # a failed check also follows each finding it weakens
        weakening = [c for name, c in records["checks"].items() if c["status"] in ("warn", "fail")
                     and (key in c["affects"] or name in finding["checks"])]
        shown = _plain(page).rsplit(_plain(finding["text"]), 1)
        assert len(shown) == 2, key
        for check in weakening:
            assert _plain(check["text"]) in shown[1][: len(_plain(check["text"])) * len(weakening) + 200], key


@pytest.mark.slow
@pytest.mark.parametrize(("study", "nb"), _notebooks())
def test_no_library_warning_or_kernel_noise_on_any_page(reports, study, nb):
    page = (reports / study / f"{nb}.html").read_text(encoding="utf-8")
    assert not NOISE.findall(page), NOISE.findall(page)[:3]


@pytest.mark.slow
def test_failed_checks_are_shown_next_to_what_they_weaken_on_the_index(reports):
    index = (reports / "index.html").read_text(encoding="utf-8")
    failed = [(study, nb, key, check) for study, nb in _notebooks()
              for key, check in _records(reports, study, nb)["checks"].items() if check["status"] in ("warn", "fail")]
    assert failed, "the bundled studies have known failed checks (e.g. CDNOW's Gamma-Gamma independence)"
    plain_index = _plain(index)
    for study, nb, key, check in failed:
        assert _plain(check["text"]) in plain_index, (study, nb, key)


@pytest.mark.slow
def test_one_lifecycle_on_the_channel_page(reports):
    """Case 14: the channel page shows only the study's lifecycle stages, not the simulator's 90-day
    recency split that called a customer 'lapsed' whom notebook 01 calls loyal."""
    page = (reports / "service_demo" / "04_channel_comparison.html").read_text(encoding="utf-8")
    assert "recency_group" not in page and "lifecycle_stage" in page
