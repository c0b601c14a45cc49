import pytest

from dashboard.filters import FilterState, apply_filters, normalise, sort_events, theme_counts


def ids(frame):
    return list(frame["id"])


def test_default_state_keeps_everything(mini):
    assert ids(apply_filters(mini, FilterState())) == ids(mini.events)
    assert FilterState().is_default


def test_theme_filter_keeps_events_under_any_selected_theme(mini):
    assert ids(apply_filters(mini, FilterState(themes=("regional",)))) == ["korean-war"]
    # Self-Defense Forces is listed under forces and law: it stays findable under either.
    assert "self-defense-forces" in ids(apply_filters(mini, FilterState(themes=("law",))))
    assert "self-defense-forces" in ids(apply_filters(mini, FilterState(themes=("forces",))))
    assert ids(apply_filters(mini, FilterState(themes=()))) == []


def test_year_range_keeps_events_overlapping_it(mini):
    # The Korean War (1950-1953) overlaps 1952-1953; the occupation (1945-1952) overlaps 1952.
    assert ids(apply_filters(mini, FilterState(start=1952, end=1953))) == ["occupation", "korean-war"]
    assert ids(apply_filters(mini, FilterState(start=1967, end=1967))) == ["non-nuclear"]
    assert ids(apply_filters(mini, FilterState(start=2000))) == ["budget-rise"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("article", ["constitution", "self-defense-forces"]),  # description
        ("NOBUSUKE", ["treaty-revision"]),  # actors, case-insensitive
        ("kishi", ["treaty-revision", "budget-rise"]),  # words match inside words: Kishi, Kishida
        ("police reserve", ["police-reserve"]),  # every word must match
        ("treaty washington", ["treaty-revision"]),
        ("nothing-like-this", []),
        ("1.1%", ["budget-rise"]),  # text, never a pattern
    ],
)
def test_search_over_title_description_and_actors(mini, query, expected):
    assert ids(apply_filters(mini, FilterState(query=query))) == expected


def test_judgement_filter(mini):
    assert ids(apply_filters(mini, FilterState(judgement="pay"))) == ["budget-rise"]
    assert ids(apply_filters(mini, FilterState(judgement="grow"))) == [
        "self-defense-forces",
        "treaty-revision",
        "budget-rise",
    ]


def test_filters_combine(mini):
    state = FilterState(themes=("forces",), start=1950, end=1960, query="forces")
    assert ids(apply_filters(mini, state)) == ["self-defense-forces"]


def test_theme_counts_follow_the_other_filters(mini):
    assert theme_counts(mini, FilterState()) == {"law": 3, "alliance": 3, "forces": 4, "regional": 1}
    assert theme_counts(mini, FilterState(themes=("law",), start=1960)) == {
        "law": 1,
        "alliance": 2,
        "forces": 1,
        "regional": 0,
    }


def test_normalise_drops_unknown_values_and_clamps_years(mini):
    state = normalise(mini, FilterState(themes=("law", "space"), start=1900, end=3000, query="  x ", judgement="nope"))
    assert state == FilterState(themes=("law",), start=None, end=None, query="x", judgement=None)
    assert normalise(mini, FilterState(themes=("forces", "law", "alliance", "regional"))).themes is None
    assert normalise(mini, FilterState(start=1990, end=1960)) == FilterState(start=1960, end=1990)


def test_sorting_the_list(mini):
    assert ids(sort_events(mini.events, "date"))[:2] == ["occupation", "constitution"]
    assert ids(sort_events(mini.events, "-date"))[0] == "budget-rise"
    assert ids(sort_events(mini.events, "title"))[:2] == ["budget-rise", "constitution"]
    assert ids(sort_events(mini.events, "-importance"))[:2] == ["constitution", "korean-war"]
