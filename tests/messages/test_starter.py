"""messages.starter: every key `analysis init` uses exists, and its comments stay on one line."""

import re
from pathlib import Path

from analysis.messages.starter import MESSAGES

SOURCES = [Path(__file__).resolve().parents[2] / "src" / "analysis" / "study" / name
           for name in ("starter.py", "starter_tables.py", "inspect.py")]


def test_every_key_the_starter_uses_is_in_the_catalog():
    used = set()
    for source in SOURCES:
        used |= set(re.findall(r"[\"'](starter\.[a-z_.]+)[\"']", source.read_text(encoding="utf-8")))
    assert used, "the starter looks its words up in the catalog"
    assert used <= set(MESSAGES["en"]), sorted(used - set(MESSAGES["en"]))


def test_comment_texts_are_one_line_each():
    # a starter comment is written after '#': a line break would end the comment and break the YAML
    multi = [k for k, v in MESSAGES["en"].items() if "\n" in v and k != "starter.header"]
    assert multi == []
