"""Render an executed notebook to a self-contained, offline HTML page.

The page uses the suite's nbconvert template (``templates/analysis``: the lab
layout without JupyterLab's 240 kB stylesheet, without require.js, MathJax,
Mermaid or widget scripts from a CDN), so it opens from a USB stick or an
air-gapped machine and asks no server for anything:

- a table of contents built from the headings;
- code hidden by default behind a "Show code" button (a few lines of inline
  JavaScript; without JavaScript the code is shown), or left out entirely with
  ``hide_code=True``;
- figures with alt text: the title the notebook gave the figure through
  :meth:`ReportOutputs.figure <analysis.report.ReportOutputs.figure>` (carried in
  the output's metadata, else matched through ``outputs.json`` by the names the
  cell passes to ``.figure(...)``), else the figure's position and section;
- a pandas table cut short by pandas' display limits gets a note saying so and,
  when the notebook saved that table with ``.table(...)``, a link to its CSV;
- every output of a code cell treated as untrusted (it may carry a study's
  title, column names or data values): Markdown outputs are rendered with raw
  HTML shown as text, HTML outputs (pandas tables) are sanitized with ``nh3``
  (tags and attributes tables and text need; links only http, https, mailto,
  relative and ``#anchors``), SVG outputs are shown as images (an ``<img>`` runs
  no script and loads nothing), script and widget outputs are dropped, and
  tracebacks stay escaped (see :func:`clean_html`, :func:`markdown_html`);
- a Content-Security-Policy (:func:`csp_for`) that forbids every request but
  the page's own images and allows exactly the page's own inline script and
  styles by their sha256 (no ``'unsafe-inline'``), and any ``src`` pointing at
  another host is disabled, so nothing leaks about the reader even from an
  output that tries.

Why ``nh3`` and not nbconvert's ``sanitize_html``: nbconvert 7.17 sanitizes with
``bleach``, deprecated since 2023; it strips raw HTML instead of showing it as
text (a channel named ``<svg onload=...>`` would vanish from the sentence that
names it), and it also rewrites the suite's own Markdown cells. ``nh3`` binds
Rust's maintained ``ammonia`` sanitizer and is applied to outputs only.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

import nbformat
import nh3

from analysis.errors import ReportError
from analysis.messages import LANGUAGES, msg
from analysis.report.editions import HTML_LANG, edition_href, switch_nav

__all__ = ["OUTPUT_MIMES", "TEMPLATES", "add_toc", "annotate_notebook", "block_external", "clean_html",
           "csp_for", "drop_active_outputs", "markdown_html", "render_html"]

TEMPLATES = Path(__file__).resolve().parent / "templates"
TEMPLATE = "analysis"
#: the kinds of output a page shows; any other (JavaScript, widgets, Mermaid, ...) is dropped
OUTPUT_MIMES = ("text/plain", "text/html", "text/markdown", "text/latex", "image/png", "image/jpeg", "image/svg+xml")
#: what an output's HTML may keep: ammonia's default tags (no script, style, form, iframe, svg),
#: the attributes pandas tables use (no style: the page's policy forbids inline styles) and
#: ids only on headings (the table of contents links them)
_TAGS = set(nh3.ALLOWED_TAGS) | {"tfoot"}
_ATTRIBUTES = {
    **{tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()},
    "*": {"class", "title", "lang"},
    "table": {"border"},
    "th": set(nh3.ALLOWED_ATTRIBUTES["th"]) | {"halign", "valign"},
    "td": set(nh3.ALLOWED_ATTRIBUTES["td"]) | {"halign", "valign"},
    **{f"h{level}": {"id"} for level in range(1, 7)},
}
_URL_SCHEMES = {"http", "https", "mailto"}
_PAPERMILL_TAG = "papermill-error-cell-tag"
_INLINE = re.compile(r"<(script|style)\b[^>]*>(.*?)</\1\s*>", re.DOTALL | re.IGNORECASE)
_STYLE_ATTR = re.compile(r' style="[^"]*"')

_FIG_CALL = re.compile(r"""\.figure\(\s*(?:name\s*=\s*)?["']([A-Za-z0-9][A-Za-z0-9_-]*)["']""")
_TAB_CALL = re.compile(r"""\.table\(\s*(?:name\s*=\s*)?["']([A-Za-z0-9][A-Za-z0-9_-]*)["']""")
_DIMS = re.compile(r"<p>([\d,]+) rows × ([\d,]+) columns</p>")
_HEADING_MD = re.compile(r"^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$", re.MULTILINE)
_HEADING_HTML = re.compile(r'<h([1-4])\s+id="([^"]+)"[^>]*>(.*?)</h\1>', re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_EXTERNAL = re.compile(
    r"""(<(?:script|img|iframe|link|source|audio|video|embed|object|track|input)\b[^>]*?\s)"""
    r"""(src|href|data|poster|srcset)(\s*=\s*["']?\s*)(?=(?:https?:)?//)""",
    re.IGNORECASE,
)
_IMAGE_TYPES = ("image/svg+xml", "image/png", "image/jpeg")  # nbconvert's order of preference


def render_html(
    notebook: str | Path,
    output: str | Path,
    *,
    hide_code: bool = False,
    title: str | None = None,
    outputs_dir: str | Path | None = None,
    index_href: str = "../index.html",
    language: str = "en",
    editions: Iterable[str] = (),
    site_path: str | None = None,
) -> Path:
    """Render *notebook* to a self-contained page *output* (written atomically).

    Parameters
    ----------
    notebook : str or Path
        An executed ``.ipynb`` file.
    output : str or Path
        The ``.html`` file to write.
    hide_code : bool, default False
        Leave the code out of the page entirely. By default the code is in the
        page, hidden behind a "Show code" button.
    title : str, optional
        The page title; default: the notebook's file name.
    outputs_dir : str or Path, optional
        The notebook's :class:`~analysis.report.ReportOutputs` folder (with
        ``outputs.json``): figure titles become alt text and a cut-short table
        links to its CSV there. Default: none (alt text from position only).
    index_href : str, default "../index.html"
        Where the page's "All reports" link points.
    language : str, default "en"
        The edition's language: the page's ``lang``, its frame's words (buttons,
        contents, notes) and the language switch.
    editions : iterable of str, optional
        The editions of the report site; the page links to its twin in each other
        one (``<edition root>/<site_path>``; see :mod:`analysis.report.editions`).
    site_path : str, optional
        The page's path within its edition (``<study>/<notebook>.html``); default:
        the output's folder and file name.

    Returns
    -------
    Path
        *output*.

    Raises
    ------
    ReportError
        If the notebook cannot be read or rendered.

    Examples
    --------
    >>> render_html("reports/cdnow/00_data_overview.ipynb", "/tmp/overview.html",
    ...             outputs_dir="reports/cdnow/00_data_overview")  # doctest: +SKIP
    PosixPath('/tmp/overview.html')
    """
    from nbconvert import HTMLExporter

    from analysis.io import write_text_atomic

    notebook, output = Path(notebook), Path(output)
    records = _read_records(Path(outputs_dir)) if outputs_dir is not None else {}
    link_base = _relative(Path(outputs_dir), output.parent) if outputs_dir is not None else ""
    page_title = title or notebook.stem
    words = {key: msg(f"site.page.{key}", language=language) for key in
             ("skip", "all_reports", "dictionary", "show_code", "hide_code", "contents", "warnings_one", "figure",
              "language")}
    words["warnings_many"] = msg("site.page.warnings_many", language=language, n="{n}")
    page = site_path or f"{output.parent.name}/{output.name}"
    switch = switch_nav(language, [lang for lang in LANGUAGES if lang in set(editions) | {language}],
                        lambda lang: "../" + edition_href(lang, page, language))
    try:
        own = {name: (TEMPLATES / TEMPLATE / name).read_text(encoding="utf-8")
               for name in ("report.css", "noscript.css", "report.js")}
        nb = nbformat.read(notebook, as_version=4)
        drop_active_outputs(nb)
        annotate_notebook(nb, records, link_base, language=language)
        exporter = HTMLExporter(
            template_name=TEMPLATE,
            template_file="report.html.j2",
            extra_template_basedirs=[str(TEMPLATES)],
            exclude_input=hide_code,
            exclude_input_prompt=True,
            exclude_output_prompt=True,
            language_code=language.split("-")[0],  # nbconvert takes ISO 639-1 only; the region/script is set below
            # clean_html: nbconvert sanitizes highlighted code with bleach (a second per page); nh3 does it in Rust
            filters={"safe_html": clean_html, "clean_html": clean_html, "safe_markdown": markdown_html,
                     "ansi2html": _ansi_html},
        )
        resources = {
            "metadata": {"name": page_title},
            "analysis": {
                "css": own["report.css"],
                "noscript_css": own["noscript.css"],
                "js": own["report.js"],
                "title": page_title,
                "code_toggle": not hide_code,
                "index_href": index_href,
                "dictionary_href": str(PurePosixPath(index_href).parent / "dictionary.html"),
                "words": words,
                "switch": switch,
            },
        }
        body, resources = exporter.from_notebook_node(nb, resources=resources)
    except Exception as exc:  # nbformat/nbconvert/jinja raise many kinds; report them as one
        raise ReportError(f"cannot render {notebook} to HTML: {type(exc).__name__}: {exc}") from exc
    body = body.replace(f'<html lang="{language.split("-")[0]}">', f'<html lang="{HTML_LANG[language]}">', 1)
    body = add_toc(body, language)
    body = block_external(body)
    # the page's own inline texts: the suite's CSS and script, and the code highlighting's CSS
    csp = csp_for(body, trusted=[*own.values(), *resources.get("inlining", {}).get("css", [])])
    body = body.replace("<head>", f'<head>\n<meta http-equiv="Content-Security-Policy" content="{csp}">', 1)
    output.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(output, body)
    return output


#: a log line of the kernel process itself (traitlets' format: ``[IPKernelApp] LEVEL | message``)
_KERNEL_LOG = re.compile(r"^\[(?:IPKernelApp|IPKernel|KernelApp)\][^\n]*(?:\n|$)", re.MULTILINE)
#: Python's warning format: ``<file>:<line>: <Category>: <message>`` and, indented, the line of code that warned
_WARNING = re.compile(r"^[^\n]*?:\d+: (\w*Warning): ([^\n]*)\n(?:  [^\n]*(?:\n|$))?", re.MULTILINE)


def drop_active_outputs(nb: Any) -> Any:
    """Keep only the kinds of output a page shows (:data:`OUTPUT_MIMES`); drop widget state.

    JavaScript, widget views, Mermaid and other active outputs would run or
    inject script on the page; they are removed from the notebook (in place,
    which is returned) before it is rendered. So are the kernel's own log lines
    (``[IPKernelApp] ERROR | KeyboardInterrupt caught in kernel.``), which the
    kernel writes into whatever cell runs when it is signalled: they are about the
    kernel process, not the analysis. Warnings stay visible as ``Category: message``, without the
    kernel's temporary file name and the line of code that raised them. The banners papermill adds around
    a failed cell lose their ``style`` attributes, which the page's policy
    forbids (``report.css`` styles them).

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x", outputs=[
    ...     nbformat.v4.new_output("display_data", data={"application/javascript": "alert(1)", "text/plain": "x"})])])
    >>> sorted(drop_active_outputs(nb).cells[0].outputs[0].data)
    ['text/plain']
    >>> noise = nbformat.v4.new_output("stream", name="stderr", text="[IPKernelApp] ERROR | KeyboardInterrupt caught in kernel.\\n")
    >>> drop_active_outputs(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x", outputs=[noise])])).cells[0].outputs
    []
    >>> warned = nbformat.v4.new_output("stream", name="stderr", text=(
    ...     "/tmp/ipykernel_1/35.py:4: AnalysisWarning: 308 row(s) with missing covariates were left out.\\n"
    ...     "  adjusted = adjusted_comparison(outcomes, channel_column)\\n"))
    >>> drop_active_outputs(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x", outputs=[warned])])).cells[0].outputs[0].text
    'AnalysisWarning: 308 row(s) with missing covariates were left out.\\n'
    """
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        if _PAPERMILL_TAG in cell.get("metadata", {}).get("tags", []):  # its banners' inline style: report.css's
            cell.source = _STYLE_ATTR.sub("", cell.source)
        for out in cell.get("outputs", []):
            if "data" in out:
                out["data"] = nbformat.NotebookNode({k: v for k, v in out["data"].items() if k in OUTPUT_MIMES})
            if out.get("output_type") == "stream" and out.get("name") == "stderr":
                out["text"] = _WARNING.sub(r"\1: \2\n", _KERNEL_LOG.sub("", out.get("text", "")))
        if "outputs" in cell:
            cell.outputs = [o for o in cell.outputs if o.get("output_type") != "stream" or o.get("text")]
    return nb


def clean_html(markup: Any) -> str:
    """Sanitize HTML from an output of a code cell (untrusted) with ``nh3``.

    Kept: ammonia's default tags (text, lists, tables, links, images) with the
    attributes pandas tables use, ``class`` anywhere and ``id`` on headings.
    Removed: script, style, iframe, object, svg, form and every other tag not
    listed (script and style with their content), every event handler and
    ``style`` attribute, and every link or source whose scheme is not http,
    https or mailto (relative links and ``#anchors`` stay).

    Examples
    --------
    >>> clean_html('<table class="dataframe"><tr style="text-align: right;"><td onclick="x()">1</td></tr></table>')
    '<table class="dataframe"><tbody><tr><td>1</td></tr></tbody></table>'
    >>> clean_html('<a href="javascript:alert(1)">x</a><script>alert(1)</script>')
    '<a rel="noopener noreferrer">x</a>'
    """
    return nh3.clean(str(markup), tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=_URL_SCHEMES,
                     link_rel="noopener noreferrer", strip_comments=True)


def markdown_html(text: Any) -> str:
    """Render Markdown from an output of a code cell (untrusted) to safe HTML.

    Markdown formatting is rendered as in a notebook (nbconvert's renderer, so
    headings get the same anchors); raw HTML in it is shown as text, not passed
    through; the result then goes through :func:`clean_html`, which removes
    ``javascript:`` and ``data:`` links.

    Examples
    --------
    >>> markdown_html("**<script>alert(1)</script>** [x](javascript:alert(1))").strip()
    '<p><strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong> <a rel="noopener noreferrer">x</a></p>'
    """
    from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

    return clean_html(MarkdownWithMath(renderer=IPythonRenderer(escape=True)).render(str(text)))


def csp_for(page: str, trusted: Iterable[str] | None = None) -> str:
    """The Content-Security-Policy of *page*: its own inline scripts and styles by sha256.

    Every request is forbidden but images from the page's own folder or inline
    (``data:``); no inline script or style runs unless its exact text is hashed
    in the policy, so no ``'unsafe-inline'`` is needed. Put the policy in a
    ``<meta http-equiv="Content-Security-Policy">`` before the first style.

    Parameters
    ----------
    page : str
        The page (or just its ``<style>``/``<script>`` elements).
    trusted : iterable of str, optional
        Only elements whose text (ignoring surrounding white space) is one of
        these are hashed. Default: every inline script and style of *page*,
        for a page all of whose content is escaped (the reports' index).

    Returns
    -------
    str
        The policy: ``script-src``/``style-src`` list hashes, or ``'none'``.

    Examples
    --------
    >>> csp_for("<style>body{margin:0}</style>")  # doctest: +NORMALIZE_WHITESPACE
    "default-src 'none'; img-src 'self' data:; style-src 'sha256-IAdwN3biDCQ3brrgp1m8kBEsPQYyqfREKOEfeoREopc=';
    script-src 'none'; font-src data:; base-uri 'none'; form-action 'none'"
    """
    allowed = None if trusted is None else {text.strip() for text in trusted}
    hashes: dict[str, list[str]] = {"script": [], "style": []}
    for tag, text in _INLINE.findall(page):
        if allowed is not None and text.strip() not in allowed:
            continue
        digest = "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"
        if digest not in hashes[tag.lower()]:
            hashes[tag.lower()].append(digest)
    scripts, styles = (" ".join(hashes[tag]) or "'none'" for tag in ("script", "style"))
    return (f"default-src 'none'; img-src 'self' data:; style-src {styles}; script-src {scripts}; "
            "font-src data:; base-uri 'none'; form-action 'none'")


def _ansi_html(text: str) -> str:
    """nbconvert's ``ansi2html`` (escapes the text; colours as classes) without the
    ``style`` attributes it writes for 256-colour and RGB codes, which the policy forbids."""
    from nbconvert.filters import ansi2html

    return _STYLE_ATTR.sub("", str(ansi2html(text)))


def annotate_notebook(nb: Any, records: Mapping[str, Any], link_base: str = "", *, language: str = "en") -> Any:
    """Give every image output alt text and every cut-short pandas table a note.

    Works on the notebook in place (and returns it). Alt text, in order of
    preference: ``metadata[<image type>]["alt"]`` already in the output (set by
    :meth:`ReportOutputs.figure`); the recorded title of the figure the cell
    names in its ``.figure("name", ...)`` calls, matched in order when the cell
    shows as many images as it names figures; else "Figure N" and the section
    heading. A table whose HTML carries pandas' "R rows × C columns" line (shown
    only when pandas cut rows or columns) gets a note, linking to the CSV of the
    table of that shape the cell saved with ``.table("name", ...)``, or of the
    only table of that shape the notebook saved.

    Parameters
    ----------
    nb : nbformat.NotebookNode
    records : mapping
        ``outputs.json`` of the notebook: ``{"tables": ..., "figures": ...}``.
    link_base : str, default ""
        Path from the page to the outputs folder ("" when they share a folder).

    Returns
    -------
    nbformat.NotebookNode

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('out.figure("spend", fig)', outputs=[
    ...     nbformat.v4.new_output("display_data", data={"image/png": "iVBORw0KGgo="})])])
    >>> cell = annotate_notebook(nb, {"figures": {"spend": {"alt": "Spend per month"}}}).cells[0]
    >>> cell.outputs[0].metadata["image/png"]["alt"]
    'Spend per month'
    """
    figures = dict(records.get("figures") or {})
    tables = dict(records.get("tables") or {})
    heading, n_figure = "", 0
    for cell in nb.cells:
        source = cell.get("source", "")
        if cell.cell_type == "markdown":
            found = _HEADING_MD.findall(source)
            if found:
                heading = _plain(found[-1][1])
            continue
        if cell.cell_type != "code":
            continue
        outputs = cell.get("outputs", [])
        names = _FIG_CALL.findall(source)
        images = [o for o in outputs if any(t in o.get("data", {}) for t in _IMAGE_TYPES)]
        for k, out in enumerate(images):
            n_figure += 1
            mime = next(t for t in _IMAGE_TYPES if t in out["data"])
            meta = out.setdefault("metadata", nbformat.NotebookNode())
            own = meta.setdefault(mime, nbformat.NotebookNode())
            if not isinstance(own, dict):
                own = meta[mime] = nbformat.NotebookNode()
            if own.get("alt"):
                continue
            if len(names) == len(images) and figures.get(names[k], {}).get("alt"):
                own["alt"] = str(figures[names[k]]["alt"])
            else:
                own["alt"] = (msg("site.page.figure_in", language=language, n=n_figure, heading=heading) if heading
                              else msg("site.page.figure_n", language=language, n=n_figure))
        for out in outputs:
            markup = out.get("data", {}).get("text/html")
            if isinstance(markup, list):
                markup = "".join(markup)
            if not markup or "table-note" in markup:
                continue
            match = _DIMS.search(markup)
            if match is None or "<table" not in markup:
                continue
            n_rows, n_cols = (int(g.replace(",", "")) for g in match.groups())
            name = _match_table(tables, _TAB_CALL.findall(source), n_rows, n_cols)
            out["data"]["text/html"] = markup + _table_note(n_rows, n_cols, name, tables, link_base, language)
    return nb


def _match_table(tables: Mapping[str, Any], named: list[str], n_rows: int, n_cols: int) -> str | None:
    def fits(name: str) -> bool:
        rec = tables.get(name) or {}
        return bool(rec.get("path")) and rec.get("rows") == n_rows and len(rec.get("columns") or ()) == n_cols

    for name in named:
        if fits(name):
            return name
    anywhere = [name for name in tables if fits(name)]
    return anywhere[0] if len(anywhere) == 1 else None


def _table_note(n_rows: int, n_cols: int, name: str | None, tables: Mapping[str, Any], link_base: str,
                language: str = "en") -> str:
    text = html.escape(msg("site.page.part_shown", language=language, rows=n_rows, columns=n_cols))
    if name is None:
        return f'\n<p class="table-note">{text} {html.escape(msg("site.page.no_csv", language=language))}</p>'
    path = str(tables[name]["path"])
    href = quote(f"{link_base}/{path}" if link_base else path)
    return (f'\n<p class="table-note">{text} {html.escape(msg("site.page.full_table", language=language))} '
            f'<a class="table-csv" href="{html.escape(href)}">{html.escape(Path(path).name)}</a> (CSV).</p>')


def add_toc(page: str, language: str = "en") -> str:
    """Fill the page's ``<!-- analysis:toc -->`` slot with links to its h1-h4 headings.

    The slot's ``<nav>`` is removed when the page has no headings.

    Examples
    --------
    >>> page = '<nav class="toc"><!-- analysis:toc --></nav><h2 id="Fit">Fit</h2>'
    >>> 'href="#Fit"' in add_toc(page)
    True
    """
    slot = "<!-- analysis:toc -->"
    headings = [(int(level), anchor, _plain(_TAG.sub("", inner).replace("¶", "")))
                for level, anchor, inner in _HEADING_HTML.findall(page)]
    headings = [h for h in headings if h[2]]
    if not headings:
        return re.sub(r'<nav\b[^>]*\bclass="toc"[^>]*>\s*' + re.escape(slot) + r"\s*</nav>", "", page)
    top = min(level for level, _, _ in headings)
    items = "".join(
        f'<li class="toc-{min(level - top + 2, 4)}"><a href="#{anchor}">{html.escape(text)}</a></li>'
        for level, anchor, text in headings
    )
    return page.replace(slot, f"<h2>{html.escape(msg('site.page.contents', language=language))}</h2><ol>{items}</ol>", 1)


def block_external(page: str) -> str:
    """Disable every ``src``/``href``/``data``/``poster``/``srcset`` of a loading
    element (script, img, iframe, link, source, media, embed, object) that points
    at another host; links people click (``<a href>``) are left alone.

    Examples
    --------
    >>> block_external('<script src="https://cdn.example/x.js"></script>')
    '<script data-blocked-src="https://cdn.example/x.js"></script>'
    >>> block_external('<a href="https://doi.org/10.1/x">paper</a>')
    '<a href="https://doi.org/10.1/x">paper</a>'
    """
    return _EXTERNAL.sub(lambda m: f"{m.group(1)}data-blocked-{m.group(2).lower()}{m.group(3)}", page)


def _plain(text: str) -> str:
    text = _TAG.sub("", text)
    text = re.sub(r"[*_`]+", "", text)
    return html.unescape(" ".join(text.split()))


def _read_records(outputs_dir: Path) -> dict[str, Any]:
    try:
        data = json.loads((outputs_dir / "outputs.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _relative(target: Path, start: Path) -> str:
    rel = os.path.relpath(target.resolve(), start.resolve())
    return "" if rel == "." else Path(rel).as_posix()
