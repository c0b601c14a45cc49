"""Gzip for what the server sends, to browsers that accept it.

The explorer's first view fetches about 4 MB of scripts (plotly.js, React, Dash and its
components), and each filter change about 30 to 110 kB of list rows. Scripts and styles are
compressed once, at their first request, and kept: a class opening the page at once costs the
server one compression per file. Other text (callback answers, pages) is compressed as it goes,
at a quicker level. The layout and the chart data arrive gzipped already (``routes._GzippedJson``).
"""

from __future__ import annotations

import gzip
import threading

from flask import Flask, Response, request

from .routes import EMBED_PATH, accepts_gzip

MIN_BYTES = 1024  # smaller bodies are sent as they are: gzip would save next to nothing
KEPT_LEVEL = 9  # compressed once per file, so the smallest output is worth the time
ON_THE_FLY_LEVEL = 5
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml")
KEPT_FILES = 256  # far more than the page loads: the kept copies stay a few MB whatever is asked
# Files whose address names one content for the life of the server: Dash's component scripts
# (the address carries their version), the assets (with their modification time), plotly.js.
KEPT_PATHS = ("/_dash-component-suites/", "/assets/", f"{EMBED_PATH}/plotly-")


def register_compression(server: Flask) -> None:
    """Gzip ``server``'s responses for browsers that accept it (see the module's docstring)."""
    kept: dict[tuple[str, int], bytes] = {}
    lock = threading.Lock()

    def kept_copy(response: Response) -> bytes | None:
        """The compressed copy kept for this file, or None; the file is then left unread. A file is
        known by its path (not the query string, which a client may vary at will) and length."""
        if response.content_length is None:
            return None
        with lock:
            compressed = kept.get((request.path, response.content_length))
        if compressed is not None and response.direct_passthrough and hasattr(response.response, "close"):
            response.response.close()
        return compressed

    @server.after_request
    def gzip_response(response: Response) -> Response:
        if not _worth_compressing(response):
            return response
        # Files are kept, never a page: Dash answers any other path with the page, which carries the
        # view of its own address (app.first_view_script).
        keep = response.mimetype != "text/html" and any(part in request.path for part in KEPT_PATHS)
        compressed = kept_copy(response) if keep else None
        if compressed is None:
            body = _body(response)
            if len(body) < MIN_BYTES:
                return response
            compressed = gzip.compress(body, compresslevel=KEPT_LEVEL if keep else ON_THE_FLY_LEVEL, mtime=0)
            if keep:
                with lock:
                    if len(kept) >= KEPT_FILES:
                        kept.clear()
                    kept[(request.path, len(body))] = compressed
        response.direct_passthrough = False
        response.set_data(compressed)
        response.headers["Content-Encoding"] = "gzip"
        response.vary.add("Accept-Encoding")
        return response


def _body(response: Response) -> bytes:
    """The response's body, read into memory (a file sent from disk is read and closed)."""
    if not response.direct_passthrough:
        return response.get_data()
    source = response.response
    response.direct_passthrough = False
    body = response.get_data()
    if hasattr(source, "close"):
        source.close()
    return body


def _worth_compressing(response: Response) -> bool:
    return (
        response.status_code == 200
        and request.method != "HEAD"
        and "Content-Encoding" not in response.headers
        and accepts_gzip()
        and (response.mimetype or "").startswith(COMPRESSIBLE)
        and (response.direct_passthrough or not response.is_streamed)
    )
