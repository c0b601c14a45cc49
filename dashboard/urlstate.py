"""The page's shareable state and its URL query string, in both directions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from urllib.parse import parse_qs, urlencode

from .filters import FilterState, normalise
from .model import Dataset
from .story import step_window, story_step

SORT_KEYS = ("date", "title", "importance")
DEFAULT_SORT = "date"


@dataclass(frozen=True)
class ViewState:
    """Everything a shared link restores: the filters, the selected event and the list order."""

    filters: FilterState = field(default_factory=FilterState)
    event: str | None = None
    sort: str = DEFAULT_SORT
    story: str | None = None  # the judgement whose story is being told, if any
    step: int = 1


def to_query(state: ViewState) -> str:
    """The URL query string (with its leading ``?``, or empty) for a state; defaults are left out."""
    filters = state.filters
    params: list[tuple[str, str]] = []
    if filters.themes is not None:
        params.append(("themes", ",".join(filters.themes)))
    if filters.start is not None:
        params.append(("from", str(filters.start)))
    if filters.end is not None:
        params.append(("to", str(filters.end)))
    if filters.query:
        params.append(("q", filters.query))
    if filters.judgement:
        params.append(("judgement", filters.judgement))
    if state.event:
        params.append(("event", state.event))
    if state.sort != DEFAULT_SORT:
        params.append(("sort", state.sort))
    if state.story:
        params.append(("story", state.story))
        params.append(("step", str(state.step)))
    return "?" + urlencode(params, safe=",") if params else ""


def from_query(search: str | None, dataset: Dataset) -> ViewState:
    """Read a state from a URL query string; unknown or malformed values fall back to defaults."""
    params = parse_qs((search or "").lstrip("?"), keep_blank_values=True)

    def first(key: str) -> str | None:
        values = params.get(key)
        return values[0] if values else None

    themes_text = first("themes")
    themes = tuple(t for t in themes_text.split(",") if t) if themes_text is not None else None
    filters = FilterState(
        themes=themes,
        start=_year(first("from")),
        end=_year(first("to")),
        query=first("q") or "",
        judgement=first("judgement") or None,
    )
    event = first("event")
    if event is not None and event not in set(dataset.events["id"]):
        event = None
    sort = first("sort") or DEFAULT_SORT
    if sort.lstrip("-") not in SORT_KEYS:
        sort = DEFAULT_SORT
    found = story_step(dataset, first("story"), _year(first("step")) or 1)
    if found is not None:  # a story link opens exactly that step
        return ViewState(normalise(dataset, filters), found.event, sort, found.judgement.id, found.step)
    return ViewState(normalise(dataset, filters), event, sort)


def first_view(search: str | None, dataset: Dataset) -> tuple[ViewState, list[str] | None]:
    """What a shared link's address opens on the page's first load: its state, and the time range
    the chart shows (a story's step zooms to its event; anything else shows the whole range, None),
    as the server answers the page's first request for it (callbacks.sync_state)."""
    state = from_query(search, dataset)
    return state, (list(step_window(dataset, state.event)) if state.story and state.event else None)


def with_filters(state: ViewState, dataset: Dataset, filters: FilterState) -> ViewState:
    """The state with new filters, normalised against the dataset."""
    return replace(state, filters=normalise(dataset, filters))


YEAR_TEXT = re.compile(r"-?[0-9]{1,6}")  # ASCII digits only: str.isdigit takes "²", which int() refuses


def _year(text: str | None) -> int | None:
    if text is None or not YEAR_TEXT.fullmatch(text.strip()):
        return None
    return int(text)
