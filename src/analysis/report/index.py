"""``reports/index.html``: one self-contained page listing every study's reports.

Built from the ``manifest.json`` files alone (inline CSS, no scripts, no external
requests); every value shown is HTML-escaped and every link URL-quoted.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote

from analysis.report.manifest import MANIFEST_NAME, read_manifest, utc_now

__all__ = ["build_index", "render_index"]

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","PingFang SC","Microsoft YaHei",sans-serif;
margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1f2328;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.3rem;margin:2rem 0 .3rem;border-bottom:1px solid #d0d7de}
.muted{color:#656d76;font-size:.9rem}table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid #d0d7de;padding:.35rem .5rem;vertical-align:top;text-align:left;font-size:.92rem}
th{background:#f6f8fa}.ok{color:#1a7f37;font-weight:600}.failed{color:#cf222e;font-weight:600}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem}
pre{background:#fff8f8;border:1px solid #f0c0c0;padding:.4rem;white-space:pre-wrap;margin:.3rem 0}
ul{margin:.2rem 0;padding-left:1.2rem}a{color:#0969da}
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
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Reports</title><style>{CSS}</style></head><body>",
        "<h1>Reports</h1>",
        f'<p class="muted">Built {escape(utc_now())} from {len(manifests)} study manifest(s).</p>',
    ]
    if not manifests:
        parts.append("<p>No reports yet: run <code>analysis run</code>.</p>")
    for folder, manifest in manifests:
        parts.append(_study_section(folder, manifest))
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _link(folder: str, target: str | None, text: str) -> str:
    if not target:
        return escape(text)
    return f'<a href="{escape(quote(f"{folder}/{target}"))}">{escape(text)}</a>'


def _study_section(folder: str, manifest: dict[str, Any]) -> str:
    name = str(manifest.get("study", folder))
    title = str(manifest.get("title") or name)
    out = [f'<h2 id="{escape(quote(name))}">{escape(title)} <span class="muted">({escape(name)})</span></h2>']
    if manifest.get("description"):
        out.append(f"<p>{escape(str(manifest['description']))}</p>")
    out.append(f'<p class="muted">Study file: <code>{escape(str(manifest.get("study_file", "")))}</code> · '
               f'{_link(folder, MANIFEST_NAME, "manifest.json")}</p>')
    out.append("<table><tr><th>Notebook</th><th>Status</th><th>Run</th><th>Parameters</th>"
               "<th>Findings and outputs</th><th>Data</th></tr>")
    for nb, entry in manifest.get("notebooks", {}).items():
        out.append(_notebook_row(folder, str(nb), entry if isinstance(entry, dict) else {}))
    out.append("</table>")
    return "\n".join(out)


def _notebook_row(folder: str, nb: str, entry: dict[str, Any]) -> str:
    status = str(entry.get("status", "unknown"))
    cls = "ok" if status == "ok" else "failed"
    name_cell = _link(folder, entry.get("html"), nb)
    if entry.get("executed"):
        name_cell += f'<br><span class="muted">{_link(folder, entry["executed"], ".ipynb")}</span>'
    status_cell = f'<span class="{cls}">{escape(status)}</span>'
    shown = entry
    if status != "ok":
        status_cell += _failure(folder, nb, entry)
        shown = entry.get("last_good") or {}
    env = entry.get("environment") or {}
    run_cell = f"{escape(str(entry.get('started', '')))}<br>{escape(str(entry.get('duration_s', '')))} s"
    if env.get("git_commit"):
        dirty = " (modified)" if env.get("git_dirty") else ""
        run_cell += f'<br><span class="muted">commit {escape(str(env["git_commit"])[:10])}{dirty}</span>'
    params = {k: v for k, v in entry.get("parameters", {}).items() if k not in ("study", "output_dir")}
    param_cell = "<ul>" + "".join(
        f"<li><code>{escape(str(k))} = {escape(repr(v))}</code></li>"
        for k, v in params.items()
    ) + "</ul>" if params else '<span class="muted">defaults</span>'
    return (f"<tr><td>{name_cell}</td><td>{status_cell}</td><td>{run_cell}</td><td>{param_cell}</td>"
            f"<td>{_outputs(folder, shown.get('outputs') or {})}</td><td>{_inputs(entry)}</td></tr>")


def _failure(folder: str, nb: str, entry: dict[str, Any]) -> str:
    error = entry.get("error") or {}
    text = f"{error.get('name', 'Error')}: {error.get('message', '')}"
    out = [f"<pre>{escape(text)}</pre>"]
    cell = error.get("cell") or {}
    if cell.get("source"):
        out.append(f'<span class="muted">in cell {escape(str(cell.get("execution_count") or cell.get("index")))}:</span>'
                   f"<pre>{escape(str(cell['source']))}</pre>")
    links = [_link(folder, entry.get(k), label) for k, label in
             (("failed_html", "failed notebook (HTML)"), ("failed_notebook", "failed notebook (.ipynb)")) if entry.get(k)]
    last_good = entry.get("last_good") or {}
    if last_good.get("html"):
        links.append(_link(folder, last_good["html"], f"last good report ({last_good.get('started', '')})"))
    if links:
        out.append("<br>" + " · ".join(links))
    return "".join(out)


def _outputs(folder: str, outputs: dict[str, Any]) -> str:
    out = []
    findings = outputs.get("findings") or {}
    if findings:
        out.append("<ul>" + "".join(f"<li>{escape(str(t))}</li>" for t in findings.values()) + "</ul>")
    for kind, label in (("tables", "Tables"), ("figures", "Figures")):
        items = outputs.get(kind) or {}
        if items:
            links = ", ".join(
                _link(folder, rec.get("path"), name) if not rec.get("alt") else
                f'<span title="{escape(str(rec["alt"]))}">{_link(folder, rec.get("path"), name)}</span>'
                for name, rec in items.items()
            )
            out.append(f"<div>{label}: {links}</div>")
    return "".join(out) or '<span class="muted">none</span>'


def _inputs(entry: dict[str, Any]) -> str:
    files = entry.get("input_files") or []
    if not files:
        return '<span class="muted">generated</span>'
    return "<ul>" + "".join(
        f"<li><code>{escape(Path(str(f.get('path', ''))).name)}</code><br>"
        f'<span class="muted" title="sha256 {escape(str(f.get("sha256")))}">'
        f'sha256 {escape(str(f.get("sha256") or "missing")[:16])}…</span></li>'
        for f in files
    ) + "</ul>"
