"""Which plotly.js the tool ships: plotly.js's own "cartesian" bundle, where it can draw the chart.

The timeline needs only cartesian traces (scatter marks and spans, a heatmap of counted events),
which plotly.js also publishes as a partial bundle (npm ``plotly.js-cartesian-dist-min``, MIT,
vendored in ``vendor/`` at the version plotly.py ships). It is a third of the full bundle and a
browser evaluates it about 0.8 s sooner on a 2-core machine, so the explorer's page, the embed
view, the self-contained HTML export and the image exporter's Chromium all load it instead.
A figure with any other kind of trace, or a plotly.py whose plotly.js is another version, gets
plotly.py's full bundle.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import plotly.graph_objects as go

CARTESIAN_VERSION = "4.1.1"
CARTESIAN_BUNDLE = Path(__file__).resolve().parent / "vendor" / f"plotly-cartesian-{CARTESIAN_VERSION}.min.js"
CARTESIAN_TRACES = frozenset(  # what the bundle registers (Plotly.PlotSchema.get().traces)
    {"scatter", "bar", "box", "heatmap", "histogram", "histogram2d", "histogram2dcontour", "contour"}
    | {"scatterternary", "violin", "image", "pie"}
)
# Where Dash's graph component loads plotly.js from when Dash serves its files itself.
DASH_PLOTLY_JS = "_dash-component-suites/plotly/package_data/plotly.min.js"


def cartesian_usable() -> bool:
    """True when the vendored bundle is the same plotly.js version as plotly.py's."""
    from plotly.offline import get_plotlyjs_version  # here: the command line imports this module early

    return get_plotlyjs_version() == CARTESIAN_VERSION and CARTESIAN_BUNDLE.is_file()


def draws(figure: go.Figure) -> bool:
    """True when the cartesian bundle draws every trace of ``figure``."""
    return cartesian_usable() and {trace.type or "scatter" for trace in figure.data} <= CARTESIAN_TRACES


def bundle_path(figure: go.Figure) -> str | None:
    """The cartesian bundle's file for ``figure``, or None for plotly.py's full bundle."""
    return str(CARTESIAN_BUNDLE) if draws(figure) else None


@cache
def page_bundle() -> tuple[bytes, str]:
    """The plotly.js the timeline's pages load, and its ETag: the cartesian bundle when usable."""
    from plotly.offline import get_plotlyjs

    data = CARTESIAN_BUNDLE.read_bytes() if cartesian_usable() else get_plotlyjs().encode("utf-8")
    return data, hashlib.sha256(data).hexdigest()[:16]


def bundle_text(figure: go.Figure) -> str:
    """plotly.js to write inline into a page showing ``figure`` (the pages' cached bundle when it
    is the cartesian one and draws the figure)."""
    from plotly.offline import get_plotlyjs

    return page_bundle()[0].decode("utf-8") if draws(figure) else get_plotlyjs()
