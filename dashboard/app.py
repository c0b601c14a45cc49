"""The Dash application factory: one app per dataset, layout and callbacks registered on it."""

from __future__ import annotations

from pathlib import Path

from dash import Dash
from flask import Flask

from .callbacks import register_callbacks
from .layout import language_path, page
from .model import Dataset
from .routes import inline_script_hashes, register_routes, serve_layout_compressed
from .sources import DataSource
from .uploads import Limits

ASSETS = Path(__file__).resolve().parent / "assets"

# Dash serves a Babel polyfill (core-js 2) first. It replaces parseInt, parseFloat, String trim and
# Math.sinh with slower versions on every current browser (it holds their handling of U+180E, since
# Unicode 6.3 no longer a space, to be a bug), and plotly.js calls them thousands of times per
# redraw. The page keeps the browser's own ones here; assets/builtins.js puts them back.
KEEP_NATIVE_BUILTINS = (
    "window.nativeBuiltins={parseInt:parseInt,parseFloat:parseFloat,trim:String.prototype.trim,"
    "trimStart:String.prototype.trimStart,trimEnd:String.prototype.trimEnd,sinh:Math.sinh};"
)

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
            <script>__KEEP_NATIVE_BUILTINS__</script>
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
    register_routes(
        app.server, dataset, app.csp_hashes() + inline_script_hashes(f"<script>{KEEP_NATIVE_BUILTINS}</script>")
    )
    return app


def _language_app(source: DataSource, lang: str, server: Flask | bool) -> Dash:
    dataset = source.localised(source.dataset, lang)
    meta = dataset.metadata
    app = Dash(
        __name__,
        server=server,
        url_base_pathname=language_path(lang),
        title=meta.title,
        assets_folder=str(ASSETS),
        serve_locally=True,
        update_title=None,
        index_string=INDEX_TEMPLATE.replace("__LANG__", lang).replace("__KEEP_NATIVE_BUILTINS__", KEEP_NATIVE_BUILTINS),
        meta_tags=[
            {"name": "viewport", "content": "width=device-width, initial-scale=1"},
            {"name": "description", "content": meta.description or meta.title},
        ],
    )
    app.layout = page(dataset, source.limits, lang)
    register_callbacks(app, source, lang)
    serve_layout_compressed(app)
    return app
