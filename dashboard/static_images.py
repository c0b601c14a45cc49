"""PNG, SVG and PDF through Plotly's static export (kaleido), driving a real Chrome or Chromium
(with the cartesian plotly.js bundle where it draws the figure: a cold export is about 0.9 s faster)."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import plotly.graph_objects as go

from .plotlyjs import bundle_path

IMAGE_FORMATS = ("png", "svg", "pdf")
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
    """Render one figure in each format with a single browser session (one render at a time)."""
    browser = find_browser()
    if browser is None:
        raise BrowserNotFound()
    wanted = [fmt for fmt in formats if fmt in IMAGE_FORMATS]
    with _render_lock, ThreadPoolExecutor(max_workers=1) as worker:
        os.environ["BROWSER_PATH"] = browser  # kaleido (choreographer) reads it
        # Its own thread and event loop, so it also works where a loop is already running
        # (a notebook, a browser-test driver).
        return worker.submit(asyncio.run, _render(figure, wanted, width, height, scale)).result()


async def _render(figure: go.Figure, formats: list[str], width: int, height: int, scale: float) -> dict[str, bytes]:
    import kaleido  # imported here: only image exports need it

    images = {}
    async with kaleido.Kaleido(n=1, mathjax=False, plotlyjs=bundle_path(figure)) as renderer:
        for fmt in formats:
            opts = {"format": fmt, "width": width, "height": height, "scale": scale}
            data = await renderer.calc_fig(figure, opts=opts)
            images[fmt] = stable_svg(data) if fmt == "svg" else data
    return images


def stable_svg(data: bytes) -> bytes:
    """Replace the random id plotly.js gives each drawing, so the same chart gives the same SVG."""
    text = data.decode("utf-8")
    for uid in sorted(set(re.findall(r'id="defs-([0-9a-f]+)"', text))):
        text = re.sub(rf"(defs-|clip){uid}", r"\g<1>timeline", text)
    return text.encode("utf-8")
