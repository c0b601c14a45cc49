"""Plain HTTP routes beside the Dash page: health, the template, the /embed view, response headers."""

from __future__ import annotations

import hashlib
from functools import cache

import plotly
from flask import Flask, Response, jsonify, request
from plotly.offline import get_plotlyjs

from . import __version__
from .export import ExportOptions, html_page
from .model import Dataset
from .dataset import template_path
from .urlstate import from_query

EMBED_PATH = "/embed"
PLOTLY_JS_PATH = f"{EMBED_PATH}/plotly-{plotly.__version__}.min.js"
TEMPLATE_PATH = "/template/events.csv"
YEAR = 365 * 24 * 3600


@cache
def _plotly_js() -> tuple[bytes, str]:
    data = get_plotlyjs().encode("utf-8")
    return data, hashlib.sha256(data).hexdigest()[:16]


def register_routes(server: Flask, dataset: Dataset) -> None:
    """Add /health, /embed and its plotly.js, and the security headers, to the Flask server."""

    @server.route("/health")
    def health() -> Response:
        return jsonify(status="ok", version=__version__, events=len(dataset.events), dataset=dataset.metadata.title)

    @server.route(TEMPLATE_PATH)
    def template() -> Response:
        response = Response(template_path().read_bytes(), mimetype="text/csv")
        response.headers["Content-Disposition"] = 'attachment; filename="events.csv"'
        return response

    @server.route(EMBED_PATH)
    def embed() -> Response:
        view = from_query(request.query_string.decode("utf-8", "replace"), dataset)
        page = html_page(dataset, view, ExportOptions(plotlyjs=PLOTLY_JS_PATH))
        return Response(page, mimetype="text/html")

    @server.route(PLOTLY_JS_PATH)
    def plotly_js() -> Response:
        data, etag = _plotly_js()
        response = Response(data, mimetype="text/javascript")
        response.headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"
        response.set_etag(etag)
        return response

    @server.after_request
    def security_headers(response: Response) -> Response:
        headers = response.headers
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        if request.path == EMBED_PATH:
            headers["Content-Security-Policy"] = "frame-ancestors *"  # made to sit in other sites' pages
        else:
            headers["X-Frame-Options"] = "DENY"
            headers["Content-Security-Policy"] = "frame-ancestors 'none'"
        return response
