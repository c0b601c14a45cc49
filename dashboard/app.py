"""The Dash application factory: one app per dataset, layout and callbacks registered on it."""

from __future__ import annotations

import json
import re
from pathlib import Path

from dash import Dash
from flask import Flask, request

from .callbacks import register_callbacks
from .chart_data import chart_payload_json, search_matches
from .compression import register_compression
from .filters import filter_mask, search_terms
from .interaction import state_to_store
from .layout import language_path, page
from .model import Dataset
from .plotlyjs import DASH_PLOTLY_JS
from .routes import register_routes, serve_chart_data, serve_layout_compressed
from .sources import DataSource
from .uploads import Limits
from .urlstate import first_view

ASSETS = Path(__file__).resolve().parent / "assets"

# Dash serves a Babel polyfill (core-js 2) before everything else: about 100 kB that every browser
# able to run React 18 already has built in, whose start-up costs about 0.1 s of the first draw, and
# which swaps parseInt, parseFloat and String trim for versions several times slower, which plotly.js
# calls thousands of times per redraw. The page leaves it out. Dash's renderer and dcc still need
# the one piece a browser lacks, Babel's regenerator runtime: assets/regenerator-runtime-0.14.1.js.
BABEL_POLYFILL = re.compile(r'<script src="[^"]*/deps/polyfill@[^"]*"></script>\s*')
# The event list's grid comes into the page after the chart (layout.later_parts), and so does its
# script (1.3 MB, about 0.07 s to run here): the page only names it, for the browser to fetch when
# idle, and assets/timeline.js runs it just before the grid goes in.
GRID_SCRIPT = re.compile(r'<script src="([^"]*/dash_ag_grid/dash_ag_grid[^"]*)"></script>')
GRID_SCRIPT_LINK = r'<link rel="prefetch" as="script" id="grid-script" href="\1">'
# Dash serves DataTable's script to every page; the timeline has no DataTable.
DATA_TABLE_SCRIPT = re.compile(r'<script src="[^"]*/dash_table/bundle[^"]*"></script>\s*')
# What the first view needs but asks for only once Dash has laid it out: plotly.js, which dcc.Graph
# adds when it mounts, and dcc's chunk for the graph (the file picker's and the year slider's come
# later, with layout.later_parts and layout.later_filters). Named in the page as preloads, they are
# fetched while Dash's scripts load and run, not once Dash has laid out the page. They are named
# after Dash's scripts, so they queue behind them: a browser opens at most six connections to a
# server over HTTP/1.1 and asks for what is named first first, and the page can start only once
# Dash's scripts are in (plotly.js runs a few hundred ms later).
PRELOADED_SCRIPTS = (
    DASH_PLOTLY_JS,
    "_dash-component-suites/dash/dcc/async-graph.js",
)


class LeanPage(Dash):
    """Dash, serving its page without the Babel polyfill or DataTable's script, with the grid's
    script for later, with what the first view needs fetched from the start, and with the view a
    shared link's address opens."""

    preloaded_scripts = PRELOADED_SCRIPTS
    linked_dataset: Dataset | None = None  # what a shared link's address is read against

    def interpolate_index(self, **kwargs: str) -> str:
        scripts = BABEL_POLYFILL.sub("", kwargs["scripts"], count=1)
        scripts = DATA_TABLE_SCRIPT.sub("", scripts, count=1)
        kwargs["scripts"] = GRID_SCRIPT.sub(GRID_SCRIPT_LINK, scripts, count=1)
        prefix = self.config.requests_pathname_prefix
        preloads = (f'\n<link rel="preload" as="script" href="{prefix}{path}">' for path in self.preloaded_scripts)
        kwargs["scripts"] += "".join(preloads)
        if self.linked_dataset is not None and request.query_string:
            kwargs["config"] += first_view_script(self.linked_dataset, request.query_string.decode("utf-8", "replace"))
        return super().interpolate_index(**kwargs)


# The view a shared link's address opens, in the page itself (assets/timeline.js, firstView):
# the chart is drawn from it at once, where the page asked the server for it first (about 0.1 s),
# and then asked again for the events its search words match (about 0.07 s). Whether the view is
# empty comes too: the page then shows the empty state in the chart's place from its first paint,
# where the chart's room was kept until the first draw found nothing to draw.
FIRST_VIEW_ID = "first-view"


def first_view_script(dataset: Dataset, query: str) -> str:
    """A data block (never run) with the state and zoom that the address ``?query`` opens, whether
    that view shows no events, and the events its search words match (as the page's search asks).
    The address is the reader's text: in JSON with ``<``, ``>`` and ``&`` escaped, it cannot end
    the block or start markup, and with ``%`` escaped, it cannot name a part of Dash's page
    template (``{%scripts%}``), which Dash fills in after the block is in."""
    state, zoom = first_view(query, dataset)
    view = {"search": "?" + query, "state": state_to_store(state), "zoom": zoom}
    view["empty"] = not filter_mask(dataset, state.filters).any()
    if search_terms(state.filters.query):
        view["matches"] = search_matches(dataset, state.filters.query)
    text = json.dumps(view, ensure_ascii=True)
    for character in "<>&%":
        text = text.replace(character, f"\\u{ord(character):04x}")
    return f'<script type="application/json" id="{FIRST_VIEW_ID}">{text}</script>'


INDEX_TEMPLATE = """<!DOCTYPE html>
<html lang="__LANG__">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
    </head>
    <body>
        {%app_entry%}
        <div>
            {%config%}
            {%scripts%}
            {%renderer%}
        </div>
    </body>
</html>"""


def create_app(dataset: Dataset, limits: Limits | None = None) -> Dash:
    """A Dash app exploring ``dataset``; ``app.server`` is its WSGI application.

    The English page is at ``/`` and the Japanese one at ``/ja/``, on the same server. Readers may
    open their own file in the page; ``limits`` bound what one upload may be.
    """
    source = DataSource(dataset, limits or Limits.from_environment())
    app = _language_app(source, "en", server=True)
    _language_app(source, "ja", server=app.server)
    # A request carries at most one upload as base64 text (4/3 of its size) plus the page state.
    app.server.config["MAX_CONTENT_LENGTH"] = source.limits.max_bytes * 4 // 3 + 1024 * 1024
    register_routes(app.server, dataset, app.csp_hashes())
    register_compression(app.server)
    set_up_before_serving(app.server)
    return app


def set_up_before_serving(server: Flask) -> None:
    """Let every Dash app on ``server`` finish setting itself up now, not on a reader's request.

    Dash does it on the first request each process serves, and a request that another thread
    takes meanwhile finds the page's scripts not yet registered: it gets an error instead of a
    script, and the page never draws (one fresh production server in six here, whose workers each
    serve four threads). Dash's set-up now, as before a request (though none is served: Flask
    would then refuse what is still to be added, as Dash's debugging tools), sets them all up;
    gunicorn's workers are forked from a process already set up."""
    with server.test_request_context("/health"):
        server.preprocess_request()


def _language_app(source: DataSource, lang: str, server: Flask | bool) -> Dash:
    dataset = source.localised(source.dataset, lang)
    meta = dataset.metadata
    app = LeanPage(
        __name__,
        server=server,
        url_base_pathname=language_path(lang),
        title=meta.title,
        assets_folder=str(ASSETS),
        serve_locally=True,
        update_title=None,
        # The event list's grid and the export choices come into the page after the chart
        # (callbacks.show_later_parts), so some callbacks name them before they are there;
        # tests/test_callbacks.py checks every id they name.
        suppress_callback_exceptions=True,
        index_string=INDEX_TEMPLATE.replace("__LANG__", lang),
        meta_tags=[
            {"name": "viewport", "content": "width=device-width, initial-scale=1"},
            {"name": "description", "content": meta.description or meta.title},
        ],
    )
    app.layout = page(dataset, lang)
    app.linked_dataset = dataset
    register_callbacks(app, source, lang)
    serve_layout_compressed(app)
    serve_chart_data(app, chart_payload_json(dataset, lang))
    return app
