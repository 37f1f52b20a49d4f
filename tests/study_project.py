"""Builds a tiny project folder (params/, notebooks/, data/) for the study and runner tests."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "notebooks"

ORDERS_CSV = """CustID,OrderDate,Value
A1,2024-01-03,10.50
A1,2024-02-11,22.00
B2,2024-01-15,5.25
B2,2024-03-02,7.75
C3,2024-02-20,40.00
C3,2024-03-30,12.00
"""

TINY_STUDY = """\
name: tiny
title: A tiny test study
description: Six orders from three customers.
data:
  transactions:
    path: ../data/orders.csv
    columns: {customer_id: CustID, date: OrderDate, amount: Value}
notebooks:
  fixture_ok: {top_n: 2}
"""


def make_project(root: Path, notebooks: tuple[str, ...] = ("fixture_ok", "fixture_fail")) -> Path:
    """``root/params``, ``root/notebooks`` (copies of the fixture notebooks), ``root/data/orders.csv``."""
    for sub in ("params", "notebooks", "data"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    for name in notebooks:
        shutil.copy(FIXTURES / f"{name}.ipynb", root / "notebooks" / f"{name}.ipynb")
    (root / "data" / "orders.csv").write_text(ORDERS_CSV, encoding="utf-8")
    write_study(root, "tiny", TINY_STUDY)
    return root


def write_study(root: Path, name: str, text: str) -> Path:
    """Write ``root/params/<name>.yaml`` (dedented) and return its path."""
    path = root / "params" / f"{name}.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path
