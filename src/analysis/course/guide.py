"""The generated parts of the teacher's guide (``docs/teaching.md`` and ``docs/teaching.zh-CN.md``).

The guide is written by hand except two blocks, which are generated so they cannot
drift from the code: the list of exercises per notebook (id, level, course topic,
title) and, in the teacher's answer section, the planted stories of the class
study with their numbers for the study's own seed. Each block sits between the
lines ``<!-- BEGIN generated: <name> -->`` and ``<!-- END generated: <name> -->``;
``tests/course/test_guide.py`` fails when a committed guide differs from the
generated one. Regenerate with::

    python -m analysis.course.guide
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Callable

from analysis.errors import ParameterError

__all__ = ["GUIDES", "exercise_list", "stories_block", "fill_guide", "write_guides"]

#: the guide's file per language, under the project's docs/
GUIDES = {"en": "teaching.md", "zh": "teaching.zh-CN.md"}


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def exercise_list(language: str) -> str:
    """The exercises of every workbook as Markdown tables, one per notebook, in *language*."""
    from analysis.course.registry import NOTEBOOKS, exercises
    from analysis.messages import msg

    head = [msg(f"course.guide.{c}", language=language) for c in ("exercise", "level", "topic", "title")]
    parts = []
    for number, notebook in NOTEBOOKS.items():
        rows = [f"| {' | '.join(head)} |", "| --- | --- | --- | --- |"]
        rows += [f"| {e.id} | {msg(f'course.level.{e.level}', language=language)} | "
                 f"{msg(f'course.topic.{e.topic}', language=language)} | {_cell(e.words('title', language))} |"
                 for e in exercises(number)]
        parts.append(f"**{msg('course.guide.workbook', language=language, notebook=notebook)}**\n\n"
                     + "\n".join(rows))
    return "\n\n".join(parts)


def stories_block(language: str) -> str:
    """The class study's stories with their numbers for the study's own seed, as a Markdown table."""
    from analysis.course.exercise import ClassData
    from analysis.course.stories import class_stories
    from analysis.messages import msg

    data = ClassData()
    table = class_stories(data.tables)
    head = [msg(f"course.guide.story_{c}", language=language) for c in ("story", "notebook", "evidence", "holds")]
    rows = [f"| {' | '.join(head)} |", "| --- | --- | --- | --- |"]
    for row in table.reset_index().to_dict("records"):
        row["verdict"] = _verdict_words(row["story"], row["verdict"], language)
        story = f"course.story.{row['story']}"
        holds = msg("course.guide.yes" if row["holds"] else "course.guide.no", language=language)
        evidence = _cell(msg(f"{story}.evidence", language=language, **row))
        rows.append(f"| {msg(story, language=language)} | {row['notebook']} | {evidence} | {holds} |")
    return msg("course.guide.stories_seed", language=language, seed=data.seed) + "\n\n" + "\n".join(rows)


def _verdict_words(story: str, verdict: str, language: str) -> str:
    """A story's verdict code in words: the economics verdict, or the key account's flags."""
    from analysis.messages import join_words, msg

    if story == "loyalty":
        return msg(f"loyalty.verdict.{verdict}", language=language)
    if story == "key_account":
        words = []
        for flag in filter(None, verdict.split("+")):
            kind, _, value = flag.partition("_")
            words.append(msg(f"segmentation.stage.{value}", language=language).lower() if kind == "stage"
                         else msg(f"course.story.flag.{flag}", language=language))
        return join_words(words, language)
    return verdict


_BLOCKS: dict[str, Callable[[str], str]] = {"exercises": exercise_list, "stories": stories_block}


def fill_guide(text: str, language: str) -> str:
    """*text* with every generated block replaced by its content in *language*."""
    for name, make in _BLOCKS.items():
        pattern = re.compile(rf"(<!-- BEGIN generated: {name} -->\n).*?(\n<!-- END generated: {name} -->)", re.S)
        if not pattern.search(text):
            raise ParameterError(f"the guide has no block '{name}': keep the lines "
                                 f"'<!-- BEGIN generated: {name} -->' and '<!-- END generated: {name} -->'")
        content = make(language)
        text = pattern.sub(lambda m: m.group(1) + content + m.group(2), text)
    return text


def write_guides(docs: str | Path) -> list[Path]:
    """Fill the generated blocks of both guides in *docs* (atomically); return their paths."""
    from analysis.io import write_text_atomic

    written = []
    for language, name in GUIDES.items():
        path = Path(docs) / name
        write_text_atomic(path, fill_guide(path.read_text(encoding="utf-8"), language))
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover - the command line
    from analysis.course.exercise import class_study_path

    for path in write_guides(sys.argv[1] if len(sys.argv) > 1 else class_study_path().parents[1] / "docs"):
        print(path)
