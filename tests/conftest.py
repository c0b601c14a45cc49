"""Shared fixtures: the small test dataset and the bundled one, each loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard import load_dataset
from dashboard.model import Dataset

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def mini_path() -> Path:
    return FIXTURES / "mini"


@pytest.fixture(scope="session")
def mini(mini_path: Path) -> Dataset:
    return load_dataset(mini_path)


@pytest.fixture(scope="session")
def bundled() -> Dataset:
    return load_dataset()


@pytest.fixture
def write_csv(tmp_path: Path):
    """Write text to ``events.csv`` (or another name) in a temporary folder and return its path."""

    def write(text: str, name: str = "events.csv", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return write


@pytest.fixture(scope="session")
def large(tmp_path_factory: pytest.TempPathFactory, mini_path: Path) -> Dataset:
    """6,000 synthetic events over the small dataset's themes: enough to thin the chart."""
    from synthetic import write_large

    return load_dataset(write_large(tmp_path_factory.mktemp("large"), mini_path, 6000))
