"""messages.findings: every check kind and status has words."""

from analysis.findings import CHECK_KINDS, CHECK_STATUSES
from analysis.messages import msg


def test_every_kind_and_status_has_words():
    for kind in CHECK_KINDS:
        assert msg(f"findings.kind.{kind}")
    for status in CHECK_STATUSES:
        assert msg(f"findings.status.{status}")
    for status in ("warn", "fail"):
        assert "convergence" in msg(f"findings.status.{status}.label", kind="convergence")
