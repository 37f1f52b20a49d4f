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
