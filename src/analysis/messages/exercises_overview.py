"""The exercises of notebook 00 (data overview): titles, questions, hints and model answers (analysis.course.overview)."""

MESSAGES = {
    "en": {
        "exercises_overview.customers.title": "How big is the customer database?",
        "exercises_overview.customers.question": (
            "Run notebook 00 on your class study (or look at `wb.tables`). How many customers does the transaction "
            "log hold? Read it from the table *transaction overview*."),
        "exercises_overview.customers.hint": "The row `customers` of the transaction overview counts distinct `customer_id`s.",
        "exercises_overview.customers.answer": (
            "The log holds {customers:,} customers and {transactions:,} transactions, from {first:date} to "
            "{last:date}. A customer counts once however often she bought: the number of distinct customer ids."),
        "exercises_overview.one_time.title": "One-time buyers",
        "exercises_overview.one_time.question": (
            "What share of the customers bought exactly once? Read it from the figure or table *purchases per "
            "customer*, and say why this share matters for segmentation and lifetime value."),
        "exercises_overview.one_time.hint": "Look at the row with 1 purchase in the table `purchases_per_customer`, column `share_customers`.",
        "exercises_overview.one_time.answer": (
            "{share:.1%} of the customers ({n:,}) bought exactly once; the median customer made {median:g} "
            "purchases. One-time buyers have no repeat behaviour to learn from: RFM gives them the lowest "
            "frequency score, and a lifetime-value model can only guess from the others whether they are still "
            "customers."),
        "exercises_overview.by_hand.title": "Revenue and the mean purchase by hand",
        "exercises_overview.by_hand.question": (
            "With pandas, compute the total revenue and the mean amount per transaction of your log, and check "
            "that they agree with the transaction overview (rows `revenue` and `mean_amount`)."),
        "exercises_overview.by_hand.hint": "`tx[\"amount\"].sum()` and `tx[\"amount\"].mean()`.",
        "exercises_overview.by_hand.answer": (
            "Revenue is {revenue:,.2f} and the mean purchase {mean:,.2f}; the median purchase, {median:,.2f}, is "
            "lower than the mean because a few large purchases pull the mean up (amounts are right-skewed, which "
            "is why notebook 00 draws them on a logarithmic axis)."),
        "exercises_overview.best_month.title": "The best month",
        "exercises_overview.best_month.question": (
            "Which calendar month brought the most revenue? Compute revenue per month by hand and compare with "
            "the table *monthly activity* and its figure."),
        "exercises_overview.best_month.hint": "`tx.groupby(tx[\"date\"].dt.to_period(\"M\"))[\"amount\"].sum().idxmax()`; write the month as `\"2024-03\"`.",
        "exercises_overview.best_month.answer": (
            "{month} brought the most revenue, {revenue:,.2f} from {customers:,} active customers, against "
            "{mean:,.2f} in the average month. Monthly revenue moves with the number of active customers: a "
            "customer base that grows early and then thins out peaks when most acquired customers are still "
            "buying."),
        "exercises_overview.missing.title": "Where values are missing",
        "exercises_overview.missing.question": (
            "Which column of which table has the most missing values, and how many? Read the table *missing "
            "values*. Is a missing value there an error, or does it mean something?"),
        "exercises_overview.missing.hint": "Sort the table `missing_values` by `n_missing`.",
        "exercises_overview.missing.answer": (
            "The column {column} of the {table} table is missing {n:,} times ({share:.1%} of its rows). A missing value "
            "is not always an error: check the data dictionary for what the column means (an empty end date, "
            "for instance, means the spell has not ended, and an empty referrer means the customer was not "
            "referred)."),
        "exercises_overview.cut_off.title": "Moving the observation end",
        "exercises_overview.cut_off.question": (
            "Set `observation_end` in notebook 00's parameters cell to 90 days before the last purchase (the "
            "starter prints the day) and run it again. How many rows does the check *suspicious values* now "
            "flag as dated after the observation end? What would the other notebooks do with them?"),
        "exercises_overview.cut_off.hint": "Count the rows with `tx[\"date\"] > end`; the notebook's row `future_date` should agree.",
        "exercises_overview.cut_off.answer": (
            "With the observation end at {end}, {n:,} rows ({share:.1%} of the log) lie after it. They are not "
            "wrong: the window simply ends earlier, and every notebook ignores purchases after the observation "
            "end, as if the analysis were made on that day (which is how a holdout period is set aside)."),
        "exercises_overview.cdnow.title": "Another customer base: CDNOW",
        "exercises_overview.cdnow.question": (
            "Run notebook 00 on the bundled CDNOW study (`study = \"../params/cdnow.yaml\"`). How many customers "
            "does it hold, and what share bought only once? Compare with your firm."),
        "exercises_overview.cdnow.hint": "`transaction_overview(cdnow[\"transactions\"])` from `analysis.overview`.",
        "exercises_overview.cdnow.answer": (
            "CDNOW holds {customers:,} customers, and {share:.1%} of them bought only once (the median customer: "
            "{median:g} purchase), against {own_share:.1%} in your firm. CDNOW's customers were all acquired in "
            "one quarter and followed for 18 months: a cohort in which most trial buyers never came back."),
    },
}
