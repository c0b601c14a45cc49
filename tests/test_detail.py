"""Level of detail: a thinned or merged chart never drops an event silently."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.dates import day_number, day_numbers
from dashboard.detail import (
    MAX_MARKS,
    MergeGrid,
    counts_per_year,
    in_window,
    mark_counts,
    merge_buckets,
    merge_marks,
    merge_spans,
    plan_detail,
)
from dashboard.figures import MARKER_SIZES, timeline_figure
from dashboard.filters import FilterState, apply_filters

LANES = ["law", "alliance", "forces", "regional"]


def lanes_of(figure) -> dict[str, pd.DataFrame]:
    """The one marks trace, split by lane: each mark's day, size, hover text and merged count."""
    (trace,) = [trace for trace in figure.data if trace.meta["role"] == "events"]
    merged = trace.meta["merged"] if "merged" in trace.meta else [1] * len(trace.x)
    marks = pd.DataFrame(
        {
            "lane": list(trace.meta["lane"]),
            "x": list(trace.x),
            "size": list(trace.marker.size),
            "hover": list(trace.hovertext),
            "merged": list(merged),
            "id": [row[0] for row in trace.customdata],
        }
    )
    return {lane: marks.loc[marks["lane"] == lane] for lane in dict.fromkeys(marks["lane"])}


def test_a_small_view_draws_every_event(mini):
    plan = plan_detail(mini.events, LANES)
    assert not plan.thinned and len(plan.shown) == len(mini.events) and plan.min_importance is None


def test_a_large_view_draws_every_major_event_and_counts_the_rest(large):
    plan = plan_detail(large.events, LANES)
    assert plan.thinned
    assert int(mark_counts(plan.shown, LANES).sum()) <= MAX_MARKS
    majors = set(large.events.loc[large.events["importance"] == 3, "id"])
    assert majors <= set(plan.shown["id"])
    assert len(plan.shown) + len(plan.counted) == len(large.events)
    assert set(plan.shown["id"]).isdisjoint(plan.counted["id"])


def test_counts_per_year_add_up_to_the_counted_marks(large):
    plan = plan_detail(large.events, LANES)
    counts = counts_per_year(plan.counted, LANES)
    assert int(counts["count"].sum()) == int(mark_counts(plan.counted, LANES).sum())
    per_lane = counts.groupby("lane")["count"].sum()
    for lane in LANES:
        in_lane = plan.counted["themes"].map(lambda themes, lane=lane: lane in themes)
        assert int(per_lane.get(lane, 0)) == int(in_lane.sum())


def test_zooming_in_draws_every_event_in_the_window(large):
    window = ("1990-01-01", "1991-06-30")
    plan = plan_detail(large.events, LANES, window)
    visible = large.events.loc[in_window(large.events, window)]
    assert 0 < len(visible) < MAX_MARKS
    assert set(plan.shown["id"]) == set(visible["id"])


@settings(max_examples=40, deadline=None)
@given(
    start=st.integers(1940, 2030),
    years=st.integers(0, 90),
    lanes=st.lists(st.sampled_from(LANES), min_size=1, max_size=4, unique=True),
    budget=st.integers(50, 5000),
)
def test_every_major_event_in_view_is_drawn_and_nothing_is_lost(large, start, years, lanes, budget):
    events = apply_filters(large, FilterState(themes=tuple(lanes)))
    window = (f"{start}-01-01", f"{start + years}-12-31")
    plan = plan_detail(events, lanes, window, max_marks=budget)
    visible = in_window(events, window)
    majors = set(events.loc[visible & (events["importance"] == 3), "id"])
    assert majors <= set(plan.shown["id"])
    assert len(plan.shown) + len(plan.counted) == len(events)
    if plan.min_importance is not None and plan.min_importance < 3:
        assert int(mark_counts(plan.shown, lanes).sum()) <= budget


def test_the_thinned_chart_says_how_many_events_it_counts(large):
    figure = timeline_figure(large, large.events)
    meta = figure.layout.meta
    assert meta["thinned"] and meta["drawn"] + meta["counted"] == len(large.events)
    plan = plan_detail(large.events, LANES)
    lanes = [trace for trace in figure.data if trace.meta["role"] == "events"]
    assert {row[0] for trace in lanes for row in trace.customdata} == set(plan.shown["id"])
    (band,) = [trace for trace in figure.data if trace.meta["role"] == "counts"]
    assert band.type == "heatmap" and band.meta["lanes"] == LANES
    assert int(np.sum(band.meta["counts"])) == int(mark_counts(plan.counted, LANES).sum())
    assert int(np.nansum(np.array(band.z, dtype=float))) == int(np.sum(band.meta["counts"]))
    note = figure.layout.annotations[0].text
    assert f"{meta['drawn']:,} of {len(large.events):,} events" in note and f"other {meta['counted']:,}" in note
    assert not meta["merged"]  # under MERGE_MARKS marks: each drawn on its own


WINDOW = ("1980-01-01", "1999-12-31")  # every event in it drawn, too many marks to draw apart


def test_marks_too_close_to_tell_apart_are_merged_and_say_how_many_they_stand_for(large):
    figure = timeline_figure(large, large.events, window=WINDOW)
    plan = plan_detail(large.events, LANES, WINDOW)
    assert figure.layout.meta["merged"] and not plan.min_importance
    marks = pd.concat(lanes_of(figure).values())
    assert len(marks) < int(mark_counts(plan.shown, LANES).sum())
    # Each mark stands for the events merged into it: together, every event in view, once per lane.
    assert int(marks["merged"].sum()) == int(mark_counts(plan.shown, LANES).sum())
    for hover, count in zip(marks["hover"], marks["merged"], strict=True):
        assert (f"and {count - 1:,} more here" in hover) == (count > 1)
    assert "share one mark" in figure.layout.annotations[0].text


def test_every_major_event_has_a_major_mark_within_a_bucket_of_its_date(large):
    figure = timeline_figure(large, large.events, window=WINDOW)
    plan = plan_detail(large.events, LANES, WINDOW)
    buckets = merge_buckets(MARKER_SIZES[plan.min_importance or 1])
    grid = MergeGrid.over(*(day_number(pd.Timestamp(end).date()) for end in WINDOW), buckets)
    shown = plan.shown
    assert list(lanes_of(figure)) == LANES
    for theme, marks in lanes_of(figure).items():
        mark_days = np.asarray(day_numbers(pd.to_datetime(marks["x"])))
        major_marks = mark_days[(marks["size"] == marks["size"].max()).to_numpy()]
        lane = shown.loc[shown["themes"].map(lambda themes, t=theme: t in themes)]
        majors = lane.loc[lane["importance"] == 3]
        days = np.asarray(day_numbers(majors["start"].where(majors["end_date"] != "", majors["x"])))
        nearest = np.abs(days[:, None] - major_marks[None, :]).min(axis=1)
        assert len(days) and (nearest < grid.width).all()


@settings(max_examples=60, deadline=None)
@given(
    marks=st.lists(st.tuples(st.integers(-3000, 3000), st.integers(1, 3)), max_size=200),
    start=st.integers(-3500, 0),
    width=st.floats(0.5, 400),
)
def test_merged_marks_account_for_every_mark_once(marks, start, width):
    days = np.array([day for day, _ in marks], dtype=np.int64)
    importance = np.array([level for _, level in marks], dtype=np.int64)
    grid = MergeGrid(start, width)
    leads, counts = merge_marks(days, importance, grid)
    assert int(counts.sum()) == len(marks)
    buckets = np.floor((days - start) / width)
    assert list(buckets[leads]) == sorted(set(buckets.tolist()))  # one mark per bucket, in time order
    for lead, count in zip(leads, counts, strict=True):
        members = np.flatnonzero(buckets == buckets[lead])
        assert len(members) == count
        best = importance[members].max()
        assert lead == members[importance[members] == best][0]  # the most important, the first on a tie


@settings(max_examples=60, deadline=None)
@given(
    spans=st.lists(st.tuples(st.integers(-2000, 2000), st.integers(0, 500)), max_size=60),
    width=st.floats(0, 100),
)
def test_merged_spans_cover_every_span_and_stay_apart(spans, width):
    starts = np.array([start for start, _ in spans], dtype=np.int64)
    lasts = starts + np.array([length for _, length in spans], dtype=np.int64)
    joined = merge_spans(starts, lasts, width)
    for start, last in zip(starts, lasts, strict=True):
        assert any(first <= start and last <= end for first, end in joined)
    for (_, end), (following, _) in itertools.pairwise(joined):
        assert following - end > width
    assert len(joined) <= len(spans)


@pytest.mark.parametrize("window", [None, ("2000-01-01", "2000-12-31")])
def test_the_selected_event_is_ringed_even_when_thinned(large, window):
    minor = large.events.loc[large.events["importance"] == 1].iloc[0]
    figure = timeline_figure(large, large.events, selected=minor["id"], window=window)
    rings = [trace for trace in figure.data if trace.meta["role"] == "selection"]
    assert rings and rings[0].meta["event"] == minor["id"]
    expected = minor["start"] if minor["end_date"] else minor["x"]
    assert pd.Timestamp(rings[0].x[0]) == expected


def test_a_bucket_is_as_wide_as_the_smallest_mark_drawn():
    # On a 1,000 px chart: every event drawn (9 px minor marks), notable and up (13 px), majors (19 px).
    assert [merge_buckets(MARKER_SIZES[level]) for level in (1, 2, 3)] == [111, 77, 53]
    assert merge_buckets(5000) == 1


def test_a_view_thinned_to_major_events_draws_at_most_one_mark_per_lane_and_major_mark_width(large, monkeypatch):
    monkeypatch.setattr("dashboard.figures.MERGE_MARKS", 500)  # its 985 major marks are merged
    plan = plan_detail(large.events, LANES)
    assert plan.min_importance == 3
    figure = timeline_figure(large, large.events)
    assert figure.layout.meta["merged"]
    for theme, marks in lanes_of(figure).items():
        assert 0 < len(marks) <= merge_buckets(MARKER_SIZES[3])
        assert int(marks["merged"].sum()) == int(plan.shown["themes"].map(lambda t, lane=theme: lane in t).sum())
