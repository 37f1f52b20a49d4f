"""Findings and checks of notebook 05's cross-selling, value-added services and referrals section.

Every sentence is a :class:`~analysis.findings.Finding` whose numbers are
:class:`~analysis.findings.Cite`\\ s of a table the notebook writes under the name
given (``table=``); words come from ``messages/crosssell.py``; names from the data
go through ``label`` and are escaped for Markdown. The referral comparison is said
to be descriptive, in its own sentence.

Examples
--------
>>> import pandas as pd
>>> from analysis.retention import category_adoption, cross_sell_rate
>>> tx = pd.DataFrame({"customer_id": list("aabc"), "category": list("xyxx")})
>>> adoption, cross = category_adoption(tx), cross_sell_rate(tx)
>>> [f.key for f in category_findings(adoption, cross, adoption_table="a", cross_table="c")]
['category_adoption', 'cross_sell_rate']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from analysis.findings.core import Check, Cite, Finding
from analysis.messages import escape_markdown, join_words

__all__ = ["category_findings", "rules_summary", "rule_findings", "rule_checks", "value_added_finding", "value_added_checks",
           "referral_findings", "referral_checks", "skipped_categories", "skipped_referrals", "no_basket",
           "MIN_REFERRED"]

Label = Callable[[object], str]
#: fewer referred customers with a full first year than this make the comparison imprecise
MIN_REFERRED = 30


def _word(label: Label | None, name: object) -> str:
    return escape_markdown((label or str)(name))


def _cite(df: pd.DataFrame, table: str, column: str, row) -> Cite:
    return Cite(df.loc[row, column], table=table, column=column, row=row)


def _level(alpha: float) -> str:
    return f"{1 - alpha:.0%}"


def _finite(df: pd.DataFrame, row, *columns: str) -> bool:
    return all(pd.notna(df.loc[row, c]) and np.isfinite(float(df.loc[row, c])) for c in columns)


def category_findings(adoption: pd.DataFrame, cross: pd.DataFrame, *, adoption_table: str, cross_table: str,
                      alpha: float = 0.05, label: Label | None = None) -> list[Finding]:
    """Adoption of the most and least bought categories, and the cross-sell rate."""
    top, bottom, row = adoption.index[0], adoption.index[-1], cross.index[0]
    level = _level(alpha)
    return [
        Finding("category_adoption", "crosssell.text.adoption",
                customers=_cite(adoption, adoption_table, "customers_total", top),
                k=Cite(len(adoption), table=adoption_table, column="customers", agg="count"),
                top=_word(label, top), bottom=_word(label, bottom), level=level,
                top_share=_cite(adoption, adoption_table, "estimate", top),
                top_low=_cite(adoption, adoption_table, "ci_low", top),
                top_high=_cite(adoption, adoption_table, "ci_high", top),
                bottom_share=_cite(adoption, adoption_table, "estimate", bottom)),
        Finding("cross_sell_rate", "crosssell.text.cross_sell", level=level,
                rate=_cite(cross, cross_table, "estimate", row), low=_cite(cross, cross_table, "ci_low", row),
                high=_cite(cross, cross_table, "ci_high", row), buyers=_cite(cross, cross_table, "cross_buyers", row),
                customers=_cite(cross, cross_table, "customers", row)),
    ]


def rules_summary(rules: pd.DataFrame) -> pd.DataFrame:
    """What the rules' sentences count: ``n_rules``, ``n_significant``, ``n_lift_above_one`` and ``n_chance``
    (lift above 1 but not significant), in one row (index ``rules``).

    Examples
    --------
    >>> r = pd.DataFrame({"lift": [2.0, 1.5, 0.8], "significant": [True, False, False]})
    >>> rules_summary(r).values.tolist()
    [[3, 1, 2, 1]]
    """
    lifted = rules["lift"] > 1
    significant = rules["significant"].astype(bool)
    out = pd.DataFrame({"n_rules": [len(rules)], "n_significant": [int(significant.sum())],
                        "n_lift_above_one": [int(lifted.sum())], "n_chance": [int((lifted & ~significant).sum())]},
                       index=pd.Index(["rules"], name="summary"))
    return out


def rule_findings(rules: pd.DataFrame, summary: pd.DataFrame, *, table: str, summary_table: str, basket: str,
                  min_support: float, min_confidence: float, alpha: float = 0.05, suffix: str = "",
                  label: Label | None = None) -> list[Finding]:
    """How many rules, how many beyond chance, and the strongest rule beyond chance (or why there is none).

    ``suffix`` tells the findings of a second basket definition apart (``"_order_id"``)."""
    basket_word = escape_markdown(basket)
    if rules.empty:
        return [Finding(f"association_rules{suffix}", "crosssell.text.no_rules", basket=basket_word,
                        min_support=f"{min_support:g}", min_confidence=f"{min_confidence:g}")]
    out = [Finding(f"association_rules{suffix}", "crosssell.text.rules", checks=[f"rules_chance{suffix}"],
                   basket=basket_word,
                   alpha=f"{alpha:g}", n_rules=_cite(summary, summary_table, "n_rules", "rules"),
                   n_sig=_cite(summary, summary_table, "n_significant", "rules"))]
    significant = rules.index[rules["significant"].astype(bool)]
    row = significant[0] if len(significant) else rules.index[0]
    fields = dict(ante=_word(label, rules.loc[row, "antecedent"]), cons=_word(label, rules.loc[row, "consequent"]),
                  lift=_cite(rules, table, "lift", row), n_both=_cite(rules, table, "n_both", row),
                  p=_cite(rules, table, "p_adjusted", row))
    if len(significant):
        out.append(Finding(f"top_rule{suffix}", "crosssell.text.top_rule", conf=_cite(rules, table, "confidence", row),
                           base=_cite(rules, table, "expected_confidence", row),
                           support=_cite(rules, table, "support", row), **fields))
    elif rules.loc[row, "lift"] <= 1:
        out.append(Finding(f"top_rule{suffix}", "crosssell.text.no_lift", ante=fields["ante"], cons=fields["cons"],
                           lift=fields["lift"], n_both=fields["n_both"]))
    else:
        out.append(Finding(f"top_rule{suffix}", "crosssell.text.no_significant_rule", checks=[f"rules_chance{suffix}"],
                           **fields))
    return out


def rule_checks(summary: pd.DataFrame, *, summary_table: str, alpha: float = 0.05, suffix: str = "") -> list[Check]:
    """``sample_size``: rules whose lift is above 1 but within chance (warn), else pass; none without such rules."""
    if summary.loc["rules", "n_lift_above_one"] == 0:
        return []
    n_lift = _cite(summary, summary_table, "n_lift_above_one", "rules")
    affects = [f"association_rules{suffix}", f"top_rule{suffix}"]
    if summary.loc["rules", "n_chance"] > 0:
        return [Check(f"rules_chance{suffix}", "sample_size", "warn", "crosssell.check.rules_chance", affects=affects,
                      n=_cite(summary, summary_table, "n_chance", "rules"), n_lift=n_lift, alpha=f"{alpha:g}")]
    return [Check(f"rules_chance{suffix}", "sample_size", "pass", "crosssell.check.rules_chance_pass", affects=affects,
                  n_lift=n_lift, alpha=f"{alpha:g}")]


def value_added_finding(sales: pd.DataFrame, categories: Sequence[str], *, table: str, currency: str,
                        alpha: float = 0.05, label: Label | None = None) -> list[Finding]:
    """Value-added sales in the latest full period with their interval and share of revenue."""
    full = sales.index[sales["full"].astype(bool)]
    if not len(full) or not _finite(sales, full[-1], "estimate", "ci_low", "ci_high", "share"):
        return []
    row = full[-1]
    return [Finding("value_added_sales", "crosssell.text.value_added", level=_level(alpha), currency=currency,
                    names=join_words(_word(label, c) for c in categories), period=escape_markdown(row),
                    sales=_cite(sales, table, "estimate", row), low=_cite(sales, table, "ci_low", row),
                    high=_cite(sales, table, "ci_high", row), share=_cite(sales, table, "share", row))]


def value_added_checks(transactions: pd.DataFrame, categories: Sequence[str] | None, *,
                       category: str = "category", label: Label | None = None) -> list[Check]:
    """``data_quality``: no value-added categories given (not_run), or some that no purchase has (warn)."""
    if not categories:
        return [Check("value_added_categories", "data_quality", "not_run", "crosssell.check.no_value_added")]
    known = set(transactions[category].dropna().astype(str))
    unknown = [c for c in categories if str(c) not in known]
    if unknown:
        return [Check("value_added_categories", "data_quality", "warn", "crosssell.check.unknown_value_added",
                      affects=["value_added_sales"], names=join_words(_word(label, c) for c in unknown),
                      known=join_words(_word(label, c) for c in sorted(known)))]
    return []


def referral_findings(rates: pd.DataFrame, referrers: pd.DataFrame, value: pd.DataFrame | None, *,
                      rates_table: str, referrers_table: str, value_table: str, currency: str,
                      alpha: float = 0.05) -> list[Finding]:
    """The latest full period's referral rate, the top referrer, and referred vs other customers (described)."""
    out, level = [], _level(alpha)
    full = rates.index[rates["full"].astype(bool)]
    if len(full):
        row = full[-1]
        out.append(Finding("referral_rate", "crosssell.text.referral_rate", level=level, period=escape_markdown(row),
                           rate=_cite(rates, rates_table, "estimate", row), low=_cite(rates, rates_table, "ci_low", row),
                           high=_cite(rates, rates_table, "ci_high", row),
                           referred=_cite(rates, rates_table, "referred", row),
                           new=_cite(rates, rates_table, "new_customers", row)))
    if len(referrers):
        top = referrers.index[0]
        out.append(Finding("top_referrer", "crosssell.text.top_referrer",
                           referrals=Cite(int(rates["referred"].sum()), table=rates_table, column="referred", agg="sum"),
                           n_top=_cite(referrers, referrers_table, "referred", top),
                           share=_cite(referrers, referrers_table, "share", top)))
    if value is not None and _finite(value, "difference", "estimate", "ci_low", "ci_high") \
            and _finite(value, "referred", "repeat_rate", "net_margin") and _finite(value, "not_referred", "repeat_rate"):
        t = value_table
        out.append(Finding("referral_value", "crosssell.text.referral_value", checks=["referral_cohort"],
                           level=level, currency=currency, ref=_cite(value, t, "estimate", "referred"),
                           other=_cite(value, t, "estimate", "not_referred"),
                           diff=_cite(value, t, "estimate", "difference"), low=_cite(value, t, "ci_low", "difference"),
                           high=_cite(value, t, "ci_high", "difference"),
                           ref_repeat=_cite(value, t, "repeat_rate", "referred"),
                           other_repeat=_cite(value, t, "repeat_rate", "not_referred"),
                           reward=_cite(value, t, "reward", "referred"), net=_cite(value, t, "net_margin", "referred")))
    return out


def referral_checks(value: pd.DataFrame | None, *, table: str) -> list[Check]:
    """``small_groups``: how many referred customers have a wholly observed first year."""
    if value is None or value.loc["referred", "customers"] == 0:
        return [Check("referral_cohort", "small_groups", "not_run", "crosssell.check.no_referral_cohort")]
    n = _cite(value, table, "customers", "referred")
    small = value.loc["referred", "customers"] < MIN_REFERRED
    return [Check("referral_cohort", "small_groups", "warn" if small else "pass",
                  "crosssell.check.referral_cohort" if small else "crosssell.check.referral_cohort_pass",
                  affects=["referral_value"], n=n, minimum=str(MIN_REFERRED))]


def skipped_categories(column: str) -> Check:
    """``not_run``: the transactions carry no category (*column*)."""
    return Check("skipped_categories", "data_quality", "not_run", "crosssell.check.skipped_categories",
                 column=escape_markdown(column))


def skipped_referrals() -> Check:
    """``not_run``: the customers table has no ``referred_by``."""
    return Check("skipped_referrals", "data_quality", "not_run", "crosssell.check.skipped_referrals")


def no_basket(basket: str) -> Check:
    """``not_run``: the transactions have no *basket* column, so no association rules."""
    return Check("association_rules_basket", "data_quality", "not_run", "crosssell.check.no_basket",
                 basket=escape_markdown(basket))

