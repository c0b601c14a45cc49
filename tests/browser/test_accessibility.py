"""Accessibility in a real browser: axe-core audits with zero violations, the chart by keyboard
alone, and small screens. No axe rule is switched off."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from dashboard.export import ExportOptions, html_page
from dashboard.filters import FilterState, apply_filters
from dashboard.urlstate import ViewState

pytestmark = pytest.mark.browser


def audit(page: Page) -> list[str]:
    result = Axe().run(page)
    return [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in result.response["violations"]]


def ready(page: Page) -> None:
    expect(page.locator("#summary")).to_have_text(re.compile(r"\d+ of \d+ events|全\d+件中\d+件"))
    page.wait_for_function("() => !!document.querySelector('#timeline .scatterlayer .point')")


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/?event=1960-revised-security-treaty-signed",
        "/?themes=nuclear,missile&from=1990&q=missile",
        "/?story=expand-cooperation&step=2",
        "/ja/?event=1960-revised-security-treaty-signed",
    ],
    ids=["explorer", "details-open", "filtered", "story", "japanese"],
)
def test_pages_pass_axe(page: Page, server_url, path, console_errors):
    page.goto(server_url + path)
    ready(page)
    if "event=" in path:
        expect(page.locator("#details")).to_be_visible()
    page.locator("#embed-menu summary").click()  # open menus are audited too
    assert audit(page) == []


def test_an_empty_view_passes_axe_and_offers_no_skip_to_the_list_it_stands_in_for(
    page: Page, server_url, console_errors
):
    page.goto(server_url + "/?q=zzzznothing")
    expect(page.locator("#summary")).to_have_text(re.compile(r"^0 of \d+ events$"))
    expect(page.locator("#empty-state")).to_be_visible()
    expect(page.locator("#upload")).to_be_attached()  # the later parts, last to come in
    # The skip link led to the hidden list, and on to the footer.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") != "skip-link"
    expect(page.locator(".skip-link")).to_be_hidden()
    assert audit(page) == []
    page.get_by_role("button", name="Clear all filters").click()
    expect(page.locator("#summary")).to_have_text(re.compile(r"^(\d+) of \1 events$"))
    expect(page.locator(".skip-link")).to_be_visible()  # offered again (off the screen until focused)
    # And a view that becomes empty as the reader searches.
    page.get_by_label("Search").fill("zzzznothing")
    expect(page.locator("#summary")).to_have_text(re.compile(r"^0 of \d+ events$"))
    expect(page.locator(".skip-link")).to_be_hidden()
    expect(page.locator("#event-list-section")).to_be_hidden()


def test_embed_passes_axe(page: Page, server_url, console_errors):
    page.goto(server_url + "/embed?themes=forces")
    page.wait_for_function("() => !!document.querySelector('#timeline-chart .scatterlayer .point')")
    assert audit(page) == []


def test_exported_html_passes_axe(page: Page, bundled, tmp_path: Path):
    path = tmp_path / "timeline.html"
    path.write_text(html_page(bundled, ViewState(FilterState(themes=("nuclear",))), ExportOptions()), encoding="utf-8")
    page.goto(path.as_uri())
    page.wait_for_function("() => !!document.querySelector('#timeline-chart .scatterlayer .point')")
    assert audit(page) == []


def test_the_chart_works_with_the_keyboard_alone(page: Page, server_url, bundled, console_errors):
    page.goto(server_url + "/?themes=nuclear,missile")
    ready(page)
    region = page.locator(".timeline-region")
    assert region.get_attribute("tabindex") == "0"
    page.locator("#embed-menu summary").focus()
    page.keyboard.press("Tab")  # the chart is the next tab stop after the menus
    expect(region).to_be_focused()
    nuclear = apply_filters(bundled, FilterState(themes=("nuclear",))).sort_values("start")
    announcer = page.locator("#chart-announcer")
    page.keyboard.press("ArrowRight")
    expect(announcer).to_contain_text(nuclear.iloc[0]["title"])
    page.keyboard.press("ArrowRight")
    expect(announcer).to_contain_text(nuclear.iloc[1]["title"])
    expect(announcer).to_contain_text(f"Event 2 of {len(nuclear)} in this lane")
    page.keyboard.press("End")
    expect(announcer).to_contain_text(nuclear.iloc[-1]["title"])
    page.keyboard.press("ArrowDown")  # to the missile lane, nearest in time
    missile = apply_filters(bundled, FilterState(themes=("missile",)))
    expect(announcer).to_contain_text(re.compile("|".join(re.escape(t) for t in missile["title"])))
    page.keyboard.press("Home")
    first_missile = missile.sort_values("start").iloc[0]
    expect(announcer).to_contain_text(first_missile["title"])
    page.keyboard.press("Enter")
    expect(page.locator("#details h2")).to_have_text(first_missile["title"])
    assert "event=" + first_missile["id"] in page.url
    page.keyboard.press("Escape")
    expect(page.locator("#details")).to_be_hidden()
    # Filter changes are announced politely.
    expect(page.locator("#summary")).to_have_attribute("aria-live", "polite")
    expect(page.locator("#chart-summary")).to_contain_text(
        "theme lanes: Nuclear policy and deterrence, North Korea and missile defence"
    )


def test_exported_chart_works_with_the_keyboard(page: Page, bundled, tmp_path: Path):
    path = tmp_path / "timeline.html"
    path.write_text(html_page(bundled, ViewState(FilterState(themes=("nuclear",))), ExportOptions()), encoding="utf-8")
    page.goto(path.as_uri())
    page.wait_for_function("() => !!document.querySelector('#timeline-chart .scatterlayer .point')")
    page.locator("#chart").focus()
    page.keyboard.press("ArrowRight")
    first = apply_filters(bundled, FilterState(themes=("nuclear",))).sort_values("start").iloc[0]
    expect(page.locator("#chart-announcer")).to_contain_text(first["title"])
    page.keyboard.press("Enter")
    expect(page.locator("#details h2")).to_have_text(first["title"])
    page.keyboard.press("Escape")
    expect(page.locator("#details")).to_be_hidden()


# 640 x 400 CSS px is a 1280 x 800 window at 200% zoom
@pytest.mark.parametrize(("width", "height"), [(320, 800), (640, 400)])
def test_small_screens_and_zoom_lose_nothing(page: Page, server_url, width, height, console_errors):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(server_url)
    ready(page)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    # The filter panel is closed at first in one column, behind a button that says so.
    toggle = page.get_by_role("button", name="Filters", exact=True)
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_label("Search", exact=True)).to_be_hidden()
    assert audit(page) == []
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    for name in ("Search", "From", "To"):
        expect(page.get_by_label(name, exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Reset all filters")).to_be_visible()
    expect(page.locator("#timeline .main-svg").first).to_be_visible()
    # With a mouse, the upload control says a file can be dropped on it, also where it is short.
    if width > 600:
        expect(page.locator("#upload .upload-hint")).to_be_visible()
    # As on a phone, the description shows its first lines, and a button opens the rest.
    lede = page.get_by_role("button", name="Whole description")
    lede.focus()
    page.keyboard.press("Enter")
    expect(lede).to_have_attribute("aria-expanded", "true")
    assert audit(page) == []  # open too
