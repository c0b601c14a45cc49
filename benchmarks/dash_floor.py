"""The Dash floor: the timeline's figure on a Dash page with nothing else in it, served as the
explorer's pages are (the same Dash, plotly.js and gunicorn; no Babel polyfill; scripts gzipped).

What any Dash page pays before its own layout and callbacks: the explorer's first draw less this
page's is what the explorer itself adds. It has the explorer's two ids that ``scale.DRAWN_JS``
watches (the graph and the summary), so both pages are timed alike.

    python benchmarks/dash_floor.py --host 127.0.0.1 --port 8050 --data PATH
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dash import Dash, dcc, html

from dashboard import ids, load_dataset
from dashboard.app import ASSETS, INDEX_TEMPLATE, LeanPage, set_up_before_serving
from dashboard.compression import register_compression
from dashboard.figures import timeline_figure
from dashboard.layout import GRAPH_CONFIG, summary_text
from dashboard.routes import register_routes, serve_layout_compressed
from dashboard.server import run_production_server


def floor_app(data: Path) -> Dash:
    """The floor page for the dataset at ``data``. Of our assets it loads only Babel's regenerator
    runtime, which Dash's renderer calls without the polyfill (the others are ignored: served, not
    named in the page)."""
    dataset = load_dataset(data)
    app = LeanPage(
        __name__,
        assets_folder=str(ASSETS),
        assets_ignore=r"^(?!regenerator-runtime-)",
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
    serve_layout_compressed(app)  # as ours: the layout, figure included, gzipped once at start
    set_up_before_serving(app.server)
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--data", type=Path, required=True)
    options = parser.parse_args()
    run_production_server(floor_app(options.data).server, host=options.host, port=options.port)


if __name__ == "__main__":
    main()
