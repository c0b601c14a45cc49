"""The Dash application factory: one app per dataset, layout and callbacks registered on it."""

from __future__ import annotations

from pathlib import Path

from dash import Dash

from .callbacks import register_callbacks
from .layout import page
from .model import Dataset
from .routes import register_routes
from .sources import DataSource
from .uploads import Limits

ASSETS = Path(__file__).resolve().parent / "assets"

INDEX_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
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

    Readers may open their own file in the page; ``limits`` bound what one upload may be.
    """
    source = DataSource(dataset, limits or Limits.from_environment())
    meta = dataset.metadata
    app = Dash(
        __name__,
        title=meta.title,
        assets_folder=str(ASSETS),
        serve_locally=True,
        update_title=None,
        index_string=INDEX_TEMPLATE,
        meta_tags=[
            {"name": "viewport", "content": "width=device-width, initial-scale=1"},
            {"name": "description", "content": meta.description or meta.title},
        ],
    )
    app.layout = page(dataset, source.limits)
    # A request carries at most one upload as base64 text (4/3 of its size) plus the page state.
    app.server.config["MAX_CONTENT_LENGTH"] = source.limits.max_bytes * 4 // 3 + 1024 * 1024
    register_callbacks(app, source)
    register_routes(app.server, dataset, app.csp_hashes())
    return app
