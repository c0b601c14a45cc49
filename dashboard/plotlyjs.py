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

import atexit
import hashlib
import shutil
import tempfile
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
    """The plotly.js file the image exporter loads for ``figure``: the cartesian bundle with the
    compile hint (``export_bundle``), or None for plotly.py's full bundle."""
    return export_bundle() if draws(figure) else None


# Chromium (V8, since Chrome 136) compiles every function of a script file that starts with this
# comment as the file downloads, on a background thread. Without it, V8 compiles each function on
# the page's main thread when it is first called, and plotly.js calls most of its own to draw a
# first chart. Measured on the explorer's page (bundled dataset, 2 cores, alternating loads): the
# first draw 0.24 s sooner; a bare Plotly page 0.13 s sooner; kaleido's page ready 0.09 s sooner.
# An inline script gets no background compile, so a self-contained HTML file has no hint.
COMPILE_HINT = b"//# allFunctionsCalledOnLoad\n"


@cache
def page_bundle() -> tuple[bytes, str]:
    """The plotly.js file the timeline's pages load (the cartesian bundle when usable), with the
    compile hint, and its ETag."""
    from plotly.offline import get_plotlyjs

    data = COMPILE_HINT + (CARTESIAN_BUNDLE.read_bytes() if cartesian_usable() else get_plotlyjs().encode("utf-8"))
    return data, hashlib.sha256(data).hexdigest()[:16]


@cache
def export_bundle() -> str:
    """The pages' plotly.js file (``page_bundle``: the cartesian bundle, where it is used, with the
    compile hint) on disk, for the image exporter's Chromium (written once per process, to a
    temporary folder removed at exit)."""
    folder = Path(tempfile.mkdtemp(prefix="alliance-timeline-plotlyjs-"))
    atexit.register(shutil.rmtree, folder, True)
    path = folder / CARTESIAN_BUNDLE.name
    path.write_bytes(page_bundle()[0])
    return str(path)


def bundle_text(figure: go.Figure) -> str:
    """plotly.js to write inline into a page showing ``figure``: the cartesian bundle when it
    draws the figure, without the compile hint (an inline script gets no background compile)."""
    from plotly.offline import get_plotlyjs

    return page_bundle()[0][len(COMPILE_HINT) :].decode("utf-8") if draws(figure) else get_plotlyjs()
