"""The exercises of notebook 01 (segmentation): titles, questions, hints and model answers (analysis.course.segmentation)."""

MESSAGES = {
    "en": {
        "exercises_segmentation.champions.title": "Who are the Champions?",
        "exercises_segmentation.champions.question": (
            "Run notebook 01 on your class study. In the table `rfm_segments`, how many customers are Champions, "
            "and what share of revenue do they bring? Compare it with their share of the customers."),
        "exercises_segmentation.champions.hint": "The row `Champions`, columns `customers` and `revenue_share`.",
        "exercises_segmentation.champions.answer": (
            "{customers:,} customers are Champions, {customer_share:.1%} of the customers, and they bring "
            "{revenue_share:.1%} of revenue, {ratio:.1f} times their share of customers: on average they last "
            "bought {recency:.0f} days ago and bought on {frequency:.1f} days. Recency, frequency and monetary "
            "value measure a customer's activity and contribution; the few who score high on all three carry far "
            "more than their share of revenue, and keeping them comes first."),
        "exercises_segmentation.concentration.title": "How concentrated is value? By hand",
        "exercises_segmentation.concentration.question": (
            "With pandas, sort the customers by value (revenue times the margin rate, as notebook 01 does) from "
            "highest to lowest and compute the share of the total value brought by the top 20%. Check it against "
            "`top_value_share` in the table `concentration`."),
        "exercises_segmentation.concentration.hint": (
            "`v = value.sort_values(ascending=False)`; the top 20% are the first `round(0.2 * len(v))` customers; "
            "divide their sum by `v.sum()`."),
        "exercises_segmentation.concentration.answer": (
            "The top {top:.0%} of customers ({n_top:,}) bring {share:.1%} of the value, and the Gini coefficient "
            "is {gini:.2f}. A margin rate multiplies every customer's value by the same number, so it does not "
            "change the share. Value is concentrated: a small tier of high-value customers deserves its own "
            "service and attention, while the long tail is served well at low cost."),
        "exercises_segmentation.tier_change.title": "Where to cut tier A",
        "exercises_segmentation.tier_change.question": (
            "Notebook 01 cuts value tiers where the cumulative value reaches 80% (A|B) and 95% (B|C). Set "
            "`tier_cutoffs = [0.7, 0.9]` and run it again (or call `value_tiers` in the workbook). How many "
            "customers are in tier A now? Why did the number move as it did?"),
        "exercises_segmentation.tier_change.hint": (
            "The table `value_tiers`, row `A`, column `customers`; a tier holds the top customers who together "
            "reach the cut-off (the one who crosses it included)."),
        "exercises_segmentation.tier_change.answer": (
            "With tier A cut at {cut:.0%} of the cumulative value, it holds {after:,} customers ({after_share:.1%}) "
            "instead of {before:,} ({before_share:.1%}) at 80%; its least valuable member is worth {min_value:,.2f}. "
            "Customers are added from the most valuable down until their value reaches the cut-off, so a lower "
            "cut-off stops earlier and leaves fewer, more valuable customers in tier A. Where to cut is a "
            "management choice (how many customers can the firm serve as tier A?), not a property of the data."),
        "exercises_segmentation.value_classes.title": "The eight value classes by hand",
        "exercises_segmentation.value_classes.question": (
            "Compute the medians of recency, frequency and monetary value over all customers, and count by hand the "
            "important value customers: R high (a last purchase more recent than the median), F high and M high "
            "(above the median). Check the count against the table `rfm_value_classes`."),
        "exercises_segmentation.value_classes.hint": (
            "R high is `recency_days < median`, F and M high are `> median`: a value equal to the median counts "
            "as low."),
        "exercises_segmentation.value_classes.answer": (
            "{n:,} customers ({share:.1%}) are important value customers: their last purchase is less than "
            "{recency:g} days old, they bought on more than {frequency:g} days and spent more than {monetary:,.2f} "
            "(the three medians). They bring {revenue_share:.1%} of revenue. A value equal to the median counts as "
            "low, so a customer with exactly {frequency:g} purchase days is not F high; at the other end, "
            "{win_back:,} customers are low on all three (general win-back customers), to be served at low cost."),
        "exercises_segmentation.loyal_lapsed.title": "Loyal, yet lapsed?",
        "exercises_segmentation.loyal_lapsed.question": (
            "The table `segment_lifecycle` compares the RFM segment names with the lifecycle stages. Set "
            "`stage_rules = dict(at_risk_days=270, lost_days=540)` in notebook 01 and run it again. In the "
            "row Loyal: how many customers would the score map alone call Loyal (`score_map_customers`), and how "
            "many of them are at risk or lost (`at_risk` + `lost`)? Compare with the default rules, and explain how "
            "a customer the scores call Loyal can be lapsed."),
        "exercises_segmentation.loyal_lapsed.hint": (
            "The score map calls Loyal an R score of 3-4 and an F score of 4-5; look at the recency in days of "
            "those customers (`table[\"recency_days\"]`)."),
        "exercises_segmentation.loyal_lapsed.answer": (
            "By the scores alone {n:,} customers would be Loyal; {before:,} of them are at risk or lost with the "
            "default stage rules and still {after:,} with at_risk_days = {at_risk_days}, and the notebook now names "
            "{named_after:,} customers Loyal instead of {named_before:,}. RFM scores rank customers against each "
            "other: in a customer base where most customers stopped buying long ago, a middle recency score can "
            "mean a last purchase {max_recency:,} days ago. The lifecycle stages use limits in days, set for how "
            "often this business's customers buy, so notebook 01 calls a customer Loyal only when her stage agrees."),
        "exercises_segmentation.below_zero.title": "What below-zero customers cost",
        "exercises_segmentation.below_zero.question": (
            "One-to-one marketing tells the most valuable customers from those who cost more than they bring. "
            "How many below-zero customers does the table `one_to_one` count? What would you do with them?"),
        "exercises_segmentation.below_zero.hint": (
            "The row `below_zero`; a customer is below zero when her margin (revenue times the margin rate) is "
            "smaller than her cost to serve (the cost per order times her orders)."),
        "exercises_segmentation.below_zero.answer": (
            "{n:,} customers ({share:.1%}) are below-zero customers: the margin they bring does not cover their "
            "cost to serve, a loss of {loss:,.2f} together. At the other end, the {top:.0%} most valuable customers "
            "bring {valuable_share:.1%} of the margin. Below-zero customers are not simply dropped: the firm can "
            "serve them at a lower cost (fewer costly orders, self-service) or ask a price that covers the service."),
        "exercises_segmentation.key_account.title": "Is every key account doing well?",
        "exercises_segmentation.key_account.question": (
            "Look at the profiles of your ten best-ranked key accounts (table `key_account_profiles`). Is any of "
            "them slipping away? Give the best-ranked account whose profile says overdue and whose lifecycle "
            "stage is at risk or lost, and the days since its last purchase. What should its account manager do?"),
        "exercises_segmentation.key_account.hint": (
            "Columns `rank`, `overdue`, `stage` and `days_since_last`; compare `days_since_last` with "
            "`usual_gap_days`."),
        "exercises_segmentation.key_account.answer": (
            "Account {customer_id}, ranked {rank} among the key accounts, spent {window_spend:,.2f} in the last "
            "{window_days} days (against {previous_spend:,.2f} the year before), yet has not bought for {days} days "
            "while it used to order every {gap:g} days: it is overdue (more than {factor:g} times its usual gap) and in the "
            "lifecycle stage at risk (no purchase for more than {at_risk_days} days). The key-account score looks "
            "back over a year, so a buyer who stopped months ago still ranks at the top; its recency shows the "
            "relationship is in danger. With {complaints} complaint(s) on record, the account manager should call "
            "now, find out what went wrong and put it right."),
        "exercises_segmentation.cdnow.title": "Segmenting another customer base: CDNOW",
        "exercises_segmentation.cdnow.question": (
            "Run notebook 01 on the bundled CDNOW study (`study = \"../params/cdnow.yaml\"`). What share of revenue "
            "do the top 20% of customers bring (`top_value_share` in the table `concentration`), and what share of "
            "the customers is lost (the table `lifecycle_stages`)? Compare both with your firm and explain the "
            "difference."),
        "exercises_segmentation.cdnow.hint": (
            "The study's window ends on 1998-06-30; the row `lost` of `lifecycle_stages`, column `share`."),
        "exercises_segmentation.cdnow.answer": (
            "On CDNOW the top 20% of customers bring {top:.1%} of revenue (your firm: {own_top:.1%}), and "
            "{lost:.1%} of the customers are lost (your firm: {own_lost:.1%}); none of its customers is new. Every "
            "CDNOW customer first bought in one quarter of 1997 and most never came back, so by mid-1998 the "
            "lifecycle stages show a single cohort that has mostly lapsed, while your firm keeps acquiring "
            "customers. The method is the same; the stages tell the history of the customer base."),
        "exercises_segmentation.clusters.title": "Groups the data propose",
        "exercises_segmentation.clusters.question": (
            "Notebook 01 also lets a cluster analysis (k-means on log recency, frequency and monetary value) propose "
            "groups. How many clusters does it choose (table `k_selection`)? Do the other criteria of the table "
            "`k_picks` agree? And do the clusters mirror the acquisition channels: what is the adjusted Rand index "
            "in the table `channel_agreement`?"),
        "exercises_segmentation.clusters.hint": (
            "The row of `k_selection` whose `chosen` is True; an adjusted Rand index near 0 means no more agreement "
            "than chance, 1 means the same grouping."),
        "exercises_segmentation.clusters.answer": (
            "The silhouette chooses {k} clusters, the smallest number tried; {agree} of the {criteria} criteria "
            "agree (Calinski-Harabasz {calinski}, Davies-Bouldin {davies}, the gap statistic {gap}). When the best "
            "k is the smallest one, the customers look more like one continuous cloud than like separate groups: "
            "the clusters summarise behaviour rather than "
            "reveal natural segments. The adjusted Rand index of {ari:.3f} is about 0: the clusters do not mirror "
            "the acquisition channels, so behaviour cuts across the way customers were acquired and a channel "
            "alone is a poor basis for customer segmentation."),
    },
}
