"""The Dash floor: the timeline's figure on a Dash page with nothing else in it, served as the
explorer's pages are (the same Dash, plotly.js and gunicorn; no Babel polyfill; scripts gzipped).

What any Dash page pays before its own layout and callbacks: the explorer's first draw less this
page's is what the explorer itself adds. It has the explorer's two ids that ``scale.DRAWN_JS``
watches (the graph and the summary), so both pages are timed alike.

    python benchmarks/dash_floor.py --host 127.0.0.1 --port 8050 --data PATH
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from dash import Dash, dcc, html

from dashboard import ids, load_dataset
from dashboard.app import ASSETS, INDEX_TEMPLATE, LeanPage
from dashboard.compression import register_compression
from dashboard.figures import timeline_figure
from dashboard.layout import GRAPH_CONFIG, summary_text
from dashboard.plotlyjs import DASH_PLOTLY_JS
from dashboard.routes import register_routes
from dashboard.server import run_production_server


class FloorPage(LeanPage):
    """The explorer's page class, naming for early fetching only what this page uses."""

    preloaded_scripts = (DASH_PLOTLY_JS, "_dash-component-suites/dash/dcc/async-graph.js")


def floor_app(data: Path, assets: Path) -> Dash:
    """The floor page for the dataset at ``data``; ``assets`` holds the scripts it needs of ours
    (Babel's regenerator runtime, which Dash's renderer calls without the polyfill)."""
    dataset = load_dataset(data)
    for runtime in ASSETS.glob("regenerator-runtime-*.js"):
        shutil.copy(runtime, assets / runtime.name)
    app = FloorPage(
        __name__,
        assets_folder=str(assets),
        serve_locally=True,
        update_title=None,
        index_string=INDEX_TEMPLATE.replace("__LANG__", "en"),
    )
    total = len(dataset.events)
    app.layout = html.Div(
        [
            dcc.Graph(id=ids.TIMELINE, figure=timeline_figure(dataset, dataset.events), config=GRAPH_CONFIG),
            html.P(summary_text(total, total), id=ids.SUMMARY),
        ]
    )
    register_routes(app.server, dataset, app.csp_hashes())
    register_compression(app.server)
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--data", type=Path, required=True)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as assets:
        app = floor_app(options.data, Path(assets))
        run_production_server(app.server, host=options.host, port=options.port)


if __name__ == "__main__":
    main()
