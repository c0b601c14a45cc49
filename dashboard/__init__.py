"""Alliance Timeline: turn a CSV of dated events into an interactive, sourced history timeline.

The public API for notebooks and scripts::

    from dashboard import load_dataset, build_figure
    dataset = load_dataset()              # the bundled US–Japan alliance dataset
    build_figure(dataset, themes=["nuclear"], start=1950, end=1980).show()
"""

from __future__ import annotations

__version__ = "1.0.0"

from .dataset import bundled_dataset_path, load_dataset, validate_dataset
from .figures import build_figure, timeline_figure
from .filters import FilterState, apply_filters
from .model import Dataset
from .problems import DatasetError, Problem

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
