"""HTTP behaviour beside the page: headers, framing, the template, /embed, errors, size limits."""

from __future__ import annotations

import base64
import gzip
import json
import re

import pytest

from dashboard.app import PRELOADED_SCRIPTS, create_app
from dashboard.plotlyjs import CARTESIAN_BUNDLE, COMPILE_HINT
from dashboard.routes import PLOTLY_JS_PATH
from dashboard.sources import DataSource, decode_contents
from dashboard.uploads import Limits


@pytest.fixture(scope="module")
def client(mini):
    return create_app(mini, Limits(max_bytes=50_000)).server.test_client()


def test_a_new_server_can_serve_every_script_before_its_first_request(mini):
    # Dash registers the scripts it may serve on the first request a process serves; a request
    # taken by another thread meanwhile got an error instead of its script. The app is set up as
    # it is made, so gunicorn's workers start with every script registered.
    reference = create_app(mini)
    page = reference.server.test_client().get("/").get_data(as_text=True)
    named = re.findall(r'(?:src|href)="/_dash-component-suites/([^/"]+)/([^"?]+)', page)
    assert len(named) > 5
    fresh = create_app(mini)
    for package, path in named:
        unversioned = re.sub(r"\.v[0-9_]+m[0-9]+(\.[^/]*)?$", lambda m: m.group(1) or "", path)
        assert unversioned in fresh.registered_paths[package] or path in fresh.registered_paths[package], path
    # Set up without serving a request: Flask still takes what comes after, as Dash's debugging
    # tools (`serve --debug`) and a notebook's own routes.
    fresh.enable_dev_tools(debug=True, dev_tools_hot_reload=False)
    fresh.server.add_url_rule("/later", "later", lambda: "later")
    assert fresh.server.test_client().get("/later").data == b"later"


def test_pages_carry_security_headers_and_refuse_framing(client):
    response = client.get("/")
    headers = response.headers
    assert response.status_code == 200
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Frame-Options"] == "DENY"
    policy = headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert "script-src 'self' 'sha256-" in policy and "'unsafe-inline'" not in policy.split("style-src")[0]
    assert "'unsafe-eval'" not in policy


def test_embed_may_be_framed_and_its_scripts_are_pinned_by_hash(client):
    response = client.get("/embed?themes=forces")
    policy = response.headers["Content-Security-Policy"]
    assert "frame-ancestors *" in policy
    assert "X-Frame-Options" not in response.headers
    assert policy.count("'sha256-") >= 2
    page = response.get_data(as_text=True)
    assert '<html lang="en">' in page and "4 of 8 events · Themes: Forces" in page
    assert "/embed/plotly-" in page  # plotly.js comes from this server, cached


def test_plotly_js_for_embeds_is_cached(client):
    path = next(
        part for part in client.get("/embed").get_data(as_text=True).split('"') if part.startswith("/embed/plotly-")
    )
    response = client.get(path)
    assert response.status_code == 200 and "immutable" in response.headers["Cache-Control"]
    assert response.data == COMPILE_HINT + CARTESIAN_BUNDLE.read_bytes()  # the hint first: see plotlyjs.py


def test_template_downloads(client):
    response = client.get("/template/events.csv")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == 'attachment; filename="events.csv"'
    assert response.data.startswith(b"id,date,end_date,title,description,themes,")


def test_errors_never_show_a_traceback(client):
    for body in (b"{not json", b'{"output": "nope"}', b'{"output": "..timeline.figure..", "inputs": [{"id": 1}]}'):
        response = client.post("/_dash-update-component", data=body, content_type="application/json")
        assert response.status_code >= 400
        text = response.get_data(as_text=True)
        assert "Traceback" not in text and 'File "' not in text


def test_oversized_requests_are_refused(client):
    response = client.post("/_dash-update-component", data=b"x" * 2_000_000, content_type="application/json")
    assert response.status_code == 413


def test_decode_contents_and_sources(mini):
    limits = Limits(max_bytes=100)
    assert decode_contents("data:text/csv;base64," + base64.b64encode(b"abc").decode(), limits) == b"abc"
    assert decode_contents("data:text/csv;base64,@@@", limits) is None
    assert decode_contents("no comma", limits) is None
    assert decode_contents("data:text/csv;base64," + base64.b64encode(b"x" * 200).decode(), limits) is None
    source = DataSource(mini, limits)
    assert source.resolve(None) is mini
    assert source.resolve({"name": "x.csv", "content": "garbage"}) is mini
    text = base64.b64encode(b"date,title,themes\n1950,A,x\n").decode()
    assert len(source.resolve({"name": "x.csv", "content": f"data:text/csv;base64,{text}"}).events) == 1
    dataset, problems = source.accept("big.csv", "data:text/csv;base64," + base64.b64encode(b"x" * 500).decode())
    assert dataset is None and "larger than this server accepts" in str(problems[0])


@pytest.mark.parametrize("prefix", ["/", "/ja/"])
def test_the_layout_is_served_from_one_gzipped_copy(client, prefix):
    plain = client.get(prefix + "_dash-layout")
    assert plain.status_code == 200 and "Content-Encoding" not in plain.headers  # Dash's own response
    packed = client.get(prefix + "_dash-layout", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert packed.headers["Content-Encoding"] == "gzip" and packed.headers["Vary"] == "Accept-Encoding"
    assert json.loads(gzip.decompress(packed.data)) == json.loads(plain.data)
    assert len(packed.data) < len(plain.data) / 3
    assert "frame-ancestors 'none'" in packed.headers["Content-Security-Policy"]
    again = client.get(
        prefix + "_dash-layout", headers={"Accept-Encoding": "gzip", "If-None-Match": packed.headers["ETag"]}
    )
    assert again.status_code == 304 and not again.data


def test_the_production_server_settles_its_memory_before_serving():
    import gc

    from dashboard.server import settle_memory

    try:
        settle_memory()
        assert gc.get_freeze_count() > 0  # what was built stays out of the collector's way
    finally:
        gc.unfreeze()


@pytest.mark.parametrize(
    "path",
    [
        "/_dash-component-suites/plotly/package_data/plotly.min.js",
        "/ja/_dash-component-suites/plotly/package_data/plotly.min.js",
        PLOTLY_JS_PATH,
    ],
)
def test_pages_load_the_cartesian_plotly_bundle(client, path):
    response = client.get(path)
    assert response.status_code == 200 and response.mimetype == "text/javascript"
    assert response.data == COMPILE_HINT + CARTESIAN_BUNDLE.read_bytes()  # the hint first: see plotlyjs.py
    again = client.get(path, headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


@pytest.mark.parametrize("prefix", ["/", "/ja/"])
def test_pages_leave_out_the_babel_polyfill_but_keep_the_regenerator_runtime(client, prefix):
    page = client.get(prefix).get_data(as_text=True)
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert scripts, "the page loads its scripts"
    assert not [src for src in scripts if "polyfill" in src]
    runtime = [src for src in scripts if "/assets/regenerator-runtime-" in src]
    assert len(runtime) == 1
    # It comes before Dash's renderer, which calls regeneratorRuntime when a lazy component loads.
    assert scripts.index(runtime[0]) < next(i for i, src in enumerate(scripts) if "dash_renderer" in src)
    response = client.get(runtime[0].split("?")[0])
    assert b"regeneratorRuntime = runtime" in response.data
    response.close()


@pytest.mark.parametrize("prefix", ["/", "/ja/"])
def test_pages_fetch_what_the_first_view_needs_from_the_start_and_leave_out_data_table(client, prefix):
    page = client.get(prefix).get_data(as_text=True)
    preloads = re.findall(r'<link rel="preload" as="script" href="([^"]+)">', page)
    assert preloads == [prefix + path for path in PRELOADED_SCRIPTS]
    # Named after Dash's own scripts, so that the browser asks for those first.
    last_script = max(match.end() for match in re.finditer(r'<script src="[^"]+"></script>', page))
    assert page.index('<link rel="preload"') > last_script
    for href in preloads:
        response = client.get(href)
        assert response.status_code == 200 and response.mimetype == "text/javascript", href
        response.close()
    assert not [src for src in re.findall(r'<script src="([^"]+)"', page) if "dash_table" in src]


def test_pages_name_the_grid_script_for_later_without_running_it(client):
    page = client.get("/").get_data(as_text=True)
    assert not [src for src in re.findall(r'<script src="([^"]+)"', page) if "dash_ag_grid" in src]
    (href,) = re.findall(r'<link rel="prefetch" as="script" id="grid-script" href="([^"]+)">', page)
    response = client.get(href)
    assert response.status_code == 200 and b"AgGrid" in response.data
    response.close()
