"""Texts a study gives once or per language (``title: {en: ..., zh: ...}``)."""

from __future__ import annotations

from typing import Any

from analysis.errors import StudyConfigError
from analysis.messages import DEFAULT_LANGUAGE, LANGUAGES, current_language
from analysis.checks import shown

__all__ = ["per_language", "in_language", "study_language"]


def per_language(raw: dict, key: str, where: str, *, default: str) -> dict[str, str]:
    """A text key given once (``title: ...``) or per language (``title: {en: ..., zh: ...}``).

    Examples
    --------
    >>> per_language({"title": {"en": "Shop", "zh": "商店"}}, "title", "s.yaml", default="s")
    {'en': 'Shop', 'zh': '商店'}
    >>> per_language({}, "title", "s.yaml", default="s")
    {'en': 's'}
    """
    value = raw.get(key)
    if not isinstance(value, dict):
        return {DEFAULT_LANGUAGE: _text(raw, key, where, default=default)}
    unknown = [k for k in value if k not in LANGUAGES]
    if unknown or not value:
        raise StudyConfigError(f"{where}: {key}: give one text, or one per language ({', '.join(LANGUAGES)}); "
                               f"got {shown(unknown[0] if unknown else value)}")
    return {lang: _text(value, lang, f"{where}: {key}", default=default) for lang in value}


def in_language(texts: dict[str, str], language: str | None = None) -> str:
    """The text for this process's language: its own, else the Simplified twin of Traditional, else English.

    Examples
    --------
    >>> in_language({"en": "Shop"})
    'Shop'
    """
    language = language or current_language()
    for candidate in (language, "zh" if language.startswith("zh") else None, DEFAULT_LANGUAGE):
        if candidate in texts:
            return texts[candidate]
    return next(iter(texts.values()))


def _text(raw: dict, key: str, where: str, *, default: str) -> str:
    value = raw.get(key, default)
    if value is None:
        return default
    if not isinstance(value, str):
        raise StudyConfigError(f"{where}: {key}: expected text, got {type(value).__name__} ({shown(value)})")
    return value


def study_language(raw: dict, where: str) -> str:
    """The study's ``language:`` (default English), checked.

    Examples
    --------
    >>> study_language({"language": "zh"}, "s.yaml"), study_language({}, "s.yaml")
    ('zh', 'en')
    """
    language = raw.get("language", DEFAULT_LANGUAGE)
    if language not in LANGUAGES:
        raise StudyConfigError(f"{where}: language: must be one of {', '.join(LANGUAGES)}; got {shown(language)}")
    return language
