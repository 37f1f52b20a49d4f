"""Every word a reader sees that the package generates, in one place.

Figure titles, axis labels, segment names and generated findings are looked up
here by key, so an edition of the reports in another language needs only a new
catalog, not changes to the analyses. Catalogs live in one module per concern
(``overview.py``, and one per analysis), each defining ``MESSAGES``, a dict
``{language: {key: template}}``; every module of this package is picked up, so a
new analysis adds its own file and touches nothing else. Templates use
:meth:`str.format` fields; keys start with the module's name.

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

__all__ = ["msg", "available_languages", "escape_markdown", "DEFAULT_LANGUAGE"]

DEFAULT_LANGUAGE = "en"
#: characters Markdown may read as formatting, a link, HTML, an entity or math
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~&$])")


def _merged() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for language, entries in module.MESSAGES.items():
            wrong_prefix = [k for k in entries if not k.startswith(f"{module_info.name}.")]
            if wrong_prefix:
                raise RuntimeError(
                    f"keys in messages/{module_info.name}.py must start with "
                    f"'{module_info.name}.': {wrong_prefix[:5]}"
                )
            merged.setdefault(language, {}).update(entries)
    return merged


_MESSAGES = _merged()


def available_languages() -> list[str]:
    """Languages with a catalog.

    Examples
    --------
    >>> "en" in available_languages()
    True
    """
    return sorted(_MESSAGES)


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
    language = language or os.environ.get("ANALYSIS_LANG", DEFAULT_LANGUAGE)
    if language not in _MESSAGES:
        raise ParameterError(
            f"No messages in language {language!r}; available: {available_languages()}."
        )
    template = _MESSAGES[language].get(key, _MESSAGES[DEFAULT_LANGUAGE].get(key))
    if template is None:
        raise KeyError(f"unknown message key {key!r}")
    needed = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    missing = needed - set(fields)
    if missing:
        raise KeyError(f"message {key!r} needs fields {sorted(missing)}")
    return template.format(**fields)


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
