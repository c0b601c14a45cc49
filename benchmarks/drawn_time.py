"""When a page has first drawn its chart, timed the same way on every page the benchmarks load.

The time is the page's own clock (ms since navigation) when its document first holds the drawn
chart: a MutationObserver, set up before the page's own scripts run, checks a condition after
every change to the document, and keeps the clock's reading the first time it holds. Observers
are told of changes once the script that made them has run to its end, so the reading comes when
the chart is complete in the document, before the browser lays it out and paints it, on every
page alike, and it does not depend on when the benchmark asks for it: not on an event a library
fires before it has finished drawing, nor on the page's main thread being free once it has.
"""

from __future__ import annotations

WATCH_JS = """(drawn) => {
  const observer = new MutationObserver(() => {
    let held = false;
    try { held = !!drawn(); } catch (error) { held = false; }
    if (held) { window.__drawnAt = performance.now(); observer.disconnect(); }
  });
  observer.observe(document, {childList: true, subtree: true, characterData: true});
}"""


def watch_drawn(page, condition_js: str) -> None:
    """Before ``page`` navigates: watch its document for ``condition_js`` (a JavaScript function
    of no arguments, true once the chart is drawn)."""
    page.add_init_script(f"({WATCH_JS})({condition_js});")


def drawn_at(page, timeout_ms: float) -> float:
    """The page's clock when the condition ``watch_drawn`` set first held, once it has; a
    ``timeout_ms`` of 0 waits for ever."""
    return float(page.wait_for_function("() => window.__drawnAt", timeout=timeout_ms).json_value())
