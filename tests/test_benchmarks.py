"""The benchmarks' own conversions and measures: a comparison is only fair if it draws the same
events, and a number is only worth reporting if it measures what its row says."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from competitors import timelinejs_events, vis_items  # noqa: E402
from dash_floor import floor_app  # noqa: E402
from scale import paired_ratio, peak_memory_mb  # noqa: E402

from dashboard import ids  # noqa: E402
from dashboard.app import PRELOADED_SCRIPTS  # noqa: E402
from dashboard.dataset import bundled_dataset_path  # noqa: E402
from dashboard.figures import timeline_figure  # noqa: E402
from dashboard.plotlyjs import DASH_PLOTLY_JS, page_bundle  # noqa: E402


def test_vis_timeline_gets_every_event_once_in_its_first_themes_group(mini):
    converted = vis_items(mini)
    assert [group["id"] for group in converted["groups"]] == [theme.id for theme in mini.themes]
    items = converted["items"]
    assert len(items) == len(mini.events) == len({item["id"] for item in items})
    for item, event in zip(items, mini.events.itertuples(), strict=True):
        assert item["group"] == event.themes[0]
        assert item["start"] == event.start.date().isoformat()
        if event.end_date:
            assert (item["type"], item["end"]) == ("range", event.last.date().isoformat())
        else:
            assert item["type"] == "point" and "end" not in item
    assert {item["type"] for item in items} == {"point", "range"}  # the fixture has both kinds


def test_timelinejs_gets_a_slide_per_event_with_its_dates(mini):
    slides = timelinejs_events(mini)["events"]
    assert len(slides) == len(mini.events)
    for slide, event in zip(slides, mini.events.itertuples(), strict=True):
        start = slide["start_date"]
        assert (start["year"], start["month"], start["day"]) == (event.start.year, event.start.month, event.start.day)
        assert ("end_date" in slide) == bool(event.end_date)
        assert slide["group"] == event.themes[0]
        assert "<" not in slide["text"]["headline"] + slide["text"]["text"]  # shown as text


def test_the_servers_peak_memory_is_its_own_not_the_benchmarks():
    # The benchmark holds every dataset it has loaded; the measured process must not report that.
    held = b"x" * (600 * 1024 * 1024)
    peak = peak_memory_mb(bundled_dataset_path())
    assert len(held) and 50 < peak < 400, peak


def test_the_dash_floor_page_holds_the_chart_alone_served_as_ours(mini):
    app = floor_app(mini.path)
    client = app.server.test_client()
    page = client.get("/").get_data(as_text=True)
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert [src for src in scripts if "regenerator-runtime" in src] and not [s for s in scripts if "polyfill" in s]
    assert not [src for src in scripts if "/assets/" in src and "regenerator-runtime" not in src]
    assert "/assets/style.css" not in page
    preloads = re.findall(r'<link rel="preload" as="script" href="/([^"]+)">', page)
    assert preloads == list(PRELOADED_SCRIPTS)  # the explorer's, all of which this page uses too
    packed = client.get("/_dash-layout", headers={"Accept-Encoding": "gzip"})
    assert packed.headers["Content-Encoding"] == "gzip" and packed.headers.get("ETag")  # one copy, as ours
    layout = client.get("/_dash-layout").get_json()
    graph, summary = layout["props"]["children"]
    assert (graph["type"], graph["props"]["id"], summary["props"]["id"]) == ("Graph", ids.TIMELINE, ids.SUMMARY)
    drawn = timeline_figure(mini, mini.events).to_plotly_json()
    assert len(graph["props"]["figure"]["data"]) == len(drawn["data"])
    assert summary["props"]["children"] == f"{len(mini.events)} of {len(mini.events)} events"
    plotly_js = client.get("/" + DASH_PLOTLY_JS)
    assert plotly_js.status_code == 200 and plotly_js.data == page_bundle()[0]


def test_the_round_by_round_ratio_pairs_each_round_and_its_interval_holds_the_median():
    # A machine that slows down in later rounds slows both pages: the pairs keep the ratio at 1.5.
    base = [400.0, 420.0, 600.0, 800.0, 1000.0, 410.0, 900.0]
    ratio, low, high = paired_ratio([1.5 * b for b in base], base)
    assert (ratio, low, high) == (1.5, 1.5, 1.5)
    # Pairs matter: sorted apart they would give 1.6, and the ratio of the medians 1.625.
    assert paired_ratio([600.0, 1300.0, 1600.0], [400.0, 1000.0, 800.0])[0] == pytest.approx(1.5)
    noisy = [1.3, 1.6, 1.45, 1.5, 1.4, 1.7, 1.35, 1.55, 1.5]
    ratio, low, high = paired_ratio([r * 500 for r in noisy], [500.0] * len(noisy))
    # The interval leaves out the 2.5 % of resampled medians at each end: not the extremes.
    assert (ratio, low, high) == pytest.approx((1.5, 1.35, 1.6))
    assert paired_ratio([r * 500 for r in noisy], [500.0] * len(noisy)) == (ratio, low, high)  # fixed seed
