"""The exercises of notebook 05 (retention and loyalty): titles, questions, hints and model answers (analysis.course.retention)."""

MESSAGES = {
    "en": {
        "exercises_retention.latest.title": "Are customers coming back?",
        "exercises_retention.latest.question": (
            "Run notebook 05 on your class study. In the section *Retention*, read the latest retention rate (table "
            "`retention_rate_latest`, or the last row of `period_retention`): which period is it for, and what is "
            "the rate? What is the churn rate, and why is the last period of the data not rated?"),
        "exercises_retention.latest.hint": (
            "A period's retention rate is the share of its buying customers who buy again in the next period; "
            "write the period as the table does (e.g. `\"2024Q1\"`) and the rate as a share (0 to 1)."),
        "exercises_retention.latest.answer": (
            "In {period}, {active:,} customers bought and {retained:,} of them bought again in the next period: a "
            "retention rate of {rate:.1%} (interval {low:.1%} to {high:.1%}), so the churn rate is {churn:.1%}. A "
            "period is rated by what its customers do in the period after it, so the last period of the data has "
            "no rate yet. Without contracts, churn is not announced: a customer who does not buy in the next "
            "period counts as lost for that period, even if she returns later."),
        "exercises_retention.cohort.title": "One acquisition cohort, a year later",
        "exercises_retention.cohort.question": (
            "Customers are grouped by the quarter of their first purchase: their acquisition cohort. For the "
            "first cohort of your firm, compute by hand the share of its customers who bought in the fourth "
            "quarter after the one in which they were acquired (age 4 on the heat map), and check it against the "
            "table `cohort_matrix` and the heat map. How does this share compare with age 1?"),
        "exercises_retention.cohort.hint": (
            "`cohort` (in the starter) is each customer's first quarter. Take the customers of the earliest "
            "cohort and count those with a purchase in the quarter `cohort + 4` "
            "(`tx[\"date\"].dt.to_period(\"Q\")`); divide by the cohort's size."),
        "exercises_retention.cohort.answer": (
            "Of the {size:,} customers of the {cohort} cohort, {active:,} bought in the fourth quarter after their "
            "first: {rate:.1%}, against {rate1:.1%} in the first quarter after it. A row of the heat map follows "
            "one cohort through its life: most customers are lost right after their first period, and the rate "
            "then falls more slowly, because the customers who stay are the more loyal ones. Retention efforts "
            "pay most in a new customer's first periods."),
        "exercises_retention.monthly.title": "A month is not a quarter",
        "exercises_retention.monthly.question": (
            "Set `period = \"month\"` in notebook 05's parameters and run the retention section again. What is "
            "the latest monthly retention rate, and for which month? Compare it with the quarterly rate of "
            "exercise 05.1 and explain why the two differ, although the customers are the same."),
        "exercises_retention.monthly.hint": (
            "`period_retention(tx, period=\"month\", observation_end=...)` and `retention_rate_kpi` from "
            "`analysis.retention`; a month is written `\"2024-03\"`."),
        "exercises_retention.monthly.answer": (
            "By month, the latest rated period is {period}: {active:,} customers bought, and the retention rate is "
            "{rate:.1%} (churn rate {churn:.1%}), against {before:.1%} by quarter ({before_period}, churn rate "
            "{before_churn:.1%}). A month gives a customer less time to buy again than a quarter, so fewer "
            "customers count as retained: a retention or churn rate means nothing without its period. Compare "
            "rates only over periods of the same length, and choose the period from how often customers "
            "normally buy."),
        "exercises_retention.economics.title": "What does losing a customer cost?",
        "exercises_retention.economics.question": (
            "In the section *Economics of retention*, the cost of churn is the margin a customer lost now would "
            "have brought from the next period on: m / (1 + d − r), with m the gross margin per active customer "
            "per period, r the latest retention rate and d the discount rate per period. Compute it by hand from "
            "the tables `margin_per_active` and `retention_rate_latest` (d for an annual 10% is in the starter), "
            "and check it against the row `cost_of_churn` of `retention_economics`. Does the retention programme "
            "the notebook assumes pay?"),
        "exercises_retention.economics.hint": (
            "m is the column `margin_per_active`, r the column `estimate` of `retention_rate_latest`. The "
            "programme pays when its cost per customer kept is below the cost of churn."),
        "exercises_retention.economics.answer": (
            "With m = {margin:,.2f}, r = {retention:.4f} and d = {discount:.4f}, the cost of churn is "
            "{margin:,.2f} / (1 + {discount:.4f} − {retention:.4f}) = {cost_of_churn:,.2f}; with this period's "
            "margin, an active customer is worth {value:,.2f}. The assumed programme costs {cost:,.2f} per active "
            "customer per period and raises the retention rate by {effect_points:g} percentage points, so its "
            "cost of retention is {per_kept:,.2f} per customer kept, more than the {cost_of_churn:,.2f} a kept "
            "customer brings: it does not pay. It would break even at an improvement of "
            "{break_even_points:.2f} points, or at a lower cost."),
        "exercises_retention.complaints.title": "How often do customers complain, and about what?",
        "exercises_retention.complaints.question": (
            "In the section *Complaints and service recovery*, how many complaints are there per 1,000 orders, "
            "and which complaint category is the largest (the first bar of the Pareto chart)? What do the few "
            "largest categories tell you about where to start?"),
        "exercises_retention.complaints.hint": (
            "The findings cite the complaint rate (table `complaint_rates`, column `per_1000_orders`); the "
            "Pareto chart sorts the categories (table `complaint_categories`). Write the category as the table "
            "does."),
        "exercises_retention.complaints.answer": (
            "{complaints:,} complaints on {orders:,} orders make a complaint rate of {rate:.1f} per 1,000 orders "
            "(exact Poisson interval {low:.1f} to {high:.1f}). The largest category, {top}, holds {top_share:.1%} "
            "of the complaints, and the {n_vital} largest of the {n_categories} categories together "
            "{vital_share:.1%}: removing the causes of the largest categories first prevents the most complaints. A low complaint "
            "rate is good news only if complaining is easy: most unhappy customers leave without a word."),
        "exercises_retention.recovery.title": "Does a good recovery win customers back?",
        "exercises_retention.recovery.question": (
            "The service recovery paradox says that a customer whose complaint is resolved well can end up more "
            "loyal than one who never had a problem. Read the adjusted risk ratios of a repurchase (table "
            "`recovery_effects`, rows `good_ratio` and `poor_ratio`). Does the paradox hold for your firm? What "
            "does a poor recovery cost?"),
        "exercises_retention.recovery.hint": (
            "A ratio of 1 means the same repurchase rate as after an order without a complaint; the paradox "
            "holds only if the whole interval of `good_ratio` lies above 1."),
        "exercises_retention.recovery.answer": (
            "Adjusted for the orders' history, {good_rate:.1%} of the orders followed by a complaint resolved "
            "well were followed by another order within {days} days, against {none_rate:.1%} of the orders "
            "without a complaint: a risk ratio of {good:.2f} (interval {good_low:.2f} to {good_high:.2f}). The "
            "interval is not wholly above 1, so the service recovery paradox does not show: a good recovery at "
            "best keeps the customer. A poor one is costly: {poor_rate:.1%} bought again, a ratio of {poor:.2f} "
            "({poor_low:.2f} to {poor_high:.2f}). Handling complaints well (apologise, resolve at once, "
            "compensate) pays because it avoids this loss."),
        "exercises_retention.loyalty.title": "What does the loyalty programme do?",
        "exercises_retention.loyalty.question": (
            "The section *Loyalty programme* compares members with non-members. How much more do members spend "
            "per order (the `naive` ratio of the table `loyalty_effects`)? Now read the `doubly_robust` ratio, "
            "which compares members with non-members of the same purchase history before the launch. What do "
            "the two numbers together say about the programme, and does it pay for itself (table "
            "`loyalty_economics`)?"),
        "exercises_retention.loyalty.hint": (
            "A ratio of 1.25 means 25% more per order. Look at the balance table: how did members differ from "
            "non-members before the launch?"),
        "exercises_retention.loyalty.answer": (
            "Members ({members:,}) spend {naive:.2f} times as much per order as non-members ({others:,}). But "
            "compared with non-members of the same history before the launch, the doubly robust ratio is only "
            "{dr:.2f} (interval {dr_low:.2f} to {dr_high:.2f}): close to 1. The naive difference is "
            "self-selection: the customers who joined were already the bigger and more frequent spenders (before "
            "the launch, {aov_members:,.2f} per order and {orders_members:.1f} orders on average, against "
            "{aov_others:,.2f} and {orders_others:.1f} for the others), and the programme adds little or nothing "
            "to what they spend. The economics agree: an incremental "
            "margin of {incremental:,.2f} against costs of {cost:,.2f} leaves a net of {net:,.2f} (interval "
            "{net_low:,.2f} to {net_high:,.2f}), so the loyalty programme does not pay for itself."),
        "exercises_retention.cross_sell.title": "Cross-selling by hand",
        "exercises_retention.cross_sell.question": (
            "The cross-sell rate is the share of customers who have bought from two or more categories. Compute "
            "it by hand from the transactions (column `category`) and check it against the table "
            "`cross_sell_rate`. Which category have most customers bought, and which the fewest?"),
        "exercises_retention.cross_sell.hint": (
            "`tx.groupby(\"customer_id\")[\"category\"].nunique()` counts each customer's categories; the share "
            "with 2 or more is the rate. The table `category_adoption` lists the categories."),
        "exercises_retention.cross_sell.answer": (
            "{cross:,} of {customers:,} customers bought from two or more categories: a cross-sell rate of "
            "{rate:.1%}. The category most customers bought is {top} ({top_adoption:.1%} of them), the one fewest "
            "bought {last} ({last_adoption:.1%}). Every customer who buys a single category is a chance for "
            "cross-selling: a customer who buys more of what the firm offers brings more margin and has more "
            "reasons to stay."),
        "exercises_retention.targets.title": "Do we meet our targets, and how sure are we?",
        "exercises_retention.targets.question": (
            "The class study sets KPI targets for the latest full period (the parameter `targets`). In the KPI "
            "scorecard, read the verdicts of the retention rate, the satisfaction index and the complaint rate: "
            "met, not met or cannot tell. Then set `alpha = 0.2` (80% intervals instead of 95%) in notebook 05's "
            "parameters and run it again. What are the three verdicts now? Why can a verdict change although no "
            "estimate moved, and what is the price of the narrower intervals?"),
        "exercises_retention.targets.hint": (
            "Read the column `verdict` of the KPI scorecard (table `scorecard`), and compare each target with the "
            "interval (`ci_low`, `ci_high`), not only with the estimate."),
        "exercises_retention.targets.answer": (
            "The targets: a retention rate of at least {retention_target:.0%}, a satisfaction index of at least "
            "{satisfaction_target:g}, at most {complaints_target:g} complaints per 1,000 orders. The estimates "
            "stay at {retention:.1%}, {satisfaction:.1f} and {complaints:.1f} (complaint rate in {period}); their "
            "95% intervals, {retention_low:.1%} to {retention_high:.1%}, {satisfaction_low:.1f} to "
            "{satisfaction_high:.1f} and {complaints_low:.1f} to {complaints_high:.1f}, narrow with `alpha = 0.2` "
            "to {retention_low80:.1%} to {retention_high80:.1%}, {satisfaction_low80:.1f} to "
            "{satisfaction_high80:.1f} and {complaints_low80:.1f} to {complaints_high80:.1f}. A target is met only "
            "when the whole interval lies on its good side, not met when it lies wholly on the wrong side, and "
            "the data cannot tell when the interval holds the target; a narrower interval decides more verdicts "
            "but is wrong more often (one 80% interval in five misses the true value). Rates from few events, "
            "such as one period's complaints, have the widest intervals."),
        "exercises_retention.cdnow.title": "Retention at CDNOW",
        "exercises_retention.cdnow.question": (
            "Run notebook 05 on the bundled CDNOW study (`study = \"../params/cdnow.yaml\"`; it sets "
            "`period = \"month\"`, as all its customers were acquired in one quarter). What is CDNOW's latest "
            "retention rate, and what share of its customers never bought again after their first day (table "
            "`lifetime_sample`, column `never_returned_share`)? Compare its median customer lifetime with your "
            "firm's."),
        "exercises_retention.cdnow.hint": (
            "`period_retention` and `retention_rate_kpi`, then `customer_lifetimes` (with "
            "`churn_days=365`) and `lifetime_summary` from `analysis.retention`; CDNOW's observation end is "
            "1998-06-30."),
        "exercises_retention.cdnow.answer": (
            "CDNOW's latest monthly retention rate ({period}) is {rate:.1%}. {never:.1%} of its customers never "
            "bought again after their first day, against {own_never:.1%} in your firm, so CDNOW's median "
            "lifetime is {median:,} days, against {own_median:,} in your firm: more than half of CDNOW's "
            "customers made one trial purchase and never came back. Your firm's latest retention rate, "
            "{own_rate:.1%}, is over a period of another length and cannot be compared with CDNOW's directly; "
            "the share who never return and the survival curves can."),
    },
}
