"""Messages of notebook 05's cross-selling, value-added services and referrals section."""

MESSAGES = {
    "en": {
        "crosssell.fig.adoption.title": "Share of customers who bought each category ({level} Wilson intervals)",
        "crosssell.fig.adoption.x": "Share of customers",
        "crosssell.fig.adoption.y": "Category",
        "crosssell.fig.value_added.title": "Value-added service sales per {period} ({level} intervals)",
        "crosssell.fig.value_added.x": "{period_name}",
        "crosssell.fig.value_added.y": "Sales ({currency})",
        "crosssell.fig.value_added.partial": "period not yet over",
        "crosssell.period.month": "Month",
        "crosssell.period.quarter": "Quarter",
        "crosssell.text.adoption": (
            "{customers:,} customers bought from {k} categories. The most widely bought is {top} ({top_share:.1%} "
            "of customers, {level} interval {top_low:.1%} to {top_high:.1%}); the least is {bottom} "
            "({bottom_share:.1%})."
        ),
        "crosssell.text.cross_sell": (
            "The cross-sell rate is {rate:.1%}: that share of customers bought from two or more categories "
            "({level} interval {low:.1%} to {high:.1%}; {buyers:,} of {customers:,} customers)."
        ),
        "crosssell.text.rules": (
            "{n_rules} rules reach the minimum support and confidence (baskets: {basket}); {n_sig} of them link "
            "categories more often than chance allows (one-sided Fisher test, Holm-corrected, at {alpha})."
        ),
        "crosssell.text.no_rules": (
            "No combination of categories reaches the minimum support ({min_support}) and confidence "
            "({min_confidence}) on these baskets ({basket}); lower them to see weaker rules."
        ),
        "crosssell.text.top_rule": (
            "The strongest rule beyond chance: of the baskets holding {ante}, {conf:.1%} also hold {cons}, "
            "{lift:.2f} times the {base:.1%} of all baskets (support {support:.1%}, {n_both:,} baskets, adjusted "
            "p = {p:.2g})."
        ),
        "crosssell.text.no_significant_rule": (
            "No rule links categories beyond chance: the highest lift, {lift:.2f} ({ante} then {cons}, "
            "{n_both:,} baskets), has an adjusted p = {p:.2g}, so it is not evidence that these categories go "
            "together."
        ),
        "crosssell.text.no_lift": (
            "No rule has a lift above 1: customers who buy one category are no more likely than the others to buy "
            "another (the highest lift is {lift:.2f}, {ante} then {cons}, {n_both:,} baskets). Customers tend to "
            "stay with a few categories, so cross-selling has to win them over rather than follow a habit."
        ),
        "crosssell.text.value_added": (
            "Value-added services ({names}) sold {sales:,.0f} {currency} in {period}, the latest full period "
            "({level} interval {low:,.0f} to {high:,.0f}), {share:.1%} of that period's revenue."
        ),
        "crosssell.text.referral_rate": (
            "In {period}, the latest full period, {rate:.1%} of the new customers were referred by a customer "
            "({referred:,} of {new:,}; {level} interval {low:.1%} to {high:.1%})."
        ),
        "crosssell.text.top_referrer": (
            "{referrals:,} customers came by referral; the most active referrer brought {n_top:,} of them "
            "({share:.1%})."
        ),
        "crosssell.text.referral_value": (
            "Described, not a causal effect: in their first year, referred customers brought {ref:,.2f} {currency} "
            "of gross margin each against {other:,.2f} for the others (difference {diff:,.2f}, {level} interval "
            "{low:,.2f} to {high:,.2f}); {ref_repeat:.1%} of referred and {other_repeat:.1%} of other customers "
            "bought again. A referral reward of {reward:,.2f} {currency} leaves {net:,.2f} {currency} of "
            "first-year margin per referred customer."
        ),
        "crosssell.check.skipped_categories": (
            "The transactions have no usable {column!s} column (the product or service category of each "
            "purchase), so category adoption, the cross-sell rate, association rules and value-added sales "
            "were not computed; set category_column to the column that names each purchase's category."
        ),
        "crosssell.check.no_value_added": (
            "value_added_categories is not set, so value-added service sales were not computed; list the "
            "categories that are value-added services (for example value_added_categories: [maintenance])."
        ),
        "crosssell.check.unknown_value_added": (
            "value_added_categories names {names}, which no purchase has; the categories in the data are "
            "{known}."
        ),
        "crosssell.check.no_basket": (
            "The transactions have no {basket!s} column, so association rules were not computed; set "
            "basket to customer_id (everything a customer bought) or to the order column."
        ),
        "crosssell.check.rules_chance": (
            "{n:,} of {n_lift:,} rules with a lift above 1 could be chance (Holm-adjusted p at or above {alpha}): a "
            "lift that chance alone could produce is not evidence that categories go together; read only the "
            "rules marked significant."
        ),
        "crosssell.check.rules_chance_pass": (
            "Every one of the {n_lift:,} rules with a lift above 1 is beyond chance (Holm-adjusted p below "
            "{alpha})."
        ),
        "crosssell.check.skipped_referrals": (
            "The customers table has no referred_by column (who referred each customer), so referral rates, "
            "referrers and the value of referred customers were not computed; map the column that names the "
            "referring customer to referred_by in the study file."
        ),
        "crosssell.check.referral_cohort": (
            "Only {n:,} referred customers have a wholly observed first year, so their first-year margin is "
            "imprecise (fewer than {minimum} customers)."
        ),
        "crosssell.check.referral_cohort_pass": (
            "{n:,} referred customers have a wholly observed first year, enough for a first-year comparison."
        ),
        "crosssell.check.no_referral_cohort": (
            "No referred customer has a wholly observed first year yet, so first-year margins were not compared."
        ),
    },
}
