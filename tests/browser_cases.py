"""Debian's Chromium driven by Playwright, for the browser tests of the report pages
(tests/report/test_browser.py, tests/report/test_page_safety.py).

Tests using it skip, with the reason, only where /usr/bin/chromium is missing
(`.ci/run` installs it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
NEEDS_CHROMIUM = pytest.mark.skipif(
    not CHROMIUM.is_file(), reason=f"{CHROMIUM} not found: install Debian's chromium "
    "(apt-get install chromium; .ci/run does this) to run the browser test")


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium for the module's tests."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


class Visit:
    """Open a page and record its dialogs, console errors, page errors, failed and foreign requests.

    A request to anything but *allowed* (URL prefixes) is recorded and aborted, so
    a page that tries to reach another host is caught without the network.
    """

    def __init__(self, browser, url: str, allowed: tuple[str, ...]) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.failed: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(allowed)
                        else (self.foreign.append(route.request.url), route.abort()))
        self.page.on("request", lambda r: None if r.url.startswith(allowed) or r.url in self.foreign
                      else self.foreign.append(r.url))
        self.page.on("requestfailed", lambda r: None if r.url in self.foreign
                     else self.failed.append(f"{r.url}: {r.failure}"))
        response = self.page.goto(url, wait_until="load")
        self.status = response.status if response is not None else None
        self.page.wait_for_load_state("networkidle")

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        try:
            dialog.dismiss()
        except Exception:  # noqa: BLE001 - the page may already have navigated away; the dialog is recorded
            pass

    def clean(self) -> None:
        assert self.dialogs == [], f"dialogs opened: {self.dialogs}"
        assert self.errors == [], self.errors
        assert self.foreign == [], f"requests outside the site: {self.foreign}"
        assert self.failed == [], self.failed

    def images(self) -> list[dict]:
        return self.page.eval_on_selector_all(
            "img", "els => els.map(e => ({alt: e.alt, w: e.naturalWidth, h: e.naturalHeight, done: e.complete}))")
