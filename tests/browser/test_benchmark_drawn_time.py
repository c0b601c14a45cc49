"""The benchmarks time every page's first draw alike (benchmarks/drawn_time.py): when the page's
document first holds its drawn chart, whatever the page does before or after, and whenever the
benchmark asks."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from drawn_time import drawn_at, watch_drawn

ADDRESS = "http://drawn-time.test/"
# 300 ms in, the page fires an event of its own ("drawn", as a library may), works on for 200 ms
# more in the same task, then puts its chart in from an animation frame, and then starts a 600 ms
# task (as our page starts its later parts once its chart is drawn).
DRAWS_LATE_THEN_BUSY = """<!DOCTYPE html><html><body><script>
setTimeout(() => {
  window.eventAt = performance.now();
  while (performance.now() < window.eventAt + 200) {}
  requestAnimationFrame(() => {
    const chart = document.createElement('div');
    chart.id = 'chart';
    document.body.append(chart);
    window.chartAt = performance.now();
    setTimeout(() => {
      window.busyFrom = performance.now();
      while (performance.now() < window.busyFrom + 600) {}
      window.busyTo = performance.now();
    });
  });
}, 300);
</script></body></html>"""


def test_a_draw_is_timed_when_the_chart_is_in_the_page_not_at_an_event_or_once_the_page_is_free(page):
    page.route(ADDRESS, lambda route: route.fulfill(body=DRAWS_LATE_THEN_BUSY, content_type="text/html"))
    watch_drawn(page, "() => !!document.getElementById('chart')")
    page.goto(ADDRESS)
    page.wait_for_function("() => window.busyTo !== undefined")  # asked only after all of it
    drawn = drawn_at(page, 10_000)
    event, chart, busy = page.evaluate("() => [window.eventAt, window.chartAt, window.busyFrom]")
    # Not the page's own event, 200 ms before its chart; not the frame after the chart went in,
    # or once the page was free again: both come after the 600 ms task.
    assert event + 200 <= chart <= drawn < busy
