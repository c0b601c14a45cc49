import random
from dataclasses import replace

import pytest

from dashboard.filters import (
    MAX_SEARCH_WORDS,
    FilterState,
    apply_filters,
    filter_mask,
    normalise,
    search_terms,
    sort_events,
    theme_counts,
)
from dashboard.model import Derived


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


def test_a_search_counts_each_word_once_and_its_first_ten_words_only(mini):
    # Each word is a pass over every event's text, and a shared link's page runs its search.
    assert search_terms("Treaty treaty  KISHI") == ["treaty", "kishi"]
    many = " ".join(f"w{n}" for n in range(MAX_SEARCH_WORDS + 5))
    assert search_terms(many) == [f"w{n}" for n in range(MAX_SEARCH_WORDS)]
    # Ten words that "police" holds, then one no event holds: it does not count.
    ten = "p po pol poli polic police o ol oli olic"
    assert ids(apply_filters(mini, FilterState(query=ten + " zzzz"))) == ids(
        apply_filters(mini, FilterState(query="police"))
    )
    assert ids(apply_filters(mini, FilterState(query="police")))


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


def reference_ids(dataset, state: FilterState) -> list[str]:
    """The events passing ``state``, worked out one row at a time: what the kept masks must match."""
    terms = state.query.casefold().split()
    kept = []
    for row in dataset.events.itertuples():
        if state.themes is not None and not set(state.themes) & set(row.themes):
            continue
        if state.start is not None and row.last.year < state.start:
            continue
        if state.end is not None and row.start.year > state.end:
            continue
        if not all(term in row.search_text for term in terms):
            continue
        if state.judgement and state.judgement not in row.judgements:
            continue
        kept.append(row.id)
    return kept


def test_filtering_with_kept_masks_agrees_with_a_row_by_row_reference(large):
    # Filter masks and their parts are kept with the dataset and reused: whatever order views come
    # in, each must keep exactly the events a row-by-row reading keeps, down to views that differ
    # from the one before in a single filter.
    rng = random.Random(11)
    themes = [theme.id for theme in large.themes]
    words = ["treaty", "alliance", "forces", "review", "zzz", "a"]
    judgements = [None, *(judgement.id for judgement in large.judgements), "unknown"]
    first, last = large.year_bounds

    def pick(field: str):
        return {
            "themes": lambda: rng.choice([None, (), tuple(rng.sample(themes, rng.randint(1, len(themes))))]),
            "start": lambda: rng.choice([None, rng.randint(first, last)]),
            "end": lambda: rng.choice([None, rng.randint(first, last)]),
            "query": lambda: " ".join(rng.sample(words, rng.randint(0, 2))),
            "judgement": lambda: rng.choice(judgements),
        }[field]()

    fields = ["themes", "start", "end", "query", "judgement"]
    large.derived.clear()
    kept_any = set()
    for _ in range(20):
        state = FilterState(**{field: pick(field) for field in fields})
        for changed in [None, *fields]:
            view = state if changed is None else replace(state, **{changed: pick(changed)})
            expected = reference_ids(large, view)
            assert ids(apply_filters(large, view)) == expected, view
            kept_any.add(bool(expected))
    assert kept_any == {False, True}  # views keeping nothing, and views keeping some events
    assert 0 < len(large.derived) <= large.derived.size


def test_a_kept_mask_cannot_be_changed_by_its_caller(mini):
    mask = filter_mask(mini, FilterState(themes=("law",)))
    with pytest.raises(ValueError, match="read-only"):
        mask.to_numpy()[0] = not mask.iloc[0]
    assert ids(apply_filters(mini, FilterState(themes=("law",)))) == ids(mini.events.loc[mask])


def test_derived_values_keep_the_most_recently_used():
    derived = Derived(size=2)
    made = []
    for key in ("a", "b", "a", "c", "a", "b"):
        derived.get(key, lambda key=key: made.append(key) or key.upper())
    # "b" was the least recently used when "c" came, and made again when asked for after.
    assert made == ["a", "b", "c", "b"]
    assert len(derived) == 2 and derived.get("a", lambda: "made") == "A"


@pytest.mark.parametrize("sort", ["date", "-date", "title", "-title", "importance", "-importance"])
def test_the_first_rows_of_a_sort_are_those_of_the_whole_sort(large, sort):
    whole = ids(sort_events(large.events, sort))
    assert ids(sort_events(large.events, sort, limit=25)) == whole[:25]
    assert len(whole) == len(large.events)
