"""Level of detail: which events a chart draws one by one, and which it counts per year.

A chart with tens of thousands of marks is slow to send and to draw, and unreadable. Past a
budget of marks, only the more important events are drawn individually (every major event
always is) and the rest are counted per lane and year; zooming in narrows the window the
budget applies to, so a close enough view shows every event. Nothing is dropped silently:
the plan says how many events are counted rather than drawn.

Past a second, smaller budget, marks of one lane that would overlap on screen (closer than the
width of the smallest mark drawn, on a ``MERGE_CHART_PX`` wide chart: see ``merge_buckets``)
are drawn as one mark, at the most important of them, which says how many events it stands for;
periods closer than a bucket are drawn as one span.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

MAX_MARKS = 4000  # marks drawn one by one before the chart thins to the most important events
MERGE_MARKS = 1000  # marks drawn before marks of a lane closer than a bucket are merged
MERGE_CHART_PX = 1000  # the chart width merged marks are sized for (wider charts show them a little apart)


@dataclass(frozen=True)
class DetailPlan:
    """Events drawn one by one (``shown``) and events counted per year (``counted``)."""

    shown: pd.DataFrame
    counted: pd.DataFrame
    min_importance: int | None  # the least importance drawn one by one, or None when all are

    @property
    def thinned(self) -> bool:
        """True when some events are counted instead of drawn."""
        return not self.counted.empty


def mark_counts(events: pd.DataFrame, lanes: Sequence[str]) -> pd.Series:
    """How many marks each event makes: one per shown lane among its themes."""
    wanted = set(lanes)
    return events["themes"].map(lambda themes: sum(theme in wanted for theme in themes)).astype(int)


def in_window(events: pd.DataFrame, window: tuple[str, str] | None) -> pd.Series:
    """Events that overlap the visible time window (every event when there is none)."""
    if window is None:
        return pd.Series(True, index=events.index)
    start, end = pd.Timestamp(window[0]), pd.Timestamp(window[1])
    return (events["last"] >= start) & (events["start"] <= end)


def plan_detail(
    events: pd.DataFrame,
    lanes: Sequence[str],
    window: tuple[str, str] | None = None,
    max_marks: int = MAX_MARKS,
) -> DetailPlan:
    """Draw every event in the window if it fits the budget; else the most important ones."""
    visible = in_window(events, window)
    marks = mark_counts(events, lanes)
    if int(marks[visible].sum()) <= max_marks:
        return DetailPlan(events.loc[visible], events.loc[~visible], None)
    level = 3
    for candidate in (2, 3):
        chosen = visible & (events["importance"] >= candidate)
        if int(marks[chosen].sum()) <= max_marks:
            level = candidate
            break
    chosen = visible & (events["importance"] >= level)
    return DetailPlan(events.loc[chosen], events.loc[~chosen], level)


def counts_per_year(counted: pd.DataFrame, lanes: Sequence[str]) -> pd.DataFrame:
    """Counted events per lane and year (by start date): columns lane, year, count."""
    if counted.empty:
        return pd.DataFrame({"lane": [], "year": [], "count": []})
    frame = pd.DataFrame({"lane": counted["themes"], "year": counted["start"].dt.year}).explode("lane")
    frame = frame[frame["lane"].isin(list(lanes))]
    grouped = frame.groupby(["lane", "year"]).size().rename("count").reset_index()
    return grouped


@dataclass(frozen=True)
class MergeGrid:
    """The buckets marks are merged in: ``width`` days each, counted from day ``start`` (days since 1970)."""

    start: int
    width: float

    @classmethod
    def over(cls, first_day: int, last_day: int, buckets: int) -> MergeGrid:
        """``buckets`` equal buckets across the axis from ``first_day`` to ``last_day``."""
        return cls(first_day, max(last_day - first_day, 1) / buckets)


def merge_buckets(smallest_mark_px: float) -> int:
    """How many buckets across the time axis: one is as wide as the smallest mark drawn, on a
    ``MERGE_CHART_PX`` wide chart, so marks that share a bucket would overlap. A view thinned to
    the major events (the largest marks) thus merges more than one that draws every event."""
    return max(1, round(MERGE_CHART_PX / smallest_mark_px))


def merge_marks(days: Sequence[int], importance: np.ndarray, grid: MergeGrid) -> tuple[np.ndarray, np.ndarray]:
    """One lane's marks merged per bucket: the position of each bucket's lead (its most important
    mark, the first on a tie) and how many marks it stands for, in time order."""
    if len(days) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    bucket = np.floor((np.asarray(days, dtype=np.float64) - grid.start) / grid.width).astype(np.int64)
    position = np.arange(len(days))
    order = np.lexsort((position, -np.asarray(importance, dtype=np.int64), bucket))
    first = np.flatnonzero(np.r_[True, bucket[order][1:] != bucket[order][:-1]])
    counts = np.diff(np.r_[first, len(days)])
    return position[order][first], counts


def merge_spans(starts: Sequence[int], lasts: Sequence[int], width: float) -> list[tuple[int, int]]:
    """One lane's spans (first and last days) joined where they overlap or lie within ``width``
    days of each other: drawn as one translucent line, they look the same, with far fewer points."""
    joined: list[list[int]] = []
    for start, last in sorted(zip(starts, lasts, strict=True)):
        if joined and start - joined[-1][1] <= width:
            joined[-1][1] = max(joined[-1][1], last)
        else:
            joined.append([start, last])
    return [(start, last) for start, last in joined]
