"""Alliance Timeline: turn a CSV of dated events into an interactive, sourced history timeline.

The public API for notebooks and scripts::

    from dashboard import load_dataset, build_figure
    dataset = load_dataset()              # the bundled US–Japan alliance dataset
    build_figure(dataset, themes=["nuclear"], start=1950, end=1980).show()
"""

from __future__ import annotations

__version__ = "1.0.0"

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .dataset import bundled_dataset_path, load_dataset, validate_dataset
    from .figures import build_figure, timeline_figure
    from .filters import FilterState, apply_filters
    from .model import Dataset
    from .problems import DatasetError, Problem

# Imported on first use, so the command line can start a browser for image exports while pandas
# and plotly are still loading.
_PUBLIC = {
    "Dataset": "model",
    "DatasetError": "problems",
    "FilterState": "filters",
    "Problem": "problems",
    "apply_filters": "filters",
    "build_figure": "figures",
    "bundled_dataset_path": "dataset",
    "load_dataset": "dataset",
    "timeline_figure": "figures",
    "validate_dataset": "dataset",
}


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        return getattr(import_module(f".{_PUBLIC[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Dataset",
    "DatasetError",
    "FilterState",
    "Problem",
    "__version__",
    "apply_filters",
    "build_figure",
    "bundled_dataset_path",
    "load_dataset",
    "timeline_figure",
    "validate_dataset",
]
