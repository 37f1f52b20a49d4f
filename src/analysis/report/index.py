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

from analysis.messages import msg
from analysis.report.manifest import INTERRUPTED, MANIFEST_NAME, SKIPPED, read_manifest, utc_now
from analysis.report.render import csp_for, markdown_html

__all__ = ["HEADLINES", "build_index", "render_index"]

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
@media print{body{max-width:none;padding:0;font-size:10pt}nav.studies{display:none}
.cards{display:block}.card{break-inside:avoid;margin:0 0 .6rem}a{color:inherit}
details>*{display:block}details summary{display:none}pre{max-height:none}}
"""


def build_index(reports_dir: str | Path) -> Path:
    """Rebuild ``<reports_dir>/index.html`` from every ``<study>/manifest.json``.

    Examples
    --------
    >>> build_index("reports")  # doctest: +SKIP
    PosixPath('reports/index.html')
    """
    from analysis.io import write_text_atomic

    reports_dir = Path(reports_dir)
    manifests = []
    for path in sorted(reports_dir.glob(f"*/{MANIFEST_NAME}")):
        if path.parent.name.startswith("."):
            continue
        manifest = read_manifest(path.parent)
        if manifest is not None:
            manifests.append((path.parent.name, manifest))
    reports_dir.mkdir(parents=True, exist_ok=True)
    target = reports_dir / "index.html"
    write_text_atomic(target, render_index(manifests))
    return target


def render_index(manifests: list[tuple[str, dict[str, Any]]]) -> str:
    """The index page for ``(folder name, manifest)`` pairs.

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
    style = f"<style>{CSS}</style>"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{csp_for(style)}">',  # the style by its hash
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<link rel="icon" href="data:,">',  # no /favicon.ico request
        f"<title>Reports</title>{style}</head><body>",
        "<header><h1>Reports</h1>",
        f'<p class="muted">Built {escape(utc_now())}: {len(manifests)} stud{"y" if len(manifests) == 1 else "ies"}, '
        f"{len(entries)} notebook(s), {n_ok} ok ({n_reused} reused unchanged), {len(entries) - n_ok - n_stopped - n_skipped} failed"
        + (msg("report.index.skipped", n=n_skipped) if n_skipped else "")
        + (f", {n_stopped} interrupted: " + ", ".join(escape(str(n)) for n in _interrupted(manifests)) if n_stopped else "")
        + ".</p>",
    ]
    if len(manifests) > 1:
        parts.append('<nav class="studies" aria-label="Studies"><ul>' + "".join(
            f'<li><a href="#{escape(quote(str(m.get("study", f))))}">{escape(str(m.get("title") or f))}</a></li>'
            for f, m in manifests) + "</ul></nav>")
    parts.append("</header><main>")
    if not manifests:
        parts.append("<p>No reports yet: run <code>analysis run</code>.</p>")
    for folder, manifest in manifests:
        parts.append(_study_section(folder, manifest))
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


def _study_section(folder: str, manifest: dict[str, Any]) -> str:
    name = str(manifest.get("study", folder))
    title = str(manifest.get("title") or name)
    out = [f'<section><h2 id="{escape(quote(name))}">{escape(title)} <span class="muted">({escape(name)})</span></h2>']
    if manifest.get("description"):
        out.append(f"<p>{escape(str(manifest['description']))}</p>")
    out.append(f'<p class="muted">Study file: <code>{escape(str(manifest.get("study_file", "")))}</code> · '
               f'{_link(folder, MANIFEST_NAME, "manifest.json")}</p>')
    window = manifest.get("window")
    if isinstance(window, dict):
        out.append(f'<p class="muted">{escape(_window_line(window))}</p>')
    out.append('<div class="cards">')
    for nb, entry in (manifest.get("notebooks") or {}).items():
        out.append(_notebook_card(folder, str(nb), entry if isinstance(entry, dict) else {}))
    out.append("</div></section>")
    return "\n".join(out)


def _window_line(window: dict[str, Any]) -> str:
    """The study's window in one line (each notebook's page says the dates it used)."""
    parts = [f"observation end {window.get('observation_end') or 'the last transaction in the data'}"]
    if window.get("calibration_end"):
        parts.append(f"calibration end {window['calibration_end']}")
    parts.append(f"time unit {window.get('time_unit', '')}")
    return "Window of the study: " + " · ".join(parts)


def _notebook_card(folder: str, nb: str, entry: dict[str, Any]) -> str:
    status = str(entry.get("status", "unknown"))
    ok = status == "ok"
    if status == SKIPPED:
        return (f'<article class="card skipped" id="{escape(quote(f"{folder}-{nb}"))}"><h3>{escape(nb)} '
                f'<span class="badge skipped">{escape(status)}</span></h3>'
                f'<p class="muted">{escape(str(entry.get("reason") or ""))}</p></article>')
    heading = _link(folder, entry.get("html"), nb, "page")
    badges = f'<span class="badge {"ok" if ok else "failed"}">{escape(status)}</span>'
    if entry.get("reused"):
        badges += ' <span class="badge reused" title="inputs, parameters and code unchanged: not re-executed">reused</span>'
    out = [f'<article class="card {"ok" if ok else "failed"}" id="{escape(quote(f"{folder}-{nb}"))}">',
           f"<h3>{heading} {badges}</h3>"]
    if entry.get("title"):
        out.append(f'<div class="muted">{escape(str(entry["title"]))}</div>')
    shown = entry
    if not ok:
        out.append(_failure(folder, entry))
        shown = entry.get("last_good") or {}
    outputs = shown.get("outputs") or {}
    out.append(_findings(outputs.get("findings") or {}, outputs.get("checks") or {}))
    out.append(_unverified(outputs.get("citation_problems") or []))
    links = [_link(folder, shown.get(k), label) for k, label in
             (("html", "report"), ("pdf", "PDF"), ("executed", "notebook (.ipynb)")) if shown.get(k)]
    if links:
        prefix = "Last good: " if not ok else ""
        out.append(f'<div class="links">{prefix}{" · ".join(links)}</div>')
    for kind, label in (("tables", "Tables (CSV)"), ("figures", "Figures (PNG)")):
        items = outputs.get(kind) or {}
        if items:
            out.append(f'<div class="links"><span class="label">{label}:</span> ' + ", ".join(
                _titled(_link(folder, rec.get("path"), name), rec.get("alt")) for name, rec in items.items()
            ) + "</div>")
    out.append(_details(entry))
    out.append("</article>")
    return "\n".join(out)


def _titled(markup: str, title: Any) -> str:
    return f'<span title="{escape(str(title))}">{markup}</span>' if title else markup


def _check_label(check: dict[str, Any]) -> str:
    kind = msg(f"findings.kind.{check.get('kind')}")
    return msg(f"findings.status.{check.get('status')}.label", kind=kind)


def _inline(markdown: Any) -> str:
    """A finding's or check's Markdown as safe inline HTML (sanitized; no wrapping paragraph)."""
    html = markdown_html(str(markdown)).strip()
    return html[3:-4] if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1 else html


def _finding_item(key: str, record: Any, checks: dict[str, Any]) -> str:
    text = record.get("text", "") if isinstance(record, dict) else record
    weakening = [c for name, c in checks.items() if c.get("status") in ("warn", "fail")
                 and (key in c.get("affects", []) or name in (record.get("checks", []) if isinstance(record, dict) else []))]
    notes = "".join(f'<div class="check {escape(str(c.get("status")))}">{escape(_check_label(c))}: '
                    f'{_inline(c.get("text", ""))}</div>' for c in weakening)
    return f"<li>{_inline(text)}{notes}</li>"


def _findings(findings: dict[str, Any], checks: dict[str, Any]) -> str:
    items = [_finding_item(key, record, checks) for key, record in findings.items()]
    if not items:
        return ""
    out = f'<ul class="findings">{"".join(items[:HEADLINES])}</ul>'
    if len(items) > HEADLINES:
        rest = "".join(items[HEADLINES:])
        out += f'<details><summary>{len(items) - HEADLINES} more finding(s)</summary><ul class="findings">{rest}</ul></details>'
    failed = [c for c in checks.values() if c.get("status") in ("warn", "fail")]
    if failed:
        out += (f'<details class="checks"><summary>{len(failed)} of {len(checks)} check(s) failed or warn</summary><ul>'
                + "".join(f'<li class="check {escape(str(c.get("status")))}">{_inline(c.get("text", ""))}</li>' for c in failed)
                + "</ul></details>")
    return out


def _unverified(problems: list[str]) -> str:
    if not problems:
        return ""
    return ('<details class="check fail"><summary>Cited values that their tables do not hold</summary><ul>'
            + "".join(f"<li>{escape(str(p))}</li>" for p in problems) + "</ul></details>")


def _failure(folder: str, entry: dict[str, Any]) -> str:
    error = entry.get("error") or {}
    out = [f'<p class="muted">{escape(msg("report.index.before_run"))}</p>'] if entry.get("before_run") else []
    out.append(f"<pre>{escape(str(error.get('name', 'Error')))}: {escape(str(error.get('message', '')))}</pre>")
    cell = error.get("cell") or {}
    if cell.get("source"):
        where = cell.get("execution_count") or cell.get("index")
        out.append(f'<span class="muted">in cell {escape(str(where))}:</span><pre>{escape(str(cell["source"]))}</pre>')
    links = [_link(folder, entry.get(k), label) for k, label in
             (("failed_html", "failed notebook (HTML)"), ("failed_notebook", "failed notebook (.ipynb)")) if entry.get(k)]
    last_good = entry.get("last_good") or {}
    if last_good.get("html"):
        links.append(_link(folder, last_good["html"], f"last good report ({last_good.get('started', '')})"))
    if links:
        out.append(f'<div class="links">{" · ".join(links)}</div>')
    return "".join(out)


def _details(entry: dict[str, Any]) -> str:
    env = entry.get("environment") or {}
    run = f"{escape(str(entry.get('started', '')))}, {escape(str(entry.get('duration_s', '')))} s"
    if entry.get("reused"):
        run += f" (results reused; checked {escape(str(entry.get('checked', '')))})"
    rows = [("Ran", run)]
    if env.get("git_commit"):
        dirty = " (modified)" if env.get("git_dirty") else ""
        rows.append(("Commit", f"<code>{escape(str(env['git_commit'])[:10])}</code>{dirty}"))
    params = {k: v for k, v in (entry.get("parameters") or {}).items() if k not in ("study", "output_dir")}
    rows.append(("Parameters", "; ".join(f"<code>{escape(str(k))} = {escape(repr(v))}</code>" for k, v in params.items())
                 if params else '<span class="muted">defaults</span>'))
    files = entry.get("input_files")  # absent when the check stopped the run before any data were hashed
    if files:
        rows.append(("Data", "<br>".join(
            f'<code>{escape(Path(str(f.get("path", ""))).name)}</code> '
            f'<span class="muted" title="sha256 {escape(str(f.get("sha256")))}">'
            f'sha256 {escape(str(f.get("sha256") or "missing")[:16])}…</span>' for f in files)))
    elif files is not None:
        rows.append(("Data", '<span class="muted">generated by the study\'s data set (no input files)</span>'))
    if entry.get("study_sha256"):
        sha = escape(str(entry["study_sha256"]))
        rows.append(("Study file", f'<span class="muted" title="sha256 {sha}">sha256 {sha[:16]}…</span>'))
    if entry.get("pdf_error"):
        rows.append(("PDF", escape(str(entry["pdf_error"]))))
    return "<dl>" + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>"
