"""Gzip of the server's responses (dashboard/compression.py)."""

from __future__ import annotations

import gzip
import json
import re

import pytest
from flask import Flask, Response, jsonify

from dashboard import compression
from dashboard.app import create_app
from dashboard.compression import MIN_BYTES, register_compression

GZIP = {"Accept-Encoding": "gzip, deflate, br"}
ROWS = [{"id": f"event-{n}", "title": f"Event number {n}", "themes": "Diplomacy, Security"} for n in range(200)]
SCRIPT = "function draw() { return 1; }\n" * 400


@pytest.fixture
def counted_compressions(monkeypatch):
    """How many times the server ran gzip."""
    calls = []
    real = gzip.compress

    def counting(data, *args, **kwargs):
        calls.append(len(data))
        return real(data, *args, **kwargs)

    monkeypatch.setattr(compression.gzip, "compress", counting)
    return calls


@pytest.fixture
def server():
    app = Flask(__name__)
    app.add_url_rule("/rows", "rows", lambda: jsonify(ROWS))
    app.add_url_rule("/small", "small", lambda: jsonify({"ok": True}))
    app.add_url_rule("/png", "png", lambda: Response(b"\x89PNG" + bytes(4000), mimetype="image/png"))
    app.add_url_rule("/stream", "stream", lambda: Response((SCRIPT for _ in range(2)), mimetype="text/plain"))
    app.add_url_rule("/assets/app.js", "script", lambda: Response(SCRIPT, mimetype="text/javascript"))
    app.add_url_rule("/assets/other.js", "other", lambda: Response(SCRIPT * 2, mimetype="text/javascript"))
    register_compression(app)
    return app.test_client()


def test_answers_are_gzipped_for_browsers_that_accept_it(server):
    plain = server.get("/rows")
    assert "Content-Encoding" not in plain.headers and plain.json == ROWS
    packed = server.get("/rows", headers=GZIP)
    assert packed.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed.headers["Vary"]
    assert int(packed.headers["Content-Length"]) == len(packed.data) < len(plain.data) / 4
    assert json.loads(gzip.decompress(packed.data)) == ROWS


@pytest.mark.parametrize("path", ["/small", "/png", "/stream"])
def test_small_binary_and_streamed_answers_are_sent_as_they_are(server, path):
    response = server.get(path, headers=GZIP)
    assert "Content-Encoding" not in response.headers
    assert response.data == server.get(path).data


def test_a_script_is_compressed_once_and_kept(server, counted_compressions):
    first = server.get("/assets/app.js", headers=GZIP)
    second = server.get("/assets/app.js", headers=GZIP)
    assert first.data == second.data and gzip.decompress(second.data).decode() == SCRIPT
    assert counted_compressions == [len(SCRIPT)]
    # Other answers are compressed each time: each is a new one.
    server.get("/rows", headers=GZIP)
    server.get("/rows", headers=GZIP)
    assert len(counted_compressions) == 3


def test_a_kept_file_is_not_read_again(counted_compressions):
    # A script sent from disk: its compressed copy is found by its path and length, and the file
    # is closed unread.
    opened = []

    class FileBody:
        def __init__(self) -> None:
            self.read, self.closed = False, False
            opened.append(self)

        def __iter__(self):
            self.read = True
            yield SCRIPT.encode()

        def close(self) -> None:
            self.closed = True

    app = Flask(__name__)
    app.add_url_rule(
        "/assets/file.js",
        "file",
        lambda: Response(
            FileBody(),
            mimetype="text/javascript",
            headers={"Content-Length": str(len(SCRIPT))},
            direct_passthrough=True,
        ),
    )
    register_compression(app)
    client = app.test_client()
    answers = [client.get("/assets/file.js", headers=GZIP) for _ in range(2)]
    assert [gzip.decompress(answer.data).decode() for answer in answers] == [SCRIPT, SCRIPT]
    assert [(body.read, body.closed) for body in opened] == [(True, True), (False, True)]
    assert counted_compressions == [len(SCRIPT)]


def test_the_explorer_sends_its_scripts_gzipped(mini):
    client = create_app(mini).server.test_client()
    page = client.get("/").get_data(as_text=True)
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert any("dash_renderer" in path for path in scripts)
    for path in [*scripts, "/_dash-component-suites/plotly/package_data/plotly.min.js"]:
        with client.get(path) as plain, client.get(path, headers=GZIP) as packed:
            if len(plain.data) >= MIN_BYTES:
                assert packed.headers["Content-Encoding"] == "gzip", path
                assert gzip.decompress(packed.data) == plain.data, path
    # The layout arrives gzipped already, and is not compressed twice.
    layout = client.get("/_dash-layout", headers=GZIP)
    assert layout.headers["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(layout.data))["props"]


def test_varying_the_query_string_does_not_grow_what_is_kept(server, counted_compressions):
    # The assets' addresses carry a version in their query string; a client may send any.
    for n in range(5):
        assert server.get(f"/assets/app.js?m={n}", headers=GZIP).headers["Content-Encoding"] == "gzip"
    assert counted_compressions == [len(SCRIPT)]


def test_what_is_kept_is_bounded(server, counted_compressions, monkeypatch):
    monkeypatch.setattr(compression, "KEPT_FILES", 1)
    for path in ("/assets/app.js", "/assets/other.js", "/assets/app.js"):
        server.get(path, headers=GZIP)
    assert len(counted_compressions) == 3  # one file kept at a time: the first was dropped for the second
