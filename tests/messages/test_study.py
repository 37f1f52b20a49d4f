"""messages.study: every currency the settings know has a name."""

from analysis.messages import msg
from analysis.study.settings import KNOWN_CURRENCIES


def test_every_known_currency_has_a_name():
    names = [msg(f"study.currency.{code}") for code in KNOWN_CURRENCIES]
    assert len(set(names)) == len(names) and all(names)
    assert msg("study.currency.none") == "currency units"
