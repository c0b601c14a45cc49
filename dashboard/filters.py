"""Filter state and applying it to a dataset's events."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, replace

import numpy as np
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


# Each word of a search is a pass over every event's text (about 50 ms at 100,000 events), and a
# shared link's page runs its search before it is sent (app.first_view_script): a search counts
# its first words only, which is more than any reader types.
MAX_SEARCH_WORDS = 10


def counted_words(query: str) -> list[str]:
    """The words of a search that count, as typed: each once (whatever its case), the first
    ``MAX_SEARCH_WORDS`` of them."""
    words: dict[str, str] = {}
    for word in query.split():
        words.setdefault(word.casefold(), word)
    return list(words.values())[:MAX_SEARCH_WORDS]


def search_terms(query: str) -> list[str]:
    """The casefolded words of a search that count (``counted_words``); an event matches when it
    contains all of them."""
    return [word.casefold() for word in counted_words(query)]


def has_any_theme(events: pd.DataFrame, theme_ids: Collection[str]) -> pd.Series:
    """Boolean mask of the events listed under at least one of ``theme_ids`` (empty-safe)."""
    wanted = set(theme_ids)
    return events["themes"].map(lambda themes: not wanted.isdisjoint(themes)).astype(bool)


def filter_mask(dataset: Dataset, state: FilterState, *, ignore_themes: bool = False) -> pd.Series:
    """Boolean mask over ``dataset.events`` of the events that pass every filter (read-only).

    Masks, and the parts they are made of (each theme's events, a year bound, a search word, a
    judgement), are kept with the dataset (``Dataset.derived``): the list, the notes and a search
    asking about one view filter the events once, and a new view reuses the parts it shares with
    the views before it."""
    if ignore_themes:
        state = replace(state, themes=None)
    mask = _kept(dataset, ("mask", state), lambda: _mask(dataset, state))
    return pd.Series(mask, index=dataset.events.index, copy=False)


def _mask(dataset: Dataset, state: FilterState) -> np.ndarray:
    events = dataset.events
    parts = []
    if state.themes is not None:
        members = dataset.derived.get(("theme members",), lambda: _theme_members(dataset))
        chosen = [members[theme_id] for theme_id in state.themes if theme_id in members]
        parts.append(np.logical_or.reduce(chosen) if chosen else np.zeros(len(events), dtype=bool))
    if state.start is not None:
        parts.append(_kept(dataset, ("last years",), lambda: events["last"].dt.year) >= state.start)
    if state.end is not None:
        parts.append(_kept(dataset, ("start years",), lambda: events["start"].dt.year) <= state.end)
    search = events["search_text"].str
    for term in search_terms(state.query):
        parts.append(
            _kept(dataset, ("term", term), lambda term=term: search.contains(term, regex=False).to_numpy(bool))
        )
    if judgement := state.judgement:
        listed = events["judgements"]
        parts.append(
            _kept(dataset, ("judgement", judgement), lambda: listed.map(lambda ids: judgement in ids).to_numpy(bool))
        )
    return np.logical_and.reduce(parts) if parts else np.ones(len(events), dtype=bool)


def _kept(dataset: Dataset, key: tuple, make: Callable[[], pd.Series | np.ndarray]) -> np.ndarray:
    """The values kept with the dataset for ``key`` (made by ``make`` the first time), as a
    read-only array."""
    return dataset.derived.get(key, lambda: _read_only(np.asarray(make())))


def _theme_members(dataset: Dataset) -> dict[str, np.ndarray]:
    """For each theme, which events list it (one pass over the events)."""
    members = {theme.id: np.zeros(len(dataset.events), dtype=bool) for theme in dataset.themes}
    for row, themes in enumerate(dataset.events["themes"]):
        for theme_id in themes:
            if theme_id in members:
                members[theme_id][row] = True
    return {theme_id: _read_only(mask) for theme_id, mask in members.items()}


def _read_only(values: np.ndarray) -> np.ndarray:
    values.flags.writeable = False
    return values


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


def sort_events(events: pd.DataFrame, sort: str, limit: int | None = None) -> pd.DataFrame:
    """Events ordered for the list: ``date``, ``title`` or ``importance``; a leading ``-`` reverses.
    With ``limit``, only the first ``limit`` of them (the others are never copied)."""
    key = sort.lstrip("-")
    ascending = not sort.startswith("-")
    if key == "title":
        order = events["title"].str.casefold().sort_values(ascending=ascending, kind="stable").index
    elif key == "importance":
        keys = events[["importance", "start"]]
        order = keys.sort_values(["importance", "start"], ascending=[ascending, True], kind="stable").index
    else:
        order = events[["start", "line"]].sort_values(["start", "line"], ascending=ascending, kind="stable").index
    return events.loc[order[:limit]]
