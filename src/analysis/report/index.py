"""``reports/index.html``: one self-contained page listing every study's reports.

Built from the ``manifest.json`` files alone: for each notebook its status, when
it ran and for how long (and whether the last results were reused), its
parameters, the checksums of its input data, its first headline findings (as the
notebook recorded them with ``ReportOutputs.finding``), and links to its page,
PDF, executed notebook, tables (CSV) and figures (PNG). A failed notebook shows
its error, the failing cell and links to the failed notebook and the last good
report; a notebook stopped by Ctrl-C is marked "interrupted", with its last good
report; a notebook the study's tables do not serve is "skipped", with the reason.
The runner rebuilds the page whenever a run starts and ends (also after an
interrupt), and ``analysis index`` does on demand. Inline CSS (allowed by its
sha256, not ``'unsafe-inline'``), no scripts, a Content-Security-Policy that forbids
every request; every value shown is HTML-escaped and every link URL-quoted.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote

from analysis.messages import DEFAULT_LANGUAGE, msg
from analysis.report.editions import HTML_LANG, edition_dir, edition_href, editions_present, switch_nav
from analysis.report.manifest import INTERRUPTED, MANIFEST_NAME, SKIPPED, read_manifest, utc_now
from analysis.report.render import csp_for, markdown_html

__all__ = ["HEADLINES", "build_index", "render_index", "render_glossary"]

HEADLINES = 3  # findings shown per notebook; the rest fold away

CSS = """
:root{--fg:#1f2328;--muted:#59636e;--line:#d0d7de;--soft:#f6f8fa;--accent:#0969da;--ok:#1a7f37;--bad:#cf222e}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","PingFang SC","Microsoft YaHei",sans-serif;
margin:0 auto;max-width:74rem;padding:1.5rem 1.2rem 3rem;color:var(--fg);line-height:1.5}
h1{font-size:1.7rem;margin:0 0 .2rem}h2{font-size:1.35rem;margin:2.2rem 0 .3rem;padding-bottom:.2rem;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:0;display:flex;flex-wrap:wrap;gap:.2rem .6rem;align-items:baseline}
a{color:var(--accent)}.muted{color:var(--muted);font-size:.88rem}
nav.studies ul{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;list-style:none;padding:0;margin:.6rem 0}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(22rem,1fr));gap:1rem;margin-top:1rem}
.card{border:1px solid var(--line);border-radius:8px;padding:.8rem 1rem;background:#fff}
.card.failed{border-color:var(--bad);border-left-width:4px}
.badge{font-size:.75rem;font-weight:600;padding:.05rem .45rem;border-radius:1rem;border:1px solid currentColor}
.badge.ok{color:var(--ok)}.badge.failed{color:var(--bad)}.badge.reused{color:var(--muted);font-weight:400}
.card.skipped{background:var(--soft)}.badge.skipped{color:var(--muted)}
.findings{margin:.6rem 0;padding-left:1.1rem}.findings li{margin:.2rem 0}
.check{font-size:.9em;margin:.15rem 0}.check.fail{color:#a40000}.check.warn{color:#8a5300}
.links{font-size:.88rem;margin:.4rem 0}.links span.label{color:var(--muted)}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .7rem;font-size:.82rem;margin:.5rem 0 0}
dt{color:var(--muted)}dd{margin:0;overflow-wrap:anywhere}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.82rem}
pre{background:#fff5f5;border:1px solid #f0c0c0;border-radius:4px;padding:.4rem;white-space:pre-wrap;margin:.4rem 0;
max-height:14rem;overflow:auto}
details summary{cursor:pointer;color:var(--muted);font-size:.85rem}
nav.languages{float:right;font-size:.9rem}table.glossary{border-collapse:collapse;width:100%}
table.glossary th,table.glossary td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left}
@media print{body{max-width:none;padding:0;font-size:10pt}nav.studies{display:none}
.cards{display:block}.card{break-inside:avoid;margin:0 0 .6rem}a{color:inherit}
details>*{display:block}details summary{display:none}pre{max-height:none}}
"""


def build_index(reports_dir: str | Path) -> Path:
    """Rebuild ``<reports_dir>/index.html`` from every ``<study>/manifest.json``, and the index of every
    other edition present (``<reports_dir>/zh/index.html``, ...), each in its language with a switch to the
    others, a glossary page of the course terms and the data dictionary of the canonical tables
    (``dictionary.html``, :mod:`analysis.report.dictionary`).

    Examples
    --------
    >>> build_index("reports")  # doctest: +SKIP
    PosixPath('reports/index.html')
    """
    from analysis.io import write_text_atomic
    from analysis.report.dictionary import PAGE, notebook_usage, render_dictionary

    reports_dir = Path(reports_dir)
    reports_dir.mkdir(parents=True, exist_ok=True)
    editions = editions_present(reports_dir)
    usage = notebook_usage()
    for language in editions:
        folder = edition_dir(reports_dir, language)
        manifests = []
        for path in sorted(folder.glob(f"*/{MANIFEST_NAME}")):
            if path.parent.name.startswith("."):
                continue
            manifest = read_manifest(path.parent)
            if manifest is not None:
                manifests.append((path.parent.name, manifest))
        write_text_atomic(folder / "index.html", render_index(manifests, language, editions))
        write_text_atomic(folder / "glossary.html", render_glossary(language, editions))
        write_text_atomic(folder / PAGE, render_dictionary(language, editions, manifests, usage))
    return reports_dir / "index.html"


def render_index(manifests: list[tuple[str, dict[str, Any]]], language: str = DEFAULT_LANGUAGE,
                 editions: list[str] | None = None) -> str:
    """The index page of *language*'s edition for ``(folder name, manifest)`` pairs.

    Examples
    --------
    >>> "<html" in render_index([])
    True
    """
    entries = [e for _, m in manifests for e in (m.get("notebooks") or {}).values() if isinstance(e, dict)]
    n_ok = sum(e.get("status") == "ok" for e in entries)
    n_reused = sum(bool(e.get("reused")) for e in entries)
    n_stopped = sum(e.get("status") == INTERRUPTED for e in entries)
    n_skipped = sum(e.get("status") == SKIPPED for e in entries)
    t = _words(language)
    style = f"<style>{CSS}</style>"
    studies = t("site.index.studies_one") if len(manifests) == 1 else t("site.index.studies_many", n=len(manifests))
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{HTML_LANG[language]}"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{csp_for(style)}">',  # the style by its hash
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<link rel="icon" href="data:,">',  # no /favicon.ico request
        f"<title>{escape(t('site.index.title'))}</title>{style}</head><body>",
        f"<header>{switch_nav(language, editions or [language], lambda lang: edition_href(lang, 'index.html', language))}"
        f"<h1>{escape(t('site.index.title'))}</h1>",
        '<p class="muted">' + escape(t("site.index.sentence", text=(
            t("site.index.built", when=utc_now(), studies=studies, notebooks=len(entries), ok=n_ok, reused=n_reused,
              failed=len(entries) - n_ok - n_stopped - n_skipped)
            + (t("report.index.skipped", n=n_skipped) if n_skipped else "")
            + (t("site.index.interrupted", n=n_stopped, which=", ".join(_interrupted(manifests))) if n_stopped else ""))))
        + f' <a href="glossary.html">{escape(t("site.page.glossary"))}</a>'
        + f' · <a href="dictionary.html">{escape(t("site.page.dictionary"))}</a></p>',
    ]
    if len(manifests) > 1:
        parts.append(f'<nav class="studies" aria-label="{escape(t("site.index.studies_nav"))}"><ul>' + "".join(
            f'<li><a href="#{escape(quote(str(m.get("study", f))))}">{escape(str(m.get("title") or f))}</a></li>'
            for f, m in manifests) + "</ul></nav>")
    parts.append("</header><main>")
    if not manifests:
        parts.append("<p>" + escape(t("site.index.empty", command="\0")).replace("\0", "<code>analysis run</code>")
                     + "</p>")
    for folder, manifest in manifests:
        parts.append(_study_section(folder, manifest, t))
    parts.append("</main></body></html>\n")
    return "\n".join(parts)


def _interrupted(manifests: list[tuple[str, dict[str, Any]]]) -> list[str]:
    """``study/notebook`` of every notebook whose last run was interrupted."""
    return [f"{m.get('study', f)}/{nb}" for f, m in manifests for nb, e in (m.get("notebooks") or {}).items()
            if isinstance(e, dict) and e.get("status") == INTERRUPTED]


def _link(folder: str, target: str | None, text: str, cls: str = "") -> str:
    if not target:
        return escape(text)
    attr = f' class="{cls}"' if cls else ""
    return f'<a{attr} href="{escape(quote(f"{folder}/{target}"))}">{escape(text)}</a>'


def render_glossary(language: str = DEFAULT_LANGUAGE, editions: list[str] | None = None) -> str:
    """The glossary page of *language*'s edition: every course term in English and Chinese
    (:data:`analysis.messages.glossary.GLOSSARY`), with the notebooks that teach it.

    Examples
    --------
    >>> "客户生命周期价值" in render_glossary("en")
    True
    """
    from analysis.messages.glossary import GLOSSARY

    t = _words(language)
    style = f"<style>{CSS}</style>"
    chinese = "zh-Hant" if language == "zh-Hant" else "zh"
    rows = "".join(
        f'<tr><td class="glossary-en" lang="en">{escape(row["en"])}</td>'
        f'<td lang="{HTML_LANG[chinese]}">{escape(_term(row["key"], chinese))}</td>'
        f"<td>{escape(row['notebooks'])}</td></tr>" for row in GLOSSARY)
    head = "".join(f"<th>{escape(t(f'glossary.column.{c}'))}</th>" for c in ("en", "zh", "notebooks"))
    return "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="{HTML_LANG[language]}"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{csp_for(style)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<link rel="icon" href="data:,">',
        f"<title>{escape(t('glossary.title'))}</title>{style}</head><body>",
        f"<header>{switch_nav(language, editions or [language], lambda lang: edition_href(lang, 'glossary.html', language))}"
        f'<p><a href="index.html">{escape(t("site.page.all_reports"))}</a> · '
        f'<a href="dictionary.html">{escape(t("site.page.dictionary"))}</a></p>'
        f"<h1>{escape(t('glossary.title'))}</h1><p>{escape(t('glossary.intro'))}</p></header>",
        f'<main><table class="glossary"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></main>',
        "</body></html>\n",
    ])


def _term(key: str, language: str) -> str:
    return msg(f"glossary.term.{key}", language=language)


def _words(language: str):
    """``msg`` in *language*."""
    return lambda key, **fields: msg(key, language=language, **fields)


def _study_section(folder: str, manifest: dict[str, Any], t) -> str:
    name = str(manifest.get("study", folder))
    title = str(manifest.get("title") or name)
    out = [f'<section><h2 id="{escape(quote(name))}">{escape(title)} <span class="muted">({escape(name)})</span></h2>']
    if manifest.get("description"):
        out.append(f"<p>{escape(str(manifest['description']))}</p>")
    out.append(f'<p class="muted">{escape(t("site.index.study_file"))} '
               f'<code>{escape(str(manifest.get("study_file", "")))}</code> · '
               f'{_link(folder, MANIFEST_NAME, "manifest.json")}</p>')
    window = manifest.get("window")
    if isinstance(window, dict):
        out.append(f'<p class="muted">{escape(_window_line(window, t))}</p>')
    out.append('<div class="cards">')
    for nb, entry in (manifest.get("notebooks") or {}).items():
        out.append(_notebook_card(folder, str(nb), entry if isinstance(entry, dict) else {}, t))
    out.append("</div></section>")
    return "\n".join(out)


def _window_line(window: dict[str, Any], t) -> str:
    """The study's window in one line (each notebook's page says the dates it used)."""
    end = window.get("observation_end")
    parts = [t("site.index.window.end", date=end) if end else t("site.index.window.end_default")]
    if window.get("calibration_end"):
        parts.append(t("site.index.window.calibration", date=window["calibration_end"]))
    parts.append(t("site.index.window.unit", unit=window.get("time_unit", "")))
    return t("site.index.window", parts=" · ".join(parts))


def _status(status: str, t) -> str:
    known = ("ok", "failed", SKIPPED, INTERRUPTED)
    return t(f"site.index.status.{status if status in known else 'unknown'}")


def _notebook_card(folder: str, nb: str, entry: dict[str, Any], t) -> str:
    status = str(entry.get("status", "unknown"))
    ok = status == "ok"
    if status == SKIPPED:
        return (f'<article class="card skipped" id="{escape(quote(f"{folder}-{nb}"))}"><h3>{escape(nb)} '
                f'<span class="badge skipped">{escape(_status(status, t))}</span></h3>'
                f'<p class="muted">{escape(str(entry.get("reason") or ""))}</p></article>')
    heading = _link(folder, entry.get("html"), nb, "page")
    badges = f'<span class="badge {"ok" if ok else "failed"}">{escape(_status(status, t))}</span>'
    if entry.get("reused"):
        badges += (f' <span class="badge reused" title="{escape(t("site.index.reused_title"))}">'
                   f'{escape(t("site.index.reused"))}</span>')
    out = [f'<article class="card {"ok" if ok else "failed"}" id="{escape(quote(f"{folder}-{nb}"))}">',
           f"<h3>{heading} {badges}</h3>"]
    if entry.get("title"):
        out.append(f'<div class="muted">{escape(str(entry["title"]))}</div>')
    shown = entry
    if not ok:
        out.append(_failure(folder, entry, t))
        shown = entry.get("last_good") or {}
    outputs = shown.get("outputs") or {}
    out.append(_findings(outputs.get("findings") or {}, outputs.get("checks") or {}, t))
    out.append(_unverified(outputs.get("citation_problems") or [], t))
    links = [_link(folder, shown.get(k), label) for k, label in
             (("html", t("site.index.link.report")), ("pdf", "PDF"), ("executed", t("site.index.link.notebook")))
             if shown.get(k)]
    if links:
        prefix = escape(t("site.index.last_good_prefix")) if not ok else ""
        out.append(f'<div class="links">{prefix}{" · ".join(links)}</div>')
    for kind, label in (("tables", t("site.index.tables")), ("figures", t("site.index.figures"))):
        items = outputs.get(kind) or {}
        if items:
            out.append(f'<div class="links"><span class="label">{escape(label)}</span> ' + ", ".join(
                _titled(_link(folder, rec.get("path"), name), rec.get("alt")) for name, rec in items.items()
            ) + "</div>")
    out.append(_details(entry, t))
    out.append("</article>")
    return "\n".join(out)


def _titled(markup: str, title: Any) -> str:
    return f'<span title="{escape(str(title))}">{markup}</span>' if title else markup


def _check_label(check: dict[str, Any], t) -> str:
    kind = t(f"findings.kind.{check.get('kind')}")
    return t(f"findings.status.{check.get('status')}.label", kind=kind)


def _inline(markdown: Any) -> str:
    """A finding's or check's Markdown as safe inline HTML (sanitized; no wrapping paragraph)."""
    html = markdown_html(str(markdown)).strip()
    return html[3:-4] if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1 else html


def _finding_item(key: str, record: Any, checks: dict[str, Any], t) -> str:
    text = record.get("text", "") if isinstance(record, dict) else record
    weakening = [c for name, c in checks.items() if c.get("status") in ("warn", "fail")
                 and (key in c.get("affects", []) or name in (record.get("checks", []) if isinstance(record, dict) else []))]
    notes = "".join(f'<div class="check {escape(str(c.get("status")))}">{escape(_check_label(c, t))}: '
                    f'{_inline(c.get("text", ""))}</div>' for c in weakening)
    return f"<li>{_inline(text)}{notes}</li>"


def _findings(findings: dict[str, Any], checks: dict[str, Any], t) -> str:
    items = [_finding_item(key, record, checks, t) for key, record in findings.items()]
    if not items:
        return ""
    out = f'<ul class="findings">{"".join(items[:HEADLINES])}</ul>'
    if len(items) > HEADLINES:
        rest = "".join(items[HEADLINES:])
        out += (f'<details><summary>{escape(t("site.index.more_findings", n=len(items) - HEADLINES))}</summary>'
                f'<ul class="findings">{rest}</ul></details>')
    failed = [c for c in checks.values() if c.get("status") in ("warn", "fail")]
    if failed:
        out += (f'<details class="checks"><summary>{escape(t("site.index.checks_failed", failed=len(failed), n=len(checks)))}'
                "</summary><ul>"
                + "".join(f'<li class="check {escape(str(c.get("status")))}">{_inline(c.get("text", ""))}</li>' for c in failed)
                + "</ul></details>")
    return out


def _unverified(problems: list[str], t) -> str:
    if not problems:
        return ""
    return (f'<details class="check fail"><summary>{escape(t("site.index.unverified"))}</summary><ul>'
            + "".join(f"<li>{escape(str(p))}</li>" for p in problems) + "</ul></details>")


def _failure(folder: str, entry: dict[str, Any], t) -> str:
    error = entry.get("error") or {}
    out = [f'<p class="muted">{escape(t("report.index.before_run"))}</p>'] if entry.get("before_run") else []
    out.append(f"<pre>{escape(str(error.get('name', 'Error')))}: {escape(str(error.get('message', '')))}</pre>")
    cell = error.get("cell") or {}
    if cell.get("source"):
        where = cell.get("execution_count") or cell.get("index")
        out.append(f'<span class="muted">{escape(t("site.index.in_cell", cell=where))}</span>'
                   f'<pre>{escape(str(cell["source"]))}</pre>')
    links = [_link(folder, entry.get(k), t(f"site.index.link.{k}")) for k in ("failed_html", "failed_notebook")
             if entry.get(k)]
    last_good = entry.get("last_good") or {}
    if last_good.get("html"):
        links.append(_link(folder, last_good["html"], t("site.index.link.last_good", when=last_good.get("started", ""))))
    if links:
        out.append(f'<div class="links">{" · ".join(links)}</div>')
    return "".join(out)


def _details(entry: dict[str, Any], t) -> str:
    env = entry.get("environment") or {}
    run = f"{escape(str(entry.get('started', '')))}, {escape(str(entry.get('duration_s', '')))} s"
    if entry.get("reused"):
        run += escape(t("site.index.detail.reused", when=entry.get("checked", "")))
    rows = [(t("site.index.detail.ran"), run)]
    if env.get("git_commit"):
        dirty = escape(t("site.index.detail.modified")) if env.get("git_dirty") else ""
        rows.append((t("site.index.detail.commit"), f"<code>{escape(str(env['git_commit'])[:10])}</code>{dirty}"))
    params = {k: v for k, v in (entry.get("parameters") or {}).items() if k not in ("study", "output_dir")}
    rows.append((t("site.index.detail.parameters"),
                 "; ".join(f"<code>{escape(str(k))} = {escape(repr(v))}</code>" for k, v in params.items())
                 if params else f'<span class="muted">{escape(t("site.index.detail.defaults"))}</span>'))
    files = entry.get("input_files")  # absent when the check stopped the run before any data were hashed
    if files:
        rows.append((t("site.index.detail.data"), "<br>".join(
            f'<code>{escape(Path(str(f.get("path", ""))).name)}</code> '
            f'<span class="muted" title="sha256 {escape(str(f.get("sha256")))}">'
            f'sha256 {escape(str(f.get("sha256") or "missing")[:16])}…</span>' for f in files)))
    elif files is not None:
        rows.append((t("site.index.detail.data"), f'<span class="muted">{escape(t("site.index.detail.generated"))}</span>'))
    if entry.get("study_sha256"):
        sha = escape(str(entry["study_sha256"]))
        rows.append((t("site.index.detail.study_file"), f'<span class="muted" title="sha256 {sha}">sha256 {sha[:16]}…</span>'))
    if entry.get("pdf_error"):
        rows.append(("PDF", escape(str(entry["pdf_error"]))))
    return "<dl>" + "".join(f"<dt>{escape(k)}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>"
