"""Messages of customer segmentation (notebook 01)."""

MESSAGES = {
    "en": {
        # RFM segment names (default rule table)
        "segmentation.segment.champions": "Champions",
        "segmentation.segment.loyal": "Loyal",
        "segmentation.segment.potential_loyalist": "Potential loyalist",
        "segmentation.segment.new": "New",
        "segmentation.segment.promising": "Promising",
        "segmentation.segment.need_attention": "Need attention",
        "segmentation.segment.about_to_sleep": "About to sleep",
        "segmentation.segment.cant_lose": "Can't lose",
        "segmentation.segment.at_risk": "At risk",
        "segmentation.segment.hibernating": "Hibernating",
        "segmentation.segment.lost": "Lost",
        "segmentation.segment.other": "Other",
        # lifecycle stages
        "segmentation.stage.new": "New",
        "segmentation.stage.active": "Active",
        "segmentation.stage.loyal": "Loyal",
        "segmentation.stage.at_risk": "At risk",
        "segmentation.stage.lost": "Lapsed/lost",
        # stability readings (fpc::clusterboot)
        "segmentation.stability.dissolved": "dissolved",
        "segmentation.stability.unstable": "not to be trusted",
        "segmentation.stability.doubtful": "doubtful",
        "segmentation.stability.stable": "stable",
        "segmentation.stability.highly_stable": "highly stable",
        # automatic cluster names
        "segmentation.cluster.average": "Average customers",
        "segmentation.cluster.join": "{first}, {second}",
        "segmentation.cluster.numbered": "{name} ({number})",
        "segmentation.feature.high": "high {feature}",
        "segmentation.feature.category": "mostly {value}",
        "segmentation.feature.low": "low {feature}",
        "segmentation.feature.recency_days.high": "long inactive",
        "segmentation.feature.recency_days.low": "recent",
        "segmentation.feature.frequency.high": "frequent",
        "segmentation.feature.frequency.low": "infrequent",
        "segmentation.feature.monetary.high": "high spend",
        "segmentation.feature.monetary.low": "low spend",
        "segmentation.feature.tenure_days.high": "long-standing",
        "segmentation.feature.tenure_days.low": "newly acquired",
        # one-to-one notes
        "segmentation.one_to_one.missing_potential": (
            "Most growable customers cannot be identified: the customers table has no column "
            "{column!r} with each customer's potential value (or a CLV estimate). Add it, or pass "
            "potential_column= naming such a column."
        ),
        "segmentation.one_to_one.missing_cost": (
            "Below-zero customers cannot be identified: the customers table has no column "
            "{column!r} with each customer's cost to serve. Add it, or pass cost_column= naming it."
        ),
        "segmentation.one_to_one.potential_off": (
            "Most growable customers are not identified: potential_column is null, so no potential value "
            "is read."
        ),
        "segmentation.one_to_one.cost_off": (
            "Below-zero customers are not identified: cost_column is null, so no cost to serve is read."
        ),
        "segmentation.one_to_one.class.most_valuable": "Most valuable",
        "segmentation.one_to_one.class.most_growable": "Most growable",
        "segmentation.one_to_one.class.below_zero": "Below zero",
        # figures
        "segmentation.axis.segment": "Segment",
        "segmentation.axis.share": "Share (%)",
        "segmentation.axis.customer_share": "Share of customers",
        "segmentation.axis.revenue_share": "Share of revenue",
        "segmentation.axis.value_share": "Share of value",
        "segmentation.axis.r_score": "Recency score (5 = most recent)",
        "segmentation.axis.f_score": "Frequency score (5 = most frequent)",
        "segmentation.axis.mean_monetary": "Mean monetary value",
        "segmentation.axis.mean_monetary_in": "Mean monetary value ({currency})",
        "segmentation.axis.rfm_segment": "RFM segment",
        "segmentation.axis.stage": "Lifecycle stage",
        "segmentation.axis.customers": "Customers",
        "segmentation.axis.k": "Number of clusters k",
        "segmentation.axis.cluster": "Cluster",
        "segmentation.axis.feature": "Feature",
        "segmentation.axis.z": "Standardized mean (z)",
        "segmentation.axis.pc1": "First principal component",
        "segmentation.axis.pc2": "Second principal component",
        "segmentation.axis.jaccard": "Mean bootstrap Jaccard similarity",
        "segmentation.fig.segments.title": "RFM segments: customers and revenue",
        "segmentation.fig.heatmap.title": "Mean monetary value by recency and frequency score",
        "segmentation.fig.concentration.title": "Concentration of value (Gini = {gini:.2f})",
        "segmentation.fig.concentration.equality": "Equal shares",
        "segmentation.fig.concentration.mark": "top {top:.0%} bring {share:.0%}",
        "segmentation.fig.k_selection.title": "Choosing the number of clusters ({method})",
        "segmentation.fig.k_selection.pick": "picks k = {k}",
        "segmentation.fig.profiles.title": "Cluster profiles (standardized feature means)",
        "segmentation.fig.projection.title": "Clusters on the first two principal components",
        "segmentation.fig.stability.title": "Cluster stability (bootstrap, {n_boot} resamples)",
        "segmentation.fig.stages.title": "Lifecycle stage by RFM segment (customers)",
        "segmentation.criterion.silhouette": "Silhouette (higher is better)",
        "segmentation.criterion.calinski_harabasz": "Calinski-Harabasz (higher is better)",
        "segmentation.criterion.davies_bouldin": "Davies-Bouldin (lower is better)",
        "segmentation.criterion.bic": "BIC (lower is better)",
        "segmentation.criterion.gap": "Gap statistic (first k within 1 s.e. of the next)",
        # findings
        "segmentation.finding.top_share": (
            "The top {top:.0%} of customers bring {share:.1%} of {what}."
        ),
        "segmentation.finding.gini": (
            "The Gini coefficient of {what} across customers is {gini:.2f} "
            "(0 = everyone equal, 1 = one customer has everything)."
        ),
        "segmentation.finding.largest_segment": (
            "The largest RFM segment is {segment} with {share:.0%} of customers and "
            "{revenue_share:.0%} of revenue; the segment bringing most revenue is {top_segment}: "
            "{top_revenue_share:.0%} of revenue from {top_share:.0%} of customers."
        ),
        "segmentation.finding.tiers": (
            "Tier A holds {a_customers:,.0f} customers ({a_share:.1%}) who bring {a_value:.1%} of {what}."
        ),
        "segmentation.finding.clusters.none": (
            "The gap statistic finds no cluster structure: its rule (the first k whose gap is within one "
            "standard error of the next) picks k = {gap_k:,.0f}, one continuous cloud of customers. The other "
            "criteria pick k = {low:,.0f} to {high:,.0f} only because they cannot pick one cluster. The "
            "{k:,.0f} clusters below ({method}, k chosen by {criterion}) are a cut of that cloud for "
            "description, not segments of distinct customers; a high bootstrap stability says the cut is "
            "repeatable, not that the groups exist."
        ),
        "segmentation.finding.clusters.none_same": (
            "The gap statistic finds no cluster structure: its rule (the first k whose gap is within one "
            "standard error of the next) picks k = {gap_k:,.0f}, one continuous cloud of customers. The other "
            "criteria all pick k = {high:,.0f} only because they cannot pick one cluster. The "
            "{k:,.0f} clusters below ({method}, k chosen by {criterion}) are a cut of that cloud for "
            "description, not segments of distinct customers; a high bootstrap stability says the cut is "
            "repeatable, not that the groups exist."
        ),
        "segmentation.finding.clusters.disagree_no_gap": (
            "The criteria disagree on the number of clusters: they pick k = {low:,.0f} to {high:,.0f} "
            "(table k_picks). The {k:,.0f} clusters below ({method}, k chosen by {criterion}) are one "
            "defensible partition among several, not the customers' one natural grouping."
        ),
        "segmentation.finding.clusters.disagree": (
            "The criteria disagree on the number of clusters: they pick k = {low:,.0f} to {high:,.0f}, "
            "the gap rule k = {gap_k:,.0f} (table k_picks). The {k:,.0f} clusters below ({method}, k chosen "
            "by {criterion}) are one defensible partition among several, not the customers' one natural "
            "grouping."
        ),
        "segmentation.finding.clusters.no_gap": (
            "Every criterion computed picks k = {k:,.0f}, and {method} finds {k:,.0f} clusters (k chosen by "
            "{criterion}); the gap statistic, the one criterion able to say there are no clusters, was not "
            "computed (n_gap_refs = 0)."
        ),
        "segmentation.finding.clusters.agree": (
            "All {n_criteria:,.0f} criteria, the gap rule included, pick k = {k:,.0f}: {method} finds "
            "{k:,.0f} clusters (k chosen by {criterion})."
        ),
        "segmentation.finding.cluster_stability": (
            "{n_stable:,.0f} of {k:,.0f} clusters are stable (mean bootstrap Jaccard >= 0.75), "
            "{n_doubtful:,.0f} doubtful and {n_unstable:,.0f} not to be trusted."
        ),
        "segmentation.criterion_name.silhouette": "silhouette",
        "segmentation.criterion_name.calinski_harabasz": "Calinski-Harabasz",
        "segmentation.criterion_name.davies_bouldin": "Davies-Bouldin",
        "segmentation.criterion_name.bic": "BIC",
        "segmentation.criterion_name.gap": "the gap statistic",
        "segmentation.method.kmeans": "k-means",
        "segmentation.method.gmm": "Gaussian mixture",
        "segmentation.finding.stages": (
            "{lost_share:.0%} of customers are lapsed or lost (no purchase for more than "
            "{lost_days:,.0f} days) and {at_risk_share:.0%} are at risk (no purchase for more than "
            "{at_risk_days:,.0f} days)."
        ),
        # checks
        "segmentation.check.structure.none": (
            "The gap statistic's rule picks k = {gap_k:,.0f}: no cluster structure beyond one continuous "
            "cloud (the other criteria pick k = {low:,.0f} to {high:,.0f} because they cannot pick one). "
            "The {k:,.0f} clusters describe slices of that cloud: do not treat them as distinct segments."
        ),
        "segmentation.check.structure.none_same": (
            "The gap statistic's rule picks k = {gap_k:,.0f}: no cluster structure beyond one continuous "
            "cloud (the other criteria all pick k = {high:,.0f} because they cannot pick one). "
            "The {k:,.0f} clusters describe slices of that cloud: do not treat them as distinct segments."
        ),
        "segmentation.check.structure.disagree_no_gap": (
            "The criteria pick different numbers of clusters, k = {low:,.0f} to {high:,.0f}; the clusters "
            "shown use k = {k:,.0f} ({criterion}). Another k would group customers differently."
        ),
        "segmentation.check.structure.disagree": (
            "The criteria pick different numbers of clusters, k = {low:,.0f} to {high:,.0f} (the gap rule: "
            "k = {gap_k:,.0f}); the clusters shown use k = {k:,.0f} ({criterion}). Another k would group "
            "customers differently."
        ),
        "segmentation.check.structure.no_gap": (
            "The criteria agree on k = {k:,.0f}, but the gap statistic, the one criterion able to say there "
            "are no clusters, was not computed (n_gap_refs = 0): whether the data have cluster structure "
            "at all was not checked."
        ),
        "segmentation.check.structure.agree": (
            "All {n_criteria:,.0f} criteria, the gap rule included, pick k = {k:,.0f}: the data support "
            "{k:,.0f} clusters."
        ),
        "segmentation.check.stability.pass": (
            "All {k:,.0f} clusters are found again in the bootstrap resamples (mean Jaccard >= 0.75; "
            "lowest {lowest:.2f})."
        ),
        "segmentation.check.stability.warn": (
            "{n_weak:,.0f} of {k:,.0f} clusters have a mean bootstrap Jaccard below 0.75 (lowest "
            "{lowest:.2f}): their membership is doubtful; do not act on them as groups."
        ),
        "segmentation.check.names.pass": (
            "Every RFM segment name agrees with the customer's lifecycle stage ({conflicts:,.0f} "
            "contradictions; a name of current customers needs a purchase within {at_risk_days:,.0f} days). "
            "By scores alone {score_conflicts:,.0f} customers would carry a name their stage contradicts."
        ),
        "segmentation.check.names.pass_loyal": (
            "Every RFM segment name agrees with the customer's lifecycle stage ({conflicts:,.0f} "
            "contradictions; a name of current customers needs a purchase within {at_risk_days:,.0f} days). "
            "By scores alone {score_conflicts:,.0f} customers would carry a name their stage contradicts: "
            "{loyal_lost:,.0f} of the {loyal:,.0f} customers the score map calls {name} have not bought "
            "for more than {lost_days:,.0f} days. Names here follow the study's lifecycle."
        ),
        "segmentation.check.names.warn": (
            "{conflicts:,.0f} customers carry an RFM segment name their lifecycle stage contradicts (table "
            "segment_lifecycle; a name of current customers needs a purchase within {at_risk_days:,.0f} "
            "days). By scores alone there would be {score_conflicts:,.0f}. Read those names with the stage "
            "beside them, or give the segment rules a stages column."
        ),
        "segmentation.check.names.warn_loyal": (
            "{conflicts:,.0f} customers carry an RFM segment name their lifecycle stage contradicts (table "
            "segment_lifecycle; a name of current customers needs a purchase within {at_risk_days:,.0f} "
            "days). By scores alone there would be {score_conflicts:,.0f}, among them {loyal_lost:,.0f} of "
            "the {loyal:,.0f} customers called {name} who have not bought for more than {lost_days:,.0f} "
            "days. Read those names with the stage beside them, or give the segment rules a stages column."
        ),
        "segmentation.check.names.not_run": (
            "The segment rules restrict no name to lifecycle stages (no stages column), so the names were "
            "not checked against the lifecycle: a name of current customers may hold lapsed ones."
        ),
        "segmentation.check.small_segments.pass": (
            "The smallest RFM segment, {segment}, has {customers:,.0f} customers, at least {min_size:,.0f}."
        ),
        "segmentation.check.small_segments.warn": (
            "The smallest RFM segment, {segment}, has {customers:,.0f} customers, fewer than "
            "{min_size:,.0f}: its averages and shares rest on too few customers to compare it with the "
            "others."
        ),
        "segmentation.finding.rules_differ": (
            "On this data the R rfm package's rule gives a different score than the quantile rule "
            "to {r:.1%} of customers on recency, {f:.1%} on frequency and {m:.1%} on monetary value."
        ),
        "segmentation.finding.abc_computed": (
            "The computed ABC limits (Ultsch and Lötsch) put {n_a:,.0f} customers ({a_share:.1%}) in A, "
            "bringing {a_value:.1%} of {what}, and {n_c:,.0f} customers ({c_share:.1%}) in C."
        ),
        "segmentation.finding.one_to_one": (
            "{most_valuable:,.0f} customers are flagged most valuable (top {top:.0%} by {what})."
        ),
        "segmentation.finding.below_zero": (
            "{below_zero:,.0f} customers ({share:.1%}) are below zero: their margin does not cover "
            "their cost to serve."
        ),
        "segmentation.finding.most_growable": (
            "{most_growable:,.0f} customers are most growable (largest gap between potential and "
            "current value)."
        ),
        "segmentation.finding.channels_across": (
            "Clusters and acquisition channels agree with an adjusted Rand index of {ari:.2f} "
            "(0 = no more than chance, 1 = identical groupings): the behavioural clusters cut across the "
            "acquisition channels; knowing how a customer was acquired says little about which cluster "
            "they fall in."
        ),
        "segmentation.finding.channels_mirror": (
            "Clusters and acquisition channels agree with an adjusted Rand index of {ari:.2f} "
            "(0 = no more than chance, 1 = identical groupings): the behavioural clusters partly mirror "
            "the acquisition channels; the channel mix differs between clusters (table below)."
        ),
        "segmentation.finding.missing_potential": (
            "Most growable customers cannot be identified: the customers table has no column {column} with "
            "each customer's potential value (or a CLV estimate). Add it, or set potential_column to the "
            "column that holds it."
        ),
        "segmentation.finding.missing_cost": (
            "Below-zero customers cannot be identified: the customers table has no column {column} with each "
            "customer's cost to serve. Add it, or set cost_column to the column that holds it."
        ),
        "segmentation.finding.potential_off": (
            "Most growable customers are not identified: the study sets potential_column to null. Set it to "
            "the customers column with each customer's potential value to add this class."
        ),
        "segmentation.finding.cost_off": (
            "Below-zero customers are not identified: the study sets cost_column to null. Set it to the "
            "customers column with each customer's cost to serve to add this class."
        ),
        "segmentation.finding.cost_off_counts": (
            "Below-zero customers are not identified: the data hold no money, so no margin can be weighed "
            "against a cost to serve."
        ),
        "segmentation.finding.no_channels": (
            "This study has no `acquisition_channel` column in a customers table."
        ),
        # the data a notebook segments
        "segmentation.finding.data": (
            "**{title}**: {transactions:,.0f} transactions of {customers:,.0f} customers, {first_date} to "
            "{last_date}."
        ),
        "segmentation.axis.acquisition_channel": "acquisition channel",
        "segmentation.what.revenue": "revenue",
        "segmentation.what.margin": "margin",
        "segmentation.what.purchases": "purchases",
        "segmentation.what.money": "currency units",
        # data without money (count-only logs) and customer-level input (no transaction log)
        "segmentation.finding.data_customers": (
            "**{title}**: {customers:,.0f} customers with recency and purchase counts from the customers table "
            "(no transaction log): on average {frequency:,.1f} purchases, the last {recency:,.0f} days ago."
        ),
        "segmentation.finding.data_customers_money": (
            "**{title}**: {customers:,.0f} customers with recency, purchase counts and spend from the customers "
            "table (no transaction log): on average {frequency:,.1f} purchases, the last {recency:,.0f} days "
            "ago, and {monetary:,.1f} {currency} spent."
        ),
        "segmentation.finding.largest_segment_counts": (
            "The largest RFM segment is {segment} with {share:.0%} of customers and "
            "{revenue_share:.0%} of purchases; the segment making most purchases is {top_segment}: "
            "{top_revenue_share:.0%} of purchases from {top_share:.0%} of customers."
        ),
        "segmentation.finding.rules_differ_counts": (
            "On this data the R rfm package's rule gives a different score than the quantile rule "
            "to {r:.1%} of customers on recency and {f:.1%} on frequency (the data hold no money, so "
            "there is no monetary score)."
        ),
        "segmentation.axis.purchase_share": "Share of purchases",
        "segmentation.axis.share_of": "Share of {what}",
        "segmentation.fig.concentration.title_of": "Concentration of {what} (Gini = {gini:.2f})",
        "segmentation.axis.customers_in_cell": "Customers",
        "segmentation.fig.segments.title_counts": "RFM segments: customers and purchases",
        "segmentation.fig.heatmap.title_counts": "Customers by recency and frequency score",
        "segmentation.note.no_money": (
            "This study's data hold no money (no `amount` in the transactions, no `monetary` per customer): "
            "scores and segments use recency and frequency only, and tiers, concentration and the most "
            "valuable customers are ranked by purchases."
        ),
        "segmentation.note.no_window": (
            "Recency and frequency are taken as the customers table gives them; the study sets no observation "
            "end (`window: observation_end:`), so no date is shown here."
        ),
        "segmentation.note.stages_unknown": (
            "The lifecycle stage *{stage}* cannot be told here: it needs each customer's first purchase "
            "(an `acquisition_date` in the customers table and an observation end in the study's window), "
            "and the data have no such date. Those customers count as active or loyal instead."
        ),
        "segmentation.error.customer_columns": (
            "The customers table lacks {columns}: segmenting without transactions needs recency_days and "
            "frequency per customer (and monetary for spend). Map them under data: customers: columns: in the "
            "study, or give the study a transactions table."
        ),
        "segmentation.warning.incomplete_customers": (
            "{n:,} customer(s) miss one of {columns} and are left out of the scores."
        ),
        "segmentation.error.no_input": (
            "Segmentation needs a transactions table, or a customers table with recency_days and frequency "
            "per customer (and monetary for spend). Add one under data: in the study file, or map those "
            "columns under data: customers: columns:."
        ),
    },
}
