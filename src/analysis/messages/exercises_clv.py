"""The exercises of notebook 02 (customer lifetime value): titles, questions, hints and model answers (analysis.course.clv)."""

MESSAGES = {
    "en": {
        "exercises_clv.best_model.title": "Which model predicts best?",
        "exercises_clv.best_model.question": (
            "Run notebook 02 on your class study. Which transaction model comes first in the table "
            "`model_comparison`, and what is its RMSE? What does the comparison measure, and why is it made on "
            "the holdout period?"),
        "exercises_clv.best_model.hint": (
            "The table is sorted by `rmse`, the root mean squared error of each customer's predicted holdout "
            "purchases."),
        "exercises_clv.best_model.answer": (
            "{model} predicts the holdout purchases best: an RMSE of {rmse:.4f} purchases per customer, against "
            "{other_rmse:.4f} for {other}; in total it predicts {predicted:,.0f} holdout purchases where "
            "{actual:,.0f} were made ({error:+.1f}%). The models were fitted on the calibration period only, so the "
            "holdout period tests them on purchases they never saw, which is what a forecast must do; the notebook "
            "then forecasts each customer's value with the model that came first."),
        "exercises_clv.p_alive.title": "P(alive) by hand",
        "exercises_clv.p_alive.question": (
            "The starter picks a customer with at least two repeat purchases who has been silent for more than 20 "
            "weeks at the end of the calibration period. With BetaGeo's estimates r, alpha, a and b from the table "
            "`model_parameters`, compute by hand the probability that the customer is still a customer: "
            "P(alive) = 1 / (1 + a / (b + x - 1) * ((alpha + T) / (alpha + t_x)) ** (r + x)), with x = frequency, "
            "t_x = recency and T the customer's age, in weeks."),
        "exercises_clv.p_alive.hint": (
            "Read the four estimates with `.loc[(\"BetaGeo\", \"r\"), \"estimate\"]` and so on; check your number "
            "with `BetaGeo.prob_alive` of a model fitted to `clv.fitting_sample(cal)`."),
        "exercises_clv.p_alive.answer": (
            "Customer {who} made {x} repeat purchases, the last in week {tx:.1f} of {T:.1f}, and has been silent "
            "for {silent:.1f} weeks: P(alive) = {p:.4f}. BG/NBD lets a customer drop out only right after a "
            "purchase, so the question is how likely her silence is if she were still buying at her usual rate: "
            "the more often she bought and the longer she has been silent, the less likely she is still a "
            "customer."),
        "exercises_clv.discount.title": "What discounting does",
        "exercises_clv.discount.question": (
            "Set `discount_rate = 0.0` in notebook 02's parameters cell and run it again. What is the total CLV now "
            "(the sum of the column `clv` of the table `customer_value`)? By how much did it rise, and why so "
            "little or so much?"),
        "exercises_clv.discount.hint": "`value[\"clv\"].sum()` before and after the change.",
        "exercises_clv.discount.answer": (
            "Without discounting the total CLV is {after:,.2f} instead of {before:,.2f} at a discount rate of "
            "{rate:.0%} a year, {rise:.1%} more. The forecast covers {horizon:g} weeks, so the average purchase "
            "comes about half a year from now and loses only about half a year's discount; over a longer horizon "
            "the discount rate would matter much more, and a customer lifetime value without it would overstate "
            "what future margin is worth today."),
        "exercises_clv.threshold.title": "Who is worth winning back?",
        "exercises_clv.threshold.question": (
            "Set `risk_threshold = 0.3` in notebook 02's parameters cell and run it again. How many customers are "
            "win-back targets now (the rows of the table `win_back_targets`)? Compare with the default 0.5 and "
            "explain what moved."),
        "exercises_clv.threshold.hint": (
            "A win-back target has a P(alive) between `min_p_alive` and `risk_threshold`, and a value if alive in "
            "the top quarter of all customers (the table `win_back_rule`)."),
        "exercises_clv.threshold.answer": (
            "With a threshold of {changed:.0%}, {after:,} customers are win-back targets instead of {before:,} at "
            "{threshold:.0%}, with {risk_after:,.2f} of value at risk instead of {risk_before:,.2f}. Only customers "
            "whose P(alive) lies between {min_p:.0%} and the threshold are targeted: a lower threshold keeps those "
            "most clearly slipping away and drops those who are merely quiet, so the win-back budget goes where "
            "the cost of churn is most likely to be paid; the valuable customers the rule drops are still watched."),
        "exercises_clv.top_target.title": "The first customer to call",
        "exercises_clv.top_target.question": (
            "Which customer heads the table `win_back_targets`, and how much value is at risk with her? Explain how "
            "the value at risk is computed and what it means for the cost of churn."),
        "exercises_clv.top_target.hint": "The table is sorted by `value_at_risk`; compare it with `value_if_alive` and `clv`.",
        "exercises_clv.top_target.answer": (
            "Customer {customer_id} has the most value at risk, {value_at_risk:,.2f}: she would be worth "
            "{value_if_alive:,.2f} if she were certainly still a customer, but her P(alive) is only {p_alive:.0%}, "
            "so her expected value is {clv:,.2f}, and the value at risk is the difference. The {n:,} win-back "
            "targets have {total:,.2f} at risk together: the cost of churn if they are all lost, and a ceiling on "
            "what a win-back campaign can be worth."),
        "exercises_clv.concentration.title": "How concentrated is future value? By hand",
        "exercises_clv.concentration.question": (
            "The starter rebuilds notebook 02's table `customer_value`. Sort the customers by `clv` and compute the "
            "share of the total CLV held by the top 10%. Check it against the table `value_concentration`. Is "
            "future value more or less concentrated than past revenue?"),
        "exercises_clv.concentration.hint": (
            "The top 10% are the first `int(0.1 * len(value))` customers of `value[\"clv\"].sort_values(ascending=False)`."),
        "exercises_clv.concentration.answer": (
            "The top 10% of customers ({n:,}) hold {share:.1%} of the total CLV, the top 1% alone {share1:.1%}; the "
            "same top 10% by past revenue brought {revenue:.1%} of it. Future value is more concentrated than past "
            "revenue because it also weighs who is still likely to buy: customers who stopped keep their past "
            "spend but have almost no future."),
        "exercises_clv.net_value.title": "What a customer is worth against what she cost",
        "exercises_clv.net_value.question": (
            "For each acquisition channel, compare the mean CLV of its customers (the margin still to come, from "
            "`value_by_channel`) with their mean acquisition cost (the customers table). Which channel has the "
            "highest mean CLV minus acquisition cost, and how much is it? What does the sign tell you?"),
        "exercises_clv.net_value.hint": (
            "`customers.groupby(\"acquisition_channel\")[\"acquisition_cost\"].mean()`, and the mean of `clv` per "
            "channel."),
        "exercises_clv.net_value.answer": (
            "Customers acquired through {channel} come out best: a mean CLV of {clv:,.2f} against a mean "
            "acquisition cost of {cac:,.2f}, {net:,.2f} per customer; those acquired through {worst} come last "
            "({worst_clv:,.2f} against {worst_cac:,.2f}, {worst_net:,.2f}), being the most expensive to acquire. "
            "In every channel the margin "
            "still to come over the forecast horizon is below what a customer cost to acquire: a customer pays "
            "back only over years of buying. Relationship marketing follows from this: keeping a customer whose "
            "acquisition cost is already spent is cheaper than winning a new one."),
        "exercises_clv.cdnow.title": "BG/NBD or Pareto/NBD on CDNOW?",
        "exercises_clv.cdnow.question": (
            "Run notebook 02 on the bundled CDNOW study (`study = \"../params/cdnow.yaml\"`) with "
            "`models = [\"BetaGeo\", \"ParetoNBD\"]`. Which model predicts the holdout period better, what are the two "
            "RMSEs, and which would you use? Compare with the fit on the calibration period (`loglik`)."),
        "exercises_clv.cdnow.hint": "The table `model_comparison`: columns `rmse`, `loglik` and `aggregate_error_pct`.",
        "exercises_clv.cdnow.answer": (
            "{better} predicts CDNOW's holdout period better, with an RMSE of {rmse_better:.4f} against "
            "{rmse_worse:.4f} for {worse}, although {worse} fits the calibration period a little better "
            "(log-likelihood {ll_worse:,.1f} against {ll_better:,.1f}). The differences are small and both models "
            "under-predict the holdout total ({error_better:+.1f}% and {error_worse:+.1f}%). Choose by the holdout, "
            "which tests what the model is for (forecasting purchases it has not seen); the two models tell the "
            "same story, so the choice matters less than checking it."),
    },
}
