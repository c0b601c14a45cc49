import pytest

from dashboard.filters import FilterState
from dashboard.urlstate import ViewState, from_query, to_query


def test_default_state_has_an_empty_query(mini):
    assert to_query(ViewState()) == ""
    assert from_query("", mini) == ViewState()
    assert from_query(None, mini) == ViewState()


@pytest.mark.parametrize(
    "state",
    [
        ViewState(FilterState(themes=("law", "forces"))),
        ViewState(FilterState(themes=())),
        ViewState(FilterState(start=1950, end=1970, query="treaty & 9 ? #x", judgement="grow"), "korean-war", "-title"),
        ViewState(FilterState(query="日米安保"), None, "importance"),
    ],
)
def test_round_trip(mini, state):
    assert from_query(to_query(state), mini) == state


def test_query_text(mini):
    state = ViewState(FilterState(themes=("law",), start=1950, query="a b"), "korean-war")
    assert to_query(state) == "?themes=law&from=1950&q=a+b&event=korean-war"


@pytest.mark.parametrize(
    "search",
    ["?from=abc&to=&sort=evil&event=unknown&judgement=zzz", "?themes=law,,space&from=-5", "?%ZZ=1&&&"],
)
def test_malformed_values_fall_back_to_defaults(mini, search):
    state = from_query(search, mini)
    assert state.event is None and state.sort == "date" and state.filters.judgement is None
    assert state.filters.start is None and state.filters.end is None
    assert state.filters.themes in (None, ("law",))
