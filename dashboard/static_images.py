"""PNG, SVG and PDF through Plotly's static export (kaleido), driving a real Chrome or Chromium
(with the cartesian plotly.js bundle where it draws the figure: a cold export is about 0.9 s faster)."""

from __future__ import annotations

import asyncio
import atexit
import os
import re
import shutil
import threading
from collections.abc import Iterable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .formats import IMAGE_FORMATS
from .plotlyjs import bundle_path, cartesian_usable, export_bundle

if TYPE_CHECKING:
    import plotly.graph_objects as go

BROWSER_ENV = ("CHROME_PATH", "BROWSER_PATH")
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
NO_BROWSER_HINT = (
    "PNG, SVG and PDF export needs Chrome or Chromium: install it (Debian/Ubuntu: apt-get install chromium; "
    "add fonts-noto-cjk for Japanese text) or set CHROME_PATH to the browser's executable"
)


class BrowserNotFound(RuntimeError):
    """No Chrome or Chromium to render static images with."""

    def __init__(self) -> None:
        super().__init__(NO_BROWSER_HINT)


def find_browser() -> str | None:
    """The Chrome/Chromium executable: CHROME_PATH or BROWSER_PATH, else the first one on PATH."""
    for variable in BROWSER_ENV:
        configured = os.environ.get(variable)
        if configured:
            return configured if Path(configured).is_file() else shutil.which(configured)
    return next((found for name in BROWSER_NAMES if (found := shutil.which(name))), None)


_render_lock = threading.Lock()


def render_images(figure: go.Figure, formats: Iterable[str], width: int, height: int, scale: float) -> dict[str, bytes]:
    """Render one figure in each format with a single browser session (one render at a time);
    the browser ``warm_up`` started, when there is one that can draw ``figure``."""
    browser = find_browser()
    if browser is None:
        raise BrowserNotFound()
    wanted = [fmt for fmt in formats if fmt in IMAGE_FORMATS]
    plotlyjs = bundle_path(figure)
    warm = _take_warm(plotlyjs)
    if warm is not None:
        return warm.render(figure, wanted, width, height, scale)
    with _render_lock:
        return _BrowserSession(browser, plotlyjs).render(figure, wanted, width, height, scale)


async def _draw(renderer: Any, figure: go.Figure, formats: list[str], width: int, height: int, scale: float):
    images = {}
    for fmt in formats:
        opts = {"format": fmt, "width": width, "height": height, "scale": scale}
        data = await renderer.calc_fig(figure, opts=opts)
        images[fmt] = stable_svg(data) if fmt == "svg" else data
    return images


class _BrowserSession:
    """Chromium with plotly.js loaded, in its own thread and event loop (so it also works where a
    loop is already running: a notebook, a browser-test driver), used for one render. Started
    before the figure exists by ``warm_up``; closed unused when no render comes."""

    def __init__(self, browser: str, plotlyjs: str | None) -> None:
        self.plotlyjs = plotlyjs
        self._job: Future = Future()
        self._result: Future = Future()
        os.environ["BROWSER_PATH"] = browser  # kaleido (choreographer) reads it
        self._thread = threading.Thread(target=self._run, name="image-browser", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            asyncio.run(self._serve())
        except BaseException as error:  # handed to the caller waiting for the render
            if not self._result.done():
                self._result.set_exception(error)

    async def _serve(self) -> None:
        import kaleido  # imported here: only image exports need it

        async with kaleido.Kaleido(n=1, mathjax=False, plotlyjs=self.plotlyjs) as renderer:
            job = await asyncio.wrap_future(self._job)
            if job is not None:
                self._result.set_result(await _draw(renderer, *job))

    def render(self, figure: go.Figure, formats: list[str], width: int, height: int, scale: float):
        self._job.set_result((figure, formats, width, height, scale))
        try:
            return self._result.result()
        finally:
            self._thread.join(timeout=10)  # the browser closed and its profile removed

    def close(self) -> None:
        if not self._job.done():
            self._job.set_result(None)
        self._thread.join(timeout=10)


_warm: _BrowserSession | None = None


def warm_up() -> None:
    """Start Chromium and load plotly.js in the background now, for the next ``render_images``.
    The command line calls it before loading the dataset and the figure code, which then load
    while the browser starts (a cold PNG export is about 0.7 s faster). Without a browser, it
    does nothing: ``render_images`` then reports the missing browser."""
    global _warm
    browser = find_browser()
    if _warm is None and browser is not None:
        _warm = _BrowserSession(browser, export_bundle() if cartesian_usable() else None)
        atexit.register(_warm.close)


def cool_down() -> None:
    """Close the browser ``warm_up`` started, if no render used it (an export that failed first)."""
    global _warm
    warm, _warm = _warm, None
    if warm is not None:
        warm.close()


def _take_warm(plotlyjs: str | None) -> _BrowserSession | None:
    """The warm browser, once, if it loaded the plotly.js this figure needs."""
    global _warm
    warm, _warm = _warm, None
    if warm is not None and warm.plotlyjs != plotlyjs:
        warm.close()
        return None
    return warm


def stable_svg(data: bytes) -> bytes:
    """Replace the random id plotly.js gives each drawing, so the same chart gives the same SVG."""
    text = data.decode("utf-8")
    for uid in sorted(set(re.findall(r'id="defs-([0-9a-f]+)"', text))):
        text = re.sub(rf"(defs-|clip){uid}", r"\g<1>timeline", text)
    return text.encode("utf-8")
