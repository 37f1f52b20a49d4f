"""The data dictionary page (analysis.report.dictionary) and the derivation of its notebooks column
(analysis.report.column_usage): every column on the page in both editions, grouped by the customer
database's contents; the notebooks each column lists are checked against the notebooks' own sources."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from analysis.report.column_usage import DECLARED_BY_PARAMETERS, column_uses, notebook_tables, notebook_uses
from analysis.report.dictionary import PAGE, render_dictionary
from analysis.report.index import build_index
from analysis.report.requirements import COLUMN_PARAMETERS
from analysis.schemas.descriptions import TABLE_DOCS

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
SRC = ROOT / "src" / "analysis"


@pytest.fixture(scope="module")
def uses():
    return column_uses(NOTEBOOKS)


def _code(name: str) -> str:
    cells = json.loads((NOTEBOOKS / f"{name}.ipynb").read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")


def _reachable_source(name: str) -> str:
    """The text of the notebook's code and of every package module it imports, and they import, transitively
    (module level: a coarser, independent reading of what the notebook can reach)."""
    todo, seen, texts = [_code(name)], set(), []
    while todo:
        text = todo.pop()
        texts.append(text)
        for module in re.findall(r"(?:from|import)\s+(analysis(?:\.\w+)*)", text):
            parts = module.split(".")[1:]
            for path in (SRC.joinpath(*parts).with_suffix(".py"), SRC.joinpath(*parts, "__init__.py")):
                if path.is_file() and path not in seen:
                    seen.add(path)
                    todo.append(path.read_text(encoding="utf-8"))
            for path in (SRC.joinpath(*parts).glob("*.py") if SRC.joinpath(*parts).is_dir() else ()):
                if path not in seen:
                    seen.add(path)
                    todo.append(path.read_text(encoding="utf-8"))
    return "\n".join(texts)


def test_every_column_claimed_is_named_in_what_the_notebook_can_reach(uses):
    reach = {nb: _reachable_source(nb) for nb in sorted({n for nbs in uses.values() for n in nbs})}
    for (table, column), notebooks in uses.items():
        if column.startswith("<"):
            continue
        for nb in notebooks:
            assert re.search(rf"[\"']{re.escape(column)}[\"']", reach[nb]), (table, column, nb)


def test_the_required_columns_of_every_table_a_notebook_reads_are_listed(uses):
    for path in sorted(NOTEBOOKS.glob("0*.ipynb")):
        tables = notebook_tables(path.stem, ast.parse(_code(path.stem)))
        for doc in TABLE_DOCS:
            for column in doc.columns:
                if column.required and doc.name in tables:
                    assert path.stem in uses[(doc.name, column.name)], (path.stem, doc.name, column.name)


def test_what_each_notebook_uses_as_read_by_hand(uses):
    """Read from the notebooks by hand: 02 values purchases by amount; 03 reads no transactions; 05 measures
    resolution times and tier moves; 01 segments from a CRM summary, which 04 and 05 never read; nothing
    uses quantity; 04 takes acquisition costs (CAC) and 05 referrals."""
    assert "02_clv" in uses[("transactions", "amount")]
    assert not any("03_satisfaction_drivers" in nbs for (t, _), nbs in uses.items() if t == "transactions")
    assert "05_retention_loyalty" in uses[("complaints", "resolved_date")]
    assert uses[("memberships", "tier")] == ("05_retention_loyalty",)
    assert uses[("customers", "frequency")] == ("01_segmentation",)
    assert uses[("transactions", "quantity")] == ()
    assert "04_channel_comparison" in uses[("customers", "acquisition_cost")]
    assert uses[("customers", "referred_by")] == ("05_retention_loyalty",)
    assert uses[("survey", "<outcome_columns>")] == ("03_satisfaction_drivers", "05_retention_loyalty")


def test_a_table_handed_to_a_function_counts_only_for_the_columns_named_on_it():
    code = ast.parse('customers = tables.get("customers")\nx = tables.get("transactions")\n'
                     'from analysis.retention import referral_rates\nreferral_rates(customers, None)\n')
    found = {(u.table, u.column) for u in notebook_uses("05_retention_loyalty", code, {})}
    assert ("customers", "referred_by") in found and ("customers", "frequency") not in found
    assert ("transactions", "amount") not in found  # not handed to the function


KEPT = {"covariates", "cost_column", "heterogeneity_by"}  # channel_outcomes columns kept as they are


def test_every_parameter_naming_declared_columns_is_mapped():
    mapped = {(t, nb, p) for (t, _), by_nb in DECLARED_BY_PARAMETERS.items() for nb, ps in by_nb.items() for p in ps}
    tables = {t for t, _ in DECLARED_BY_PARAMETERS}
    for nb, specs in COLUMN_PARAMETERS.items():
        for spec in specs:
            if spec.table in tables and spec.kind not in ("value", "value_keys") and spec.name not in KEPT:
                assert (spec.table, nb, spec.name) in mapped, (nb, spec.name)
    for (table, option), by_nb in DECLARED_BY_PARAMETERS.items():
        assert any(c.declared_by == option for d in TABLE_DOCS if d.name == table for c in d.columns)
        for nb, params in by_nb.items():
            assert set(params) <= {s.name for s in COLUMN_PARAMETERS[nb] if s.table == table}


@pytest.mark.parametrize("language", ["en", "zh", "zh-Hant"])
def test_the_page_lists_every_column_in_its_group(language, uses):
    page = render_dictionary(language, ["en", "zh"], usage=uses)
    for doc in TABLE_DOCS:
        for column in doc.columns + doc.notebook_columns:
            assert f'<tr id="{doc.name}.{column.name.strip("<>")}">' in page
    groups = [page.index(f'<h2 id="{c}">') for c in
              ("basic_information", "transaction_history", "interaction_records", "preferences")]
    assert groups == sorted(groups)
    assert page.index('<tr id="customers.acquisition_channel">') < groups[1]
    assert groups[3] < page.index('<tr id="customers.category_spend_columns">')
    assert 'href="#nb-05_retention_loyalty"' in page and 'id="nb-05_retention_loyalty"' in page
    assert "<script" not in page and "Content-Security-Policy" in page


def test_chinese_edition_speaks_chinese_and_english_comes_from_the_descriptions():
    zh, en = render_dictionary("zh"), render_dictionary("en")
    assert "基本信息" in zh and "交易历史" in zh and "互动记录" in zh and "偏好特征" in zh
    assert "投诉解决的日期" in zh and "When the complaint was resolved" not in zh
    assert "When the complaint was resolved" in en and "<code>date</code>" in en


def test_index_builds_the_page_in_every_edition_and_links_it(tmp_path):
    (tmp_path / "zh").mkdir()
    build_index(tmp_path)
    for folder in (tmp_path, tmp_path / "zh"):
        page = (folder / PAGE).read_text(encoding="utf-8")
        assert 'href="index.html"' in page and 'href="glossary.html"' in page
        assert f'href="{PAGE}"' in (folder / "index.html").read_text(encoding="utf-8")
        assert f'href="{PAGE}"' in (folder / "glossary.html").read_text(encoding="utf-8")
    assert 'href="zh/dictionary.html"' in (tmp_path / PAGE).read_text(encoding="utf-8")
    assert "02_clv" in (tmp_path / PAGE).read_text(encoding="utf-8")


def test_a_study_name_is_escaped_in_the_notebook_legend():
    manifest = {"title": "<b>shop</b>", "notebooks": {"02_clv": {"html": "02_clv.html"}}}
    page = render_dictionary("en", manifests=[("s", manifest)], usage={("transactions", "amount"): ("02_clv",)})
    assert "&lt;b&gt;shop&lt;/b&gt;" in page and 'href="s/02_clv.html"' in page
