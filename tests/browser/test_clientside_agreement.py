"""The browser's filtering and drawing (assets/timeline.js) agree with the Python reference.

The page answers filter clicks in the browser; exports and notebooks use the Python functions.
Both are run here on the same datasets and states, and their results compared: masks, theme
counts, state transitions, URLs and whole figures (level of detail included).
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import plotly.io as pio
import pytest

from dashboard import ids
from dashboard.chart_data import chart_payload, search_bits
from dashboard.detail import MERGE_CHART_PX, MERGE_MARKS, mark_counts, plan_detail
from dashboard.figures import timeline_figure
from dashboard.filters import FilterState, apply_filters, filter_mask, theme_counts
from dashboard.interaction import Action, controls_for, next_state, state_from_store, state_to_store, zoom_window
from dashboard.localise import localise
from dashboard.plotlyjs import CARTESIAN_TRACES
from dashboard.urlstate import ViewState, to_query, with_filters

pytestmark = pytest.mark.browser

SCRIPT = Path(__file__).resolve().parents[2] / "dashboard" / "assets" / "timeline.js"


@pytest.fixture
def js(page):
    page.set_content("<!DOCTYPE html><html><body></body></html>")
    page.add_script_tag(path=str(SCRIPT))

    def call(function: str, *args):
        # Typed arrays come back as lists.
        script = f"(args) => {{ const r = AllianceTimeline.{function}(...args); return ArrayBuffer.isView(r) ? Array.from(r) : r; }}"
        return page.evaluate(script, list(args))

    return call


def matches_for(dataset, query: str) -> dict:
    return {"query": query, "total": len(dataset.events), "bits": search_bits(dataset, query)}


def python_figure(dataset, state: ViewState, zoom, lang="en", plot_width=None) -> dict:
    filters = state.filters
    events = apply_filters(dataset, filters)
    selected = state.event if state.event in set(events["id"]) else None
    figure = timeline_figure(
        dataset,
        events,
        lanes=filters.themes,
        selected=selected,
        uirevision=f"{filters.start}-{filters.end}",
        window=tuple(zoom) if zoom else None,
        lang=lang,
        plot_width=plot_width,
    )
    return json.loads(pio.to_json(figure, remove_uids=False))


def assert_same_figure(ours: dict, reference: dict) -> None:
    assert [t.get("uid") for t in ours["data"]] == [t.get("uid") for t in reference["data"]]
    for mine, theirs in zip(ours["data"], reference["data"], strict=True):
        for key, value in mine.items():
            assert theirs.get(key) == value, (mine.get("uid"), key)
        assert set(theirs) <= set(mine), (mine.get("uid"), set(theirs) - set(mine))
    layout, expected = dict(ours["layout"]), dict(reference["layout"])
    layout.pop("template"), expected.pop("template")
    assert layout.pop("annotations", []) == expected.pop("annotations", [])
    assert layout.pop("shapes", []) == expected.pop("shapes", [])
    assert layout == expected


MINI_STATES = [
    ViewState(),
    ViewState(FilterState(themes=("forces", "law"))),
    ViewState(FilterState(start=1950, end=1960)),
    ViewState(FilterState(query="forces")),
    ViewState(FilterState(query="treaty base")),
    ViewState(FilterState(judgement="grow")),
    ViewState(FilterState(themes=("alliance",)), event="police-reserve"),
    ViewState(FilterState(), event="self-defense-forces"),
    ViewState(FilterState(themes=())),
    ViewState(FilterState(query="nothing matches this")),
]


@pytest.mark.parametrize("state", MINI_STATES, ids=lambda s: to_query(s) or "default")
def test_masks_counts_and_figures_agree_on_the_small_dataset(js, mini, state):
    state = with_filters(state, mini, state.filters)  # the page only ever holds normalised states
    data = chart_payload(mini)
    matches = matches_for(mini, state.filters.query)
    bits = js("matchBits", data, state_to_store(state)["filters"], matches)
    mask = js("filterMask", data, state_to_store(state)["filters"], bits, False)
    assert [bool(flag) for flag in mask] == filter_mask(mini, state.filters).tolist()
    counts = js("themeCounts", data, state_to_store(state)["filters"], bits)
    assert counts == list(theme_counts(mini, state.filters).values())
    built = js("buildFigure", data, state_to_store(state), None, matches)
    assert built["shown"] == len(apply_filters(mini, state.filters))
    assert_same_figure(built["figure"], python_figure(mini, state, None))


LARGE_VIEWS = [
    (ViewState(), None),
    (ViewState(FilterState(themes=("forces",))), None),
    (ViewState(), ["1990-01-01", "1991-06-30"]),
    (ViewState(FilterState(themes=("law", "regional"), start=1960, end=2000)), ["1970-03-01", "1985-12-31"]),
    (ViewState(FilterState(query="treaty"), event="e17"), None),
    (ViewState(FilterState(judgement="pay")), ["2000-01-01", "2010-01-01"]),
]


@pytest.mark.parametrize(("state", "zoom"), LARGE_VIEWS, ids=lambda v: str(v)[:40])
def test_the_thinned_figure_agrees_and_loses_nothing(js, large, state, zoom):
    state = with_filters(state, large, state.filters)
    data = chart_payload(large)
    built = js("buildFigure", data, state_to_store(state), zoom, matches_for(large, state.filters.query))
    assert_same_figure(built["figure"], python_figure(large, state, zoom))
    figure = built["figure"]
    filtered = apply_filters(large, state.filters)
    lanes = [t for t in figure["data"] if t["meta"]["role"] == "events"]
    drawn = {row[0] for t in lanes for row in t["customdata"]}
    meta = figure["layout"]["meta"]
    assert meta["drawn"] + meta["counted"] == len(filtered)
    plan = plan_detail(filtered, state.filters.themes or [theme.id for theme in large.themes], zoom and tuple(zoom))
    assert len(plan.shown) == meta["drawn"] and drawn <= set(plan.shown["id"])
    # A merged mark says how many events it stands for: together, every event drawn, once per lane.
    stands_for = sum(sum(t["meta"].get("merged", [1] * len(t["x"]))) for t in lanes)
    assert stands_for == int(mark_counts(plan.shown, state.filters.themes or [t.id for t in large.themes]).sum())
    if zoom is None:  # every major event is drawn; the rest are counted per lane and year
        majors = set(filtered.loc[filtered["importance"] == 3, "id"])
        assert majors <= set(plan.shown["id"])
    if state == ViewState() and zoom is None:
        assert meta["thinned"] and meta["counted"] > 0  # 6,000 events do not fit the budget of marks


def test_figures_agree_in_japanese(js, bundled):
    japanese = localise(bundled, "ja")
    state = ViewState(FilterState(themes=("alliance", "forces"), start=1990), event=bundled.events["id"].iloc[40])
    state = with_filters(state, japanese, state.filters)
    built = js("buildFigure", chart_payload(japanese, "ja"), state_to_store(state), None, None)
    assert_same_figure(built["figure"], python_figure(japanese, state, None, "ja"))


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("plot_width", [300, 1400])
def test_the_era_labels_are_laid_out_alike_for_a_narrow_or_wide_plot(js, bundled, lang, plot_width):
    dataset = localise(bundled, lang)
    state = with_filters(ViewState(), dataset, FilterState())
    built = js("buildFigure", chart_payload(dataset, lang), state_to_store(state), None, None, plot_width)
    assert_same_figure(built["figure"], python_figure(dataset, state, None, lang, plot_width))


TRANSITIONS = [
    ({"type": ids.THEME_TOGGLE, "index": "forces"}, 1, Action.TOGGLE_THEME, "forces"),
    ({"type": ids.JUDGEMENT_CHOICE, "index": "pay"}, 1, Action.CHOOSE_JUDGEMENT, "pay"),
    ({"type": ids.JUDGEMENT_CHOICE, "index": ids.ANY_JUDGEMENT}, 1, Action.CHOOSE_JUDGEMENT, ids.ANY_JUDGEMENT),
    (ids.THEMES_ALL, 1, Action.ALL_THEMES, None),
    (ids.THEMES_NONE, 1, Action.NO_THEMES, None),
    (ids.later_control(ids.RESET), 1, Action.RESET, None),
    (ids.SEARCH, "  Treaty  ", Action.EDIT_FILTERS, None),
    (ids.later_control(ids.YEARS), [1960, 1990], Action.EDIT_FILTERS, None),
]
STARTS = [
    ViewState(),
    ViewState(FilterState(themes=("law", "forces"), start=1950, query="war", judgement="grow"), event="korean-war"),
]


@pytest.mark.parametrize("start", STARTS, ids=["default", "filtered"])
@pytest.mark.parametrize(("trigger", "value", "action", "argument"), TRANSITIONS, ids=lambda v: str(v)[:30])
def test_filter_controls_change_the_state_as_the_python_rules_do(js, mini, start, trigger, value, action, argument):
    controls = controls_for(mini, start)
    years = value if trigger == ids.later_control(ids.YEARS) else list(controls.years)
    query = value if trigger == ids.SEARCH else controls.query
    expected = next_state(mini, start, action, replace(controls, years=tuple(years), query=query), argument)
    ours = js("editFilters", chart_payload(mini), state_to_store(start), trigger, value, years, query)
    assert state_from_store(ours) == expected


def test_a_button_drawn_but_not_clicked_changes_nothing(js, mini):
    trigger = {"type": ids.THEME_TOGGLE, "index": "forces"}
    assert js("editFilters", chart_payload(mini), None, trigger, None, [1945, 2021], "") is None


def change(component_id, prop: str, value) -> dict:
    """One of the changes Dash passes on to a callback, as it names them."""
    name = ids.dom_id(component_id) if isinstance(component_id, dict) else component_id
    return {"prop_id": f"{name}.{prop}", "value": value}


# The filter panel's lower part coming into the page (layout.later_filters) for the mini dataset:
# the slider at the whole range, the year boxes empty, buttons never clicked. Dash passes these on
# to callbacks.edit as changes.
ARRIVING = [
    change(ids.later_control(ids.YEARS), "value", [1945, 2021]),
    change(ids.later_control(ids.YEAR_FROM), "value", None),
    change(ids.later_control(ids.YEAR_TO), "value", None),
    change(ids.later_control(ids.RESET), "n_clicks", None),
    change(ids.judgement_choice("pay"), "n_clicks", None),
]


def test_the_later_filters_coming_in_change_nothing_and_a_click_with_them_counts(js, mini):
    start = ViewState(FilterState(start=1950, end=1990, judgement="grow"), event="korean-war")
    stored, data = state_to_store(start), chart_payload(mini)
    shown = [[1945, 2021]], [None], [None]
    assert js("editChanges", data, stored, ARRIVING, *shown, "") is None
    click = change(ids.theme_toggle("forces"), "n_clicks", 1)
    edited = js("editChanges", data, stored, [*ARRIVING, click], *shown, "")
    expected = next_state(mini, start, Action.TOGGLE_THEME, controls_for(mini, start), "forces")
    assert state_from_store(edited["state"]) == expected and edited["trigger"] == ids.theme_toggle("forces")


def test_a_click_with_the_year_controls_coming_in_shown_the_state_counts(js, mini):
    # As Dash runs them: controls has shown the state in the controls coming in, then edit sees them.
    start = ViewState(FilterState(start=1950, end=1990))
    coming = [
        change(ids.later_control(ids.YEARS), "value", [1950, 1990]),
        change(ids.later_control(ids.YEAR_FROM), "value", 1950),
        change(ids.later_control(ids.YEAR_TO), "value", 1990),
        change(ids.later_control(ids.RESET), "n_clicks", None),
    ]
    click = change(ids.theme_toggle("forces"), "n_clicks", 1)
    shown = [[1950, 1990]], [1950], [1990]
    edited = js("editChanges", chart_payload(mini), state_to_store(start), [*coming, click], *shown, "")
    expected = next_state(mini, start, Action.TOGGLE_THEME, controls_for(mini, start), "forces")
    assert state_from_store(edited["state"]) == expected


def test_a_reset_with_controls_coming_in_that_show_the_state_before_it_resets_all(js, mini):
    # "Clear all filters" clicked as the year controls came in, shown the state before the click:
    # neither they nor the search box, which still shows the old words, bring that state back.
    start = ViewState(FilterState(start=1950, query="zzzz"))
    coming = [
        change(ids.EMPTY_RESET, "n_clicks", 1),
        change(ids.later_control(ids.YEARS), "value", [1950, 2021]),
        change(ids.later_control(ids.YEAR_FROM), "value", 1950),
        change(ids.later_control(ids.YEAR_TO), "value", 2021),
    ]
    edited = js(
        "editChanges", chart_payload(mini), state_to_store(start), coming, [[1950, 2021]], [1950], [2021], "zzzz"
    )
    assert state_from_store(edited["state"]) == ViewState() and edited["trigger"] == ids.EMPTY_RESET


def test_a_year_box_emptied_by_the_reader_opens_that_end(js, mini):
    # Alone, an empty box is the reader's: the years start at the dataset's first (timeline.js, yearOf).
    start = ViewState(FilterState(start=1950, end=1990))
    emptied = change(ids.later_control(ids.YEAR_FROM), "value", None)
    edited = js(
        "editChanges", chart_payload(mini), state_to_store(start), [emptied], [[1950, 1990]], [None], [1990], ""
    )
    assert state_from_store(edited["state"]).filters == FilterState(end=1990)


def test_a_search_before_the_year_controls_are_in_keeps_the_states_years(js, mini):
    # The page shows a shared link's search in the box before the year controls are in: that edit
    # must not read the missing controls as the whole range.
    start = ViewState(FilterState(start=1950, end=1990))
    edited = js(
        "editChanges",
        chart_payload(mini),
        state_to_store(start),
        [change(ids.SEARCH, "value", "war")],
        [],
        [],
        [],
        "war",
    )
    controls = replace(controls_for(mini, start), query="war")
    assert state_from_store(edited["state"]) == next_state(mini, start, Action.EDIT_FILTERS, controls)
    assert state_from_store(edited["state"]).filters.start == 1950


HOSTILE = ["a b", "x&y=z", "¿qué? 安全保障", "100% (sure)!", "it's *", "comma,kept", "tilde~plus+"]


@pytest.mark.parametrize("text", HOSTILE)
def test_links_made_in_the_browser_match_the_python_ones(js, text):
    state = ViewState(FilterState(themes=("law", "forces"), start=1950, end=1990, query=text, judgement="grow"), "e1")
    assert js("toQuery", state_to_store(state)) == to_query(state)
    story = ViewState(FilterState(), event="e1", sort="-title", story="grow", step=3)
    assert js("toQuery", state_to_store(story)) == to_query(story)


@pytest.mark.parametrize("zoom", [None, ["1960-01-01", "1990-12-31"]])
def test_every_view_is_drawn_with_traces_of_the_cartesian_bundle(js, large, zoom):
    figure = js("buildFigure", chart_payload(large), None, zoom, None)["figure"]
    assert {trace["type"] for trace in figure["data"]} <= CARTESIAN_TRACES
    # Up to MERGE_MARKS marks are drawn apart; past that, at most one per lane and bucket (a bucket
    # is at least the smallest mark, 9 px, wide on a MERGE_CHART_PX wide chart).
    marks = sum(len(t["x"]) for t in figure["data"] if t["meta"]["role"] == "events")
    assert marks <= max(MERGE_MARKS, 4 * round(MERGE_CHART_PX / 9))


RELAYOUTS = [
    {"xaxis.range[0]": "2000-01-01 12:30:00", "xaxis.range[1]": "2001-12-31"},
    {"xaxis.range": ["1990-05-05", "1991-01-01 00:00:00.5"]},
    {"xaxis.autorange": True, "yaxis.autorange": True},
    {"autosize": True},
    {"dragmode": "pan"},
    None,
]


@pytest.mark.parametrize("relayout", RELAYOUTS, ids=str)
def test_the_browser_reads_a_zoom_as_the_python_rules_do(js, relayout):
    expected = zoom_window(relayout)
    assert js("zoomWindow", relayout) == (list(expected) if isinstance(expected, tuple) else expected)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_filter_panels_button_counts_the_kinds_of_filter_on(js, bundled, lang):
    text = {"text": chart_payload(localise(bundled, lang), lang)["text"]}
    none = state_to_store(ViewState())["filters"]
    label = "Filters ({n} on)" if lang == "en" else "絞り込み（{n}件適用中）"
    for filters, on in (
        ({}, 0),
        ({"query": "   "}, 0),  # blank words search nothing
        ({"themes": []}, 1),  # no theme at all is a filter too
        ({"themes": ["nuclear"], "start": 1990}, 2),
        ({"end": 2000, "query": "treaty"}, 2),
        ({"themes": ["nuclear"], "start": 1990, "end": 2000, "query": "treaty", "judgement": "deter"}, 4),
    ):
        expected = label.format(n=on) if on else ("Filters" if lang == "en" else "絞り込み")
        assert js("filtersLabel", text, none | filters) == expected, filters
