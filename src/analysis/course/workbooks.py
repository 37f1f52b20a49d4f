"""Write the exercise workbooks (``exercises/<notebook>.ipynb``) from the exercises' definitions.

Each workbook is generated, so a question is written once (in its catalog, in
every language) and the workbooks cannot drift from the exercises the tests
check; ``tests/course/test_workbooks.py`` fails when a committed workbook
differs from the generated one. Regenerate with::

    python -m analysis.course.workbooks exercises/

A workbook: the title and how to work (English, then Chinese, as every
notebook's Markdown), a ``parameters`` cell with ``seed``, a cell that opens the
:class:`~analysis.course.workbook.Workbook`, then per exercise its question (both
languages), the starter code and ``wb.check(...)``.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from analysis.course.registry import NOTEBOOKS, exercises

__all__ = ["workbook_notebook", "write_workbooks"]

_LANGUAGES = ("en", "zh")


def _cell_id(notebook: str, index: int) -> str:
    return hashlib.sha256(f"{notebook}:{index}".encode()).hexdigest()[:8]


def _lines(text: str) -> list[str]:
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + [lines[-1]]


def _notebook_title(notebook: str, language: str, notebooks_dir: Path) -> str:
    """The heading of the notebook's first Markdown cell in *language* (``00 · Data overview and quality``)."""
    cells = json.loads((notebooks_dir / f"{notebook}.ipynb").read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        if cell["cell_type"] == "markdown" and cell["metadata"].get("language", "en") == language:
            return "".join(cell["source"]).splitlines()[0].lstrip("# ").strip()
    raise ValueError(f"{notebook} has no Markdown cell in {language}")


def workbook_notebook(number: str, notebooks_dir: Path, default_seed: int) -> dict[str, Any]:
    """The workbook of notebook *number* (``"01"``) as an nbformat 4 dict."""
    from analysis.messages import msg

    notebook = NOTEBOOKS[number]
    found = exercises(number)
    cells: list[dict[str, Any]] = []

    def markdown(text: str, language: str) -> None:
        cells.append({"cell_type": "markdown", "id": _cell_id(notebook, len(cells)),
                      "metadata": {"language": language}, "source": _lines(text)})

    def code(text: str, tags: tuple[str, ...] = ()) -> None:
        cells.append({"cell_type": "code", "execution_count": None, "id": _cell_id(notebook, len(cells)),
                      "metadata": {"tags": list(tags)} if tags else {}, "outputs": [], "source": _lines(text)})

    for language in _LANGUAGES:
        title = _notebook_title(notebook, language, notebooks_dir)
        markdown(f"# {msg('course.workbook.title', language=language, title=title)}\n\n"
                 f"{msg('course.workbook.intro', language=language, notebook=notebook, first=found[0].id)}",
                 language)
    code(f"seed = {default_seed}  # your own number from the teacher (the class study's default is {default_seed})",
         tags=("parameters",))
    code(f'import pandas as pd\n\nfrom analysis.course import Workbook\n\nwb = Workbook("{notebook}", seed=seed)\nwb.exercises()')
    for item in found:
        for language in _LANGUAGES:
            markdown(msg("course.workbook.exercise", language=language, id=item.id,
                         title=item.words("title", language), question=item.words("question", language),
                         level=msg(f"course.level.{item.level}", language=language),
                         topic=msg(f"course.topic.{item.topic}", language=language)), language)
        code(item.starter.strip("\n"))
        code(f'wb.check("{item.id}", answer)')
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python (service analytics)", "language": "python",
                           "name": "service-analytics"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def write_workbooks(folder: str | Path, *, notebooks_dir: str | Path | None = None) -> list[Path]:
    """Write every workbook into *folder* (atomically); return their paths."""
    from analysis.course.exercise import ClassData, class_study_path
    from analysis.io import write_text_atomic

    root = class_study_path().parent.parent
    notebooks_dir = Path(notebooks_dir) if notebooks_dir is not None else root / "notebooks"
    seed = ClassData().seed
    written = []
    for number, notebook in NOTEBOOKS.items():
        path = Path(folder) / f"{notebook}.ipynb"
        text = json.dumps(workbook_notebook(number, notebooks_dir, seed), indent=1, ensure_ascii=False) + "\n"
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(path, text)
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover - the command line
    for path in write_workbooks(sys.argv[1] if len(sys.argv) > 1 else "exercises"):
        print(path)
