"""From a text a translated catalog generated back to the English text (for the tables a notebook writes)."""

from __future__ import annotations

import re
import string
from typing import Callable

_FIELD = re.compile(r"\{[^{}]*\}")
#: a template is matched as a pattern only if its fixed words are this long (a bare "{name}" matches anything)
_MIN_FIXED = 2
#: texts that never label a table row (a glossary term or a column header would shadow a segment name)
_NOT_LABELS = ("glossary.", "labels.column.")


def _pattern(template: str) -> tuple[re.Pattern, list[str]] | None:
    parts, names = [], []
    for literal, name, _spec, _conv in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name is not None:
            if name in names:
                parts.append(f"(?P={name})")
            else:
                names.append(name)
                parts.append(f"(?P<{name}>.+?)")
    fixed = "".join(lit for lit, *_ in string.Formatter().parse(template))
    if not names or len(fixed.strip()) < _MIN_FIXED:
        return None
    return re.compile("^" + "".join(parts) + "$", re.DOTALL), names


def _english_field(value: str, spec: str, back: Callable[[str], str]) -> object:
    text = back(value)
    if spec and not spec.endswith("s"):
        number = text.replace(",", "").replace("%", "")
        try:
            parsed = float(number)
        except ValueError:
            return None
        return parsed / 100 if text.endswith("%") else (int(parsed) if parsed.is_integer() and "d" in spec else parsed)
    return text


class _Reverse:
    def __init__(self, catalog: dict[str, str], english: dict[str, str]) -> None:
        self.exact: dict[str, str] = {}
        self.patterns: list[tuple[re.Pattern, list[str], str, dict[str, str], int]] = []
        for key, text in catalog.items():
            target = english.get(key)
            if target is None or text == target or key.startswith(_NOT_LABELS):
                continue
            compiled = _pattern(text)
            if compiled is None:
                if not _FIELD.search(text):
                    self.exact.setdefault(text.replace("{{", "{").replace("}}", "}"), target)
                continue
            specs = {name: spec for _, name, spec, _ in string.Formatter().parse(target) if name}
            fixed = len("".join(lit for lit, *_ in string.Formatter().parse(text)))
            self.patterns.append((compiled[0], compiled[1], target, specs, fixed))
        self.patterns.sort(key=lambda p: (-p[4], len(p[1])))  # the most specific template first
        self.cache: dict[str, str] = {}

    def __call__(self, value: str) -> str:
        if value in self.cache:
            return self.cache[value]
        out = self.exact.get(value, value)
        if out is value:
            for pattern, names, target, specs, _ in self.patterns:
                match = pattern.match(value)
                if not match:
                    continue
                fields = {n: _english_field(match.group(n), specs.get(n, ""), self) for n in names}
                if any(v is None for v in fields.values()):
                    continue
                try:
                    out = target.format(**fields)
                except (ValueError, KeyError, IndexError):
                    continue
                break
        self.cache[value] = out
        return out


_BUILT: dict[str, _Reverse] = {}


def reverse_lookup(catalog: dict[str, str], english: dict[str, str], language: str) -> _Reverse:
    """The function mapping a text of *language*'s catalog to the English one (built once per language)."""
    if language not in _BUILT:
        _BUILT[language] = _Reverse(catalog, english)
    return _BUILT[language]
