"""``dictionary.html``: the data dictionary page of each edition of the report site.

Every column of every canonical table (:data:`analysis.schemas.descriptions.TABLE_DOCS`,
the one source of ``docs/tables.md`` too), grouped by the four contents of a customer
database as the course teaches them (basic information, transaction history,
interaction records, preferences), each with its table, whether it is required, its
type, unit and meaning, and the notebooks that use it (derived by
:mod:`analysis.report.column_usage`, never typed by hand). English comes from the
descriptions; other languages from ``analysis.messages`` (``dictionary.*``). Built
with the index (:func:`analysis.report.index.build_index`); like the other pages of the
site it is self-contained, loads nothing, runs no script and escapes every text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote

from analysis.errors import AnalysisError
from analysis.messages import DEFAULT_LANGUAGE, msg
from analysis.report.editions import HTML_LANG, edition_href, switch_nav
from analysis.report.render import csp_for
from analysis.schemas.descriptions import CONTENTS, TABLE_DOCS, ColumnDoc, TableDoc, column_content

__all__ = ["PAGE", "render_dictionary", "slug", "notebook_usage"]

PAGE = "dictionary.html"

_EXTRA_CSS = """
table.dictionary{border-collapse:collapse;width:100%;font-size:.9rem}
table.dictionary th,table.dictionary td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;
vertical-align:top}table.dictionary td.name{white-space:nowrap}
"""


def slug(text: str) -> str:
    """The key part for an English type or unit text (``"number >= 0"`` -> ``"number_0"``).

    Examples
    --------
    >>> slug("the study's currency"), slug("-")
    ('the_study_s_currency', 'none')
    """
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "none"


def _bare(name: str) -> str:
    return name.strip("<>")


def notebook_usage(notebooks_dir: str | Path | None = None) -> dict[tuple[str, str], tuple[str, ...]] | None:
    """``(table, column) -> notebooks`` from the project's notebooks (default: the project root's
    ``notebooks/``), or None when no notebooks can be found (an installed package without the project).

    Examples
    --------
    >>> notebook_usage("/nonexistent") is None
    True
    """
    from analysis.report.column_usage import column_uses

    if notebooks_dir is None:
        from analysis.study import find_project_root

        try:
            notebooks_dir = find_project_root() / "notebooks"
        except AnalysisError:
            return None
    try:
        return column_uses(notebooks_dir)
    except AnalysisError:
        return None


class _Texts:
    """A table's and a column's texts in one language: English from the descriptions, others from the catalog."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.english = language == DEFAULT_LANGUAGE

    def t(self, key: str, **fields: Any) -> str:
        return msg(key, language=self.language, **fields)

    def text(self, key: str) -> str:
        """A table's or column's text from ``analysis.messages.zh.dictionary.TEXTS`` (converted for zh-Hant)."""
        from analysis.messages import to_traditional
        from analysis.messages.zh.dictionary import TEXTS

        return to_traditional(TEXTS[key]) if self.language == "zh-Hant" else TEXTS[key]

    def row(self, table: TableDoc) -> str:
        return table.row if self.english else self.text(f"dictionary.table.{table.name}.row")

    def summary(self, table: TableDoc) -> str:
        return table.summary if self.english else self.text(f"dictionary.table.{table.name}.summary")

    def meaning(self, table: TableDoc, column: ColumnDoc) -> str:
        return column.meaning if self.english else self.text(f"dictionary.column.{table.name}.{_bare(column.name)}.meaning")

    def type(self, column: ColumnDoc) -> str:
        return column.type if self.english else self.text(f"dictionary.type.{slug(column.type)}")

    def unit(self, column: ColumnDoc) -> str:
        return column.unit if self.english else self.text(f"dictionary.unit.{slug(column.unit)}")


def _code(text: str) -> str:
    """*text* escaped, with its `backtick` spans as ``<code>``."""
    parts = text.split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick: shown as it is
        return escape(text)
    return "".join(f"<code>{escape(p)}</code>" if i % 2 else escape(p) for i, p in enumerate(parts))


def _column_name(column: ColumnDoc, words: _Texts) -> str:
    if not column.name.startswith("<"):
        return f"<code>{escape(column.name)}</code>"
    notebook, _, parameter = (column.declared_by or "").partition(":")
    if parameter:
        return escape(words.t("dictionary.named_by", parameter="\0")).replace(
            "\0", f"<code>{escape(parameter)}</code> ({escape(notebook)})")
    return escape(words.t("dictionary.declared_by", option="\0")).replace(
        "\0", f"<code>{escape(column.declared_by or _bare(column.name))}</code>")


def _rows(content: str, words: _Texts, usage: Mapping[tuple[str, str], tuple[str, ...]] | None) -> list[str]:
    rows = []
    for table in TABLE_DOCS:
        for column in table.columns + table.notebook_columns:
            if column_content(table, column) != content:
                continue
            cells = [
                f'<td class="name">{_column_name(column, words)}</td>',
                f'<td><a href="#table-{escape(quote(table.name))}"><code>{escape(table.name)}</code></a></td>',
                f"<td>{escape(words.t('dictionary.yes' if column.required else 'dictionary.no'))}</td>",
                f"<td>{_code(words.type(column))}</td>",
                f"<td>{_code(words.unit(column))}</td>",
                f"<td>{_code(words.meaning(table, column))}</td>",
            ]
            if usage is not None:
                notebooks = usage.get((table.name, column.name), ())
                cells.append("<td>" + (", ".join(f'<a href="#nb-{escape(quote(nb))}">{escape(nb)}</a>'
                                                  for nb in notebooks)
                                       or f'<span class="muted">{escape(words.t("dictionary.none"))}</span>')
                             + "</td>")
            rows.append(f'<tr id="{escape(quote(f"{table.name}.{_bare(column.name)}"))}">{"".join(cells)}</tr>')
    return rows


def render_dictionary(language: str = DEFAULT_LANGUAGE, editions: list[str] | None = None,
                      manifests: list[tuple[str, dict[str, Any]]] | None = None,
                      usage: Mapping[tuple[str, str], tuple[str, ...]] | None = None) -> str:
    """The data dictionary page of *language*'s edition.

    Parameters
    ----------
    language : str, default "en"
        The edition's language.
    editions : list of str, optional
        The site's editions (the language switch links to the page in each other one).
    manifests : list of (str, dict), optional
        ``(study folder, manifest)`` of the edition's studies: the notebooks' legend links to their reports.
    usage : mapping, optional
        ``(table, column) -> notebooks`` (:func:`notebook_usage`); None leaves the notebooks column out.

    Examples
    --------
    >>> page = render_dictionary("zh", usage={("complaints", "resolved_date"): ("05_retention_loyalty",)})
    >>> "交易历史" in page and 'href="#nb-05_retention_loyalty"' in page
    True
    """
    from analysis.report.index import CSS

    words = _Texts(language)
    style = f"<style>{CSS}{_EXTRA_CSS}</style>"
    heads = ["column", "table", "required", "type", "unit", "meaning"] + (["notebooks"] if usage is not None else [])
    head = "".join(f'<th scope="col">{escape(words.t(f"dictionary.column.{h}"))}</th>' for h in heads)
    chinese = "zh-Hant" if language == "zh-Hant" else "zh"
    body = []
    for content in CONTENTS:
        term = msg(f"glossary.term.{content}", language=language)
        other = "" if language.startswith("zh") else (
            f' <span class="muted" lang="{HTML_LANG[chinese]}">{escape(msg(f"glossary.term.{content}", language=chinese))}</span>')
        body.append(f'<section><h2 id="{escape(content)}">{escape(term[:1].upper() + term[1:])}{other}</h2>'
                    f'<p>{escape(words.t(f"dictionary.group.{content}"))}</p>'
                    f'<table class="dictionary"><thead><tr>{head}</tr></thead><tbody>'
                    + "".join(_rows(content, words, usage)) + "</tbody></table></section>")
    body.append(f"<section><h2 id=\"tables\">{escape(words.t('dictionary.tables'))}</h2>")
    for table in TABLE_DOCS:
        body.append(f'<h3 id="table-{escape(quote(table.name))}"><code>{escape(table.name)}</code></h3>'
                    f"<p>{escape(words.t('dictionary.table_row', row=words.row(table)))} {_code(words.summary(table))}</p>")
    body.append("</section>")
    if usage is not None:
        body.append(_notebooks(usage, manifests or [], words))
    return "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="{HTML_LANG[language]}"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{csp_for(style)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<link rel="icon" href="data:,">',
        f"<title>{escape(words.t('dictionary.title'))}</title>{style}</head><body>",
        f"<header>{switch_nav(language, editions or [language], lambda lang: edition_href(lang, PAGE, language))}"
        f'<p><a href="index.html">{escape(words.t("site.page.all_reports"))}</a> · '
        f'<a href="glossary.html">{escape(words.t("site.page.glossary"))}</a></p>'
        f"<h1>{escape(words.t('dictionary.title'))}</h1><p>{escape(words.t('dictionary.intro'))}</p>"
        + (f'<p class="muted">{escape(words.t("dictionary.usage_rule"))}</p>' if usage is not None else "")
        + "</header>",
        "<main>" + "\n".join(body) + "</main>",
        "</body></html>\n",
    ])


def _notebooks(usage: Mapping[tuple[str, str], tuple[str, ...]], manifests: list[tuple[str, dict[str, Any]]],
               words: _Texts) -> str:
    """The legend of the notebooks the page names: each with links to its reports in the edition's studies."""
    names = sorted({nb for nbs in usage.values() for nb in nbs})
    items = []
    for nb in names:
        links = []
        for folder, manifest in manifests:
            entry = (manifest.get("notebooks") or {}).get(nb)
            if isinstance(entry, dict) and entry.get("html"):
                title = str(manifest.get("title") or manifest.get("study") or folder)
                href = escape(quote(f"{folder}/{entry['html']}"))
                links.append(f'<a href="{href}">{escape(title)}</a>')
        reports = (escape(words.t("dictionary.notebook_reports")) + " " + ", ".join(links) if links
                   else f'<span class="muted">{escape(words.t("dictionary.no_reports"))}</span>')
        items.append(f'<li id="nb-{escape(quote(nb))}"><code>{escape(nb)}</code>: {reports}</li>')
    return (f"<section><h2 id=\"notebooks\">{escape(words.t('dictionary.notebooks'))}</h2>"
            f"<ul>{''.join(items)}</ul></section>")
