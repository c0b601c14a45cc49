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
    # The graph sizes itself to the page once after its first draw; its "autosize" relayout would
    # replace a zoom made in the same moment (Dash keeps the latest relayout), so wait for it.
    autosized = []
    page.on("request", lambda request: autosized.append(1) if '"autosize":true' in (request.post_data or "") else None)
    page.goto(merged_server_url)
    expect(page.locator("#summary")).to_have_text("2000 of 2000 events")
    page.wait_for_function("() => !!document.querySelector('#timeline .main-svg')")
    page.wait_for_load_state("networkidle")
    for _ in range(100):
        if autosized:
            break
        page.wait_for_timeout(100)
    assert autosized
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
