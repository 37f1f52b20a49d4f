"""Property tests of the expression language: random text never runs anything, and arithmetic is pandas' own.

*Nothing runs*: a Python audit hook records every ``exec``, ``compile``, ``open``,
``import``, ``os.system`` and ``subprocess`` event while random expressions
(mixing the language's tokens with fragments of attacks) are parsed and
evaluated; parsing may raise only ``compile`` (``ast.parse`` raises it for the
syntax tree it builds), evaluating nothing at all, and every outcome is a
Series or a StudyConfigError.

*Arithmetic*: random trees of ``+ - * / // %`` and unary minus over integer and
float columns are written as text, evaluated, and compared with the same tree
computed directly with pandas operators on the Series (an independent
computation: the test never uses the package's walker). Tolerance: exact for
integer results (both are int64 and small enough not to overflow), 1e-12
relative for floats (the same IEEE operations in the same order give the same
bits; the tolerance only allows for pandas choosing another kernel).
"""

from __future__ import annotations

import operator
import sys

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st
from property_cases import bounded

from analysis.errors import StudyConfigError
from analysis.prepare import parse_expression

WATCHED = ("exec", "compile", "open", "import", "os.system", "os.exec", "os.posix_spawn", "subprocess.Popen",
           "socket.connect", "ctypes.dlopen", "builtins.input", "pickle.find_class")
EVENTS: list[str] = []
WATCHING = [False]


def _hook(event: str, args: tuple) -> None:
    if WATCHING[0] and event.startswith(WATCHED):
        EVENTS.append(event)


sys.addaudithook(_hook)  # an audit hook cannot be removed; it records only while WATCHING[0] is set

FRAME = pd.DataFrame({"a": [1, -2, 3, 0], "b": [0.5, np.nan, 2.25, -1.0], "job": ["x", "y", None, "z"]})
TOKENS = st.sampled_from([
    "a", "b", "job", "1", "2.5", "'x'", "True", "None", "+", "-", "*", "/", "//", "%", "**", "(", ")", "[", "]",
    ",", "<", "==", "in", "not", "and", "or", "abs", "log", "where", "col", "isna", ".", "__class__",
    "__import__", "('os')", ".system('touch /tmp/pwned')", "lambda x:", "for", "if", "else", ":=", "{", "}",
    "exec", "eval", "open", "compile", "getattr", "globals()", "__builtins__", "*", "f'", "'", "\\", ";", "\n",
])


@bounded(400)
@given(st.lists(TOKENS, min_size=1, max_size=14).map(" ".join))
def test_random_text_never_runs_anything(text):
    warm = parse_expression("a + 1", "k", FRAME.columns)
    warm.evaluate(FRAME)  # the first evaluation may import parts of pandas lazily
    EVENTS.clear()
    WATCHING[0] = True
    result = parsed = None
    try:
        parsed = parse_expression(text, "k", FRAME.columns)
    except StudyConfigError:
        pass
    finally:
        WATCHING[0] = False
    # ast.parse raises the "compile" audit event for the syntax tree it builds (no code object); nothing else
    assert set(EVENTS) <= {"compile"}, (text, EVENTS)
    EVENTS.clear()
    WATCHING[0] = True
    try:
        result = parsed.evaluate(FRAME) if parsed is not None else None
    except StudyConfigError:
        result = None
    finally:
        WATCHING[0] = False
    assert EVENTS == [], (text, EVENTS)
    assert result is None or (isinstance(result, pd.Series) and len(result) == len(FRAME))


@bounded(200)
@given(st.text(max_size=60))
def test_any_text_is_an_expression_or_a_study_error(text):
    try:
        parse_expression(text, "k", FRAME.columns).evaluate(FRAME)
    except StudyConfigError as exc:
        assert str(exc).startswith("k: ")


OPS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
       "//": operator.floordiv, "%": operator.mod}


def trees(columns: list[str]):
    leaf = st.sampled_from(columns)
    constant = st.one_of(st.integers(-9, 9), st.floats(-9, 9, allow_nan=False).map(lambda x: round(x, 3)))

    def extend(inner):
        return st.one_of(
            st.tuples(st.sampled_from(sorted(OPS)), inner, st.one_of(inner, constant)),
            st.tuples(st.just("neg"), inner),
        )
    return st.recursive(leaf, extend, max_leaves=6)


def as_text(tree) -> str:
    if isinstance(tree, str):
        return tree
    if isinstance(tree, (int, float)):
        return repr(tree)
    if tree[0] == "neg":
        return f"-({as_text(tree[1])})"
    return f"({as_text(tree[1])}) {tree[0]} ({as_text(tree[2])})"


def direct(tree, frame: pd.DataFrame):
    """The tree computed with pandas operators on the columns (never the package's code)."""
    if isinstance(tree, str):
        return frame[tree]
    if isinstance(tree, (int, float)):
        return tree
    if tree[0] == "neg":
        return -direct(tree[1], frame)
    return OPS[tree[0]](direct(tree[1], frame), direct(tree[2], frame))


@bounded(300)
@given(trees(["i", "j", "x", "y"]),
       st.lists(st.tuples(st.integers(-50, 50), st.integers(-50, 50), st.floats(-1e3, 1e3), st.floats(-1e3, 1e3)),
                min_size=1, max_size=8))
def test_arithmetic_matches_pandas(tree, rows):
    frame = pd.DataFrame(rows, columns=["i", "j", "x", "y"])
    with np.errstate(all="ignore"):
        expected = direct(tree, frame)
    got = parse_expression(as_text(tree), "k", frame.columns).evaluate(frame)
    if pd.api.types.is_integer_dtype(expected.dtype):
        pd.testing.assert_series_equal(got, expected, check_names=False)  # exact
    else:
        pd.testing.assert_series_equal(got.astype("float64"), expected.astype("float64"), check_names=False,
                                       rtol=1e-12, atol=0)
