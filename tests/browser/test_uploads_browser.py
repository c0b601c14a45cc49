"""Opening your own file in a real browser: per-browser isolation, readable reports, hostile text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from dashboard import load_dataset
from dashboard.filters import FilterState, theme_counts

pytestmark = pytest.mark.browser

FIXTURES = Path(__file__).parents[1] / "fixtures"


def open_page(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator("#summary")).to_have_text(re.compile(r"\d+ of \d+ events"))


def upload(page: Page, path: Path) -> None:
    page.locator("#upload input[type=file]").set_input_files(str(path))


def test_an_upload_stays_in_its_own_browser(browser: Browser, server_url, bundled):
    first, second = browser.new_context(), browser.new_context()
    try:
        teacher, student = first.new_page(), second.new_page()
        open_page(teacher, server_url)
        open_page(student, server_url)
        # The credits come in once the chart has drawn, and follow the timeline shown.
        credits = teacher.locator("#page-footer")
        expect(credits).to_contain_text(bundled.metadata.attribution)
        upload(teacher, FIXTURES / "mini" / "events.csv")
        expect(teacher.locator("#summary")).to_have_text("8 of 8 events")
        expect(teacher.locator("#upload-report")).to_contain_text("Opened events.csv: 8 events shown")
        expect(credits).not_to_contain_text(bundled.metadata.attribution)
        expect(credits).to_contain_text("Made with Alliance Timeline.")
        # The theme buttons are the file's, each with its count of events, and so are the years; the
        # file has no key judgements, so no judgement or story buttons.
        opened = load_dataset(FIXTURES / "mini" / "events.csv")
        for theme, count in theme_counts(opened, FilterState()).items():
            expect(teacher.locator(f"button[data-theme='{theme}']")).to_have_attribute("data-count", str(count))
        expect(teacher.get_by_label("To", exact=True)).to_have_value(str(opened.year_bounds[1]))
        expect(teacher.locator(".later-filters [role=slider]").last).to_have_attribute(
            "aria-valuemax", str(opened.year_bounds[1])
        )
        expect(teacher.locator(".judgement-toggle, .story-start")).to_have_count(0)
        # The other browser still has the server's timeline, even after reloading.
        student.reload()
        total = len(bundled.events)
        expect(student.locator("#summary")).to_have_text(f"{total} of {total} events")
        expect(student.locator("#upload-report")).to_be_empty()
        # And the teacher can go back.
        teacher.get_by_role("button", name="Back to the bundled timeline").click()
        expect(teacher.locator("#summary")).to_have_text(f"{total} of {total} events")
        expect(teacher.locator("#page-title")).to_have_text(bundled.metadata.title)
        expect(credits).to_contain_text(bundled.metadata.attribution)
        for theme, count in theme_counts(bundled, FilterState()).items():
            expect(teacher.locator(f"button[data-theme='{theme}']")).to_have_attribute("data-count", str(count))
        expect(teacher.get_by_label("To", exact=True)).to_have_value(str(bundled.year_bounds[1]))
        expect(teacher.locator(".judgement-toggle")).to_have_count(len(bundled.judgements) + 1)
    finally:
        first.close()
        second.close()


def test_a_broken_file_is_reported_and_the_view_kept(page: Page, server_url, bundled, console_errors):
    open_page(page, server_url)
    upload(page, FIXTURES / "nasty" / "missing-columns.csv")
    report = page.locator("#upload-report")
    expect(report).to_contain_text("missing-columns.csv could not be opened")
    expect(report.locator("li").first).to_have_text(
        "missing-columns.csv line 1, column date: has no date column; add a column named date to the header row"
    )
    total = len(bundled.events)
    expect(page.locator("#summary")).to_have_text(f"{total} of {total} events")


def test_rows_left_out_are_listed(page: Page, server_url, console_errors):
    open_page(page, server_url)
    upload(page, FIXTURES / "nasty" / "bad-dates.csv")
    expect(page.locator("#summary")).to_have_text("2 of 2 events")
    report = page.locator("#upload-report")
    expect(report).to_contain_text("2 events shown, 3 rows left out")
    expect(report.locator(".problems li")).to_have_count(3)
    expect(report.locator(".problems li").first).to_contain_text('line 2, column date: "1954-13-01" is not a date')


def test_hostile_text_shows_as_text_and_never_runs(page: Page, server_url, console_errors):
    open_page(page, server_url)
    upload(page, FIXTURES / "nasty" / "script-payloads.csv")
    expect(page.locator("#summary")).to_have_text("2 of 2 events")
    expect(page.locator("#upload-report")).to_contain_text(
        'the source address "javascript:window.pwned=4" is not an http(s) link'
    )
    page.locator(".event-grid .ag-cell[col-id=title]", has_text="<script>window.pwned=1</script>").click()
    details = page.locator("#details")
    expect(details.locator("h2")).to_have_text("<script>window.pwned=1</script>")
    expect(details).to_contain_text("<img src=x onerror=window.pwned=2>")
    assert details.locator("img, script, svg").count() == 0
    assert details.locator("a[href^='javascript']").count() == 0
    expect(details.locator(".source")).to_have_text("No source given")
    page.locator(".event-grid .ag-cell[col-id=title]", has_text="<b onmouseover=window.pwned=5>bold</b>").click()
    expect(details.locator("h2")).to_have_text("<b onmouseover=window.pwned=5>bold</b>")
    # Hover a mark: the tooltip shows the text as typed, and nothing runs.
    point = page.locator("#timeline .scatterlayer .point").first
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    page.mouse.move(box["x"] + 1, box["y"] + 1)
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.locator("#timeline .hoverlayer .hovertext")).to_contain_text("<script>window.pwned=1</script>")
    assert page.evaluate("() => window.pwned") is None
    page.get_by_text("Export", exact=True).click()
    with page.expect_download() as download:
        page.get_by_role("button", name=re.compile("^Web page")).click()
    html = Path(download.value.path()).read_text(encoding="utf-8")
    assert "<script>window.pwned" not in html and "<svg onload" not in html


def test_the_template_downloads_and_loads_back(page: Page, server_url, console_errors, tmp_path: Path):
    open_page(page, server_url)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download a template").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name == "events.csv"
    upload(page, path)
    expect(page.locator("#summary")).to_have_text("2 of 2 events")


def zipped_mini(folder: Path, description: str) -> Path:
    """The small test dataset as a .zip, with ``description`` for its description."""
    import json
    import zipfile

    metadata = json.loads((FIXTURES / "mini" / "datapackage.json").read_text(encoding="utf-8"))
    metadata["description"] = description
    path = folder / f"mini-{len(description)}.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for part in (FIXTURES / "mini").iterdir():
            if part.name != "datapackage.json":
                archive.write(part, part.name)
        archive.writestr("datapackage.json", json.dumps(metadata))
    return path


def test_on_a_phone_an_opened_files_description_has_its_button_only_while_cut_short(
    page: Page, server_url, console_errors, tmp_path: Path
):
    # The description's button (assets/disclosures.js) follows the text an opened file brings, also
    # when the description's box keeps its size: three lines of text in place of three lines cut
    # short, or the other way round.
    page.set_viewport_size({"width": 320, "height": 568})
    open_page(page, server_url)
    toggle = page.locator(".lede-toggle")
    expect(toggle).to_be_visible()
    line = page.locator("#page-lede").evaluate("lede => parseFloat(getComputedStyle(lede).lineHeight)")
    # Words enough for three lines and no more at 320 px, found in the page's own layout, on a copy
    # of the description (writing the description itself would close it, as an opened file does).
    three_lines = page.locator("#page-lede").evaluate(
        """(lede, line) => { const copy = lede.cloneNode(false); copy.removeAttribute('id');
          copy.style.cssText = 'display: block; overflow: visible; -webkit-line-clamp: none';
          lede.after(copy); let words = 1;
          do { copy.textContent = 'word '.repeat(++words).trim(); } while (copy.clientHeight <= 3 * line + 1);
          copy.remove(); return 'word '.repeat(words - 1).trim(); }""",
        line,
    )
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    assert page.locator("#page-lede").evaluate("lede => lede.clientHeight") > 3 * line + 1
    # An open description, replaced by a short one: closed again, and no button.
    upload(page, zipped_mini(tmp_path, "A small test dataset."))
    expect(page.locator("#page-lede")).to_have_text("A small test dataset.")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_hidden()
    # Three lines shown whole: no button, though the box is as tall as three lines cut short.
    upload(page, zipped_mini(tmp_path, three_lines))
    expect(page.locator("#page-lede")).to_have_text(three_lines)
    expect(toggle).to_be_hidden()
    # A long one in its place, the same height cut short: the button is back, closed.
    long_text = three_lines + " and then some more words that no longer fit."
    upload(page, zipped_mini(tmp_path, long_text))
    expect(page.locator("#page-lede")).to_have_text(long_text)
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    assert page.locator("#page-lede").evaluate("lede => lede.scrollHeight > lede.clientHeight")
    # And three lines again, in a box as tall as the long text cut short: the button goes.
    upload(page, zipped_mini(tmp_path, three_lines))
    expect(page.locator("#page-lede")).to_have_text(three_lines)
    expect(toggle).to_be_hidden()


@pytest.mark.parametrize(("prefix", "label"), [("/", "Open a CSV or zip file"), ("/ja/", "CSVまたはzipファイルを開く")])
def test_the_file_input_is_labelled_in_the_pages_language(page: Page, server_url, console_errors, prefix, label):
    page.goto(server_url.rstrip("/") + prefix)
    expect(page.locator("#upload input[type=file]")).to_have_attribute("aria-label", label)


def test_the_same_file_can_be_opened_again(page: Page, server_url, bundled, console_errors):
    # A file input fires no change for the file it holds already: a keyboard reader, who opens the
    # file chooser from the input itself (as set_input_files stands in for here; a click on the
    # control empties the input first), went back to the bundled timeline (or fixed the file),
    # chose the same file again, and got nothing.
    open_page(page, server_url)
    path = FIXTURES / "mini" / "events.csv"
    opened = len(load_dataset(FIXTURES / "mini").events)
    for _ in range(2):
        upload(page, path)
        expect(page.locator("#summary")).to_have_text(f"{opened} of {opened} events")
        page.get_by_role("button", name="Back to the bundled timeline").click()
        expect(page.locator("#summary")).to_have_text(f"{len(bundled.events)} of {len(bundled.events)} events")
