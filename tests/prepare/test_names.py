"""suggest: the closest valid name, or nothing."""

from analysis.prepare import suggest


def test_the_closest_name_or_nothing():
    assert suggest("agee", ["age", "job"]) == "; did you mean 'age'?"
    assert suggest("zzz", ["age", "job"]) == ""
    assert suggest(3, ["3a", "b"]) == "; did you mean '3a'?"
