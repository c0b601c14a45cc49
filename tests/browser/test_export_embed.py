"""Exports and /embed in a real browser: offline HTML, framing from another origin, app downloads."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from dashboard import load_dataset
from dashboard.export import ExportOptions, html_page
from dashboard.filters import FilterState, apply_filters
from dashboard.urlstate import ViewState

pytestmark = pytest.mark.browser

DRAWN_JS = """(selector) => {
  const gd = document.querySelector(selector);
  const ids = new Set();
  for (const t of gd.data) { if (t.meta && t.meta.role === 'events') t.customdata.forEach(r => ids.add(r[0])); }
  return [...ids].sort();
}"""


@pytest.fixture
def other_origin(tmp_path_factory, server_url, unused_port) -> Iterator[str]:
    """A second web server, on another port (another origin), with a page that frames the app."""
    root = tmp_path_factory.mktemp("course-page")
    (root / "course.html").write_text(
        f"""<!DOCTYPE html><html lang="en"><head><title>Course page</title><link rel="icon" href="data:,"></head><body>
<h1>Week 3: the alliance</h1>
<iframe id="embed" src="{server_url}/embed?themes=nuclear" title="Timeline" width="900" height="560"></iframe>
<iframe id="app" src="{server_url}/" title="App" width="900" height="300"></iframe>
</body></html>""",
        encoding="utf-8",
    )
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", unused_port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_exported_html_works_offline(browser: Browser, bundled, tmp_path: Path):
    view = ViewState(FilterState(themes=("forces", "missile"), start=1995))
    path = tmp_path / "timeline.html"
    path.write_text(html_page(bundled, view, ExportOptions()), encoding="utf-8")
    context = browser.new_context()
    requests: list[str] = []
    context.route(re.compile(r"^(?!file:).*"), lambda route: (requests.append(route.request.url), route.abort()))
    context.set_offline(True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.as_uri())
    page.wait_for_function("() => document.querySelector('#timeline-chart .scatterlayer .point') !== null")
    expected = sorted(apply_filters(bundled, view.filters)["id"])
    assert page.evaluate(DRAWN_JS, "#timeline-chart") == expected
    expect(page.locator("footer .attribution")).to_contain_text("Licence: Creative Commons Attribution 4.0")
    expect(page.locator("header .caption")).to_contain_text(f"{len(expected)} of {len(bundled.events)} events")
    assert page.get_attribute("html", "lang") == "en"
    # Interactive: clicking a mark shows its details.
    box = page.locator("#timeline-chart .scatterlayer .trace .point").first.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.locator("#details")).to_be_visible()
    expect(page.locator("#details h2")).not_to_be_empty()
    assert requests == [] and errors == []
    context.close()


def test_hostile_text_in_an_exported_page_never_runs(browser: Browser, write_csv, tmp_path: Path):
    dataset = load_dataset(
        write_csv(
            'date,title,themes,description\n1950,"<img src=x onerror=""window.pwned=1"">",t,"</script><script>window.pwned=2</script>"\n'
        )
    )
    path = tmp_path / "hostile.html"
    path.write_text(html_page(dataset, ViewState(), ExportOptions()), encoding="utf-8")
    page = browser.new_page()
    page.goto(path.as_uri())
    page.wait_for_function("() => document.querySelector('#timeline-chart .scatterlayer .point') !== null")
    box = page.locator("#timeline-chart .scatterlayer .trace .point").first.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.locator("#details h2")).to_have_text('<img src=x onerror="window.pwned=1">')
    expect(page.locator("#details .description")).to_have_text("</script><script>window.pwned=2</script>")
    assert page.evaluate("() => window.pwned") is None
    page.close()


def test_embed_loads_inside_an_iframe_on_another_origin(page: Page, other_origin, server_url, bundled):
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(f"{other_origin}/course.html")
    frame = page.frame_locator("#embed")
    expect(frame.locator("#timeline-chart .scatterlayer .point").first).to_be_attached(timeout=15000)
    embed = page.locator("#embed").element_handle().content_frame()
    expected = sorted(apply_filters(bundled, FilterState(themes=("nuclear",)))["id"])
    assert embed.evaluate(DRAWN_JS, "#timeline-chart") == expected
    expect(frame.locator("footer .attribution")).to_contain_text("Data: ")
    # The full app refuses to be framed: only /embed may sit inside other sites.
    expect(page.frame_locator("#app").locator("#react-entry-point")).to_have_count(0)
    assert errors and all("frame-ancestors 'none'" in error for error in errors), errors


def test_export_menu_downloads_the_current_view(page: Page, server_url, bundled, console_errors, tmp_path: Path):
    page.goto(server_url + "/?themes=nuclear,missile")
    expect(page.locator("#summary")).to_have_text(re.compile(r"\d+ of \d+ events"))
    page.get_by_text("Export", exact=True).click()
    with page.expect_download() as csv_download:
        page.get_by_role("button", name=re.compile("^CSV data")).click()
    path = tmp_path / csv_download.value.suggested_filename
    csv_download.value.save_as(path)
    assert path.suffix == ".csv"
    expected = apply_filters(bundled, FilterState(themes=("nuclear", "missile")))
    assert list(load_dataset(path).events["id"]) == list(expected["id"])
    with page.expect_download(timeout=30000) as png_download:
        page.get_by_role("button", name=re.compile("^PNG image")).click()
    png = tmp_path / "chart.png"
    png_download.value.save_as(png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    expect(page.locator("#export-status")).to_contain_text("Downloaded")


def test_embed_menu_gives_an_iframe_for_the_current_filters(page: Page, server_url, console_errors):
    page.goto(server_url + "/?themes=forces&from=1990&q=law")
    expect(page.locator("#summary")).to_have_text(re.compile(r"\d+ of \d+ events"))
    page.get_by_text("Embed", exact=True).click()
    # The menu's panel comes in once the chart has drawn, and is filled for the view then.
    code = page.get_by_label("Paste this code into a course page or blog:")
    expect(code).to_have_value(
        re.compile(r'^<iframe src="http://127\.0\.0\.1:\d+/embed\?themes=forces&from=1990&q=law" ')
    )
    expect(page.locator(".embed-link")).to_have_attribute("href", re.compile(r"/embed\?themes=forces&from=1990&q=law$"))
    # The copy button copies that code.
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_title("Copy the embed code").click()
    expected = code.input_value()
    for _ in range(50):  # the copy is asynchronous: up to 5 s
        if page.evaluate("navigator.clipboard.readText()") == expected:
            break
        page.wait_for_timeout(100)
    assert page.evaluate("navigator.clipboard.readText()") == expected
