"""Regenerate docs/screenshot.png from the running app: `python docs/make_screenshot.py`.

Starts the explorer on the bundled dataset on a free port, opens it in headless Chromium
(CHROME_PATH or chromium on PATH) with one event selected, and saves a 1440x1280 screenshot.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from playwright.sync_api import sync_playwright

from dashboard.background import running_server

OUT = Path(__file__).with_name("screenshot.png")
VIEW = "/?event=1960-revised-security-treaty-signed"


def main() -> None:
    chrome = os.environ.get("CHROME_PATH") or shutil.which("chromium") or shutil.which("google-chrome")
    with running_server() as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chrome, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1440, "height": 1280})
        page.goto(url + VIEW)
        page.wait_for_selector("#details h2")
        page.wait_for_selector(".event-grid .ag-row")  # the list comes into the page after the chart
        page.wait_for_timeout(500)
        page.screenshot(path=str(OUT))
        browser.close()
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
