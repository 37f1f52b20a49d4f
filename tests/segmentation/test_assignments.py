"""Per-customer assignments: every grouping joined on the customer, nothing lost or reordered.

Reference: the same joins written out by hand with pandas (the notebook's former
cell), on a small simulated firm.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.errors import ParameterError
from analysis.segmentation import (
    cluster_features,
    cluster_profiles,
    customer_assignments,
    fit_clusters,
    lifecycle_stages,
    one_to_one_classes,
    rfm,
    value_tiers,
)
from analysis.simulate import simulate_service_firm


def test_assignments_equal_the_joins_written_by_hand():
    firm = simulate_service_firm(n_customers=150, seed=3)
    table = rfm(firm.transactions)
    tiers = value_tiers(table["monetary"])
    stages = lifecycle_stages(table)
    X = cluster_features(table)
    labels = fit_clusters(X, 3, seed=1)
    profiles = cluster_profiles(table, labels, X)
    oto = one_to_one_classes(table, firm.customers, cost_unit="order")
    got = customer_assignments(table, tiers, stages, labels, profiles, oto)
    expected = table[["recency_days", "frequency", "monetary", "r_score", "f_score", "m_score",
                      "segment"]].join(tiers["tier"]).join(stages["stage"]).join(labels)
    expected["cluster_name"] = expected["cluster"].map(profiles.summary()["name"])
    expected = expected.join(oto.table[["most_valuable", "most_growable", "below_zero"]])
    pd.testing.assert_frame_equal(got, expected)
    assert got.index.equals(table.index) and got["cluster_name"].notna().all()
    with pytest.raises(ParameterError, match="The 'profiles' parameter of customer_assignments"):
        customer_assignments(table, tiers, stages, labels, profiles.summary(), oto)
