"""Steps the browser tests share on the explorer's page."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import Browser, Page, expect


@contextmanager
def page_in_window(browser: Browser, width: int, height: int, touch: bool) -> Iterator[Page]:
    """A page of its own, in a window of ``width`` x ``height``: a phone's (touch, no mouse) when
    ``touch``. Closed after."""
    context = browser.new_context(viewport={"width": width, "height": height}, has_touch=touch, is_mobile=touch)
    try:
        yield context.new_page()
    finally:
        context.close()


def open_filters(page: Page) -> None:
    """Open the filter panel where it is closed at first (one column, under 900 px); in two columns
    its button is hidden and the panel always open. Call it once the page is laid out."""
    toggle = page.locator(".filters-toggle")
    if toggle.is_visible():
        if toggle.get_attribute("aria-expanded") == "false":
            toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".filters .search-input")).to_be_visible()
