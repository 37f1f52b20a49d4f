"""Every figure of every notebook has its reading note (issue 17): in the executed notebooks of both
bundled studies, in both editions, each ``image/png`` output is followed by a Markdown output marked
``{"analysis": {"reading": <kind>}}`` in the edition's language, and the rendered page shows that
note directly under its figure, set apart (class ``reading-note``)."""

from __future__ import annotations

import re

import nbformat
import pytest

from analysis.messages import catalog
from analysis.study import load_study

STUDIES = ("service_demo", "cdnow")
LEAD = {"en": "**How to read this chart.**", "zh": "**读图提示**。"}


def _cases():
    return [(study, nb, language) for study in STUDIES for nb in load_study(study).notebooks for language in ("en", "zh")]


def _folder(root, study, language):
    return root / study if language == "en" else root / language / study


@pytest.mark.slow
@pytest.mark.parametrize(("study", "nb", "language"), _cases())
def test_every_figure_is_followed_by_its_reading_note(bundled_reports, study, nb, language):
    folder = _folder(bundled_reports, study, language)
    notebook = nbformat.read(folder / f"{nb}.ipynb", as_version=4)
    kinds = {k.split(".")[1] for k in catalog(language) if k.startswith("reading.") and k.count(".") == 1}
    n_figures = 0
    for cell in notebook.cells:
        outputs = cell.get("outputs", []) if cell.cell_type == "code" else []
        for k, output in enumerate(outputs):
            if "image/png" not in output.get("data", {}):
                continue
            n_figures += 1
            assert k + 1 < len(outputs), f"a figure without a reading note in {nb}: {cell.source[:80]!r}"
            note = outputs[k + 1]
            kind = note.get("metadata", {}).get("analysis", {}).get("reading")
            assert kind in kinds, f"the output after a figure of {nb} is not a reading note: {cell.source[:80]!r}"
            assert note["data"]["text/markdown"].startswith(LEAD[language])
    page = (folder / f"{nb}.html").read_text(encoding="utf-8")
    figures = re.findall(r'<figure class="report-figure">', page)
    # each figure's block is closed by two </div> and followed at once by its note's block
    under = re.findall(r'<figure class="report-figure">\s*<img[^>]*>\s*</figure>\s*</div>\s*(?:</div>\s*)?'
                       r'<div class="jp-OutputArea-child[^"]*">\s*(?:<div class="jp-OutputPrompt[^>]*>\s*</div>\s*)?'
                       r'<div class="[^"]*reading-note"[^>]*data-reading="(\w+)"', page)
    assert len(figures) == n_figures
    assert len(under) == len(figures), f"{nb}: {len(figures)} figures, {len(under)} notes right under one"
    assert page.count(LEAD[language].replace("*", "").rstrip(".。")) >= n_figures


def test_a_reading_note_is_set_apart_under_its_figure_and_sanitized(tmp_path):
    from analysis.report.render import render_html

    note = "**How to read this chart.** Bars <script>alert(1)</script> [x](javascript:alert(1))"
    cell = nbformat.v4.new_code_cell('out.figure("f", fig)', outputs=[
        nbformat.v4.new_output("display_data", data={"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"},
                               metadata={"image/png": {"alt": "A figure"}}),
        nbformat.v4.new_output("display_data", data={"text/markdown": note, "text/plain": note},
                               metadata={"analysis": {"reading": "distribution"}}),
        nbformat.v4.new_output("display_data", data={"text/markdown": "an ordinary Markdown output"})])
    nbformat.write(nbformat.v4.new_notebook(cells=[cell]), tmp_path / "nb.ipynb")
    page = render_html(tmp_path / "nb.ipynb", tmp_path / "nb.html").read_text(encoding="utf-8")
    assert page.count('reading-note" data-mime-type="text/markdown" data-reading="distribution"') == 1
    assert page.index('alt="A figure"') < page.index('data-reading="distribution"')
    assert "<strong>How to read this chart.</strong>" in page
    assert "<script>alert" not in page and "javascript:" not in page
    assert ".reading-note{" in page  # the note's style is in the page's own CSS
