"""The explorer in real headless Chromium against the real server (bundled dataset)."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from page_helpers import open_filters, page_in_window
from playwright.sync_api import Browser, Page, expect

from dashboard.filters import FilterState, apply_filters, theme_counts
from dashboard.localise import localise
from dashboard.story import step_window, story_step

pytestmark = pytest.mark.browser

DRAWN_EVENTS_JS = """() => {
  const gd = document.querySelector('#timeline .js-plotly-plot');
  const ids = new Set();
  for (const trace of gd.data) {
    if (trace.meta && trace.meta.role === 'events') trace.customdata.forEach(row => ids.add(row[0]));
  }
  return [...ids].sort();
}"""

SVG_POINTS_JS = "() => document.querySelectorAll('#timeline .scatterlayer .trace .point').length"

EVENT_POINTS_JS = """() => {
  const gd = document.querySelector('#timeline .js-plotly-plot');
  return gd.data.filter(t => t.meta && t.meta.role === 'events').reduce((n, t) => n + t.x.length, 0);
}"""


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator("#summary")).to_have_text(re.compile(r"\d+ of \d+ events"))
    page.wait_for_function("() => document.querySelector('#timeline .js-plotly-plot') !== null")


def without_first_view(page: Page, address: str) -> None:
    """Serve the page at ``address`` (a regular expression) with the view of another address, as a
    copy of the page kept from elsewhere would carry: the page then asks the server for its own."""

    def elsewhere(route) -> None:
        response = route.fetch()
        body, changed = re.subn(r'("search": ")[^"]*"', r'\1?another"', response.text(), count=1)
        assert changed, "the page carries a view"
        route.fulfill(response=response, body=body)

    page.route(re.compile(address), elsewhere)


def hold_back(page: Page, outputs: str, milliseconds: int) -> None:
    """Hold back by ``milliseconds`` the page's calls to the server for the callback whose outputs
    start with ``outputs`` (as Dash names them: "..later-filters.children"); the page's
    ``window.heldBack`` turns true when the first is held, and ``window.heldBody`` is the last one's body."""
    hold = """([outputs, milliseconds]) => { const fetch = window.fetch;
      window.fetch = (url, options) => String((options || {}).body || "").includes('"output":"' + outputs)
        ? (window.heldBack = true, window.heldBody = String(options.body),
           new Promise(resolve => setTimeout(resolve, milliseconds))).then(() => fetch(url, options))
        : fetch(url, options); }"""
    page.add_init_script(f"({hold})({json.dumps([outputs, milliseconds])});")


def drawn_ids(page: Page) -> list[str]:
    return page.evaluate(DRAWN_EVENTS_JS)


def expected_ids(dataset, **filters) -> list[str]:
    return sorted(apply_filters(dataset, FilterState(**filters))["id"])


def wait_for_summary(page: Page, shown: int, total: int) -> None:
    expect(page.locator("#summary")).to_have_text(f"{shown} of {total} events")


def query_of(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def theme_names(page: Page) -> dict[str, str]:
    """Each theme button's accessible name (the theme and, from its ::after, its count)."""
    cdp = page.context.new_cdp_session(page)
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    names = [
        node["name"]["value"] for node in nodes if node.get("role", {}).get("value") == "button" and "name" in node
    ]
    cdp.detach()
    return {name.rsplit(" ", 1)[0]: name.rsplit(" ", 1)[1] for name in names if re.search(r" \d+$", name)}


def test_each_theme_is_named_with_its_count_of_events_under_the_other_filters(
    page, server_url, bundled, console_errors
):
    labels = {theme.id: theme.label for theme in bundled.themes}
    # The first view's counts come with the page.
    open_app(page, server_url)
    expected = {labels[theme]: str(count) for theme, count in theme_counts(bundled, FilterState()).items()}
    assert theme_names(page) == expected
    # A shared link with other filters: the page counts what they leave, whichever themes are hidden.
    open_app(page, server_url + "/?themes=forces&from=1990")
    counts = theme_counts(bundled, FilterState(themes=("forces",), start=1990))
    expected = {labels[theme]: str(count) for theme, count in counts.items()}
    expect(page.locator("button[data-theme=alliance]")).to_have_attribute("data-count", expected[labels["alliance"]])
    assert theme_names(page) == expected
    assert expected != {labels[theme]: str(count) for theme, count in theme_counts(bundled, FilterState()).items()}
    expect(page.locator("button[data-theme=alliance]")).to_have_attribute("aria-pressed", "false")


def test_renders_every_bundled_event(page: Page, server_url, bundled, console_errors):
    open_app(page, server_url)
    total = len(bundled.events)
    wait_for_summary(page, total, total)
    assert drawn_ids(page) == sorted(bundled.events["id"])
    # Every mark is really in the SVG, one per event per theme lane.
    marks = sum(len(themes) for themes in bundled.events["themes"])
    assert page.evaluate(EVENT_POINTS_JS) == marks
    assert page.evaluate(SVG_POINTS_JS) == marks
    expect(page.locator(".event-grid .ag-paging-row-summary-panel")).to_contain_text(f"of {total}")
    expect(page).to_have_title(bundled.metadata.title)
    assert page.get_attribute("html", "lang") == "en"


def test_the_list_is_put_in_once_the_chart_has_drawn(page: Page, server_url, bundled, console_errors):
    # Note when the chart and the grid first appear in the page.
    page.add_init_script(
        """new MutationObserver(() => {
            const now = performance.now();
            if (!window.chartAt && document.querySelector('#timeline .main-svg')) window.chartAt = now;
            if (!window.gridAt && document.querySelector('.event-grid')) window.gridAt = now;
        }).observe(document, {childList: true, subtree: true});"""
    )
    page.goto(server_url)
    expect(page.locator(".event-grid .ag-row").first).to_be_visible()
    chart_at, grid_at = page.evaluate("() => [window.chartAt, window.gridAt]")
    assert 0 < chart_at < grid_at
    expect(page.locator(".event-grid .ag-paging-row-summary-panel")).to_contain_text(f"of {len(bundled.events)}")


def test_the_list_appears_even_when_the_chart_cannot_draw(page: Page, server_url, bundled):
    # plotly.js never arrives: the chart cannot draw, and the list still shows after its wait.
    page.route(re.compile(r"plotly[^/]*\.js"), lambda route: route.abort())
    page.goto(server_url)
    expect(page.locator(".event-grid .ag-row").first).to_be_visible(timeout=30_000)
    assert not page.evaluate("() => !!document.querySelector('#timeline .main-svg')")
    expect(page.locator(".event-grid .ag-paging-row-summary-panel")).to_contain_text(f"of {len(bundled.events)}")


def test_the_chart_draws_when_its_data_arrives_after_the_page_is_up(page: Page, server_url, bundled, console_errors):
    # The page fetches the chart data beside Dash's start-up; here it arrives only once Dash is up
    # and has asked for a first draw with nothing to draw.
    held = []
    page.route(re.compile(r"_chart-data\.json$"), lambda route: held.append(route))
    page.goto(server_url)
    expect(page.locator("#theme-filter-all")).to_be_visible()
    page.wait_for_function("() => !!(window.dash_clientside && window.dash_clientside.set_props)")
    page.wait_for_timeout(500)
    assert len(held) == 1 and page.evaluate(SVG_POINTS_JS) == 0
    held[0].continue_()
    total = len(bundled.events)
    wait_for_summary(page, total, total)
    assert drawn_ids(page) == sorted(bundled.events["id"])


CHART_AND_BOX_WIDTHS_JS = """() => {
    const box = document.querySelector('.timeline-region'), style = getComputedStyle(box);
    const inner = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return [Number(document.querySelector('#timeline .main-svg').getAttribute('width')), Math.floor(inner)];
}"""


def test_a_theme_click_draws_the_chart_once_and_the_chart_follows_its_width(page: Page, server_url, console_errors):
    open_app(page, server_url)
    chart, box = page.evaluate(CHART_AND_BOX_WIDTHS_JS)
    assert chart == box > 0
    page.evaluate(
        """() => { window.draws = 0;
        document.querySelector('#timeline .js-plotly-plot').on('plotly_afterplot', () => { window.draws += 1; }); }"""
    )
    before = page.evaluate("() => document.querySelector('#timeline .main-svg').getAttribute('height')")
    page.locator(".theme-toggle").first.click()
    # The chart is one lane shorter; before, dcc.Graph resized it 0.1 s later, drawing it twice.
    expect(page.locator("#timeline .main-svg").first).not_to_have_attribute("height", before)
    page.wait_for_timeout(1000)
    assert page.evaluate("() => window.draws") == 1
    page.set_viewport_size({"width": 700, "height": 900})
    page.wait_for_function(f"() => {{ const [chart, box] = ({CHART_AND_BOX_WIDTHS_JS})(); return chart === box; }}")
    chart, box = page.evaluate(CHART_AND_BOX_WIDTHS_JS)
    assert chart == box < 700
    # The graph holds the figure drawn for the new width: a zoom (a drag on the plot) keeps it.
    page.locator("#timeline").scroll_into_view_if_needed()
    plot = page.locator("#timeline .nsewdrag").bounding_box()
    range_js = "() => document.querySelector('#timeline .js-plotly-plot').layout.xaxis.range.map(String)"
    whole = page.evaluate(range_js)
    page.mouse.move(plot["x"] + 60, plot["y"] + 60)
    page.mouse.down()
    page.mouse.move(plot["x"] + 260, plot["y"] + 120, steps=5)
    page.mouse.up()
    page.wait_for_timeout(1000)
    assert page.evaluate(range_js) != whole
    assert page.evaluate(CHART_AND_BOX_WIDTHS_JS) == [box, box]


# The plot area and the chart, in px from the chart's left edge; the lane names' boxes and every
# mark's and era label's; whether Plotly's automargin has drawn the chart a second time (its count
# of such draws is kept on the layout once there has been one).
LANE_NAMES_JS = """() => {
  const gd = document.querySelector('#timeline .js-plotly-plot'), left = gd.getBoundingClientRect().left;
  const box = element => { const r = element.getBoundingClientRect();
    return {left: r.left - left, right: r.right - left, top: r.top, bottom: r.bottom}; };
  const plot = box(gd.querySelector('.draglayer .nsewdrag'));
  const ya = gd._fullLayout.yaxis, top = gd.getBoundingClientRect().top;
  return {
    chart: gd.getBoundingClientRect().width, plot,
    // Each name with the middle of its lane (y, on the page) and the lanes' spacing.
    names: [...gd.querySelectorAll('.ytick text')].map(text => [text.textContent, box(text), top + ya._offset + ya.d2p(text.textContent)]),
    spacing: ya._length / (ya.range[1] - ya.range[0]),
    others: [...gd.querySelectorAll('.scatterlayer .point, .scatterlayer .textpoint text')].map(box),
    redrawn: '_redrawFromAutoMarginCount' in gd._fullLayout,
  };
}"""


def overlap(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


def assert_names_in_the_plot(view: dict, lanes: list[str]) -> None:
    assert sorted(name for name, _, _ in view["names"]) == sorted(lanes)
    for name, box, middle in view["names"]:
        assert view["plot"]["left"] <= box["left"] < box["right"] <= view["plot"]["right"], name
        assert not [other for other in view["others"] if overlap(box, other)], name
        # Above its own lane, nearer it than the lane above.
        assert middle - view["spacing"] / 2 < (box["top"] + box["bottom"]) / 2 < box["bottom"] < middle, name


@pytest.mark.parametrize(("path", "width"), [("", 390), ("", 1280), ("ja/", 1280)])
def test_the_lane_names_are_in_the_plot_which_keeps_the_charts_width(
    page: Page, server_url, bundled, path, width, console_errors
):
    # Each lane's name is written in the plot above the lane's left end, clear of every mark and
    # era label, so the time axis has the chart's whole width on a phone as on a laptop; the chart
    # is drawn once, and stays put when a lane is hidden and shown again.
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(server_url.rstrip("/") + "/" + path)
    page.wait_for_function("() => document.querySelectorAll('#timeline .ytick text').length > 0")
    open_filters(page)
    first = page.evaluate(LANE_NAMES_JS)
    lanes = [name for name, _, _ in first["names"]]
    assert len(lanes) == len(bundled.themes)
    assert_names_in_the_plot(first, lanes)
    assert first["plot"]["left"] <= 10 and first["plot"]["right"] - first["plot"]["left"] >= first["chart"] - 50
    assert not first["redrawn"]
    toggle = page.locator(".theme-toggle").first  # the first theme's: the top lane
    top_lane = min(first["names"], key=lambda name: name[2])[0]
    for pressed, shown in (("false", [lane for lane in lanes if lane != top_lane]), ("true", lanes)):
        page.evaluate(
            """() => { window.drawn = false; const gd = document.querySelector('#timeline .js-plotly-plot');
            gd.once('plotly_afterplot', () => { window.drawn = true; }); }"""
        )
        toggle.click()
        page.wait_for_function("() => window.drawn")
        expect(toggle).to_have_attribute("aria-pressed", pressed)
        now = page.evaluate(LANE_NAMES_JS)
        assert_names_in_the_plot(now, shown)
        assert (now["plot"]["left"], now["plot"]["right"]) == (first["plot"]["left"], first["plot"]["right"])
        assert not now["redrawn"]


# Zoomed windows (start, end) of the bundled dataset whose last time label, on a 1024 px wide page,
# would cross the chart's right edge by 5 to 21 px with a 10 px right margin.
EDGE_WINDOWS = [("2005-11-12", "2006-03-01"), ("2013-03-05", "2013-09-03"), ("2012-02-08", "2012-08-08")]
LABELS_PAST_EDGE_JS = """() => {
  const gd = document.querySelector('#timeline .js-plotly-plot'), right = gd.getBoundingClientRect().right;
  return [...gd.querySelectorAll('.xtick text')].filter(text => text.getBoundingClientRect().right > right)
    .map(text => text.textContent);
}"""


def test_every_time_label_is_drawn_inside_the_chart_without_a_second_draw(page: Page, server_url, console_errors):
    # The chart lets the time axis draw all its labels (no measuring of each one at every draw) and
    # keeps their room (no automargin): its margins hold half of the widest label on the right and
    # two lines of labels below, whatever the zoom, so a zoom draws the chart once.
    page.set_viewport_size({"width": 1024, "height": 800})
    page.goto(server_url)
    page.wait_for_function("() => !!document.querySelector('#timeline .xtick text')")
    for start, end in [*EDGE_WINDOWS, ("1960-03-01", "1960-03-20")]:  # the last: labels on two lines
        redrawn = page.evaluate(
            """([start, end]) => { const gd = document.querySelector('#timeline .js-plotly-plot');
            return window.Plotly.relayout(gd, {'xaxis.range': [start, end]})
              .then(() => '_redrawFromAutoMarginCount' in gd._fullLayout); }""",
            [start, end],
        )
        assert page.locator("#timeline .xtick text").count() >= 3
        assert page.evaluate(LABELS_PAST_EDGE_JS) == []
        assert not redrawn


@pytest.mark.parametrize(("path", "width"), [("", 390), ("", 1024), ("", 1600), ("ja/", 390), ("ja/", 1280)])
def test_era_labels_never_overlap_and_tell_their_era_wherever_hovered(
    page: Page, server_url, bundled, path, width, console_errors
):
    # Laid out for the chart's width, in as many rows as they need; hovered anywhere on its text, a
    # label tells its era's name and dates (and no other's), clear of Plotly's mode bar.
    eras = localise(bundled, "ja" if path else "en").eras
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(server_url.rstrip("/") + "/" + path)
    expect(page.locator(".event-grid .ag-row").first).to_be_visible()  # the page is whole: the chart keeps its width
    labels = page.locator("#timeline .scatterlayer .textpoint text")
    expect(labels).to_have_count(len(eras))
    page.locator("#timeline").scroll_into_view_if_needed()  # on a phone, the chart is below the filters
    boxes = [labels.nth(index).bounding_box() for index in range(len(eras))]
    edges = [
        {"left": b["x"], "right": b["x"] + b["width"], "top": b["y"], "bottom": b["y"] + b["height"]} for b in boxes
    ]
    assert not [(a, b) for a in range(len(edges)) for b in range(a) if overlap(edges[a], edges[b])]
    hover = page.locator("#timeline .hoverlayer .hovertext")
    for index, era in enumerate(eras):
        assert labels.nth(index).text_content() == era.label
        box = boxes[index]
        for fraction in (0.03, 0.5, 0.97):
            page.mouse.move(1, 1)
            expect(hover).to_have_count(0)
            page.mouse.move(box["x"] + box["width"] * fraction, box["y"] + box["height"] / 2)
            expect(hover).to_contain_text(f"{era.label} (")
            assert not [other.label for other in eras if other is not era and other.label in hover.text_content()]


PRESSED_JS = """() => [...document.querySelectorAll('.theme-toggle, .judgement-toggle')]
    .map(button => [JSON.parse(button.id).index, button.getAttribute('aria-pressed')])"""


def test_a_filter_button_shows_its_new_state_in_the_frame_that_redraws_the_chart(
    page: Page, server_url, bundled, console_errors
):
    open_app(page, server_url)
    themes = [theme.id for theme in bundled.themes]
    judgement = bundled.judgements[0].id
    expect(page.locator(".judgement-toggle")).to_have_count(len(bundled.judgements) + 1)  # come in after the chart
    expected = {theme: "true" for theme in themes} | {"any": "true", judgement: "false"}
    for button, changes, address in (
        (page.locator(".theme-toggle").first, {themes[0]: "false"}, "themes="),
        (page.locator(f".judgement-toggle[id*='\"{judgement}\"']"), {"any": "false", judgement: "true"}, "judgement="),
    ):
        # The buttons' pressed states in the frame that paints the redrawn chart.
        page.evaluate(
            f"""() => {{ window.pressedAtRedraw = undefined;
            document.querySelector('#timeline .js-plotly-plot').once('plotly_afterplot',
                () => requestAnimationFrame(() => {{ window.pressedAtRedraw = ({PRESSED_JS})(); }})); }}"""
        )
        button.click()
        page.wait_for_function("() => window.pressedAtRedraw !== undefined")
        expected |= changes
        assert {
            key: value for key, value in page.evaluate("() => window.pressedAtRedraw") if key in expected
        } == expected
        # Dash sees the click after that frame (the address follows its state), and shows the same.
        page.wait_for_function(f"() => location.search.includes({address!r})")
        page.wait_for_timeout(200)
        assert {key: value for key, value in page.evaluate(PRESSED_JS) if key in expected} == expected
    assert query_of(page)["judgement"] == [judgement]
    assert themes[0] not in query_of(page)["themes"][0].split(",")


def test_the_page_draws_with_the_cartesian_plotly_bundle(page: Page, server_url, console_errors):
    from dashboard.plotlyjs import CARTESIAN_VERSION

    open_app(page, server_url)
    assert page.evaluate("() => Plotly.version") == CARTESIAN_VERSION
    traces = page.evaluate("() => Object.keys(Plotly.PlotSchema.get().traces)")
    assert "heatmap" in traces and "scattergl" not in traces  # the partial bundle, not the full one


PRELOADS_JS = """() => {
    const fetched = performance.getEntriesByType('resource').map(entry => new URL(entry.name).pathname);
    return [...document.querySelectorAll('link[rel=preload]')].map(link => new URL(link.href).pathname)
        .map(path => [path, fetched.filter(other => other === path).length]);
}"""


def test_what_the_page_fetches_early_it_uses_once(page: Page, server_url, console_errors):
    # plotly.js and dcc's chunks are named after Dash's scripts (app.PRELOADED_SCRIPTS): each must be
    # fetched once, and used, or Chromium warns a few seconds after the page has loaded.
    warnings: list[str] = []
    page.on("console", lambda message: warnings.append(message.text) if message.type == "warning" else None)
    open_app(page, server_url)
    expect(page.locator(".event-grid .ag-row").first).to_be_visible()
    page.wait_for_timeout(4000)
    preloads = page.evaluate(PRELOADS_JS)
    assert [path.rsplit("/", 1)[1] for path, _count in preloads] == ["plotly.min.js", "async-graph.js"]
    assert [count for _path, count in preloads] == [1, 1]
    assert not [text for text in warnings if "preload" in text], warnings


def test_the_first_view_arrives_compressed(page: Page, server_url, console_errors):
    open_app(page, server_url)
    sizes = page.evaluate(
        """() => performance.getEntriesByType('resource').filter(entry => entry.decodedBodySize > 100000)
            .map(entry => [new URL(entry.name).pathname, entry.transferSize, entry.decodedBodySize])"""
    )
    assert any(path.endswith("/plotly.min.js") for path, _sent, _size in sizes)
    for path, sent, size in sizes:  # every large script: plotly.js, React, Dash and its components
        assert sent < size / 2, path


def test_theme_filter_none_then_one(page: Page, server_url, bundled, console_errors):
    open_app(page, server_url)
    page.get_by_role("button", name="None", exact=True).click()
    wait_for_summary(page, 0, len(bundled.events))
    expect(page.locator("#empty-state")).to_be_visible()
    nuclear = page.locator("button[data-theme=nuclear]")
    expect(nuclear).to_have_attribute("aria-pressed", "false")
    nuclear.click()
    expect(nuclear).to_have_attribute("aria-pressed", "true")
    expected = expected_ids(bundled, themes=("nuclear",))
    wait_for_summary(page, len(expected), len(bundled.events))
    assert drawn_ids(page) == expected
    assert query_of(page)["themes"] == ["nuclear"]
    lanes = page.evaluate(
        """() => document.querySelector('#timeline .js-plotly-plot').data
          .filter(t => !t.meta.role.startsWith('era')).flatMap(t => t.meta.lane || [t.meta.theme])"""
    )
    assert set(lanes) == {"nuclear"}
    page.get_by_role("button", name="All", exact=True).click()
    wait_for_summary(page, len(bundled.events), len(bundled.events))
    assert "themes" not in query_of(page)


def test_year_range_from_the_slider_inputs(page: Page, server_url, bundled, console_errors):
    open_app(page, server_url)
    start_box = page.get_by_label("From")
    end_box = page.get_by_label("To", exact=True)
    start_box.fill("1990")
    start_box.press("Enter")
    end_box.fill("2000")
    end_box.press("Enter")
    expected = expected_ids(bundled, start=1990, end=2000)
    wait_for_summary(page, len(expected), len(bundled.events))
    assert drawn_ids(page) == expected
    assert query_of(page)["from"] == ["1990"] and query_of(page)["to"] == ["2000"]


@pytest.mark.parametrize("key", ["Enter", "Tab"])
def test_a_year_typed_again_after_a_reset_applies(page: Page, server_url, bundled, key, console_errors):
    # The reset writes the whole range into the boxes; the year each showed before, typed again,
    # must apply, on Enter and when focus leaves the box.
    open_app(page, server_url)
    first, last = bundled.year_bounds
    start_box = page.get_by_label("From")
    end_box = page.get_by_label("To", exact=True)
    expected = expected_ids(bundled, start=1990, end=2000)
    for _ in range(2):
        start_box.fill("1990")
        start_box.press(key)
        # The page has taken the first year before the second is typed. (Typed within the same
        # moment on a loaded machine, one of the two was lost in 2 runs of about 12: a race of its
        # own, not this test's subject, left to be fixed.)
        expect(page).to_have_url(re.compile(r"[?&]from=1990"))
        end_box.fill("2000")
        end_box.press(key)
        wait_for_summary(page, len(expected), len(bundled.events))
        assert drawn_ids(page) == expected
        page.get_by_role("button", name="Reset all filters").click()
        wait_for_summary(page, len(bundled.events), len(bundled.events))
        expect(start_box).to_have_value(str(first))
        expect(end_box).to_have_value(str(last))


def test_a_from_year_after_the_to_year_swaps_them_and_leaving_the_box_keeps_that(
    page: Page, server_url, bundled, console_errors
):
    open_app(page, server_url + "/?from=1990&to=2000")
    start_box = page.get_by_label("From")
    start_box.fill("2005")
    start_box.press("Enter")
    expected = expected_ids(bundled, start=2000, end=2005)
    wait_for_summary(page, len(expected), len(bundled.events))
    start_box.press("Tab")  # the box still shows 2005, which the page must not pass on again
    page.get_by_label("To", exact=True).press("Tab")
    page.wait_for_timeout(300)
    wait_for_summary(page, len(expected), len(bundled.events))
    assert query_of(page)["from"] == ["2000"] and query_of(page)["to"] == ["2005"]


def test_slider_handles_move_with_the_keyboard(page: Page, server_url, bundled, console_errors):
    open_app(page, server_url)
    first, _last = bundled.year_bounds
    handle = page.locator(".later-filters [role=slider]").first
    handle.focus()
    for _ in range(5):
        handle.press("ArrowRight")
    expected = expected_ids(bundled, start=first + 5)
    wait_for_summary(page, len(expected), len(bundled.events))
    assert drawn_ids(page) == expected


def test_search_matches_title_description_and_actors(page: Page, server_url, bundled, console_errors):
    open_app(page, server_url)
    search = page.get_by_label("Search")
    search.fill("taepodong")
    expected = expected_ids(bundled, query="taepodong")
    assert expected, "the bundled dataset has the 1998 Taepodong-1 launch"
    wait_for_summary(page, len(expected), len(bundled.events))
    assert drawn_ids(page) == expected
    search.fill("Yoshida")
    expected = expected_ids(bundled, query="Yoshida")
    wait_for_summary(page, len(expected), len(bundled.events))
    assert drawn_ids(page) == expected
    assert query_of(page)["q"] == ["Yoshida"]


def test_filters_combine(page: Page, server_url, bundled, console_errors):
    open_app(page, server_url + "/?themes=forces,constitution&from=1990&q=law")
    expected = expected_ids(bundled, themes=("constitution", "forces"), start=1990, query="law")
    wait_for_summary(page, len(expected), len(bundled.events))
    assert drawn_ids(page) == expected
    assert 0 < len(expected) < len(bundled.events)


def test_clicking_a_mark_opens_its_details(page: Page, server_url, bundled, console_errors):
    open_app(page, server_url + "/?themes=nuclear")
    event = apply_filters(bundled, FilterState(themes=("nuclear",))).iloc[0]
    trace_index = page.evaluate(
        "() => document.querySelector('#timeline .js-plotly-plot').data.findIndex(t => t.meta.role === 'events')"
    )
    point = page.locator("#timeline .scatterlayer .trace").nth(trace_index).locator(".point").first
    box = point.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    details = page.locator("#details")
    expect(details).to_be_visible()
    expect(details.locator("h2")).to_have_text(event["title"])
    assert query_of(page)["event"] == [event["id"]]
    if event["source_url"]:
        link = details.locator(".source a")
        expect(link).to_have_attribute("href", event["source_url"])
        expect(link).to_have_attribute("target", "_blank")
    selection = page.evaluate(
        "() => document.querySelector('#timeline .js-plotly-plot').data.filter(t => t.meta.role === 'selection').map(t => t.meta.event)"
    )
    assert selection == [event["id"]]
    page.get_by_role("button", name="Close").click()
    expect(details).to_be_hidden()
    assert "event" not in query_of(page)


def test_list_row_selects_the_event(page: Page, server_url, bundled, console_errors):
    open_app(page, server_url)
    event = bundled.events.set_index("id").loc["1960-revised-security-treaty-signed"]
    page.locator(".event-grid .ag-cell[col-id=title]", has_text=event["title"]).click()
    expect(page.locator("#details h2")).to_have_text(event["title"])
    expect(page.locator("#details .details-date")).to_have_text("19 January 1960")
    expect(page.locator(".event-grid .selected-row [col-id=title]")).to_have_text(event["title"])
    assert query_of(page)["event"] == ["1960-revised-security-treaty-signed"]


def test_url_restores_the_whole_view(page: Page, server_url, bundled, console_errors):
    event_id = "1992-untac-cambodia-deployment"
    open_app(page, server_url + f"/?themes=forces&from=1985&to=2005&q=cambodia&event={event_id}&sort=-date")
    expected = expected_ids(bundled, themes=("forces",), start=1985, end=2005, query="cambodia")
    wait_for_summary(page, len(expected), len(bundled.events))
    assert event_id in expected
    assert drawn_ids(page) == expected
    expect(page.get_by_label("Search")).to_have_value("cambodia")
    expect(page.locator("button[data-theme=forces]")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("button[data-theme=nuclear]")).to_have_attribute("aria-pressed", "false")
    expect(page.get_by_label("From")).to_have_value("1985")
    expect(page.locator("#details h2")).to_have_text(bundled.events.set_index("id").loc[event_id, "title"])
    # sort=-date: the latest event comes first in the list.
    latest = apply_filters(bundled, FilterState(themes=("forces",), start=1985, end=2005, query="cambodia")).iloc[-1]
    first_row = page.locator(".event-grid .ag-center-cols-container .ag-row[row-index='0'] [col-id=title]")
    expect(first_row).to_have_text(latest["title"])


def test_a_shared_links_state_answered_late_is_shown_whole(page: Page, server_url, bundled, console_errors):
    # The server's answer with a shared link's state held back 1.5 s (on a page that asks for it,
    # its view being another address's): the later parts come in meanwhile (the page stops waiting for
    # the chart), and the link's state must still be shown whole, on the chart and the later filters.
    without_first_view(page, r".*/\?from=1985")
    hold_back(page, "..view-state.data", 1500)
    judgement = bundled.judgements[0].id
    page.goto(server_url + f"/?from=1985&to=2005&judgement={judgement}")
    page.wait_for_function("() => window.heldBack === true")
    expected = apply_filters(bundled, FilterState(start=1985, end=2005, judgement=judgement))
    wait_for_summary(page, len(expected), len(bundled.events))
    expect(page.get_by_label("From")).to_have_value("1985")
    expect(page.get_by_label("To", exact=True)).to_have_value("2005")
    expect(page.locator(f".judgement-toggle[id*='\"{judgement}\"']")).to_have_attribute("aria-pressed", "true")
    assert drawn_ids(page) == sorted(expected["id"])


def test_a_reset_clicked_as_the_later_filters_come_in_shows_on_every_control(
    page: Page, server_url, bundled, console_errors
):
    # The filter panel's lower part held back 2 s, and "Clear all filters" clicked meanwhile: Dash
    # runs the click with the values controls writes as the part comes in, in one chain of calls,
    # and the controls must still end up showing the state the click made, not the link's.
    hold_back(page, "..later-filters.children", 2000)
    page.goto(server_url + "/?q=zzzznothing&from=1990")
    wait_for_summary(page, 0, len(bundled.events))
    page.wait_for_function("() => window.heldBack === true")
    page.get_by_role("button", name="Clear all filters").click()
    wait_for_summary(page, len(bundled.events), len(bundled.events))
    expect(page.get_by_label("From")).to_have_value(str(bundled.year_bounds[0]), timeout=10_000)
    expect(page.get_by_label("Search")).to_have_value("")
    assert urlsplit(page.url).query == ""


# Once the chart is drawn: how many requests the page had sent the server by then.
ASKED_BEFORE_DRAWN_JS = """() => {
  const point = document.querySelector('#timeline .scatterlayer .point');
  if (!point) return false;
  const drawn = performance.now();
  return {asked: performance.getEntriesByType('resource')
    .filter(e => e.name.includes('_dash-update-component') && e.startTime < drawn).length};
}"""


def test_a_plain_first_load_asks_the_server_nothing_before_the_chart_and_a_shared_link_not_for_its_view(
    page: Page, server_url, bundled, console_errors
):
    page.goto(server_url)
    # The controls, the address and the chart are answered in the page.
    assert page.wait_for_function(ASKED_BEFORE_DRAWN_JS, polling=10).json_value() == {"asked": 0}
    outputs: list[str] = []
    page.on("request", lambda r: outputs.append(r.post_data_json["output"]) if "_dash-update" in r.url else None)
    # A shared link: its view comes with the page (the server used to be asked for it first), and
    # the chart is drawn from it; the details, notes and links follow the view, from the server.
    page.goto(server_url + "/?themes=forces&from=1990")
    page.wait_for_function(ASKED_BEFORE_DRAWN_JS, polling=10)
    shown = len(apply_filters(bundled, FilterState(themes=("forces",), start=1990)))
    wait_for_summary(page, shown, len(bundled.events))
    assert drawn_ids(page) == expected_ids(bundled, themes=("forces",), start=1990)
    expect(page.get_by_label("From")).to_have_value("1990")  # the year boxes, put in after the chart
    expect(page.locator("button[data-theme=alliance]")).to_have_attribute("aria-pressed", "false")
    assert not [output for output in outputs if output.startswith("..view-state.data")]
    # A link whose address reads as the whole timeline (a tracking parameter added by a social site).
    open_app(page, server_url + "/?fbclid=abc123")
    wait_for_summary(page, len(bundled.events), len(bundled.events))


def test_a_story_link_opens_its_step_zoomed_and_a_page_without_its_view_asks_the_server(
    page: Page, server_url, bundled, console_errors
):
    outputs: list[str] = []
    page.on("request", lambda r: outputs.append(r.post_data_json["output"]) if "_dash-update" in r.url else None)
    # A story's step, from the view the page carries: its event chosen, the chart zoomed around it.
    step = story_step(bundled, "expand-cooperation", 2)
    page.goto(server_url + "/?story=expand-cooperation&step=2")
    expect(page.locator("#story-panel")).to_be_visible()
    window = list(step_window(bundled, step.event))
    page.wait_for_function(
        "window => { const gd = document.querySelector('#timeline .js-plotly-plot');"
        " return !!gd && !!gd.layout && String(gd.layout.xaxis.range[0]).slice(0, 10) === window[0]"
        " && String(gd.layout.xaxis.range[1]).slice(0, 10) === window[1]; }",
        arg=window,
    )
    expect(page.locator("#details")).to_contain_text(bundled.events.set_index("id").loc[step.event, "title"])
    assert not [output for output in outputs if output.startswith("..view-state.data")]

    # A page with the view of another address (a copy kept from elsewhere) asks the server, once.
    without_first_view(page, r".*/\?themes=nuclear$")
    open_app(page, server_url + "/?themes=nuclear")
    wait_for_summary(page, len(expected_ids(bundled, themes=("nuclear",))), len(bundled.events))
    page.wait_for_function(f"() => ({DRAWN_EVENTS_JS})().length === {len(expected_ids(bundled, themes=('nuclear',)))}")
    assert len([output for output in outputs if output.startswith("..view-state.data")]) == 1


def test_back_and_forward_restore_states(page: Page, server_url, bundled, console_errors):
    open_app(page, server_url)
    search = page.get_by_label("Search")
    search.fill("okinawa")
    okinawa = expected_ids(bundled, query="okinawa")
    wait_for_summary(page, len(okinawa), len(bundled.events))
    search.fill("quad")
    quad = expected_ids(bundled, query="quad")
    wait_for_summary(page, len(quad), len(bundled.events))
    page.go_back()
    wait_for_summary(page, len(okinawa), len(bundled.events))
    expect(search).to_have_value("okinawa")
    assert drawn_ids(page) == okinawa
    page.go_forward()
    wait_for_summary(page, len(quad), len(bundled.events))
    expect(search).to_have_value("quad")


def test_no_match_shows_an_empty_state_with_a_way_out(page: Page, server_url, bundled, console_errors):
    open_app(page, server_url + "/?q=zzzznothing")
    wait_for_summary(page, 0, len(bundled.events))
    expect(page.locator("#empty-state")).to_be_visible()
    expect(page.locator("#timeline")).to_be_hidden()
    # The chart's box, empty, is not drawn as a box; it keeps its width, so the chart is drawn once
    # on the way back, at its box's width.
    assert page.locator(".timeline-region").bounding_box()["height"] == 0
    page.evaluate(
        """() => { window.draws = 0;
        document.querySelector('#timeline .js-plotly-plot').on('plotly_afterplot', () => { window.draws += 1; }); }"""
    )
    page.get_by_role("button", name="Clear all filters").click()
    wait_for_summary(page, len(bundled.events), len(bundled.events))
    expect(page.locator("#empty-state")).to_be_hidden()
    assert urlsplit(page.url).query == ""
    page.wait_for_timeout(1000)
    chart, box = page.evaluate(CHART_AND_BOX_WIDTHS_JS)
    assert page.evaluate("() => window.draws") == 1 and chart == box > 0


def test_list_sorts_by_title(page: Page, server_url, bundled, console_errors):
    open_app(page, server_url)
    page.locator(".event-grid .ag-header-cell[col-id=title]").click()
    expect(page.locator(".event-grid .ag-header-cell[col-id=title]")).to_have_attribute("aria-sort", "ascending")
    cells = page.locator(".event-grid .ag-center-cols-container .ag-row[row-index='0'] [col-id=title]")
    expect(cells).to_have_text(sorted(bundled.events["title"], key=str.casefold)[0])


def test_judgement_filter(page: Page, server_url, bundled, console_errors):
    open_app(page, server_url)
    expect(page.locator("#judgement-note")).to_be_hidden()  # empty until a judgement is chosen
    judgement = bundled.judgements[0]
    page.get_by_role("button", name=judgement.title, exact=True).click()
    expect(page.get_by_role("button", name=judgement.title, exact=True)).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("button", name="Any judgement")).to_have_attribute("aria-pressed", "false")
    expected = expected_ids(bundled, judgement=judgement.id)
    wait_for_summary(page, len(expected), len(bundled.events))
    assert drawn_ids(page) == expected
    expect(page.locator("#judgement-note")).to_contain_text(judgement.likelihood)
    expect(page.locator("#judgement-note")).to_be_visible()


@pytest.mark.parametrize(("width", "height", "shown"), [(768, 1024, 0.5), (390, 844, 0.3)])
def test_in_one_column_the_filters_wait_behind_a_button_and_the_chart_is_in_the_first_view(
    page: Page, server_url, width, height, shown, console_errors
):
    # On a tablet or a phone the filter panel sits above the chart. It is closed at first, behind a
    # button that opens and closes it and says how many filters are on: the chart follows it, after
    # the summary bar alone, so that a tablet's first view shows at least half of the chart (it
    # started 1,490 px down before) and a phone's (with a smaller title and description) a third.
    page.set_viewport_size({"width": width, "height": height})
    open_app(page, server_url)
    toggle = page.get_by_role("button", name="Filters", exact=True)
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.locator(".theme-toggle").first).to_be_hidden()
    chart = page.locator("#timeline .main-svg").first.bounding_box()
    below = toggle.bounding_box()["y"] + toggle.bounding_box()["height"]
    summary = page.locator(".summary-bar").bounding_box()["height"]
    assert chart["y"] + chart["height"] * shown < height and chart["y"] - below < summary + 120, (chart, below)
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    page.locator(".theme-toggle").first.click()
    expect(page.locator(".filters-toggle")).to_have_text("Filters (1 on)")
    page.get_by_label("Search", exact=True).fill("treaty")
    expect(page.locator(".filters-toggle")).to_have_text("Filters (2 on)")
    page.go_back()
    expect(page.locator(".filters-toggle")).to_have_text("Filters (1 on)")
    page.get_by_role("button", name="Reset all filters").click()
    expect(page.locator(".filters-toggle")).to_have_text("Filters")
    expect(page.locator(".filters-toggle")).to_have_attribute("aria-expanded", "true")  # kept through it all
    page.locator(".filters-toggle").click()
    expect(page.locator(".filters-toggle")).to_have_attribute("aria-expanded", "false")
    expect(page.locator(".theme-toggle").first).to_be_hidden()
    # A shared link's filters are counted as it opens, in either language; the panel stays closed.
    page.goto(server_url.rstrip("/") + "/ja/?themes=nuclear,missile&from=1990")
    expect(page.locator(".filters-toggle")).to_have_text("絞り込み（2件適用中）")
    expect(page.locator(".theme-toggle").first).to_be_hidden()
    # In two columns the panel is open beside the chart and has no button.
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(page.locator(".filters-toggle")).to_be_hidden()
    expect(page.locator(".theme-toggle").first).to_be_visible()


@pytest.mark.parametrize(("width", "height"), [(320, 568), (375, 667)])
def test_on_a_phone_every_part_of_an_open_menu_can_be_reached(page: Page, server_url, width, height, console_errors):
    # A menu's panel sits below the summary bar, across it, and scrolls with the page: it was fixed
    # to the screen where it opened, and ran past the screen's bottom out of reach.
    page.set_viewport_size({"width": width, "height": height})
    open_app(page, server_url)
    expect(page.locator(".event-grid .ag-row").first).to_be_attached()  # the menus' panels come with the list
    for name in ("Export", "Embed"):
        menu = page.locator(".menu > summary", has_text=name)
        menu.click()
        panel = page.locator(".menu[open] .menu-panel")
        last = panel.locator("button, a, textarea").last
        last.scroll_into_view_if_needed()
        box, end = panel.bounding_box(), last.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, (name, box)
        assert end["y"] >= 0 and end["y"] + end["height"] <= height, (name, end)
        menu.click()


@pytest.mark.parametrize("width", [375, 1440])
def test_fits_phone_and_laptop_screens(page: Page, server_url, width, console_errors):
    page.set_viewport_size({"width": width, "height": 900})
    open_app(page, server_url)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    chart = page.locator("#timeline .main-svg").first.bounding_box()
    assert chart["width"] >= width * 0.75


def lede_heights(page: Page) -> tuple[float, float]:
    """The description's height as shown, and the height of all its text."""
    return page.locator("#page-lede").evaluate("lede => [lede.clientHeight, lede.scrollHeight]")


@pytest.mark.parametrize(("width", "height"), [(320, 568), (375, 667), (844, 390), (740, 360)])
def test_on_a_phone_the_description_shows_its_first_lines_and_the_chart_starts_in_the_first_view(
    browser: Browser, server_url, mini_server_url, width, height
):
    # On a phone the dataset's description (eleven lines at 320 px) and the upload control's hint
    # about dropping a file filled the first view: the chart started 688 px down at 320 x 568, and
    # 510 px down at 844 x 390 (a phone held sideways). The description now shows its first three
    # lines and a button for the rest, the upload control is one line, and there is less room
    # around the parts.
    with page_in_window(browser, width, height, touch=True) as page:
        open_app(page, server_url)
        expect(page.locator("#event-list-table")).to_be_attached()  # the page's later parts are in
        expect(page.get_by_role("button", name="Whole description")).to_be_visible()
        toggle = page.locator(".lede-toggle")
        expect(toggle).to_have_attribute("aria-expanded", "false")
        shown, whole = lede_heights(page)
        line = float(page.locator("#page-lede").evaluate("lede => parseFloat(getComputedStyle(lede).lineHeight)"))
        assert shown < whole and shown <= 3 * line + 1, (shown, whole, line)
        expect(page.locator("#upload .upload-hint")).to_be_hidden()
        expect(page.locator("#upload")).to_contain_text("Open CSV (.csv or .zip)", use_inner_text=True)
        assert page.locator("#timeline .main-svg").first.bounding_box()["y"] < height
        toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "true")
        expect(toggle).to_be_visible()  # to close it again
        shown, whole = lede_heights(page)
        assert shown == whole and shown > 3 * line + 1
        toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "false")
        assert lede_heights(page)[0] <= 3 * line + 1
        # Wide enough for the whole description, the button goes; back on the phone, it is back.
        page.set_viewport_size({"width": 1024, "height": 768})
        expect(toggle).to_have_js_property("hidden", True)
        shown, whole = lede_heights(page)
        assert shown == whole
        page.set_viewport_size({"width": width, "height": height})
        expect(toggle).to_be_visible()
        # A description short enough to show whole has no button on a phone either.
        open_app(page, mini_server_url)
        expect(page.locator("#page-lede")).to_have_text("A small test dataset.")
        expect(page.locator(".lede-toggle")).to_have_js_property("hidden", True)


LAYOUT_SHIFTS_JS = """
window.layoutShifts = [];
new PerformanceObserver(list => list.getEntries().forEach(entry => window.layoutShifts.push({
    value: entry.value,
    moved: entry.sources.map(source => source.node && source.node.nodeType === 1
        ? source.node.id || source.node.className : String(source.node)),
}))).observe({type: 'layout-shift', buffered: true});
"""


@pytest.mark.parametrize(("width", "height", "touch"), [(375, 667, True), (844, 390, True), (1440, 900, False)])
def test_nothing_on_the_page_moves_as_it_loads(browser: Browser, server_url, width, height, touch):
    # Parts that came in late moved what was below them on every phone load (a layout shift of
    # 0.03 to 0.07, once 0.68, where under 0.1 counts as good): the upload control, which draws
    # once dcc has its code; the menus, which sat beside an empty summary until the first draw
    # wrote it and pushed them onto a line of their own; the event list, below a chart box of no
    # height until the chart was drawn. Their room is now kept from the first render.
    with page_in_window(browser, width, height, touch) as page:
        page.add_init_script(LAYOUT_SHIFTS_JS)
        open_app(page, server_url)
        expect(page.locator("#upload")).to_be_attached()  # the upload control, in place of its face
        expect(page.locator(".event-grid .ag-row").first).to_be_attached()  # the list, last of the later parts
        expect(page.locator(".upload-face")).to_be_hidden()
        page.wait_for_timeout(500)  # the grid's own last touches, 200 ms or so after its first row
        shifts = page.evaluate("window.layoutShifts")
        assert sum(shift["value"] for shift in shifts) < 0.005, shifts


@pytest.mark.parametrize(("width", "height", "touch"), [(375, 667, True), (1440, 900, False)])
def test_a_link_to_a_view_with_no_events_shows_its_empty_state_from_the_first_paint(
    browser: Browser, server_url, bundled, width, height, touch
):
    # The chart's room was kept until the first draw found nothing to draw, and then the empty
    # state took its place: what was below moved up (a layout shift of 0.01 to 0.06). The page now
    # knows from its address's view (app.first_view_script) that it is empty.
    with page_in_window(browser, width, height, touch) as page:
        page.add_init_script(LAYOUT_SHIFTS_JS)
        open_app(page, server_url + "/?q=zzzznothing")
        wait_for_summary(page, 0, len(bundled.events))
        expect(page.locator("#empty-state")).to_be_visible()
        expect(page.locator("#upload")).to_be_attached()  # the later parts, last to come in
        # It stands in for the list and the chart's key too, which say nothing more.
        expect(page.locator("#event-list-section")).to_be_hidden()
        expect(page.locator("#chart-key")).to_be_hidden()
        page.wait_for_timeout(500)
        shifts = page.evaluate("window.layoutShifts")
        assert sum(shift["value"] for shift in shifts) < 0.005, shifts
        # Once a view has events, the chart is back in its place, and the empty state goes.
        page.get_by_role("button", name="Clear all filters").click()
        wait_for_summary(page, len(bundled.events), len(bundled.events))
        expect(page.locator("#empty-state")).to_be_hidden()
        expect(page.locator("#timeline .main-svg").first).to_be_visible()
        assert page.locator(".timeline-region").bounding_box()["height"] > 300
        expect(page.locator(".event-grid .ag-row").first).to_be_visible()
        expect(page.locator("#chart-key")).to_be_visible()


def test_a_shared_link_with_search_words_is_drawn_without_waiting_for_the_servers_search(
    page: Page, server_url, bundled, console_errors
):
    # The events a link's search words match come with the page (app.first_view_script), where the
    # page waited for the server's search to draw them (about 0.07 s). Held back here for a minute,
    # that answer is not what draws the chart.
    hold_back(page, "search-matches.data", 60_000)
    page.goto(server_url + "/?q=treaty&from=1990")
    shown = expected_ids(bundled, query="treaty", start=1990)
    expect(page.locator("#summary")).to_have_text(f"{len(shown)} of {len(bundled.events)} events", timeout=10_000)
    page.wait_for_function("() => document.querySelector('#timeline .js-plotly-plot') !== null", timeout=10_000)
    assert drawn_ids(page) == shown
    expect(page.get_by_label("Search")).to_have_value("treaty")
    page.wait_for_function("() => window.heldBack === true")  # the server was asked, and is still held
    # It is sent the answer the page holds as it came, not the bitmask the page decoded from it
    # (a key per event: 150 kB at 100,000 events).
    body = json.loads(page.evaluate("() => window.heldBody"))
    (matches,) = [item["value"] for item in body["state"] if item["id"] == "search-matches"]
    assert set(matches) == {"query", "total", "bits"}


@pytest.mark.parametrize(
    ("server", "width"),
    [("server_url", 768), ("server_url", 600), ("mini_server_url", 768), ("plain_server_url", 768)],
)
def test_in_one_column_the_chart_keeps_its_place_as_the_filters_lower_part_comes_in(
    page: Page, request: pytest.FixtureRequest, server: str, width: int, console_errors
):
    # On a tablet the filter panel sits above the chart, and its lower part (held back here 1 s)
    # starts in the first view: the room kept for it must be the room it takes, also while the year
    # slider waits for its code.
    page.set_viewport_size({"width": width, "height": 1024})
    hold_back(page, "..later-filters.children", 1000)
    held = []  # the slider's code, which dcc fetches when the slider first comes in
    page.route(re.compile(r"async-slider\.js"), lambda route: held.append(route))
    page.goto(request.getfixturevalue(server))
    page.wait_for_function("() => window.heldBack === true")
    expect(page.locator("#timeline .js-plotly-plot")).to_be_attached()
    open_filters(page)  # closed at first in one column; a reader may open it before its lower part is in
    assert page.locator(".later-filters").bounding_box()["y"] < 1024
    # The chart's place, each frame from now until the slider, whose code is held back too, is drawn.
    page.evaluate(
        """() => { window.tops = []; const sample = () => {
          window.tops.push(document.querySelector('#timeline').getBoundingClientRect().top);
          if (!window.stopSampling) requestAnimationFrame(sample); }; sample(); }"""
    )
    expect(page.locator(".reset-filters")).to_be_visible()
    page.wait_for_timeout(300)  # frames with the lower part in and the slider not yet drawn
    assert held and not page.locator(".later-filters [role=slider]").count()
    for route in held:
        route.continue_()
    expect(page.locator(".later-filters [role=slider]").first).to_be_visible()
    page.wait_for_timeout(300)
    tops = page.evaluate("() => { window.stopSampling = true; return window.tops; }")
    assert len(tops) > 10 and max(tops) - min(tops) <= 1, (min(tops), max(tops))
