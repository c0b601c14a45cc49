"""Plain HTTP routes beside the Dash page: health, the template, the /embed view, the page's layout
served compressed, plotly.js (the cartesian bundle, see plotlyjs.py), response headers."""

from __future__ import annotations

import base64
import gzip
import hashlib
import re
from urllib.parse import urlencode

import plotly
from dash import Dash
from flask import Flask, Response, jsonify, redirect, request
from plotly.io.json import to_json_plotly

from . import __version__
from .chart_data import CHART_DATA_FILE
from .dataset import template_path
from .export import ExportOptions, html_page
from .i18n import normal_language
from .localise import localise
from .model import Dataset
from .plotlyjs import DASH_PLOTLY_JS, cartesian_usable, page_bundle
from .urlstate import from_query

EMBED_PATH = "/embed"
PLOTLY_JS_PATH = f"{EMBED_PATH}/plotly-{'cartesian-' if cartesian_usable() else ''}{plotly.__version__}.min.js"
TEMPLATE_PATH = "/template/events.csv"
YEAR = 365 * 24 * 3600
INLINE_SCRIPT = re.compile(r"<script([^>]*)>(.*?)</script>", re.S)


def content_security_policy(script_hashes: list[str], framing: str = "'none'") -> str:
    """The CSP the pages work under: scripts only from this server or with a known hash, no plugins."""
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' " + " ".join(script_hashes),
            "style-src 'self' 'unsafe-inline'",  # plotly.js and Dash set inline styles
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            f"frame-ancestors {framing}",
        ]
    )


def inline_script_hashes(page: str) -> list[str]:
    """CSP hashes of a page's inline scripts (JSON data blocks are not run, so they need none)."""
    hashes = []
    for attributes, body in INLINE_SCRIPT.findall(page):
        if "src=" in attributes or "application/json" in attributes:
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    return hashes


def _plotly_js_response() -> Response:
    """The pages' plotly.js (``plotlyjs.page_bundle``), answered 304 when the browser has it."""
    data, etag = page_bundle()
    response = Response(data, mimetype="text/javascript")
    response.set_etag(etag)
    return response.make_conditional(request)


class _GzippedJson:
    """A JSON body gzipped once, at start, and answered from that copy (304 for a known ETag)."""

    def __init__(self, text: str) -> None:
        self.body = gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0)
        self.etag = hashlib.sha256(self.body).hexdigest()[:16]

    def response(self, gzipped: bool = True) -> Response:
        response = Response(self.body if gzipped else gzip.decompress(self.body), mimetype="application/json")
        if gzipped:
            response.headers["Content-Encoding"] = "gzip"
        response.headers["Vary"] = "Accept-Encoding"
        response.set_etag(self.etag)
        return response.make_conditional(request)


def accepts_gzip() -> bool:
    """True when the request's client accepts gzipped answers."""
    return "gzip" in request.headers.get("Accept-Encoding", "")


def serve_layout_compressed(app: Dash) -> None:
    """Serve ``app``'s layout from one gzipped copy made now: a page view then costs no
    re-encoding, and about a fifth of the bytes on the wire. The layout is the same for every
    visitor (an opened file reaches the page through callbacks, not the layout). Clients that do
    not accept gzip get Dash's own response."""
    path = app.config.requests_pathname_prefix + "_dash-layout"
    layout = _GzippedJson(to_json_plotly(app.get_layout()))

    @app.server.before_request
    def compressed_layout() -> Response | None:
        if request.path != path or request.method != "GET" or not accepts_gzip():
            return None
        return layout.response()


def serve_chart_data(app: Dash, text: str) -> None:
    """Serve the page's chart data (``chart_payload_json`` of the server's dataset) at
    ``<page path>_chart-data.json``, from one gzipped copy made now. The page fetches it as it
    starts, beside Dash's own start-up, instead of inside Dash's layout: the browser then parses
    it once, as JSON, rather than as a string in the layout and again as JSON, and Dash's layout
    stays small whatever the dataset's size."""
    path = app.config.requests_pathname_prefix + CHART_DATA_FILE
    data = _GzippedJson(text)

    @app.server.route(path, endpoint=f"chart_data_{path}")
    def chart_data() -> Response:
        response = data.response(gzipped=accepts_gzip())
        response.headers["Cache-Control"] = "no-cache"
        return response


def register_routes(server: Flask, dataset: Dataset, page_script_hashes: list[str]) -> None:
    """Add /health, the template, /embed and its plotly.js, and the security headers, to the server."""
    page_policy = content_security_policy(page_script_hashes)

    @server.before_request
    def language_from_query() -> Response | None:
        # ?lang=ja on the English page leads to the Japanese one, with the rest of the link kept.
        if request.path == "/" and request.args.get("lang") == "ja":
            rest = [(key, value) for key, value in request.args.items(multi=True) if key != "lang"]
            return redirect("/ja/" + ("?" + urlencode(rest, safe=",") if rest else ""))
        return None

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
        lang = normal_language(request.args.get("lang"))
        shown = localise(dataset, lang)
        view = from_query(request.query_string.decode("utf-8", "replace"), shown)
        page = html_page(shown, view, ExportOptions(plotlyjs=PLOTLY_JS_PATH), lang)
        response = Response(page, mimetype="text/html")
        # Made to sit inside other sites' pages: any site may frame it.
        response.headers["Content-Security-Policy"] = content_security_policy(inline_script_hashes(page), "*")
        return response

    @server.route(PLOTLY_JS_PATH)
    def plotly_js() -> Response:
        response = _plotly_js_response()
        response.headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"  # the name carries the version
        return response

    @server.before_request
    def dash_plotly_js() -> Response | None:
        # The explorer's graph loads plotly.js from Dash's own address: it gets the same bundle.
        if request.method != "GET" or not request.path.endswith("/" + DASH_PLOTLY_JS):
            return None
        return _plotly_js_response()

    @server.after_request
    def security_headers(response: Response) -> Response:
        headers = response.headers
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        if request.path != EMBED_PATH:
            headers["X-Frame-Options"] = "DENY"
            headers.setdefault("Content-Security-Policy", page_policy)
        if response.mimetype == "text/html":
            # A page carries the view of its address, read against the dataset served now.
            headers.setdefault("Cache-Control", "no-cache")
        return response
