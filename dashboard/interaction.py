"""How the page's state changes in answer to the reader: pure transitions, no Dash.

The callbacks hand over what was triggered and the controls' values; these functions
return the new ``ViewState`` and the values the controls should show for it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

from .filters import FilterState
from .model import Dataset
from .urlstate import DEFAULT_SORT, ViewState, with_filters


class Action(Enum):
    """What the reader did."""

    OPEN_URL = "open-url"  # page load, a shared link, back or forward
    EDIT_FILTERS = "edit-filters"  # any filter control changed
    ALL_THEMES = "all-themes"
    NO_THEMES = "no-themes"
    RESET = "reset"
    SELECT_EVENT = "select-event"
    CLOSE_DETAILS = "close-details"
    SORT = "sort"


@dataclass(frozen=True)
class Controls:
    """The filter controls' values as the page holds them."""

    themes: tuple[str, ...]
    years: tuple[int, int]
    query: str
    judgement: str | None


def controls_for(dataset: Dataset, state: ViewState) -> Controls:
    """The control values that show ``state``."""
    first, last = dataset.year_bounds
    filters = state.filters
    themes = filters.themes if filters.themes is not None else tuple(theme.id for theme in dataset.themes)
    years = (filters.start if filters.start is not None else first, filters.end if filters.end is not None else last)
    return Controls(themes, years, filters.query, filters.judgement)


def filters_from(controls: Controls) -> FilterState:
    """The filters the controls express (normalised later against the dataset)."""
    start, end = controls.years
    return FilterState(tuple(controls.themes), int(start), int(end), controls.query or "", controls.judgement or None)


def next_state(
    dataset: Dataset,
    state: ViewState,
    action: Action,
    controls: Controls,
    argument: str | None = None,
) -> ViewState:
    """The state after ``action``; ``argument`` is the event id to select or the sort key."""
    all_themes = FilterState(themes=None)
    if action is Action.EDIT_FILTERS:
        return with_filters(state, dataset, filters_from(controls))
    if action is Action.ALL_THEMES:
        return with_filters(state, dataset, replace(filters_from(controls), themes=None))
    if action is Action.NO_THEMES:
        return with_filters(state, dataset, replace(filters_from(controls), themes=()))
    if action is Action.RESET:
        return ViewState(all_themes, None, DEFAULT_SORT)
    if action is Action.SELECT_EVENT:
        known = argument is not None and argument in set(dataset.events["id"])
        return replace(state, event=argument if known else state.event)
    if action is Action.CLOSE_DETAILS:
        return replace(state, event=None)
    if action is Action.SORT and argument:
        ascending_now = state.sort == argument
        return replace(state, sort=f"-{argument}" if ascending_now else argument)
    return state
