"""Regenerate docs/screenshot.png from the running app: `python docs/make_screenshot.py`.

Starts the explorer on the bundled dataset on a free port, opens it in headless Chromium
(CHROME_PATH or chromium on PATH) with one event selected, and saves a 1440x1280 screenshot.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

OUT = Path(__file__).with_name("screenshot.png")
VIEW = "/?event=1960-revised-security-treaty-signed"


def main() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "dashboard", "serve", "--port", str(port)])
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(url + "/health", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        chrome = shutil.which("chromium") or shutil.which("google-chrome")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chrome, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1440, "height": 1280})
            page.goto(url + VIEW)
            page.wait_for_selector("#details h2")
            page.wait_for_timeout(500)
            page.screenshot(path=str(OUT))
            browser.close()
    finally:
        server.terminate()
        server.wait()
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
