"""Both bundled studies in both editions (`analysis run --lang all`): the Chinese edition writes the
same tables byte for byte, cites values its tables hold, shows no English sentence, and every page
links to its twin in the other edition (issue 16's checks).

What counts as an English sentence on a Chinese page: outside code (``<code>``, ``<pre>``, code
cells' input, but not the narrative cells nbconvert also puts in an input area) and the glossary's English column, four or more consecutive Latin words of two or more
letters each, joined only by spaces, commas, hyphens or apostrophes. Names of methods and models
(BG/NBD, Kaplan-Meier, P(alive)), units and a data value of up to three words pass.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from analysis.findings import verify_outputs
from analysis.study import load_study

STUDIES = ("service_demo", "cdnow")
RUN = re.compile(r"(?:[A-Za-z][A-Za-z']+[ ,\-]+){3,}[A-Za-z][A-Za-z']+")
_VOID = {"br", "img", "meta", "link", "hr", "input", "col", "area", "base", "wbr", "source"}


class _Text(HTMLParser):
    """The text a reader sees outside code and the glossary's English column."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []
        self.chunks: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        cls = dict(attrs).get("class") or ""
        self.stack.append(tag in ("code", "pre", "script", "style") or "jp-InputArea-editor" in cls
                          or "glossary-en" in cls or "highlight" in cls)

    def handle_endtag(self, tag):
        if tag not in _VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not any(self.stack):
            self.chunks.append(data)


def english_sentences(page: str) -> list[str]:
    """The English sentences on a page, by the rule above."""
    parser = _Text()
    parser.feed(page)
    return [m.group(0) for chunk in parser.chunks for m in RUN.finditer(chunk)]


def _notebooks():
    return [(study, nb) for study in STUDIES for nb in load_study(study).notebooks]


def test_the_rule_finds_sentences_and_spares_names():
    page = ("<p>客户存活概率 P(alive) 由 BG/NBD 与 Pareto/NBD 模型估计（Kaplan-Meier 曲线）。</p>"
            "<p>This is an English sentence.</p><pre>print('this is code and passes')</pre>"
            '<td class="glossary-en">customer lifetime value (CLV)</td>')
    assert english_sentences(page) == ["This is an English sentence"]


@pytest.mark.slow
def test_both_editions_write_identical_tables(bundled_reports):
    english = sorted(p.relative_to(bundled_reports) for p in bundled_reports.glob("*/*/tables/*.csv"))
    chinese = sorted(p.relative_to(bundled_reports / "zh") for p in (bundled_reports / "zh").glob("*/*/tables/*.csv"))
    assert len(english) >= 100 and english == chinese
    differ = [str(p) for p in english if (bundled_reports / p).read_bytes() != (bundled_reports / "zh" / p).read_bytes()]
    assert not differ, f"tables that differ between the editions: {differ}"


@pytest.mark.slow
@pytest.mark.parametrize(("study", "nb"), _notebooks())
def test_chinese_pages_cite_their_tables_and_hold_no_english_sentence(bundled_reports, study, nb):
    folder = bundled_reports / "zh" / study
    assert verify_outputs(folder / nb) == []
    page = (folder / f"{nb}.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in page
    assert english_sentences(page) == []
    assert f'href="../../{study}/{nb}.html"' in page  # the switch to the English twin
    english = (bundled_reports / study / f"{nb}.html").read_text(encoding="utf-8")
    assert f'href="../zh/{study}/{nb}.html"' in english


@pytest.mark.slow
def test_chinese_index_and_glossary(bundled_reports):
    for name in ("index.html", "glossary.html"):
        page = (bundled_reports / "zh" / name).read_text(encoding="utf-8")
        assert english_sentences(page) == [], name
        assert 'href="../' + name + '"' in page, name  # back to the English edition
    index = (bundled_reports / "zh" / "index.html").read_text(encoding="utf-8")
    assert "一家合成的服务企业" in index and "CDNOW 音乐购买记录" in index  # the studies' own Chinese titles
    assert "客户生命周期价值" in (bundled_reports / "glossary.html").read_text(encoding="utf-8")


def test_every_narrative_cell_has_its_twin(project_root):
    """One source of code per notebook: every English Markdown cell is followed by its Chinese twin
    (and no Chinese cell stands alone), so the editions cannot drift apart in structure."""
    import nbformat

    for path in sorted((project_root / "notebooks").glob("*.ipynb")):
        cells = nbformat.read(path, as_version=4).cells
        tags = [c.get("metadata", {}).get("language") for c in cells if c.cell_type == "markdown"]
        assert None not in tags, f"{path.name}: a Markdown cell without a language tag"
        for i, cell in enumerate(cells):
            language = cell.get("metadata", {}).get("language")
            if language == "en":
                twin = cells[i + 1] if i + 1 < len(cells) else None
                assert twin is not None and twin.get("metadata", {}).get("language") == "zh", \
                    f"{path.name}: English cell {i} has no Chinese twin after it: {cell.source[:60]!r}"
                assert twin.source.count("```") == cell.source.count("```"), (path.name, i)
                headings = [len(h) for h in re.findall(r"^(#+) ", cell.source, re.M)]
                assert [len(h) for h in re.findall(r"^(#+) ", twin.source, re.M)] == headings, (path.name, i)
            elif language == "zh":
                assert i > 0 and cells[i - 1].get("metadata", {}).get("language") == "en", (path.name, i)
