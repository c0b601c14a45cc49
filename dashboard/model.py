"""Typed objects of a loaded dataset: themes, eras, key judgements, metadata."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import pandas as pd

from .dates import PartialDate
from .problems import Problem

# Okabe–Ito: a palette that readers with the common colour-vision deficiencies can tell apart.
DEFAULT_PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000", "#999999")

# How many derived values (filter masks and their parts) a dataset keeps: 100,000 events take
# 100 kB a mask, so a dataset of that size keeps at most about 13 MB of them.
DERIVED_KEPT = 128

# The columns of events.csv named by the data contract, in their documented order.
EVENT_COLUMNS = (
    "id",
    "date",
    "end_date",
    "title",
    "description",
    "themes",
    "actors",
    "source_title",
    "source_url",
    "judgement",
    "importance",
)


@dataclass(frozen=True)
class Theme:
    """A lane of the timeline."""

    id: str
    label: str
    color: str
    description: str = ""
    label_ja: str = ""
    description_ja: str = ""


@dataclass(frozen=True)
class Era:
    """A shaded background period; ``end`` is ``None`` for an era that continues today."""

    start: PartialDate
    end: PartialDate | None
    label: str
    description: str = ""
    label_ja: str = ""
    description_ja: str = ""


@dataclass(frozen=True)
class Judgement:
    """A key judgement of the analysis that events can support."""

    id: str
    title: str
    statement: str = ""
    likelihood: str = ""
    title_ja: str = ""
    statement_ja: str = ""
    likelihood_ja: str = ""


@dataclass(frozen=True)
class Source:
    """A work the dataset draws on; ``url`` is empty where no address is known."""

    title: str
    url: str = ""


@dataclass(frozen=True)
class Metadata:
    """What the dataset is, who to credit and under which licence."""

    title: str
    description: str = ""
    attribution: str = ""
    license_name: str = ""
    license_url: str = ""
    sources: tuple[Source, ...] = ()
    title_ja: str = ""
    description_ja: str = ""


class Derived:
    """Values computed from a dataset's events, kept with it for reuse: at most ``size`` of them,
    the least recently used dropped first. Safe to share between a server's threads."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._values: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """The value kept for ``key``, made by ``make()`` and kept when there is none yet."""
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
        value = make()
        with self._lock:
            self._values[key] = value
            while len(self._values) > self.size:
                self._values.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._values.clear()

    def __len__(self) -> int:
        return len(self._values)


@dataclass(frozen=True)
class Dataset:
    """A validated dataset: one row per event plus its themes, eras, judgements and metadata.

    ``events`` columns: the contract's columns as normalised text (``id``, ``date``, ``end_date``,
    ``title``, ``description``, ``source_title``, ``source_url``), typed ones (``themes``, ``actors``,
    ``judgements`` as tuples of str; ``importance`` int; ``precision`` and ``end_precision``;
    ``start`` and ``last`` as the first and last day covered; ``x`` the day it is drawn at), the
    ``line`` it came from, ``search_text`` (casefolded), and every extra column of the file as text.
    Rows are in date order.
    """

    events: pd.DataFrame
    themes: tuple[Theme, ...]
    eras: tuple[Era, ...] = ()
    judgements: tuple[Judgement, ...] = ()
    metadata: Metadata = field(default_factory=lambda: Metadata("Timeline"))
    extra_columns: tuple[str, ...] = ()
    path: Path | None = None
    notes: tuple[str, ...] = ()  # how files were read when not as expected (encoding, delimiter, …)
    skipped: tuple[Problem, ...] = ()  # rows left out, each with its reason (lenient loading only)

    @cached_property
    def derived(self) -> Derived:
        """Values computed from the events and kept for reuse (``filters`` keeps its masks here)."""
        return Derived(DERIVED_KEPT)

    def theme(self, theme_id: str) -> Theme:
        """The theme with this id."""
        return next(theme for theme in self.themes if theme.id == theme_id)

    def judgement(self, judgement_id: str) -> Judgement | None:
        """The judgement with this id, if the dataset has it."""
        return next((j for j in self.judgements if j.id == judgement_id), None)

    @property
    def year_bounds(self) -> tuple[int, int]:
        """First and last year any event covers."""
        return int(self.events["start"].dt.year.min()), int(self.events["last"].dt.year.max())
