"""The report site without a kernel: notebook pages (offline, TOC, code toggle, alt
text, cut-table notes), the index, fingerprints and PDF printing.

Pages are checked with the standard library's HTML parser, not with the regular
expressions the renderer uses, so a renderer bug is not mirrored by the test.
"""

from __future__ import annotations

import base64
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import nbformat  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis.report import ReportOutputs  # noqa: E402
from analysis.report.index import render_index  # noqa: E402
from analysis.report.manifest import code_sha256, run_fingerprint  # noqa: E402
from analysis.report.pdf import find_chromium, print_pdf  # noqa: E402
from analysis.report.render import render_html  # noqa: E402

LOADING_TAGS = {"script", "img", "iframe", "link", "source", "audio", "video", "embed", "object", "track", "input"}


class Page(HTMLParser):
    """Every start tag with its attributes, and the text."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data):
        self.text.append(data)

    def all(self, tag: str, **having: str) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag and all(h in a.get(k, "").split() for k, h in having.items())]

    def external_loads(self) -> list[str]:
        """URLs the page would fetch from another host (``<a href>`` is navigation, not a load)."""
        found = []
        for tag, attrs in self.tags:
            if tag not in LOADING_TAGS:
                continue
            for key in ("src", "href", "data", "poster", "srcset"):
                value = attrs.get(key, "").strip().lower()
                if value.startswith(("http:", "https:", "//")):
                    found.append(f"<{tag} {key}={attrs[key]}>")
        return found


def _png(title: str) -> str:
    fig, ax = plt.subplots(figsize=(2, 1.5))
    ax.plot([0, 1], [0, 1])
    ax.set_title(title)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _image_output(png: str, alt: str | None = None):
    meta = {"image/png": {"alt": alt}} if alt else {}
    return nbformat.v4.new_output("display_data", data={"image/png": png, "text/plain": "<Figure>"}, metadata=meta)


def _html_output(markup: str):
    return nbformat.v4.new_output("display_data", data={"text/html": markup, "text/plain": "table"})


@pytest.fixture()
def site(tmp_path: Path) -> dict:
    """An executed-looking notebook, its outputs folder, and the rendered page."""
    big = pd.DataFrame({"customer": [f"c{i}" for i in range(100)], "spend": range(100)})
    wide = pd.DataFrame({f"x{i}": range(80) for i in range(3)})
    assert "100 rows × 2 columns" in big._repr_html_()  # pandas' own cut-short marker, as a notebook shows it
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                           "language": "python"}})
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Spend study\n\nSee [the paper](https://doi.org/10.1287/mksc.1040.0098)."),
        nbformat.v4.new_code_cell("study = 'x.yaml'\noutput_dir = None", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_markdown_cell("## Spend per month\n\nText."),
        nbformat.v4.new_code_cell('out.figure("spend", fig_a)\nout.figure("visits", fig_b)',
                                  outputs=[_image_output(_png("a")), _image_output(_png("b"))]),
        nbformat.v4.new_code_cell("fig_c  # shown without out.figure", outputs=[_image_output(_png("c"))]),
        nbformat.v4.new_code_cell("display(fig_d)", outputs=[_image_output(_png("d"), alt="Given by the kernel")]),
        nbformat.v4.new_markdown_cell("### Big tables"),
        nbformat.v4.new_code_cell('out.table("customers", big)', outputs=[_html_output(big._repr_html_())]),
        nbformat.v4.new_code_cell("wide", outputs=[_html_output(wide._repr_html_())]),
        nbformat.v4.new_code_cell("small", outputs=[_html_output(big.head(3)._repr_html_())]),
        nbformat.v4.new_code_cell("noisy()", outputs=[nbformat.v4.new_output(
            "stream", name="stderr", text="FutureWarning: something\n  in a library\n")]),
        nbformat.v4.new_code_cell("plotly_like()", outputs=[_html_output(
            '<script src="https://cdn.example.org/lib.js"></script><img src="http://tracker.example/p.gif">'
            '<link rel="stylesheet" href="//fonts.example/css">')]),
    ]
    executed = tmp_path / "nb.ipynb"
    nbformat.write(nb, executed)
    outputs = tmp_path / "nb"
    (outputs / "tables").mkdir(parents=True)
    big.to_csv(outputs / "tables" / "customers.csv")
    (outputs / "outputs.json").write_text(json.dumps({
        "tables": {"customers": {"path": "tables/customers.csv", "rows": 100, "columns": ["customer", "spend"]}},
        "figures": {"spend": {"path": "figures/spend.png", "alt": "Spend per month by channel"},
                    "visits": {"path": "figures/visits.png", "alt": "Visits per customer"}},
        "findings": {},
    }), encoding="utf-8")
    page = render_html(executed, tmp_path / "nb.html", title="Study: nb", outputs_dir=outputs)
    return {"dir": tmp_path, "page": page, "html": page.read_text(encoding="utf-8"), "executed": executed,
            "outputs": outputs}


def test_page_is_self_contained_and_offline(site):
    page = Page(site["html"])
    # the injected script is removed with its src (outputs are sanitized); the image and stylesheet
    # from other hosts are disabled; nothing else loads
    assert page.external_loads() == []
    assert "cdn.example.org" not in site["html"]
    # no require.js / MathJax / JupyterLab stylesheet from a CDN, nor anywhere else
    assert all(a["src"].startswith("data:") for a in page.all("img") if "src" in a)
    assert not [a for a in page.all("script") if a.get("src")]
    assert not [a for a in page.all("link") if a.get("rel") == "stylesheet" and a.get("href")]
    csp = [a["content"] for a in page.all("meta") if a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0] and "http" not in csp[0]
    # a link to a paper in the text stays a link (navigation, not a load)
    assert any(a.get("href") == "https://doi.org/10.1287/mksc.1040.0098" for a in page.all("a"))
    # compact: the page without its embedded images is small (JupyterLab's CSS alone is 240 kB)
    images = sum(len(a.get("src", "")) for a in page.all("img"))
    assert len(site["html"]) - images < 40_000, len(site["html"]) - images
    assert "@media print" in site["html"]


def test_toc_links_every_heading(site):
    page = Page(site["html"])
    ids = {a["id"] for _, a in page.tags if "id" in a}
    toc = [a["href"] for a in page.all("a") if a.get("href", "").startswith("#") and a.get("href") != "#content"]
    nav_text = site["html"].split('class="toc"', 1)[1].split("</nav>", 1)[0]
    for heading in ("Spend study", "Spend per month", "Big tables"):
        assert heading in nav_text
    assert len(toc) >= 3 and all(href[1:] in ids for href in toc), (toc, ids)


def test_page_without_headings_has_no_empty_contents(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("Just text.")])
    nbformat.write(nb, tmp_path / "plain.ipynb")
    text = render_html(tmp_path / "plain.ipynb", tmp_path / "plain.html").read_text(encoding="utf-8")
    assert 'class="toc"' not in text and "Just text." in text


def test_figures_get_alt_text(site):
    alts = [a.get("alt") for a in Page(site["html"]).all("img") if "src" in a]
    assert alts == [
        "Spend per month by channel",           # matched through outputs.json by the names the cell passes
        "Visits per customer",
        "Figure 3 in section 'Spend per month'",  # shown without out.figure: position and section
        "Given by the kernel",                  # the output's own metadata wins
    ]


def test_cut_tables_are_noted_and_linked_to_their_csv(site):
    page = Page(site["html"])
    notes = [t for t in "".join(page.text).split("\n") if "Only part of this table is shown" in t]
    assert len(notes) == 2  # the 100-row and the 80-row table; not the 3-row one
    assert "100 rows and 2 columns" in notes[0] and "80 rows and 3 columns" in notes[1]
    links = [a["href"] for a in page.all("a", **{"class": "table-csv"})]
    assert links == ["nb/tables/customers.csv"]  # the wide table was not saved: no link, says so
    assert (site["page"].parent / links[0]).is_file()
    assert "The notebook saved no CSV of it." in site["html"]


def test_code_hidden_behind_a_toggle_or_left_out(site, tmp_path):
    page = Page(site["html"])
    assert "code-hidden" in page.all("body")[0]["class"].split()
    assert page.all("button", id="toggle-code")
    assert "out.figure(&quot;spend&quot;" in site["html"] or 'out.figure("spend"' in "".join(page.text)
    hidden = render_html(site["executed"], tmp_path / "hidden.html", hide_code=True, outputs_dir=site["outputs"])
    text = hidden.read_text(encoding="utf-8")
    assert 'out.figure("spend"' not in "".join(Page(text).text)
    assert not Page(text).all("button", id="toggle-code") and "<script>" not in text


def test_a_figure_given_to_report_outputs_stays_picklable():
    # how it displays (its PNG with the alt text, then its reading note) is tests/report/test_outputs.py's
    from analysis.plots.style import new_figure

    fig, ax = new_figure()
    ax.set_title("Revenue per month")
    ReportOutputs(None).figure("revenue", fig)
    import pickle

    assert pickle.loads(pickle.dumps(fig)).axes[0].get_title() == "Revenue per month"


# -- index -----------------------------------------------------------------------


def _entry(**extra):
    base = {"status": "ok", "started": "2024-01-01T00:00:00+00:00", "duration_s": 3.2, "html": "nb.html",
            "executed": "nb.ipynb", "parameters": {"study": "/s.yaml", "output_dir": "/o", "top_n": 5},
            "input_files": [{"path": "/d/orders.csv", "sha256": "ab" * 32}], "study_sha256": "cd" * 32,
            "environment": {"git_commit": "0123456789abcdef"}, "reused": False, "error": None,
            "outputs": {"findings": {f"f{i}": f"Finding number {i}." for i in range(5)},
                        "tables": {"rfm": {"path": "nb/tables/rfm.csv"}},
                        "figures": {"tiers": {"path": "nb/figures/tiers.png", "alt": "Value tiers"}}}}
    return {**base, **extra}


def test_index_shows_headlines_links_status_and_checksums():
    failed = _entry(status="failed", html=None, executed=None, failed_html="bad.failed.html",
                    failed_notebook="bad.failed.ipynb", error={"name": "KeyError", "message": "'amount'",
                                                               "cell": {"source": "tx['amount']"}},
                    last_good=None, outputs={})
    manifest = {"study": "demo", "title": "Demo", "notebooks": {"nb": _entry(reused=True), "bad": failed}}
    page = render_index([("demo", manifest)])
    parsed = Page(page)
    assert parsed.external_loads() == [] and "http:" not in page and "https:" not in page
    # three headline findings shown, the other two folded away
    head = page.split('<ul class="findings">', 1)[1].split("</ul>", 1)[0]
    assert head.count("<li>") == 3 and "Finding number 0." in head and "Finding number 3." not in head
    assert "2 more finding(s)" in page
    hrefs = {a["href"] for a in parsed.all("a")}
    assert {"demo/nb.html", "demo/nb.ipynb", "demo/nb/tables/rfm.csv", "demo/nb/figures/tiers.png",
            "demo/bad.failed.html", "demo/bad.failed.ipynb", "demo/manifest.json"} <= hrefs
    assert "reused" in page and "top_n = 5" in page and "abababababababab" in page and "0123456789" in page
    assert "KeyError: &#x27;amount&#x27;" in page or "KeyError: 'amount'" in page
    assert "1 ok (1 reused unchanged), 1 failed" in page


# -- fingerprints and PDF --------------------------------------------------------


def test_code_fingerprint_follows_every_python_file(tmp_path):
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "a.py").write_text("x = 1\n")
    (pkg / "sub" / "b.py").write_text("y = 2\n")
    (pkg / "notes.txt").write_text("ignored")
    first = code_sha256(pkg)
    (pkg / "notes.txt").write_text("still ignored")
    assert code_sha256(pkg) == first
    (pkg / "sub" / "b.py").write_text("y = 3\n")
    assert code_sha256(pkg) != first
    (pkg / "sub" / "b.py").write_text("y = 2\n")
    (pkg / "sub" / "b.py").rename(pkg / "b.py")  # same bytes, other module
    assert code_sha256(pkg) != first


def test_run_fingerprint_changes_with_each_part():
    base = dict(notebook_sha256="n", study_sha256="s", input_files=[{"sha256": "i"}], parameters={"k": 1},
                code="c", environment={"python": "3.11.7", "packages": {"pandas": "3.1.1"}})
    ref = run_fingerprint(**base)["sha256"]
    assert run_fingerprint(**dict(base))["sha256"] == ref
    changes = [("notebook_sha256", "n2"), ("study_sha256", "s2"), ("input_files", [{"sha256": "i2"}]),
               ("parameters", {"k": 2}), ("code", "c2"), ("environment", {"python": "3.12.0", "packages": {}})]
    for key, value in changes:
        assert run_fingerprint(**{**base, key: value})["sha256"] != ref, key


@pytest.mark.skipif(find_chromium() is None, reason="Chromium is not installed (apt-get install chromium)")
def test_pdf_of_a_page(site, tmp_path):
    pdf = print_pdf(site["page"], tmp_path / "out" / "nb.pdf")
    data = pdf.read_bytes()
    assert data[:5] == b"%PDF-" and len(data) > 5_000


def test_warnings_are_kept_but_folded(site):
    page = Page(site["html"])
    assert page.all("details", **{"class": "stderr"})
    assert "Warnings and messages (2 lines)" in "".join(page.text)
    assert "FutureWarning: something" in "".join(page.text)


def test_index_shows_a_failed_check_under_each_finding_it_weakens_and_unverified_citations():
    findings = {"value": {"text": "Worth 10 <b>US dollars</b>.", "checks": []},
                "risk": {"text": "Two at risk.", "checks": ["fit"]},
                "other": {"text": "**Fine** \\(really\\) [x](javascript:alert(1)).", "checks": []}}
    checks = {"independence": {"kind": "independence", "status": "fail", "text": "rho = 0.21 <i>fails</i>.",
                               "affects": ["value"]},
              "fit": {"kind": "convergence", "status": "warn", "text": "Slow convergence.", "affects": []},
              "ok": {"kind": "model_fit", "status": "pass", "text": "Good fit.", "affects": ["other"]}}
    entry = _entry(outputs={"findings": findings, "checks": checks,
                            "citation_problems": ["finding 'value', field 'x': cites 10 but t.x[a] is 9"]})
    page = render_index([("demo", {"study": "demo", "title": "Demo", "notebooks": {"nb": entry}})])
    items = page.split('<ul class="findings">', 1)[1].split("</ul>", 1)[0].split("<li>")[1:]
    assert "Worth 10 &lt;b&gt;US dollars&lt;/b&gt;." in items[0] and "Check failed (independence assumption)" in items[0]
    assert "rho = 0.21 &lt;i&gt;fails&lt;/i&gt;." in items[0]
    assert "Check warns (model convergence): Slow convergence." in items[1]  # named by the finding itself
    assert "Good fit" not in items[2]  # a passed check weakens nothing
    assert "<strong>Fine</strong> (really)" in items[2] and "javascript" not in items[2]  # Markdown, sanitized
    assert "2 of 3 check(s) failed or warn" in page
    assert "cites 10 but t.x[a] is 9" in page and "Cited values that their tables do not hold" in page
