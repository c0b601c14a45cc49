"""Browser fixtures: the real server (the CLI, under gunicorn) and headless Chromium, once per session.

A missing browser fails the run; it is never a skip.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from dashboard.background import ServerDidNotStart, free_port, running_server

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


def start_server(*args: str) -> Iterator[str]:
    """The real server with ``args``; a server that does not start fails the test run."""
    try:
        with running_server(*args) as url:
            yield url
    except ServerDidNotStart as error:
        pytest.fail(str(error))


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


@pytest.fixture(scope="session")
def plain_server_url(tmp_path_factory: pytest.TempPathFactory, mini_path: Path) -> Iterator[str]:
    """The explorer on the small test dataset's events alone: no key judgements, and so no
    judgement filter or stories."""
    folder = tmp_path_factory.mktemp("plain")
    shutil.copy(mini_path / "events.csv", folder)
    yield from start_server("--data", str(folder))


@pytest.fixture(scope="session")
def merged_path(tmp_path_factory: pytest.TempPathFactory, mini_path: Path) -> Path:
    """2,000 synthetic events over the small dataset's four lanes: all drawn (under the budget of
    4,000 marks), but too many to draw apart, so marks are merged."""
    from synthetic import write_large

    return write_large(tmp_path_factory.mktemp("merged"), mini_path, 2000)


@pytest.fixture(scope="session")
def merged_server_url(merged_path: Path) -> Iterator[str]:
    """The explorer on ``merged_path``."""
    yield from start_server("--data", str(merged_path))


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
