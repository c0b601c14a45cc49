"""When a page has first drawn its chart, timed the same way on every page the benchmarks load.

The time is the page's own clock (ms since navigation) when its document first holds the drawn
chart: a MutationObserver, set up before the page's own scripts run, checks a condition after
every change to the document (its elements, its text, and the attributes a page names), and
keeps the clock's reading the first time it holds. Observers are told of changes at the next
microtask checkpoint, once the script that made them has returned (a draw that goes on in a
promise callback may not have finished: the condition should check what finishes it). So the
reading comes when the chart is in the document, before the browser lays it out and paints it,
on every page alike, and it does not depend on when the benchmark asks for it: not on an event a
library fires before it has finished drawing, nor on the page's main thread being free once it
has. The observer's own work falls on the page it times: our page's document changes more than
a bare page's as it starts (about 100 callbacks and 2 to 5 ms, against 4 and under 1 ms).
"""

from __future__ import annotations

import json

WATCH_JS = """(drawn, attributes) => {
  const observer = new MutationObserver(() => {
    let held = false;
    try { held = !!drawn(); } catch (error) { held = false; }
    if (held) { window.__drawnAt = performance.now(); observer.disconnect(); }
  });
  const watched = {childList: true, subtree: true, characterData: true};
  if (attributes.length) { watched.attributeFilter = attributes; }
  observer.observe(document, watched);
}"""


def watch_drawn(page, condition_js: str, attributes: tuple[str, ...] = ()) -> None:
    """Before ``page`` navigates: watch its document for ``condition_js`` (a JavaScript function
    of no arguments, true once the chart is drawn), checked after changes to its elements and
    text, and to the ``attributes`` named (for a page that draws by moving elements into place)."""
    page.add_init_script(f"({WATCH_JS})({condition_js}, {json.dumps(list(attributes))});")


def drawn_at(page, timeout_ms: float) -> float:
    """The page's clock when the condition ``watch_drawn`` set first held, once it has; a
    ``timeout_ms`` of 0 waits for ever."""
    return float(page.wait_for_function("() => window.__drawnAt", timeout=timeout_ms).json_value())
