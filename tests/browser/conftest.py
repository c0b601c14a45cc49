"""Browser fixtures: the real server (the CLI, under gunicorn) and headless Chromium, once per session.

A missing browser fails the run; it is never a skip.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

# CI machines are shared and slow at times: waiting longer than Playwright's 5 s default for the
# page to react makes the tests sturdier without making any assertion weaker.
expect.set_options(timeout=15_000)

CHROME_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROME_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def find_chrome() -> str | None:
    """CHROME_PATH, else the first Chrome or Chromium on PATH."""
    configured = os.environ.get("CHROME_PATH")
    if configured:
        return configured if Path(configured).is_file() else shutil.which(configured)
    return next((found for name in CHROME_CANDIDATES if (found := shutil.which(name))), None)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(*args: str) -> Iterator[str]:
    """Run ``alliance-timeline serve`` on a free port; yield its URL once /health answers."""
    port = free_port()
    command = [sys.executable, "-m", "dashboard", "serve", "--port", str(port), *args]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url + "/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            output = process.stdout.read() if process.stdout else ""
            pytest.fail(f"the server did not start: {' '.join(command)}\n{output}")
        time.sleep(0.2)
    try:
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        if process.stdout:
            process.stdout.close()


@pytest.fixture(scope="session")
def chrome_path() -> str:
    path = find_chrome()
    if path is None:
        pytest.fail("No Chromium found. Install it (Debian: apt-get install chromium) or set CHROME_PATH.")
    return path


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict, chrome_path: str) -> dict:
    return {**browser_type_launch_args, "executable_path": chrome_path, "args": CHROME_ARGS}


@pytest.fixture(scope="session")
def server_url() -> Iterator[str]:
    """The explorer on the bundled dataset."""
    yield from start_server()


@pytest.fixture(scope="session")
def mini_server_url(mini_path: Path) -> Iterator[str]:
    """The explorer on the small test dataset."""
    yield from start_server("--data", str(mini_path))


@pytest.fixture
def console_errors(page) -> Iterator[list[str]]:
    """Collects console errors and page exceptions; the test fails if any occurred."""
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield errors
    assert errors == [], f"browser console errors: {errors}"


@pytest.fixture
def unused_port() -> int:
    """A free TCP port on 127.0.0.1."""
    return free_port()
