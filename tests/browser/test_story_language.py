"""Story mode and the Japanese edition in a real browser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from dashboard.export import ExportOptions, story_page
from dashboard.story import story_events

pytestmark = pytest.mark.browser


def test_a_story_link_opens_its_step_and_the_keyboard_walks_it(page: Page, server_url, bundled, console_errors):
    steps = story_events(bundled, "japan-contributes-more")
    events = bundled.events.set_index("id")
    page.goto(server_url + "/?story=japan-contributes-more&step=2")
    panel = page.locator("#story-panel")
    expect(panel).to_be_visible()
    expect(panel.locator("h2")).to_have_text("Story: Japan contributes more to collective defence")
    expect(panel).to_contain_text("Highly likely:")
    progress = panel.locator(".story-progress")
    expect(progress).to_contain_text(f"Step 2 of {len(steps)}: {events.loc[steps[1], 'title']}")
    expect(page.locator("#details h2")).to_have_text(events.loc[steps[1], "title"])
    page.locator("#summary").click()  # focus on the page, not in a text field
    page.keyboard.press("ArrowRight")
    expect(progress).to_contain_text(f"Step 3 of {len(steps)}")
    expect(page).to_have_url(re.compile(r"story=japan-contributes-more&step=3"))
    page.keyboard.press("ArrowRight")
    expect(progress).to_contain_text(f"Step 4 of {len(steps)}")
    page.keyboard.press("ArrowLeft")
    expect(progress).to_contain_text(f"Step 3 of {len(steps)}: {events.loc[steps[2], 'title']}")
    expect(page.locator("#details h2")).to_have_text(events.loc[steps[2], "title"])
    # The chart is zoomed around the step's event.
    start = page.evaluate("() => document.querySelector('#timeline .js-plotly-plot').layout.xaxis.range[0]")
    assert start[:4] > "1980"
    page.get_by_role("button", name="Exit story").click()
    expect(panel).to_be_hidden()
    expect(page.locator("#details h2")).to_have_text(events.loc[steps[2], "title"])  # keeps the position
    assert "story=" not in page.url


def test_stories_start_from_the_sidebar(page: Page, server_url, bundled, console_errors):
    page.goto(server_url + "/?q=okinawa")
    expect(page.locator("#summary")).to_have_text(re.compile(r"\d+ of \d+ events"))
    page.get_by_role("button", name="Story: Cost-sharing for US forces is rebalanced").click()
    expect(page.locator("#story-panel .story-progress")).to_contain_text("Step 1 of")
    total = len(bundled.events)
    expect(page.locator("#summary")).to_have_text(f"{total} of {total} events")  # a story shows every event
    expect(page.get_by_role("button", name="← Previous")).to_be_disabled()


def test_the_page_switches_to_japanese_and_back(page: Page, server_url, bundled, console_errors):
    page.goto(server_url + "/?themes=alliance&event=1960-revised-security-treaty-signed")
    expect(page.locator("#details .details-date")).to_have_text("19 January 1960")
    page.get_by_role("link", name="日本語").click()
    expect(page).to_have_url(re.compile(r"/ja/\?themes=alliance&event=1960-revised-security-treaty-signed$"))
    assert page.get_attribute("html", "lang") == "ja"
    expect(page.locator("#summary")).to_have_text(re.compile(r"全70件中\d+件の出来事"))
    expect(page.locator("#details .details-date")).to_have_text("1960年1月19日")
    expect(page.locator("#details h2")).to_contain_text("新安保条約")
    expect(page.get_by_role("heading", name="絞り込み")).to_be_visible()
    # Each theme's button is named by the theme and its count of events (the count is the button's ::after).
    expect(page.get_by_role("button", name=re.compile(r"^条約と同盟の運営 \d+$"))).to_have_attribute(
        "aria-pressed", "true"
    )
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"127\.0\.0\.1:\d+/\?themes=alliance"))
    assert page.get_attribute("html", "lang") == "en"
    expect(page.locator("#details .details-date")).to_have_text("19 January 1960")


def test_lang_in_the_url_opens_the_japanese_page(page: Page, server_url, console_errors):
    page.goto(server_url + "/?lang=ja&q=%E6%B2%96%E7%B8%84")  # 沖縄
    expect(page).to_have_url(re.compile(r"/ja/\?q=%E6%B2%96%E7%B8%84$"))
    assert page.get_attribute("html", "lang") == "ja"
    expect(page.get_by_label("検索")).to_have_value("沖縄")
    expect(page.locator("#summary")).to_have_text(re.compile(r"全70件中[1-9]\d*件の出来事"))


def test_an_exported_story_walks_offline(page: Page, bundled, tmp_path: Path):
    path = tmp_path / "story.html"
    path.write_text(story_page(bundled, "expand-cooperation", ExportOptions()), encoding="utf-8")
    page.goto(path.as_uri())
    progress = page.locator("#story-progress")
    steps = story_events(bundled, "expand-cooperation")
    expect(progress).to_contain_text(f"Step 1 of {len(steps)}")
    page.get_by_role("button", name="Next →").click()
    expect(progress).to_contain_text(f"Step 2 of {len(steps)}")
    expect(page.locator("#details h2")).to_have_text(bundled.events.set_index("id").loc[steps[1], "title"])
    page.keyboard.press("ArrowRight")
    expect(progress).to_contain_text(f"Step 3 of {len(steps)}")
