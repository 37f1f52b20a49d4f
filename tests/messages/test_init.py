"""The message catalog (analysis.messages): lookup, fallback, refusals, every template of every
catalog module renders with its own fields in every language, and a user's words put into a
Markdown message show exactly as written."""

from __future__ import annotations

import importlib
import pkgutil
import string

from pathlib import Path

import pytest

import analysis.messages as messages
from analysis.errors import ParameterError
from analysis.messages import DEFAULT_LANGUAGE, available_languages, escape_markdown, msg

CATALOGS = sorted(m.name for m in pkgutil.iter_modules(messages.__path__) if not m.ispkg and not m.name.startswith("_"))
#: translations: (language folder, module) for every catalog module of a language folder
TRANSLATIONS = sorted((f.name, m.name) for f in pkgutil.iter_modules(messages.__path__) if f.ispkg
                      for m in pkgutil.iter_modules([str(Path(messages.__file__).parent / f.name)]))


def _fields(template: str) -> dict[str, object]:
    """A value for every field that suits any format spec the template gives it."""
    out: dict[str, object] = {}
    for _, name, spec, _ in string.Formatter().parse(template):
        if name:
            out[name] = "2024-06-30" if spec == "date" else "x" if not spec or spec.endswith("s") else 1.5
    return out


def _templates():
    modules = [(name, f"analysis.messages.{name}") for name in CATALOGS]
    modules += [(name, f"analysis.messages.{folder}.{name}") for folder, name in TRANSLATIONS]
    for name, dotted in modules:
        module = importlib.import_module(dotted)
        for language, entries in module.MESSAGES.items():
            for key, template in entries.items():
                yield pytest.param(name, language, key, template, id=f"{language}:{key}")


def test_catalogs_are_found_and_english_is_there():
    assert {"overview", "window"} <= set(CATALOGS)
    assert DEFAULT_LANGUAGE in available_languages()


@pytest.mark.parametrize("module, language, key, template", list(_templates()))
def test_every_template_renders_with_its_fields(module, language, key, template):
    assert key.startswith(f"{module}.")
    text = msg(key, language=language, **_fields(template))
    assert text.strip() and "{" not in text.replace("{{", "")


@pytest.mark.parametrize("module", CATALOGS)
def test_every_language_of_a_catalog_has_the_english_keys_and_fields(module):
    catalog = importlib.import_module(f"analysis.messages.{module}").MESSAGES
    english = {k: set(_fields(v)) for k, v in catalog[DEFAULT_LANGUAGE].items()}
    for language, entries in catalog.items():
        for key, template in entries.items():
            assert key in english, (language, key)
            assert set(_fields(template)) == english[key], (language, key)


def test_translations_use_the_english_fields():
    english = {k: set(_fields(v)) for k, v in messages._MESSAGES[DEFAULT_LANGUAGE].items()}
    for language in available_languages():
        for key, template in messages._catalog(language).items():
            assert key in english, (language, key)
            assert set(_fields(template)) == english[key], (language, key)


def test_language_from_the_environment_and_fallback(monkeypatch):
    monkeypatch.setenv("ANALYSIS_LANG", DEFAULT_LANGUAGE)
    assert msg("overview.axis.customers") == "Customers"
    monkeypatch.setattr(messages, "_MESSAGES", {**messages._MESSAGES, "xx": {}})
    assert msg("overview.axis.customers", language="xx") == "Customers"  # missing key: English


def test_refusals_name_the_problem():
    with pytest.raises(ParameterError, match="No messages in language 'tlh'"):
        msg("overview.axis.customers", language="tlh")
    with pytest.raises(KeyError, match="unknown message key"):
        msg("overview.no.such.key")
    with pytest.raises(KeyError, match=r"needs fields \['n', 'table'\]"):
        msg("overview.table_rows")


TITLES = [
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "<img src=x onerror=alert(1)>",
    "**Bold** _claim_ `code` # not a heading",
    "Costs $5 and $6 & more &lt; less \\ backslash",
    "1. not a list | not | a table ~~no~~ ![no](x.png)",
    "Line one\n# Line two",
]


@pytest.mark.parametrize("title", TITLES)
def test_escaped_text_renders_as_itself(title):
    from html.parser import HTMLParser

    from analysis.report.render import markdown_html

    class Text(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.tags, self.text = [], []

        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)

        def handle_data(self, data):
            self.text.append(data)

    page = Text()
    page.feed(markdown_html(msg("overview.study_heading", title=escape_markdown(title), description="Six orders.")))
    assert page.tags == ["p", "strong"]  # the message's own bold, nothing from the title
    assert "".join(page.text).strip() == f"{' '.join(title.splitlines())}: Six orders."
