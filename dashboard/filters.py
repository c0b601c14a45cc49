"""Filter state and applying it to a dataset's events."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace

import pandas as pd

from .model import Dataset


@dataclass(frozen=True)
class FilterState:
    """What the reader has narrowed the timeline to. ``themes=None`` means every theme."""

    themes: tuple[str, ...] | None = None
    start: int | None = None
    end: int | None = None
    query: str = ""
    judgement: str | None = None

    @property
    def is_default(self) -> bool:
        """True when nothing is filtered out."""
        return self == FilterState()


def search_terms(query: str) -> list[str]:
    """The casefolded words of a search; an event matches when it contains all of them."""
    return query.casefold().split()


def has_any_theme(events: pd.DataFrame, theme_ids: Collection[str]) -> pd.Series:
    """Boolean mask of the events listed under at least one of ``theme_ids`` (empty-safe)."""
    wanted = set(theme_ids)
    return events["themes"].map(lambda themes: not wanted.isdisjoint(themes)).astype(bool)


def filter_mask(dataset: Dataset, state: FilterState, *, ignore_themes: bool = False) -> pd.Series:
    """Boolean mask over ``dataset.events`` of the events that pass every filter."""
    events = dataset.events
    mask = pd.Series(True, index=events.index)
    if state.themes is not None and not ignore_themes:
        mask &= has_any_theme(events, state.themes)
    if state.start is not None:
        mask &= events["last"].dt.year >= state.start
    if state.end is not None:
        mask &= events["start"].dt.year <= state.end
    for term in search_terms(state.query):
        mask &= events["search_text"].str.contains(term, regex=False)
    if state.judgement:
        mask &= events["judgements"].map(lambda ids: state.judgement in ids).astype(bool)
    return mask


def apply_filters(dataset: Dataset, state: FilterState) -> pd.DataFrame:
    """The events that pass every filter, in date order."""
    return dataset.events.loc[filter_mask(dataset, state)]


def theme_counts(dataset: Dataset, state: FilterState) -> dict[str, int]:
    """For each theme, how many events would show if it were selected, given the other filters."""
    themes = dataset.events.loc[filter_mask(dataset, state, ignore_themes=True), "themes"]
    counts = themes.explode().value_counts()
    return {theme.id: int(counts.get(theme.id, 0)) for theme in dataset.themes}


def normalise(dataset: Dataset, state: FilterState) -> FilterState:
    """Drop what the dataset does not know (unknown themes or judgement) and clamp the years."""
    first, last = dataset.year_bounds
    themes = state.themes
    if themes is not None:
        known = [theme.id for theme in dataset.themes]
        themes = tuple(theme for theme in known if theme in themes)
        if len(themes) == len(known):
            themes = None
    start = None if state.start is None or state.start <= first else min(state.start, last)
    end = None if state.end is None or state.end >= last else max(state.end, first)
    if start is not None and end is not None and start > end:
        start, end = end, start
    judgement = state.judgement if state.judgement and dataset.judgement(state.judgement) else None
    return replace(state, themes=themes, start=start, end=end, query=state.query.strip(), judgement=judgement)


def sort_events(events: pd.DataFrame, sort: str) -> pd.DataFrame:
    """Events ordered for the list: ``date``, ``title`` or ``importance``; a leading ``-`` reverses."""
    key = sort.lstrip("-")
    ascending = not sort.startswith("-")
    if key == "title":
        order = events["title"].str.casefold().sort_values(ascending=ascending, kind="stable").index
        return events.loc[order]
    if key == "importance":
        return events.sort_values(["importance", "start"], ascending=[ascending, True], kind="stable")
    return events.sort_values(["start", "line"], ascending=ascending, kind="stable")
