import pytest

from dashboard.filters import FilterState
from dashboard.interaction import Action, Controls, controls_for, next_state, zoom_window
from dashboard.urlstate import ViewState

ALL = ("law", "alliance", "forces", "regional")


def controls(**changes):
    values = {"themes": ALL, "years": (1945, 2021), "query": "", "judgement": None} | changes
    return Controls(**values)


def test_controls_show_the_state(mini):
    state = ViewState(FilterState(themes=("law",), start=1960, query="x", judgement="grow"))
    assert controls_for(mini, state) == Controls(("law",), (1960, 2021), "x", "grow")
    assert controls_for(mini, ViewState()) == controls()


def test_editing_filters_normalises_them(mini):
    state = next_state(
        mini, ViewState(), Action.EDIT_FILTERS, controls(themes=("forces",), years=(1950, 2021), query=" war ")
    )
    assert state.filters == FilterState(themes=("forces",), start=1950, end=None, query="war")
    # Every theme ticked is the same as no theme filter.
    assert next_state(mini, state, Action.EDIT_FILTERS, controls()).filters == FilterState()


def test_all_and_no_themes_keep_the_other_filters(mini):
    current = controls(themes=("law",), query="treaty")
    assert next_state(mini, ViewState(), Action.NO_THEMES, current).filters == FilterState(themes=(), query="treaty")
    assert next_state(mini, ViewState(), Action.ALL_THEMES, current).filters == FilterState(query="treaty")


def test_reset_clears_filters_selection_and_sort(mini):
    state = ViewState(FilterState(themes=("law",), query="x"), "korean-war", "-title")
    assert next_state(mini, state, Action.RESET, controls()) == ViewState()


def test_selecting_and_closing_an_event(mini):
    selected = next_state(mini, ViewState(), Action.SELECT_EVENT, controls(), "korean-war")
    assert selected.event == "korean-war"
    assert next_state(mini, selected, Action.SELECT_EVENT, controls(), "not-an-event").event == "korean-war"
    assert next_state(mini, selected, Action.CLOSE_DETAILS, controls()).event is None


@pytest.mark.parametrize(
    ("relayout", "window"),
    [
        ({"xaxis.range[0]": "2000-01-01 12:30:00", "xaxis.range[1]": "2001-12-31"}, ("2000-01-01", "2001-12-31")),
        ({"xaxis.range": ["1990-05-05", "1991-01-01 00:00:00.5"]}, ("1990-05-05", "1991-01-01")),
        ({"xaxis.autorange": True, "yaxis.autorange": True}, None),  # double click: the full view
        ({"autosize": True}, False),  # the chart resized: the zoom stays
        ({"dragmode": "pan"}, False),
        (None, False),
    ],
)
def test_zoom_window_reads_what_the_reader_did_to_the_time_axis(relayout, window):
    assert zoom_window(relayout) == window
