"""Level of detail: a thinned chart never drops an event silently."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.detail import MAX_MARKS, counts_per_year, in_window, mark_counts, plan_detail
from dashboard.figures import timeline_figure
from dashboard.filters import FilterState, apply_filters

LANES = ["law", "alliance", "forces", "regional"]


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
    drawn = {row[0] for trace in figure.data if trace.meta["role"] == "events" for row in trace.customdata}
    assert len(drawn) == meta["drawn"]
    counted_marks = sum(sum(trace.meta["counts"]) for trace in figure.data if trace.meta["role"] == "counts")
    plan = plan_detail(large.events, LANES)
    assert counted_marks == int(mark_counts(plan.counted, LANES).sum())
    note = figure.layout.annotations[0].text
    assert f"{meta['drawn']:,} of {len(large.events):,} events" in note and f"other {meta['counted']:,}" in note


@pytest.mark.parametrize("window", [None, ("2000-01-01", "2000-12-31")])
def test_the_selected_event_is_ringed_even_when_thinned(large, window):
    minor = large.events.loc[large.events["importance"] == 1].iloc[0]
    figure = timeline_figure(large, large.events, selected=minor["id"], window=window)
    rings = [trace for trace in figure.data if trace.meta["role"] == "selection"]
    assert rings and rings[0].meta["event"] == minor["id"]
    expected = minor["start"] if minor["end_date"] else minor["x"]
    assert pd.Timestamp(rings[0].x[0]) == expected
