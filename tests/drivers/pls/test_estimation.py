"""Total effects of a recursive model: the sum over enumerated directed paths."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from analysis.drivers import total_effects_from_paths


def test_total_effects_equal_sum_over_enumerated_paths(ecsi):
    b = ecsi.path_coefficients_
    cons = list(b.index)

    def walks(src, dst):
        if src == dst:
            yield [dst]
            return
        for nxt in cons:
            if b.loc[src, nxt] != 0:
                for rest in walks(nxt, dst):
                    yield [src, *rest]

    for src, dst in itertools.permutations(cons, 2):
        total = sum(np.prod([b.loc[p, q] for p, q in itertools.pairwise(w)]) for w in walks(src, dst))
        assert ecsi.total_effects_.loc[src, dst] == pytest.approx(total, abs=1e-12)
    # IMAG reaches LOY along 6 paths (direct, via SAT, and via EXPE-SAT, EXPE-QUAL-SAT, EXPE-VAL-SAT,
    # EXPE-QUAL-VAL-SAT); check the count so the enumeration itself is exercised
    assert len(list(walks("IMAG", "LOY"))) == 6
    pd.testing.assert_frame_equal(total_effects_from_paths(b), ecsi.total_effects_)
