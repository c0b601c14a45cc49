"""How the page's state changes in answer to the reader: pure transitions, no Dash.

The callbacks hand over what was triggered and the controls' values; these functions
return the new ``ViewState`` and the values the controls should show for it, and carry the
state to and from the browser's store.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from enum import Enum
from typing import Any

from . import ids
from .filters import FilterState
from .model import Dataset
from .story import story_step
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
    TOGGLE_THEME = "toggle-theme"
    CHOOSE_JUDGEMENT = "choose-judgement"
    START_STORY = "start-story"
    STORY_NEXT = "story-next"
    STORY_PREVIOUS = "story-previous"
    STORY_EXIT = "story-exit"
    NEW_DATASET = "new-dataset"  # a file was opened, or the reader went back to the bundled one


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
    """The state after ``action``; ``argument`` is the event, theme, judgement or story it is about."""
    all_themes = FilterState(themes=None)
    if action is Action.EDIT_FILTERS:
        return with_filters(state, dataset, filters_from(controls))
    if action in (Action.START_STORY, Action.STORY_NEXT, Action.STORY_PREVIOUS):
        story = argument if action is Action.START_STORY else state.story
        step = 1 if action is Action.START_STORY else state.step + (1 if action is Action.STORY_NEXT else -1)
        found = story_step(dataset, story, step)
        if found is None:
            return state
        # Every event of the story must be on the chart: a story starts from the unfiltered view.
        filters = FilterState() if action is Action.START_STORY else state.filters
        return replace(state, filters=filters, event=found.event, story=found.judgement.id, step=found.step)
    if action is Action.STORY_EXIT:
        return replace(state, story=None, step=1)  # the event stays selected: the reader keeps their place
    if action is Action.TOGGLE_THEME and argument:
        shown = list(controls.themes)
        themes = [t for t in shown if t != argument] if argument in shown else [*shown, argument]
        return with_filters(state, dataset, replace(filters_from(controls), themes=tuple(themes)))
    if action is Action.CHOOSE_JUDGEMENT:
        judgement = None if argument in (None, ids.ANY_JUDGEMENT) else argument
        return with_filters(state, dataset, replace(filters_from(controls), judgement=judgement))
    if action is Action.ALL_THEMES:
        return with_filters(state, dataset, replace(filters_from(controls), themes=None))
    if action is Action.NO_THEMES:
        return with_filters(state, dataset, replace(filters_from(controls), themes=()))
    if action in (Action.RESET, Action.NEW_DATASET):
        return ViewState(all_themes, None, DEFAULT_SORT)
    if action is Action.SELECT_EVENT:
        known = argument is not None and argument in set(dataset.events["id"])
        return replace(state, event=argument if known else state.event)
    if action is Action.CLOSE_DETAILS:
        return replace(state, event=None)
    return state


TRIGGER_ACTIONS = {
    ids.ADDRESS_NAVIGATED: Action.OPEN_URL,
    ids.SEARCH: Action.EDIT_FILTERS,
    ids.THEMES_ALL: Action.ALL_THEMES,
    ids.THEMES_NONE: Action.NO_THEMES,
    ids.EMPTY_RESET: Action.RESET,
    ids.TIMELINE: Action.SELECT_EVENT,
    ids.ROW_CLICK: Action.SELECT_EVENT,  # a cell of the event list clicked
    ids.KEY_SELECT: Action.SELECT_EVENT,  # Enter on a focused mark of the chart
    ids.DETAILS_CLOSE: Action.CLOSE_DETAILS,
    ids.DATASET: Action.NEW_DATASET,
    ids.STORY_CLICK: Action.START_STORY,  # a story's button clicked
    ids.STORY_NEXT: Action.STORY_NEXT,
    ids.STORY_PREVIOUS: Action.STORY_PREVIOUS,
    ids.STORY_EXIT: Action.STORY_EXIT,
}


def state_to_store(state: ViewState) -> dict[str, Any]:
    """A state as JSON for the browser-side store."""
    return asdict(state)


def state_from_store(data: dict[str, Any] | None) -> ViewState:
    """A state back from the store (the default state when empty)."""
    if not data:
        return ViewState()
    filters = dict(data["filters"])
    if filters["themes"] is not None:
        filters["themes"] = tuple(filters["themes"])
    return ViewState(FilterState(**filters), data["event"], data["sort"], data.get("story"), data.get("step", 1))


def resolve_action(triggered_id: Any, triggered_value: Any, click_data: Any) -> tuple[Action, str | None] | None:
    """Map what Dash reports as the trigger to an action and its argument; ``None`` to ignore it."""
    if not isinstance(triggered_id, str):
        return None  # no control, or a pattern id: the buttons that have one reach the state through stores
    action = TRIGGER_ACTIONS.get(triggered_id)
    if action is None:
        return None
    if triggered_id in (ids.ROW_CLICK, ids.KEY_SELECT):
        row = (triggered_value or {}).get("rowId" if triggered_id == ids.ROW_CLICK else "id")
        return (Action.SELECT_EVENT, str(row)) if row else None
    if triggered_id == ids.STORY_CLICK:
        story = (triggered_value or {}).get("story")
        return (action, str(story)) if story else None
    if triggered_id == ids.TIMELINE:
        points = (click_data or {}).get("points") or []
        custom = points[0].get("customdata") if points else None
        if not custom:
            return None
        return action, str(custom[0])
    return action, None


def zoom_window(relayout: dict[str, Any] | None) -> tuple[str, str] | bool | None:
    """The time range a chart relayout asks for: a (start, end) pair, ``None`` for the full view,
    or ``False`` when the relayout did not touch the time axis (a resize, ``autosize``, keeps the
    zoom, as Plotly itself does). The page follows these rules in ``assets/timeline.js``
    (``zoomWindow``), straight from Plotly's event; a browser test checks the two agree."""
    relayout = relayout or {}
    if relayout.get("xaxis.autorange"):  # a double click: back to the full view
        return None
    if "xaxis.range[0]" in relayout and "xaxis.range[1]" in relayout:
        return str(relayout["xaxis.range[0]"])[:10], str(relayout["xaxis.range[1]"])[:10]
    if isinstance(relayout.get("xaxis.range"), list) and len(relayout["xaxis.range"]) == 2:
        start, end = relayout["xaxis.range"]
        return str(start)[:10], str(end)[:10]
    return False
