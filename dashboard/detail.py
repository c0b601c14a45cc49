"""Level of detail: which events a chart draws one by one, and which it counts per year.

A chart with tens of thousands of marks is slow to send and to draw, and unreadable. Past a
budget of marks, only the more important events are drawn individually (every major event
always is) and the rest are counted per lane and year; zooming in narrows the window the
budget applies to, so a close enough view shows every event. Nothing is dropped silently:
the plan says how many events are counted rather than drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

MAX_MARKS = 4000  # marks drawn one by one before the chart thins to the most important events


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
