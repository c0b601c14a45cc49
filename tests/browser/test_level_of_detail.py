"""Level of detail in the real page: merged marks, and zooming in to see each event."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from dashboard import load_dataset
from dashboard.detail import in_window

pytestmark = pytest.mark.browser

WINDOW = ("2000-01-01", "2001-12-31")
META_JS = "() => document.querySelector('#timeline .js-plotly-plot').layout.meta"
DRAWN_JS = """() => {
  const gd = document.querySelector('#timeline .js-plotly-plot');
  const lanes = gd.data.filter(t => t.meta && t.meta.role === 'events');
  return {ids: [...new Set(lanes.flatMap(t => t.customdata.map(row => row[0])))].sort(),
          marks: lanes.reduce((n, t) => n + t.x.length, 0)};
}"""


def test_zooming_in_on_merged_marks_draws_each_event_in_view(
    page: Page, merged_server_url, merged_path, console_errors
):
    dataset = load_dataset(merged_path)
    page.goto(merged_server_url)
    expect(page.locator("#summary")).to_have_text("2000 of 2000 events")
    # No waiting for the page to settle: a zoom made while the graph still sizes itself counts too.
    page.wait_for_function("() => !!(document.querySelector('#timeline .js-plotly-plot') || {}).timelineFollowsZoom")
    meta = page.evaluate(META_JS)
    assert meta["merged"] and not meta["thinned"]
    merged = page.evaluate(DRAWN_JS)
    marks = int(dataset.events["themes"].map(len).sum())
    assert merged["marks"] < marks
    expect(page.locator("#timeline .annotation-text", has_text="share one mark")).to_have_count(1)

    # Zoom as a reader dragging across the chart does: the chart is redrawn for the window.
    page.evaluate(
        "([start, end]) => Plotly.relayout(document.querySelector('#timeline .js-plotly-plot'),"
        " {'xaxis.range[0]': start, 'xaxis.range[1]': end})",
        list(WINDOW),
    )
    page.wait_for_function(f"() => ({META_JS})().merged === false")
    visible = dataset.events.loc[in_window(dataset.events, WINDOW)]
    zoomed = page.evaluate(DRAWN_JS)
    assert zoomed["ids"] == sorted(visible["id"])
    assert zoomed["marks"] == int(visible["themes"].map(len).sum())  # each event in view, one by one
    expect(page.locator("#timeline .annotation-text", has_text="share one mark")).to_have_count(0)

    # A double click (autorange) goes back to the full view, merged again.
    page.evaluate(
        "() => Plotly.relayout(document.querySelector('#timeline .js-plotly-plot'), {'xaxis.autorange': true})"
    )
    page.wait_for_function(f"() => ({META_JS})().merged === true")
    assert page.evaluate(DRAWN_JS)["marks"] == merged["marks"]
