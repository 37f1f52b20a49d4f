"""Print a report page to PDF with headless Chromium (optional: only when installed)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from analysis.errors import ReportError

__all__ = ["CHROMIUM_FLAGS", "find_chromium", "print_pdf"]

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Headless, no network of its own (no updates, sync or background fetches), no sandbox
# (containers and CI run as root, where Chromium's sandbox cannot start).
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)


def find_chromium() -> str | None:
    """The Chromium (or Chrome) executable: ``$ANALYSIS_CHROMIUM``, else the first of
    chromium, chromium-browser, google-chrome on the PATH; None if there is none.

    Examples
    --------
    >>> find_chromium()  # doctest: +SKIP
    '/usr/bin/chromium'
    """
    chosen = os.environ.get("ANALYSIS_CHROMIUM")
    if chosen:
        return chosen if Path(chosen).is_file() else None
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def print_pdf(page: str | Path, target: str | Path, *, browser: str | None = None, timeout: float = 120) -> Path:
    """Print the HTML *page* to the PDF *target* (A4/Letter as the browser's default,
    no header or footer, the page's print stylesheet applied; code hidden as on screen).

    Raises
    ------
    ReportError
        No browser, or the browser failed or timed out (the message carries its stderr).

    Examples
    --------
    >>> print_pdf("reports/cdnow/00_data_overview.html", "/tmp/overview.pdf")  # doctest: +SKIP
    PosixPath('/tmp/overview.pdf')
    """
    page, target = Path(page).resolve(), Path(target)
    browser = browser or find_chromium()
    if browser is None:
        raise ReportError("no Chromium found to print PDFs: install chromium or set ANALYSIS_CHROMIUM")
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="analysis-pdf-") as profile:
        partial = Path(profile) / "page.pdf"
        command = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--no-pdf-header-footer",
                   f"--print-to-pdf={partial}", page.as_uri()]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ReportError(f"printing {page.name} to PDF failed: {exc}") from None
        if not partial.is_file() or partial.stat().st_size == 0:
            tail = (done.stderr or "").strip().splitlines()[-3:]
            raise ReportError(f"printing {page.name} to PDF failed (exit {done.returncode}): {' | '.join(tail)}")
        shutil.move(str(partial), target.with_name(f".{target.name}.part"))
        os.replace(target.with_name(f".{target.name}.part"), target)
    return target
