"""The benchmarks time every page's first draw alike (benchmarks/frames.py): at the first frame in
which the page shows its chart, read in that frame, whatever the page does next."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from frames import first_frame

# Shown 300 ms in; the first frame after that then starts a 600 ms task, as our page starts its
# later parts once the chart is drawn.
SHOWN_THEN_BUSY = """<!DOCTYPE html><html><body><script>
setTimeout(() => {
  window.shownAt = performance.now();
  window.shown = true;
  requestAnimationFrame(() => setTimeout(() => {
    window.busyFrom = performance.now();
    while (performance.now() < window.busyFrom + 600) {}
  }));
}, 300);
</script></body></html>"""


def test_a_first_frame_is_read_in_that_frame_not_once_the_page_is_free_again(page):
    page.set_content(SHOWN_THEN_BUSY)
    shown = first_frame(page, "() => window.shown === true", 10_000)
    page.wait_for_function("() => window.busyFrom !== undefined")
    shown_at, busy_from = page.evaluate("() => [window.shownAt, window.busyFrom]")
    # After the page showed it, and before the task that the frame showing it started.
    assert shown_at <= shown < busy_from
    # The page's clock read once it is free again is past that task: what the old timing read.
    assert page.evaluate("() => performance.now()") >= busy_from + 600
