"""Callbacks: thin wiring from the page's inputs to the pure functions and back."""

from __future__ import annotations

from dataclasses import replace

from dash import ALL, ClientsideFunction, Dash, Input, Output, State, ctx, dcc, no_update
from dash.exceptions import PreventUpdate
from flask import request

from . import ids
from .chart_data import chart_payload_json, search_matches, served_chart_data
from .event_list import LIST_LIMIT, list_note, list_rows, selected_row_rules
from .export import download
from .filters import apply_filters, search_terms, sort_events
from .formats import MEDIA_TYPES
from .interaction import (
    Action,
    controls_for,
    next_state,
    resolve_action,
    state_from_store,
    state_to_store,
)
from .layout import (
    chart_summary,
    details_body,
    footer,
    language_path,
    later_filters,
    later_parts,
    theme_toggles,
)
from .menus import embed_snippet
from .presentation import event_details
from .routes import EMBED_PATH
from .sources import DataSource
from .static_images import BrowserNotFound
from .story import step_window, story_step
from .story_panel import story_body
from .upload_panel import upload_report
from .urlstate import from_query, to_query


def register_callbacks(app: Dash, source: DataSource, lang: str = "en") -> None:
    """Register the page's callbacks on ``app`` (the page in ``lang``); each resolves the browser's dataset."""

    @app.callback(
        Output(ids.DATASET, "data"),
        Output(ids.UPLOAD_REPORT, "children"),
        Output(ids.UPLOAD, "contents"),
        Input(ids.UPLOAD, "contents"),
        Input(ids.UPLOAD_RESET, "n_clicks"),
        State(ids.UPLOAD, "filename"),
        prevent_initial_call=True,
    )
    def open_file(contents, _back, filename):
        if ctx.triggered_id == ids.UPLOAD_RESET:
            return None, None, None
        if not contents:
            raise PreventUpdate
        name = filename or "upload.csv"
        dataset, problems = source.accept(name, contents)
        report = upload_report(name, dataset, problems)
        # The file's bytes stay in this browser only; the upload control is emptied so the same
        # file can be opened again after it is fixed.
        return ({"name": name, "content": contents} if dataset is not None else no_update), report, None

    @app.callback(
        Output(ids.TITLE, "children"),
        Output(ids.LEDE, "children"),
        Output(ids.THEMES_FIELD, "children"),
        Output(ids.UPLOAD_RESET, "hidden"),
        Output(ids.EMBED_MENU, "hidden"),
        Output(ids.CHART_DATA, "data"),
        Output(ids.MATCHES, "data"),
        Input(ids.DATASET, "data"),
        prevent_initial_call=True,
    )
    def show_dataset(stored):
        dataset = source.resolve(stored, lang)
        meta = dataset.metadata
        return (
            meta.title,
            meta.description,
            theme_toggles(dataset, lang),
            not stored,
            bool(stored),  # an uploaded timeline is not on the server, so it cannot be embedded
            chart_payload_json(dataset, lang) if stored else served_chart_data(language_path(lang)),
            None,
        )

    # Filter controls are answered in the browser (assets/timeline.js): no request per click.
    app.clientside_callback(
        ClientsideFunction("timeline", "edit"),
        Output(ids.STATE, "data", allow_duplicate=True),
        Output(ids.ZOOM, "data", allow_duplicate=True),
        Input(ids.theme_toggle(ALL), "n_clicks"),
        Input(ids.judgement_choice(ALL), "n_clicks"),
        Input(ids.THEMES_ALL, "n_clicks"),
        Input(ids.THEMES_NONE, "n_clicks"),
        Input(ids.later_control(ids.YEARS, ALL), "value"),
        Input(ids.later_control(ids.YEAR_FROM, ALL), "value"),
        Input(ids.later_control(ids.YEAR_TO, ALL), "value"),
        Input(ids.SEARCH, "value"),
        Input(ids.later_control(ids.RESET, ALL), "n_clicks"),
        Input(ids.EMPTY_RESET, "n_clicks"),
        State(ids.STATE, "data"),
        State(ids.CHART_DATA, "data"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.STATE, "data"),
        Output(ids.ZOOM, "data"),
        Input(ids.ADDRESS_NAVIGATED, "data"),
        Input(ids.TIMELINE, "clickData"),
        Input(ids.ROW_CLICK, "data"),
        Input(ids.KEY_SELECT, "data"),
        Input(ids.DETAILS_CLOSE, "n_clicks"),
        Input(ids.STORY_CLICK, "data"),
        Input(ids.STORY_NEXT, "n_clicks"),
        Input(ids.STORY_PREVIOUS, "n_clicks"),
        Input(ids.STORY_EXIT, "n_clicks"),
        Input(ids.DATASET, "data"),
        State(ids.STATE, "data"),
        # A first load with a shared link's address asks through ADDRESS_NAVIGATED, as back and
        # forward do (assets/timeline.js, openAddress); one without has nothing to read.
        prevent_initial_call=True,
    )
    def sync_state(
        navigated, click_data, _cell, _key, _close, _starts, _next, _previous, _exit, stored_dataset, stored
    ):
        dataset = source.resolve(stored_dataset, lang)
        # Dash passes on the changes of one moment together (a file opened with a click, say): the
        # first that is an action counts.
        triggers = ctx.triggered_prop_ids
        actions = (resolve_action(triggers.get(c["prop_id"]), c["value"], click_data) for c in ctx.triggered)
        resolved = next((found for found in actions if found is not None), None)
        if resolved is None:
            raise PreventUpdate
        action, argument = resolved
        previous = state_from_store(stored)
        if action is Action.OPEN_URL:  # a shared link's first load, back and forward: where they went
            state = from_query(navigated["search"], dataset)
        else:
            state = next_state(dataset, previous, action, controls_for(dataset, previous), argument)
        # The same state again changes nothing, except the page's first: a link whose address reads as
        # the default view (?fbclid=…, ?from=1800) is still answered, or the chart would wait for it.
        if state == previous and action is not Action.NEW_DATASET and stored is not None:
            raise PreventUpdate
        years_changed = (previous.filters.start, previous.filters.end) != (state.filters.start, state.filters.end)
        zoom = None if years_changed or action in (Action.RESET, Action.NEW_DATASET) else no_update
        if state.story and action is not Action.STORY_EXIT:
            zoom = list(step_window(dataset, state.event))  # each step of a story zooms to its event
        if action is Action.STORY_EXIT and previous.story and previous.event:
            zoom = list(step_window(dataset, previous.event))  # leaving the story keeps the view
        return state_to_store(state), zoom

    @app.callback(
        Output(ids.MATCHES, "data", allow_duplicate=True),
        Input(ids.STATE, "data"),
        State(ids.MATCHES, "data"),
        State(ids.DATASET, "data"),
        prevent_initial_call=True,  # the first state has no search: it comes from the address later
    )
    def search(stored, matches, stored_dataset):
        query = state_from_store(stored).filters.query
        if not search_terms(query):
            raise PreventUpdate
        dataset = source.resolve(stored_dataset, lang)
        # The page may hold this search's answer already (a shared link's page carries it), unless
        # that answer was for other data (a copy of the page kept from before the data changed).
        if matches and matches.get("query") == query and matches.get("total") == len(dataset.events):
            raise PreventUpdate
        return search_matches(dataset, query)

    app.clientside_callback(
        ClientsideFunction("timeline", "controls"),
        Output(ids.theme_toggle(ALL), "aria-pressed"),
        Output(ids.theme_toggle(ALL), "data-count"),
        Output(ids.later_control(ids.YEARS, ALL), "value"),
        Output(ids.later_control(ids.YEAR_FROM, ALL), "value"),
        Output(ids.later_control(ids.YEAR_TO, ALL), "value"),
        Output(ids.SEARCH, "value"),
        Output(ids.judgement_choice(ALL), "aria-pressed"),
        Input(ids.STATE, "data"),
        Input(ids.MATCHES, "data"),
        Input(ids.CHART_DATA, "data"),
        Input(ids.LATER_FILTERS, "children"),  # the later filters come in empty: they are shown the state
        Input(ids.CONTROLS_REFRESH, "data"),
        State(ids.later_control(ids.YEARS, ALL), "value"),
        State(ids.later_control(ids.YEAR_FROM, ALL), "value"),
        State(ids.later_control(ids.YEAR_TO, ALL), "value"),
        State(ids.SEARCH, "value"),
        State(ids.theme_toggle(ALL), "aria-pressed"),
        State(ids.theme_toggle(ALL), "data-count"),
        State(ids.judgement_choice(ALL), "aria-pressed"),
        # The first layout's controls show the first state already (a shared link's state comes
        # later), and the later filters are shown it as they come in.
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("timeline", "url"),
        Output(ids.URL, "search"),
        Input(ids.STATE, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,  # the address is the page's own until the state changes
    )
    app.clientside_callback(
        ClientsideFunction("timeline", "filtersButton"),
        Output(ids.FILTERS_TOGGLE, "children"),
        Input(ids.STATE, "data"),
        State(ids.FILTERS_TOGGLE, "children"),
        State(ids.CHART_DATA, "data"),
        prevent_initial_call=True,  # the first state has no filter on, as the layout's label says
    )
    app.clientside_callback(
        ClientsideFunction("timeline", "draw"),
        Output(ids.TIMELINE, "figure"),
        Output(ids.SUMMARY, "children"),
        Output(ids.EMPTY, "hidden"),
        Output(ids.TIMELINE, "style"),
        Input(ids.STATE, "data"),
        Input(ids.ZOOM, "data"),
        Input(ids.MATCHES, "data"),
        Input(ids.CHART_DATA, "data"),
    )

    @app.callback(
        Output(ids.LIST_HOLDER, "children"),
        Output(ids.EXPORT_PANEL, "children"),
        Output(ids.EMBED_PANEL, "children"),
        Output(ids.CHART_KEY, "children"),
        Output(ids.UPLOAD_HOLDER, "children"),
        Input(ids.FIRST_DRAWN, "data"),
        prevent_initial_call=True,
    )
    def show_later_parts(_ready):
        # The grid and the parts no first view shows go in once the chart has first drawn; list_view
        # then fills the grid.
        return later_parts(source.limits, lang)

    @app.callback(
        Output(ids.LATER_FILTERS, "children"),
        Output(ids.FOOTER, "children"),
        Input(ids.FIRST_DRAWN, "data"),
        Input(ids.DATASET, "data"),
        prevent_initial_call=True,
    )
    def show_dataset_parts(_ready, stored):
        # The parts that follow the dataset shown, the filter panel's lower part and the credits, put
        # in with the later parts and anew for each file opened (one callback for both, so that an
        # answer overtaken by a file opened is dropped); controls then shows the state on the filters.
        dataset = source.resolve(stored, lang)
        return later_filters(dataset, lang), footer(dataset, lang)

    # The grid's clicks and the story buttons' reach sync_state through stores, which are there
    # before the grid and the buttons are.
    app.clientside_callback(
        ClientsideFunction("timeline", "listClick"),
        Output(ids.ROW_CLICK, "data"),
        Input(ids.LIST_TABLE, "cellClicked"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("timeline", "storyClick"),
        Output(ids.STORY_CLICK, "data"),
        Input(ids.story_start(ALL), "n_clicks"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.LIST_TABLE, "rowData"),
        Output(ids.LIST_TABLE, "rowClassRules"),
        Input(ids.STATE, "data"),
        State(ids.DATASET, "data"),
    )
    def list_view(stored, stored_dataset):
        # The list's rows for a state, sorted as it asks, the chosen event's row marked.
        dataset = source.resolve(stored_dataset, lang)
        state = state_from_store(stored)
        events = apply_filters(dataset, state.filters)
        selected = state.event if state.event and (events["id"] == state.event).any() else None
        return list_rows(dataset, sort_events(events, state.sort, LIST_LIMIT), lang), selected_row_rules(selected)

    @app.callback(
        Output(ids.LIST, "children"),
        Output(ids.DETAILS, "hidden"),
        Output(ids.DETAILS + "-body", "children"),
        Output(ids.JUDGEMENT_NOTE, "children"),
        Output(ids.CHART_SUMMARY, "children"),
        Output(ids.STORY, "hidden"),
        Output(ids.STORY_BODY, "children"),
        Output(ids.STORY_PREVIOUS, "disabled"),
        Output(ids.STORY_NEXT, "disabled"),
        Input(ids.STATE, "data"),
        Input(ids.FIRST_DRAWN, "data"),
        State(ids.DATASET, "data"),
        prevent_initial_call=True,
    )
    def render(stored, _drawn, stored_dataset):
        # Everything but the chart (drawn in the browser) and the list's rows: details, notes, story.
        # Filled once the chart has first drawn, so that its answer does not hold up the first draw.
        dataset = source.resolve(stored_dataset, lang)
        state = state_from_store(stored)
        filters = state.filters
        events = apply_filters(dataset, filters)
        details = event_details(dataset, state.event) if state.event else None
        step = story_step(dataset, state.story, state.step) if state.story else None
        judgement = dataset.judgement(filters.judgement) if filters.judgement else None
        note = (
            [f"{judgement.likelihood}: " if judgement.likelihood else "", judgement.statement or judgement.title]
            if judgement
            else None
        )
        return (
            list_note(events, lang),
            details is None,
            details_body(details, lang) if details else None,
            note,
            chart_summary(dataset, events, filters.themes, lang),
            step is None,
            story_body(step, details, lang) if step is not None and details else None,
            step is None or step.step <= 1,
            step is None or step.step >= step.total,
        )

    @app.callback(
        Output(ids.DOWNLOAD, "data"),
        Output(ids.EXPORT_STATUS, "children"),
        Input(ids.export_button(ALL), "n_clicks"),
        State(ids.STATE, "data"),
        State(ids.DATASET, "data"),
        prevent_initial_call=True,
    )
    def download_view(_clicks, stored, stored_dataset):
        if not isinstance(ctx.triggered_id, dict) or not ctx.triggered or not ctx.triggered[0]["value"]:
            raise PreventUpdate
        fmt = ctx.triggered_id["index"]
        try:
            data, filename = download(source.resolve(stored_dataset, lang), state_from_store(stored), fmt, lang)
        except BrowserNotFound:
            return no_update, "Image export is not available on this server: it has no Chrome or Chromium."
        return dcc.send_bytes(data, filename, type=MEDIA_TYPES[fmt]), f"Downloaded {filename}."

    @app.callback(
        Output(ids.embed_code(ALL), "value"),
        Output(ids.embed_link(ALL), "href"),
        Output(ids.LANGUAGE_LINK, "href"),
        Input(ids.STATE, "data"),
        Input(ids.EMBED_PANEL, "children"),
        prevent_initial_call=True,  # filled once the embed code's box is in (show_later_parts)
    )
    def links(stored, _panel):
        state = state_from_store(stored)
        query = to_query(replace(state, sort="date"))
        if lang != "en":
            query += ("&" if query else "?") + f"lang={lang}"
        url = request.host_url.rstrip("/") + EMBED_PATH + query
        other = "ja" if lang == "en" else "en"
        title = source.localised(source.dataset, lang).metadata.title
        codes, previews = (len(outputs) for outputs in ctx.outputs_list[:2])  # none before the box is in
        return [embed_snippet(url, title)] * codes, [url] * previews, language_path(other) + to_query(state)
