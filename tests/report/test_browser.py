"""The report site in a real browser (Debian's Chromium driven by Playwright).

One small site is generated (notebook 00 on 300 simulated customers, plus a
notebook that fails on purpose), served from 127.0.0.1 by http.server and opened
in headless Chromium. Checked on the index and on every notebook page: no console
error, no request outside the site's own origin, every image loaded; notebook
pages have tables and a table of contents whose links land on headings; the code
toggle shows and hides code; every link on the index answers 200. The site is made
in both editions (``--lang all``): the Chinese index and notebook page pass the same
checks, in Chinese, and their language switch lands on the English twins. Screenshots
go to test-artifacts/ (index.png, notebook.png, index_zh.png, notebook_zh.png) for a
person to look at. The same pages are then opened from file:// (a USB stick) and must
fetch nothing but their own files.

Skipped, with the reason, only where /usr/bin/chromium is missing (`.ci/run`
installs it).
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from browser_cases import NEEDS_CHROMIUM, Visit, browser  # noqa: F401 - browser is a fixture

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = [pytest.mark.slow, NEEDS_CHROMIUM]

MINI_STUDY = """\
name: mini
title: Mini service demo
description: 300 simulated customers, for the browser test.
data:
  dataset: service_demo
  options: {n_customers: 300, seed: 7}
notebooks:
  00_data_overview: {observation_end: "2025-01-01"}
  fixture_fail: {fail: true}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory, project_root) -> Path:
    """Generate the site with the runner, as `analysis run` does."""
    from analysis.report.index import build_index
    from analysis.report.runner import plan_runs, run_plans
    from analysis.study import load_study

    root = tmp_path_factory.mktemp("browser_site")
    for sub in ("params", "notebooks"):
        (root / sub).mkdir()
    shutil.copy(project_root / "notebooks" / "00_data_overview.ipynb", root / "notebooks")
    shutil.copy(project_root / "tests" / "fixtures" / "notebooks" / "fixture_fail.ipynb", root / "notebooks")
    (root / "params" / "mini.yaml").write_text(MINI_STUDY, encoding="utf-8")
    reports = root / "reports"
    results = run_plans(plan_runs([load_study(root / "params" / "mini.yaml")], language="all"), reports_dir=reports,
                        pdf=True)
    assert [(r.notebook, r.status) for r in results] == [("00_data_overview", "ok"), ("00_data_overview", "ok"),
                                                         ("fixture_fail", "failed"), ("fixture_fail", "failed")], \
        [r.error for r in results]
    assert (reports / "mini" / "00_data_overview.pdf").read_bytes()[:5] == b"%PDF-"  # --pdf
    build_index(reports)
    return reports


@pytest.fixture(scope="module")
def server(site):
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - keep the test output clean
        pass


def _notebook_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.glob("*/*.html") if p.parent.name != "zh")


def test_index_loads_cleanly_and_every_link_resolves(browser, server, site):
    visit = Visit(browser, server + "index.html", (server,))
    assert visit.status == 200
    visit.clean()
    page = visit.page
    assert page.locator("article.card").count() == 2
    assert page.locator("article.card.failed pre").first.inner_text().startswith("ValueError: deliberate failure")
    assert page.locator("article.card.ok ul.findings li").count() >= 2  # headline findings from findings.json
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    assert len(hrefs) >= 10
    for href in hrefs:
        url = urljoin(server + "index.html", href)
        assert url.startswith(server), f"index links outside the site: {href}"
        if urlsplit(url).fragment and url.split("#")[0] == server + "index.html":
            assert page.locator(f"[id='{urlsplit(url).fragment}']").count() == 1, href
            continue
        response = page.request.get(url)
        assert response.status == 200, f"{href}: HTTP {response.status}"
    assert any(h.endswith("fixture_fail.failed.html") for h in hrefs)
    assert any(h.endswith("fixture_fail.failed.ipynb") for h in hrefs)
    assert any(h.endswith(".csv") for h in hrefs) and any(h.endswith(".png") for h in hrefs)
    assert any(h.endswith("00_data_overview.pdf") for h in hrefs)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "index.png"), full_page=True)
    page.close()


def test_every_notebook_page_loads_cleanly_with_figures_tables_and_toc(browser, server, site):
    pages = _notebook_pages(site)
    assert "mini/00_data_overview.html" in pages and "mini/fixture_fail.failed.html" in pages
    for name in pages:
        visit = Visit(browser, server + name, (server, "data:"))
        assert visit.status == 200, name
        visit.clean()
        page = visit.page
        images = visit.images()
        assert all(i["done"] and i["w"] > 0 and i["h"] > 0 for i in images), (name, images)
        assert all(i["alt"] and i["alt"] != "Figure" for i in images), (name, images)
        toc = page.eval_on_selector_all("nav.toc a", "els => els.map(e => e.getAttribute('href'))")
        assert toc, f"{name}: no table of contents"
        for href in toc:
            assert page.locator(f"[id='{href[1:]}']").count() == 1, (name, href)
        if name == "mini/00_data_overview.html":
            assert len(images) >= 3
            assert page.locator("table.dataframe").count() >= 3
            assert page.locator("table.dataframe").first.is_visible()
            _check_code_toggle(page)
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "notebook.png"), full_page=False)
        page.close()


def _check_code_toggle(page, show: str = "Show code", hide: str = "Hide code") -> None:
    code = page.locator(".jp-CodeCell .jp-Cell-inputWrapper").first
    button = page.locator("#toggle-code")
    assert button.is_visible() and button.inner_text() == show
    assert not code.is_visible()  # hidden by default
    button.click()
    assert code.is_visible() and button.inner_text() == hide
    shown = page.locator("main").inner_text()
    assert "load_study(study)" in shown
    assert ".staging" not in shown and "/mini/00_data_overview" in shown  # final output_dir shown
    button.click()
    assert not code.is_visible() and button.inner_text() == show
    assert "load_study(study)" not in page.locator("main").inner_text()


def test_pages_work_from_files_without_a_server(browser, site):
    """Opened from disk (a USB stick): nothing but the site's own files and inline data."""
    for path in [site / "index.html", site / "mini" / "00_data_overview.html"]:
        visit = Visit(browser, path.as_uri(), ("file://", "data:"))
        visit.clean()
        assert all(i["w"] > 0 for i in visit.images())
        visit.page.close()


def test_the_chinese_edition_in_the_browser(browser, server, site):
    """The Chinese index and notebook page: clean, in Chinese, every link answers, the switch lands on
    the English twin, the code toggle speaks Chinese; screenshots for a person to look at."""
    visit = Visit(browser, server + "zh/index.html", (server,))
    assert visit.status == 200
    visit.clean()
    page = visit.page
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    assert page.locator("h1").inner_text() == "报告" and page.locator("article.card").count() == 2
    assert page.locator("article.card.ok ul.findings li").count() >= 2
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    for href in hrefs:
        url = urljoin(server + "zh/index.html", href)
        assert url.startswith(server), href
        if "#" not in href:
            assert page.request.get(url).status == 200, href
    assert "../index.html" in hrefs and "glossary.html" in hrefs
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "index_zh.png"), full_page=True)
    page.close()
    visit = Visit(browser, server + "zh/mini/00_data_overview.html", (server, "data:"))
    assert visit.status == 200
    visit.clean()
    page = visit.page
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    assert all(i["done"] and i["w"] > 0 and i["alt"] for i in visit.images())
    assert page.locator("nav.toc h2").inner_text() == "目录"
    assert page.locator("a.report-home").inner_text() == "全部报告"
    _check_code_toggle(page, "显示代码", "隐藏代码")
    page.screenshot(path=str(ARTIFACTS / "notebook_zh.png"), full_page=False)
    english = urljoin(server + "zh/mini/00_data_overview.html", page.locator("nav.languages a").get_attribute("href"))
    assert english == server + "mini/00_data_overview.html" and page.request.get(english).status == 200
    page.close()
