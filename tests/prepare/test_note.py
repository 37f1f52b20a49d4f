"""The note every notebook shows: one line per declaration, the study's words escaped, empty when nothing is declared."""

from __future__ import annotations

from analysis.prepare import parse_preparation, preparation_note

HEADER = ["age", "sat1", "sat2", "y", "web", "store", "pdays", "<b>x</b>"]


def prep(**raw):
    return parse_preparation(raw, where="s.yaml", key="data.survey", header=HEADER)


def test_nothing_declared_is_an_empty_note():
    assert preparation_note({}) == ""
    assert preparation_note({"survey": prep()}, {"duplicates": "keep"}, ()) == ""


def test_every_declaration_has_its_line():
    note = preparation_note({"survey": prep(
        missing_codes={"pdays": [999]},
        derive={"sat": {"mean": ["sat1", "sat2"], "min_items": 1}, "total": {"sum": ["web", "store"]},
                "sub": {"recode": "y", "map": {"yes": 1}}, "grp": {"bins": "age", "edges": [18, 65]},
                "pref": {"largest": {"web": "w", "store": "s"}}, "x": {"expr": "web * 2"}},
        filter="age >= 18")}, {"duplicates": "drop", "zero_amounts": "keep"}, ("duplicates",))
    lines = note.splitlines()
    assert lines[0].startswith("**Data preparation declared by the study**") and lines[1] == ""
    assert lines[2:] == [
        "- survey: in column pdays, the codes 999 count as missing.",
        "- survey: new column sat = the mean of sat1, sat2 (of those given, when at least 1 are given).",
        "- survey: new column total = the sum of web, store (missing when any of them is missing).",
        "- survey: new column sub recodes y.",
        "- survey: new column grp groups age by the edges 18, 65.",
        "- survey: new column pref = the label of the largest of web, store (ties: the first listed).",
        "- survey: new column x = web \\* 2.",
        "- survey: only rows where age \\>= 18 are analysed (rows where it cannot be decided, because a value "
        "is missing, are dropped).",
        "- transactions: exact duplicate rows are dropped (cleaning).",
    ]


def test_the_studys_words_never_become_markup():
    note = preparation_note({"survey": prep(missing_codes=["<script>alert(1)</script>"],
                                            filter="col('<b>x</b>') == '[a](javascript:1)'")})
    assert "<script>" not in note and "<b>" not in note and "](javascript" not in note
