"""A study's shared settings: one lifecycle definition, display labels, currency, cleaning policy.

Every notebook of a study reads these from the study file, so one customer is
"lapsed" by the same rule everywhere, a column is called the same in every
sentence, money is named in the study's currency, and every analysis sees the
same rows::

    lifecycle:                    # the lifecycle stages of every notebook (01, 04, ...)
      new_days: 90                # first purchase at most this many days ago
      at_risk_days: 180           # no purchase for more than this: at risk
      lost_days: 365              # no purchase for more than this: lost (lapsed)
      loyal_purchases: 4          # purchase days that make a customer loyal
    labels:                       # how names from the data appear in prose and figures
      overall_satisfaction: overall satisfaction
      email_discount: e-mail with discount
    currency: USD                 # ISO code (USD, EUR, CNY, GBP, JPY, ...) or a short name
    cleaning:                     # what every notebook does with rows notebook 00 flags
      duplicates: keep            # keep | drop: rows that exactly repeat an earlier row
      zero_amounts: keep          # keep | drop: transactions of amount 0

Examples
--------
>>> s = parse_settings({"currency": "USD", "labels": {"recency_days": "days since last purchase"}}, "study.yaml")
>>> s.currency_name(), s.label("recency_days"), s.label("overall_satisfaction")
('US dollars', 'days since last purchase', 'overall satisfaction')
>>> s.lifecycle["lost_days"], dict(s.cleaning)
(365, {'duplicates': 'keep', 'zero_amounts': 'keep'})
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from analysis.checks import shown
from analysis.errors import ParameterError, StudyConfigError
from analysis.messages import msg
from analysis.study.languages import in_language, per_language
from analysis.segmentation.lifecycle import DEFAULT_STAGE_RULES, check_stage_rules
from analysis.study.data import check_keys

__all__ = ["SETTINGS_KEYS", "CLEANING_KEYS", "StudySettings", "parse_settings"]

SETTINGS_KEYS = ("lifecycle", "labels", "currency", "cleaning")
CLEANING_KEYS = ("duplicates", "zero_amounts")
CLEANING_CHOICES = ("keep", "drop")
#: currency codes whose name the catalog knows (``study.currency.<code>``)
KNOWN_CURRENCIES = ("USD", "EUR", "GBP", "CNY", "JPY", "HKD", "TWD", "CHF", "CAD", "AUD", "INR", "BRL")
MAX_LABEL = 80


@dataclass(frozen=True)
class StudySettings:
    """The lifecycle rules, display labels, currency and cleaning policy of one study."""

    lifecycle: Mapping[str, int] = field(default_factory=lambda: MappingProxyType(dict(DEFAULT_STAGE_RULES)))
    labels: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    currency: str | None = None
    cleaning: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({key: "keep" for key in CLEANING_KEYS}))
    #: the cleaning keys the study file sets itself (the others keep rows by default)
    cleaning_given: tuple[str, ...] = ()

    def label(self, name: Any) -> str:
        """The display label of a column, arm or driver *name* (plain text; escape it for Markdown).

        The study's ``labels:`` entry (one text, or one per language: ``{en: web shop, zh: 网店}``,
        the current language's), else the name with underscores as spaces.
        """
        text = str(name)
        given = self.labels.get(text, text.replace("_", " "))
        return in_language(dict(given)) if isinstance(given, Mapping) else given

    def currency_name(self, language: str | None = None) -> str:
        """How sentences name money: "US dollars" for ``currency: USD``, the study's own words for
        another value, "currency units" when the study names no currency."""
        if self.currency is None:
            return msg("study.currency.none", language=language)
        if self.currency.upper() in KNOWN_CURRENCIES:
            return msg(f"study.currency.{self.currency.upper()}", language=language)
        return self.currency


def _short_text(value: Any, where: str, what: str) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_LABEL or "\n" in value:
        raise StudyConfigError(f"{where}: {what}: must be one line of 1-{MAX_LABEL} characters; got {shown(value)}")
    return value.strip()


def _lifecycle(raw: Any, where: str) -> Mapping[str, int]:
    if raw is None:
        return MappingProxyType(dict(DEFAULT_STAGE_RULES))
    if not isinstance(raw, dict):
        raise StudyConfigError(f"{where}: lifecycle: must be a mapping such as {{lost_days: 365}}; got {shown(raw)}")
    check_keys(raw, tuple(DEFAULT_STAGE_RULES), where, "lifecycle")
    try:
        return MappingProxyType(check_stage_rules(raw))
    except ParameterError as exc:
        raise StudyConfigError(f"{where}: lifecycle: {exc}") from None


def _labels(raw: Any, where: str) -> Mapping[str, str]:
    if raw is None:
        return MappingProxyType({})
    if not isinstance(raw, dict):
        raise StudyConfigError(f"{where}: labels: must map names to labels, such as "
                               f"{{overall_satisfaction: overall satisfaction}}; got {shown(raw)}")
    return MappingProxyType({
        str(name): (MappingProxyType({lang: _short_text(text, where, f"labels.{name}.{lang}")
                                      for lang, text in per_language({"label": label}, "label", f"{where}: labels.{name}",
                                                                     default="").items()})
                    if isinstance(label, dict) else _short_text(label, where, f"labels.{name}"))
        for name, label in raw.items()})


def _cleaning(raw: Any, where: str) -> Mapping[str, str]:
    policy = {key: "keep" for key in CLEANING_KEYS}
    if raw is None:
        return MappingProxyType(policy)
    if not isinstance(raw, dict):
        raise StudyConfigError(f"{where}: cleaning: must be a mapping such as {{duplicates: drop}}; got {shown(raw)}")
    check_keys(raw, CLEANING_KEYS, where, "cleaning")
    for key, value in raw.items():
        if value not in CLEANING_CHOICES:
            raise StudyConfigError(f"{where}: cleaning.{key}: must be keep or drop; got {shown(value)}")
        policy[key] = value
    return MappingProxyType(policy)


def parse_settings(raw: Mapping[str, Any], where: str) -> StudySettings:
    """The settings sections of a study file's top level (errors name the file and the key)."""
    currency = raw.get("currency")
    return StudySettings(
        lifecycle=_lifecycle(raw.get("lifecycle"), where),
        labels=_labels(raw.get("labels"), where),
        currency=None if currency is None else _short_text(currency, where, "currency"),
        cleaning=_cleaning(raw.get("cleaning"), where),
        cleaning_given=tuple(raw["cleaning"]) if isinstance(raw.get("cleaning"), dict) else (),
    )
