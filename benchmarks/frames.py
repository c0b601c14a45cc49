"""When a page first shows something, timed the same way on every page the benchmarks load.

The time is the page's own clock (ms since navigation) at the first animation frame in which a
condition holds: the frame that paints what the condition checks. Playwright checks the condition
at every animation frame, and the same check returns the clock, so nothing waits on the page's
main thread being free after that frame, and no page is timed from an event of its own that comes
before its paint while another is timed at a frame.
"""

from __future__ import annotations


def first_frame(page, condition_js: str, timeout_ms: float) -> float:
    """The page's clock at the first animation frame at which ``condition_js`` (a JavaScript
    function of no arguments, true once the thing is shown) holds; ``timeout_ms`` 0 waits for ever."""
    handle = page.wait_for_function(f"() => ({condition_js})() && performance.now()", timeout=timeout_ms, polling="raf")
    return float(handle.json_value())
