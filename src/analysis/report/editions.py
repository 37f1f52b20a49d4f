"""Editions of the reports, one per language, built from one notebook source.

A notebook's code exists once. Its narrative Markdown cells carry a language tag
(cell metadata ``"language": "en"`` or ``"zh"``; both languages live in the
notebook, each Chinese cell right after its English twin); the runner keeps the
cells of the edition's language before execution (:func:`notebook_in`), and the
words the package generates come from the message catalogs in that language
(``ANALYSIS_LANG`` in the kernel). Traditional Chinese (``zh-Hant``) takes the
Simplified cells, converted (:func:`analysis.messages.to_traditional`).

The English edition is the reports folder itself (``reports/<study>/...``); any
other edition is a complete report site in a folder named for its language
(``reports/zh/<study>/...``, with its own ``index.html``), so the manifests,
reuse and ``analysis compare`` work per edition unchanged, and every page links to
the same page in the other editions present.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote

from analysis.errors import ParameterError
from analysis.messages import DEFAULT_LANGUAGE, LANGUAGES, msg

__all__ = ["LANGUAGE_NAMES", "HTML_LANG", "ALL", "edition_dir", "edition_languages", "notebook_in",
           "export_notebook", "editions_present", "cell_language", "switch_nav", "edition_href"]

#: each language's own name (what the language switch shows)
LANGUAGE_NAMES = {"en": "English", "zh": "简体中文", "zh-Hant": "繁體中文"}
#: the value of a page's ``<html lang>``
HTML_LANG = {"en": "en", "zh": "zh-CN", "zh-Hant": "zh-Hant"}
#: what ``--lang all`` renders
ALL = ("en", "zh")


def edition_dir(reports_dir: str | Path, language: str) -> Path:
    """The folder of *language*'s edition: the reports folder for English, ``<reports>/<language>`` otherwise.

    Examples
    --------
    >>> edition_dir("reports", "en").as_posix(), edition_dir("reports", "zh").as_posix()
    ('reports', 'reports/zh')
    """
    return Path(reports_dir) if language == DEFAULT_LANGUAGE else Path(reports_dir) / language


def edition_languages(choice: str | None, study_language: str) -> tuple[str, ...]:
    """The editions to render for a study: the command line's ``--lang`` (``all``: English and Chinese),
    else the study's own ``language:``.

    Examples
    --------
    >>> edition_languages(None, "zh"), edition_languages("all", "en"), edition_languages("en", "zh")
    (('zh',), ('en', 'zh'), ('en',))
    """
    if choice is None:
        return (study_language,)
    if choice == "all":
        return ALL
    if choice not in LANGUAGES:
        raise ParameterError(f"--lang {choice}: use one of {', '.join(LANGUAGES)} or all")
    return (choice,)


def cell_language(cell: Any) -> str | None:
    """The language tag of a Markdown cell (None: a cell for every edition)."""
    return cell.get("metadata", {}).get("language") if cell.get("cell_type") == "markdown" else None


def notebook_in(nb: Any, language: str) -> Any:
    """A copy of notebook *nb* (an ``nbformat`` node) with only *language*'s narrative cells.

    Code cells and untagged cells are kept for every language; a Markdown cell
    tagged with another language is dropped; for ``zh-Hant`` the Simplified cells
    are kept, converted. The notebook's metadata records the edition.

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[
    ...     nbformat.v4.new_markdown_cell("Hello", metadata={"language": "en"}),
    ...     nbformat.v4.new_markdown_cell("你好", metadata={"language": "zh"}),
    ...     nbformat.v4.new_code_cell("1 + 1")])
    >>> [c.source for c in notebook_in(nb, "zh").cells]
    ['你好', '1 + 1']
    """
    if language not in LANGUAGES:
        raise ParameterError(f"language {language!r}: use one of {', '.join(LANGUAGES)}")
    source = "zh" if language == "zh-Hant" else language
    out = copy.deepcopy(nb)
    out.cells = [c for c in out.cells if cell_language(c) in (None, source)]
    if language == "zh-Hant":
        from analysis.messages import to_traditional

        for cell in out.cells:
            if cell_language(cell) == source:
                cell.source = to_traditional(cell.source)
    out.metadata["analysis_language"] = language
    return out


def export_notebook(source: str | Path, target: str | Path, language: str) -> Path:
    """Write *source*'s *language* edition to *target* (atomically): one language, for JupyterLab readers.

    Examples
    --------
    >>> export_notebook("notebooks/01_segmentation.ipynb", "/tmp/01_zh.ipynb", "zh")  # doctest: +SKIP
    PosixPath('/tmp/01_zh.ipynb')
    """
    import nbformat

    from analysis.io import write_text_atomic

    nb = nbformat.read(Path(source), as_version=4)
    target = Path(target)
    write_text_atomic(target, nbformat.writes(notebook_in(nb, language)) + "\n")
    return target


def editions_present(reports_dir: str | Path) -> list[str]:
    """The languages with an edition in *reports_dir* (English first, then the others found).

    Examples
    --------
    >>> editions_present("/nonexistent")
    ['en']
    """
    root = Path(reports_dir)
    return [DEFAULT_LANGUAGE] + [lang for lang in LANGUAGES[1:] if (root / lang).is_dir()]


def switch_nav(language: str, editions: Iterable[str], href: Callable[[str], str]) -> str:
    """The language switch: a link per other edition (``href(lang)`` gives its address), or ``""``."""
    others = [lang for lang in editions if lang != language]
    if not others:
        return ""
    links = " · ".join(f'<a lang="{HTML_LANG[lang]}" hreflang="{HTML_LANG[lang]}" href="{escape(quote(href(lang)))}">'
                       f"{escape(LANGUAGE_NAMES[lang])}</a>" for lang in others)
    return f'<nav class="languages" aria-label="{escape(msg("site.page.language", language=language))}">{links}</nav>'


def edition_href(language: str, target: str, page_language: str) -> str:
    """Address of *target* (relative to an edition's root) in *language*'s edition, from the root of
    *page_language*'s edition.

    Examples
    --------
    >>> edition_href("zh", "index.html", "en"), edition_href("en", "index.html", "zh")
    ('zh/index.html', '../index.html')
    """
    up = "" if page_language == DEFAULT_LANGUAGE else "../"
    return up + ("" if language == DEFAULT_LANGUAGE else f"{language}/") + target
