"""Editions (analysis.report.editions): one notebook source, the narrative of one language kept, the
report site's folders per language, `analysis export`, and the runner's plans and fingerprints."""

from __future__ import annotations

import json

import nbformat
import pytest
from click.testing import CliRunner

from analysis.errors import ParameterError
from analysis.messages import to_english
from analysis.report import manifest as mf
from analysis.report.cli import main
from analysis.report.editions import (
    edition_dir,
    edition_href,
    edition_languages,
    editions_present,
    notebook_in,
    switch_nav,
)
from analysis.report.outputs import ReportOutputs, in_english


def _notebook():
    return nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Title", metadata={"language": "en"}),
        nbformat.v4.new_markdown_cell("# 标题：客户数据库", metadata={"language": "zh"}),
        nbformat.v4.new_code_cell("x = 1"),
        nbformat.v4.new_markdown_cell("Shared"),
    ])


def test_each_edition_keeps_its_narrative_and_all_code():
    nb = _notebook()
    assert [c.source for c in notebook_in(nb, "en").cells] == ["# Title", "x = 1", "Shared"]
    assert [c.source for c in notebook_in(nb, "zh").cells] == ["# 标题：客户数据库", "x = 1", "Shared"]
    assert notebook_in(nb, "zh-Hant").cells[0].source == "# 標題：客戶資料庫"
    assert notebook_in(nb, "zh").metadata["analysis_language"] == "zh"
    assert len(nb.cells) == 4  # the source is not changed
    with pytest.raises(ParameterError, match="use one of en, zh, zh-Hant"):
        notebook_in(nb, "fr")


def test_editions_live_in_folders_named_for_their_language(tmp_path):
    assert edition_dir(tmp_path, "en") == tmp_path and edition_dir(tmp_path, "zh") == tmp_path / "zh"
    assert editions_present(tmp_path) == ["en"]
    (tmp_path / "zh").mkdir()
    assert editions_present(tmp_path) == ["en", "zh"]
    assert edition_languages(None, "zh") == ("zh",) and edition_languages("all", "en") == ("en", "zh")
    assert edition_href("zh", "s/01.html", "en") == "zh/s/01.html"
    assert edition_href("en", "s/01.html", "zh") == "../s/01.html"
    assert edition_href("zh-Hant", "s/01.html", "zh") == "../zh-Hant/s/01.html"
    nav = switch_nav("en", ["en", "zh"], lambda lang: edition_href(lang, "index.html", "en"))
    assert 'href="zh/index.html"' in nav and "简体中文" in nav and 'lang="zh-CN"' in nav
    assert switch_nav("en", ["en"], str) == ""


def test_export_writes_one_language(tmp_path):
    source = tmp_path / "nb.ipynb"
    nbformat.write(_notebook(), source)
    result = CliRunner().invoke(main, ["export", str(source), "--lang", "zh"])
    assert result.exit_code == 0, result.output
    copy = nbformat.read(tmp_path / "nb.zh.ipynb", as_version=4)
    assert [c.source for c in copy.cells] == ["# 标题：客户数据库", "x = 1", "Shared"]
    target = tmp_path / "out" / "en.ipynb"
    assert CliRunner().invoke(main, ["export", str(source), "--lang", "en", "-o", str(target)]).exit_code == 0
    assert nbformat.read(target, as_version=4).cells[0].source == "# Title"
    assert CliRunner().invoke(main, ["export", str(source), "--lang", "fr"]).exit_code == 2


def test_the_language_is_part_of_a_runs_fingerprint():
    common = dict(notebook_sha256="a", study_sha256="b", input_files=[], parameters={}, code="c", environment={})
    english = mf.run_fingerprint(**common)
    assert "language" not in english  # English fingerprints are as before editions existed
    assert mf.run_fingerprint(**common, language="zh")["sha256"] != english["sha256"]


def test_plans_per_language(project_root):
    from analysis.report.plan import plan_runs
    from analysis.study import load_study

    study = load_study(project_root / "params" / "cdnow.yaml")
    plans = plan_runs([study], ["00_data_overview"], language="all")
    assert [(p.notebook, p.language) for p in plans] == [("00_data_overview", "en"), ("00_data_overview", "zh")]
    assert [p.language for p in plan_runs([study], ["00_data_overview"])] == ["en"]


def test_tables_of_the_chinese_edition_are_written_in_english(tmp_path, monkeypatch):
    import pandas as pd

    from analysis.messages import msg

    monkeypatch.setenv("ANALYSIS_LANG", "zh")
    champions, new = msg("segmentation.segment.champions"), msg("segmentation.stage.new")
    table = pd.DataFrame({"stage": [new, "web shop"], "n": [3, 4]},
                         index=pd.Index([champions, "渠道 A"], name="segment"))
    out = ReportOutputs(tmp_path)
    shown = out.table("t", table)
    assert shown.index[0] == champions  # the page shows the Chinese
    written = pd.read_csv(tmp_path / "tables" / "t.csv")
    assert written.to_dict("list") == {"segment": ["Champions", "渠道 A"], "stage": ["New", "web shop"], "n": [3, 4]}
    assert in_english(table["stage"], "zh").tolist() == ["New", "web shop"]
    assert to_english("渠道 A", language="zh") == "渠道 A"  # a value from the data is never translated


def test_citations_of_the_chinese_edition_name_the_english_rows(tmp_path, monkeypatch):
    from analysis.findings import Cite, Finding
    from analysis.messages import msg

    monkeypatch.setenv("ANALYSIS_LANG", "zh")
    champions = msg("segmentation.segment.champions")
    out = ReportOutputs(tmp_path)
    out.finding(Finding("f", "findings.example.labelled", label=Cite(champions, table="t", column="segment", row=champions)))
    record = json.loads((tmp_path / "findings.json").read_text(encoding="utf-8"))["findings"]["f"]
    assert record["cites"]["label"] == {"value": "Champions", "table": "t", "column": "segment", "row": "Champions"}
    assert champions in record["text"]


def test_a_chinese_kernel_shows_the_catalogs_headers(monkeypatch):
    """In a Chinese kernel a displayed table carries the catalog's headers; its CSV keeps the names."""
    import pandas as pd
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    try:
        monkeypatch.setenv("ANALYSIS_LANG", "zh")
        ReportOutputs(None)
        table = pd.DataFrame({"ci_low": [0.1], "my_column": [1]}, index=pd.Index(["a"], name="p_value"))
        shown = shell.display_formatter.format(table)[0]["text/html"]
        assert "置信下限" in shown and "my_column" in shown and "ci_low" not in shown and "p 值" in shown
    finally:
        InteractiveShell.clear_instance()
