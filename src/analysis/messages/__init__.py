"""Every word a reader sees that the package generates, in one place.

Figure titles, axis labels, segment names and generated findings are looked up
here by key, so an edition of the reports in another language needs only a new
catalog, not changes to the analyses. Catalogs live in one module per concern
(``overview.py``, and one per analysis), each defining ``MESSAGES``, a dict
``{language: {key: template}}``; every module of this package is picked up, so a
new analysis adds its own file and touches nothing else. A translation lives in a
folder named for its language (``zh/overview.py`` holds the Simplified Chinese of
``overview.py``, as ``MESSAGES = {"zh": {...}}``); Traditional Chinese
(``zh-Hant``) is converted from it (:mod:`analysis.messages._hant`). Templates use
:meth:`str.format` fields with two formats of their own, ``{x:wan}`` (a large
amount in 万 and 亿, as a Chinese reader expects) and ``{d:date}`` (a date in the
language's style); keys start with the module's name.

Examples
--------
>>> from analysis.messages import msg
>>> msg("overview.table_rows", table="transactions", n=3)
'transactions: 3 rows'
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import re
import string

from analysis.errors import ParameterError

__all__ = ["msg", "available_languages", "escape_markdown", "current_language", "column_label", "to_english", "join_words",
           "remember_english", "catalog", "to_traditional",
           "DEFAULT_LANGUAGE", "LANGUAGES", "LANGUAGE_VARIABLE"]

DEFAULT_LANGUAGE = "en"
#: every language the suite offers: English, Simplified Chinese, Traditional Chinese (converted)
LANGUAGES = ("en", "zh", "zh-Hant")
#: the environment variable naming a process's language (the report runner sets it for each kernel)
LANGUAGE_VARIABLE = "ANALYSIS_LANG"
#: characters Markdown may read as formatting, a link, HTML, an entity or math
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~&$])")


def _catalog_modules(package: str, path) -> list[tuple[str, object]]:
    """(name, module) of each catalog module in *package*: not private, not a language folder."""
    return [(info.name, importlib.import_module(f"{package}.{info.name}"))
            for info in sorted(pkgutil.iter_modules(path), key=lambda m: m.name)
            if not info.ispkg and not info.name.startswith("_")]


def _merged() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    folders = [(__name__, __path__)] + [
        (f"{__name__}.{info.name}", importlib.import_module(f"{__name__}.{info.name}").__path__)
        for info in pkgutil.iter_modules(__path__) if info.ispkg]
    for package, path in folders:
        for name, module in _catalog_modules(package, path):
            for language, entries in module.MESSAGES.items():
                wrong_prefix = [k for k in entries if not k.startswith(f"{name}.")]
                if wrong_prefix:
                    raise RuntimeError(f"keys in {package}.{name} must start with '{name}.': {wrong_prefix[:5]}")
                merged.setdefault(language, {}).update(entries)
    return merged


_MESSAGES = _merged()


def current_language() -> str:
    """The language of this process's pages: ``$ANALYSIS_LANG`` (set by the report runner), else English.

    Examples
    --------
    >>> current_language() in LANGUAGES
    True
    """
    language = os.environ.get(LANGUAGE_VARIABLE) or DEFAULT_LANGUAGE
    if language not in LANGUAGES:
        raise ParameterError(f"ANALYSIS_LANG is {language!r}; use one of {', '.join(LANGUAGES)}.")
    return language


def catalog(language: str) -> dict[str, str]:
    """Every template of *language* by key (Traditional Chinese converted on first use).

    Examples
    --------
    >>> catalog("en")["overview.axis.customers"]
    'Customers'
    """
    return dict(_catalog(language))


def to_traditional(text: str) -> str:
    """Simplified Chinese *text* in Traditional Chinese (:mod:`analysis.messages._hant`: OpenCC and the
    reviewed terms; fields and code kept).

    Examples
    --------
    >>> to_traditional("客户数据库")
    '客戶資料庫'
    """
    from analysis.messages._hant import to_traditional as convert

    return convert(text)


def _catalog(language: str) -> dict[str, str]:
    if language == "zh-Hant" and language not in _MESSAGES:
        from analysis.messages._hant import to_traditional

        _MESSAGES[language] = {key: to_traditional(text) for key, text in _MESSAGES.get("zh", {}).items()}
    if language not in _MESSAGES:
        raise ParameterError(
            f"No messages in language {language!r}; available: {available_languages()}."
        )
    return _MESSAGES[language]


def available_languages() -> list[str]:
    """Languages with a catalog.

    Examples
    --------
    >>> "en" in available_languages()
    True
    """
    return sorted(set(_MESSAGES) | ({"zh-Hant"} if "zh" in _MESSAGES else set()))


def msg(key: str, /, *, language: str | None = None, **fields) -> str:
    """The text for ``key`` in ``language`` (default: ``$ANALYSIS_LANG`` or English).

    A key missing from a non-English catalog falls back to English, so a partial
    translation still renders.

    Parameters
    ----------
    key : str
        Dotted message key, e.g. ``"overview.fig.amounts.title"``.
    language : str, optional
        Catalog to use; default the ``ANALYSIS_LANG`` environment variable, else "en".
    **fields
        Values for the template's ``{fields}``.

    Examples
    --------
    >>> msg("overview.axis.customers")
    'Customers'
    """
    language = language or current_language()
    template = _catalog(language).get(key, _MESSAGES[DEFAULT_LANGUAGE].get(key))
    if template is None:
        raise KeyError(f"unknown message key {key!r}")
    needed = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    missing = needed - set(fields)
    if missing:
        raise KeyError(f"message {key!r} needs fields {sorted(missing)}")
    return _Formatter(language).format(template, **fields)


class _Formatter(string.Formatter):
    """:meth:`str.format` plus ``wan`` (万/亿 for large amounts in Chinese) and ``date``."""

    def __init__(self, language: str) -> None:
        self.chinese = language.startswith("zh")

    def format_field(self, value, format_spec: str):
        if format_spec == "wan":
            return _wan(value) if self.chinese else format(value, ",.0f" if abs(value) >= 100 else ",.2f")
        if format_spec == "date":
            return _date(value, self.chinese)
        return super().format_field(value, format_spec)


def _wan(value: float) -> str:
    """12,345 -> '1.23万', 123,456,789 -> '1.23亿', 950.5 -> '950.5'.

    >>> _wan(12345), _wan(-123456789), _wan(950.5), _wan(10000)
    ('1.23万', '-1.23亿', '950.5', '1万')
    """
    for unit, size in (("亿", 1e8), ("万", 1e4)):
        if abs(value) >= size:
            return f"{value / size:,.2f}".rstrip("0").rstrip(".") + unit
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _date(value, chinese: bool) -> str:
    """A date as 2024年6月30日 (Chinese) or 30 June 2024.

    >>> _date("2024-06-30", True), _date("2024-06-30", False)
    ('2024年6月30日', '30 June 2024')
    """
    import datetime as dt

    day = dt.date.fromisoformat(str(value)[:10])
    return f"{day.year}年{day.month}月{day.day}日" if chinese else f"{day.day} {day:%B} {day.year}"


def join_words(items, language: str | None = None) -> str:
    """Names listed in a sentence: "a, b, c" in English, "a、b、c" (the enumeration comma) in Chinese.

    Examples
    --------
    >>> join_words(["web", "store"], language="en"), join_words(["web", "store"], language="zh")
    ('web, store', 'web、store')
    """
    return ("、" if (language or current_language()).startswith("zh") else ", ").join(str(i) for i in items)


def column_label(name: object, language: str | None = None) -> object:
    """How a table's column *name* is shown in *language*: a translated header where the catalog has one.

    Tables keep their column names (``ci_low``, ``p_value``) in every language, so
    the CSV files automation reads do not change; the page shows the header the
    ``labels`` catalog gives (``labels.column.<name>``). A name it does not know (a column of the user's
    data) is shown as it is.

    Examples
    --------
    >>> column_label("ci_low", language="en"), column_label("my_column", language="en")
    ('ci_low', 'my_column')
    """
    if not isinstance(name, str):
        return name
    return _catalog(language or current_language()).get(f"labels.column.{name}", name)


#: texts composed from several catalog parts in code, with their English twins (:func:`remember_english`)
_REMEMBERED: dict[str, dict[str, str]] = {}


def remember_english(pairs: dict[str, str], language: str | None = None) -> None:
    """Record the English twin of texts code composed in *language* (a cluster named from two feature
    words), for :func:`to_english`: a composition is not a catalog template it could match.

    Examples
    --------
    >>> remember_english({"高消费、近期": "High spend, recent"}, language="zh")
    >>> to_english("高消费、近期", language="zh")
    'High spend, recent'
    """
    language = language or current_language()
    if language != DEFAULT_LANGUAGE:
        _REMEMBERED.setdefault(language, {}).update(pairs)


def to_english(value: object, language: str | None = None) -> object:
    """*value* as the English edition writes it, if it is a text the catalog of *language* generated.

    The tables a notebook writes are the same in every edition (automation reads
    them; a test compares the editions): a segment name, a stage or a quadrant the
    Chinese catalog produced is written as its English text. Catalog texts with
    fields are matched as patterns and their fields converted in turn. Any other
    value (a number, a name from the user's data) is returned unchanged.

    Examples
    --------
    >>> to_english("Champions", language="en"), to_english(3, language="zh")
    ('Champions', 3)
    """
    language = language or current_language()
    if language == DEFAULT_LANGUAGE or not isinstance(value, str):
        return value
    if value in _REMEMBERED.get(language, {}):
        return _REMEMBERED[language][value]
    from analysis.messages._reverse import reverse_lookup

    return reverse_lookup(_catalog(language), _MESSAGES[DEFAULT_LANGUAGE], language)(value)


def escape_markdown(text: object) -> str:
    r"""*text* as literal Markdown: a user's words put into a Markdown message.

    A study title or a name from the data may contain ``*``, ``[x](...)`` or
    ``<script>``; every ASCII punctuation character Markdown could read as
    formatting, a link, raw HTML, an entity or math is backslash-escaped (as
    CommonMark allows for any ASCII punctuation), and line breaks become spaces,
    so the text shows exactly as written and never becomes markup. The report
    pages sanitize every output again when they are rendered.

    Examples
    --------
    >>> escape_markdown("<script>alert(1)</script>")
    '\\<script\\>alert\\(1\\)\\</script\\>'
    >>> escape_markdown("[x](javascript:alert(1))")
    '\\[x\\]\\(javascript:alert\\(1\\)\\)'
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).splitlines()))
