"""A folder served over HTTP on a free loopback port, quietly, for the benchmarks' static pages."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve_folder(folder: Path) -> http.server.ThreadingHTTPServer:
    """Serve ``folder`` in a background thread; ``shutdown()`` stops it. Its address is
    ``http://127.0.0.1:{server.server_address[1]}/``."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
