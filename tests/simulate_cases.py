"""The tolerance rule of the simulate tests.

Every statistical comparison allows Z = 4 standard errors of the
realized statistic (two-sided, so a correct generator fails a given check with
probability about 6e-5; with the fixed seeds the outcome is deterministic anyway),
computed from the data the way the comment at each test says. Expected values are
computed here from the truth's primitive parameters with formulas or a Monte Carlo
written independently of the generator, never by calling the code under test.
"""

from __future__ import annotations

Z = 4.0  # standard errors allowed in every statistical check
