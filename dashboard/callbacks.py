"""Callbacks: thin wiring from the page's inputs to the pure functions and back."""

from __future__ import annotations

from dataclasses import asdict, replace
from typing import Any

from dash import ALL, Dash, Input, Output, State, ctx, dcc, no_update
from dash.exceptions import PreventUpdate
from flask import request

from . import ids
from .export import MEDIA_TYPES, download
from .figures import timeline_figure
from .filters import FilterState, apply_filters, sort_events, theme_counts
from .interaction import Action, Controls, controls_for, next_state
from .layout import details_body, embed_snippet, event_table, summary_text, theme_options
from .model import Dataset
from .presentation import event_details
from .routes import EMBED_PATH
from .static_images import BrowserNotFound
from .urlstate import ViewState, from_query, to_query

TRIGGER_ACTIONS = {
    ids.URL: Action.OPEN_URL,
    ids.THEMES: Action.EDIT_FILTERS,
    ids.YEARS: Action.EDIT_FILTERS,
    ids.YEAR_FROM: Action.EDIT_FILTERS,
    ids.YEAR_TO: Action.EDIT_FILTERS,
    ids.SEARCH: Action.EDIT_FILTERS,
    ids.JUDGEMENT: Action.EDIT_FILTERS,
    ids.THEMES_ALL: Action.ALL_THEMES,
    ids.THEMES_NONE: Action.NO_THEMES,
    ids.RESET: Action.RESET,
    ids.EMPTY_RESET: Action.RESET,
    ids.TIMELINE: Action.SELECT_EVENT,
    ids.ROW_TYPE: Action.SELECT_EVENT,
    ids.SORT_TYPE: Action.SORT,
    ids.DETAILS_CLOSE: Action.CLOSE_DETAILS,
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
    return ViewState(FilterState(**filters), data["event"], data["sort"])


def year_range(values: list | None, dataset: Dataset) -> tuple[int, int]:
    """The years the controls hold; an empty or unreadable end means the dataset's bound."""
    bounds = dataset.year_bounds
    values = [*list(values or [None, None]), None, None]
    return tuple(
        int(value) if isinstance(value, int | float) else bound for value, bound in zip(values[:2], bounds, strict=True)
    )


def resolve_action(triggered_id: Any, triggered_value: Any, click_data: Any) -> tuple[Action, str | None] | None:
    """Map what Dash reports as the trigger to an action and its argument; ``None`` to ignore it."""
    if triggered_id is None:
        return Action.OPEN_URL, None  # the page's first load
    key = triggered_id["type"] if isinstance(triggered_id, dict) else triggered_id
    action = TRIGGER_ACTIONS.get(key)
    if action is None:
        return None
    if isinstance(triggered_id, dict):
        if not triggered_value:  # a list or header button that was just drawn, not clicked
            return None
        return action, str(triggered_id["index"])
    if key == ids.TIMELINE:
        points = (click_data or {}).get("points") or []
        custom = points[0].get("customdata") if points else None
        if not custom:
            return None
        return action, str(custom[0])
    return action, None


def register_callbacks(app: Dash, dataset: Dataset) -> None:
    """Register the page's callbacks on ``app`` for ``dataset``."""

    @app.callback(
        Output(ids.URL, "search"),
        Output(ids.THEMES, "value"),
        Output(ids.YEARS, "value"),
        Output(ids.YEAR_FROM, "value"),
        Output(ids.YEAR_TO, "value"),
        Output(ids.SEARCH, "value"),
        Output(ids.JUDGEMENT, "value" if dataset.judgements else "data"),
        Output(ids.STATE, "data"),
        Input(ids.URL, "search"),
        Input(ids.THEMES, "value"),
        Input(ids.YEARS, "value"),
        Input(ids.YEAR_FROM, "value"),
        Input(ids.YEAR_TO, "value"),
        Input(ids.SEARCH, "value"),
        Input(ids.JUDGEMENT, "value" if dataset.judgements else "data"),
        Input(ids.THEMES_ALL, "n_clicks"),
        Input(ids.THEMES_NONE, "n_clicks"),
        Input(ids.RESET, "n_clicks"),
        Input(ids.EMPTY_RESET, "n_clicks"),
        Input(ids.TIMELINE, "clickData"),
        Input(ids.row_button(ALL), "n_clicks"),
        Input(ids.sort_button(ALL), "n_clicks"),
        Input(ids.DETAILS_CLOSE, "n_clicks"),
        State(ids.STATE, "data"),
    )
    def sync_state(
        search, themes, years, year_from, year_to, query, judgement,
        _all, _none, _reset, _empty_reset, click_data, _rows, _sorts, _close, stored,
    ):  # fmt: skip
        if ctx.triggered_id in (ids.YEAR_FROM, ids.YEAR_TO):
            years = [year_from, year_to]
        value = ctx.triggered[0]["value"] if ctx.triggered else None
        resolved = resolve_action(ctx.triggered_id, value, click_data)
        if resolved is None:
            raise PreventUpdate
        action, argument = resolved
        if action is Action.OPEN_URL:
            state = from_query(search, dataset)
        else:
            controls = Controls(tuple(themes or ()), year_range(years, dataset), query or "", judgement)
            state = next_state(dataset, state_from_store(stored), action, controls, argument)
        shown = controls_for(dataset, state)
        new_search = to_query(state)
        values = {
            ids.THEMES: list(shown.themes),
            ids.YEARS: list(shown.years),
            ids.YEAR_FROM: shown.years[0],
            ids.YEAR_TO: shown.years[1],
            ids.SEARCH: shown.query,
            ids.JUDGEMENT: shown.judgement,
        }
        if action is Action.EDIT_FILTERS:
            # Never echo a value back into the control the reader is using: a reply to an
            # earlier keystroke or arrow press would overwrite the newer one.
            values[ctx.triggered_id] = no_update
        return (
            no_update if action is Action.OPEN_URL or new_search == (search or "") else new_search,
            *values.values(),
            state_to_store(state),
        )

    @app.callback(
        Output(ids.TIMELINE, "figure"),
        Output(ids.SUMMARY, "children"),
        Output(ids.EMPTY, "hidden"),
        Output(ids.TIMELINE, "style"),
        Output(ids.LIST, "children"),
        Output(ids.DETAILS, "hidden"),
        Output(ids.DETAILS + "-body", "children"),
        Output(ids.THEMES, "options"),
        Output(ids.JUDGEMENT_NOTE, "children"),
        Input(ids.STATE, "data"),
    )
    def render(stored):
        state = state_from_store(stored)
        filters = state.filters
        events = apply_filters(dataset, filters)
        selected = state.event if state.event in set(events["id"]) else None
        details = event_details(dataset, state.event) if state.event else None
        figure = timeline_figure(
            dataset, events, lanes=filters.themes, selected=selected, uirevision=f"{filters.start}-{filters.end}"
        )
        judgement = dataset.judgement(filters.judgement) if filters.judgement else None
        note = (
            [f"{judgement.likelihood}: " if judgement.likelihood else "", judgement.statement or judgement.title]
            if judgement
            else None
        )
        return (
            figure,
            summary_text(len(events), len(dataset.events)),
            not events.empty,
            {"display": "none"} if events.empty else {},
            event_table(dataset, sort_events(events, state.sort), state.sort, selected),
            details is None,
            details_body(details) if details else None,
            theme_options(dataset, theme_counts(dataset, filters)),
            note,
        )

    @app.callback(
        Output(ids.DOWNLOAD, "data"),
        Output(ids.EXPORT_STATUS, "children"),
        Input(ids.export_button(ALL), "n_clicks"),
        State(ids.STATE, "data"),
        prevent_initial_call=True,
    )
    def download_view(clicks, stored):
        if not isinstance(ctx.triggered_id, dict) or not ctx.triggered or not ctx.triggered[0]["value"]:
            raise PreventUpdate
        fmt = ctx.triggered_id["index"]
        try:
            data, filename = download(dataset, state_from_store(stored), fmt)
        except BrowserNotFound:
            return no_update, "Image export is not available on this server: it has no Chrome or Chromium."
        return dcc.send_bytes(data, filename, type=MEDIA_TYPES[fmt]), f"Downloaded {filename}."

    @app.callback(
        Output(ids.EMBED_CODE, "value"),
        Output(ids.EMBED_LINK, "href"),
        Input(ids.STATE, "data"),
    )
    def embed_code(stored):
        state = state_from_store(stored)
        url = request.host_url.rstrip("/") + EMBED_PATH + to_query(replace(state, sort="date"))
        return embed_snippet(url, dataset.metadata.title), url
