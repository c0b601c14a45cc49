"""Export: one path for the CLI and the app; formats, presets, captions, determinism, round trips.

PNG, SVG and PDF are rendered for real by kaleido in the system Chromium.
"""

from __future__ import annotations

import json
import re
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest
from click.testing import CliRunner

from dashboard import load_dataset
from dashboard.cli import main
from dashboard.export import (
    ExportOptions,
    attribution_text,
    describe_filters,
    export_view,
    html_page,
    output_paths,
    static_figure,
)
from dashboard.figures import DETAIL_NOTE
from dashboard.filters import FilterState, apply_filters
from dashboard.formats import parse_formats
from dashboard.urlstate import ViewState

COMPARED = ["id", "date", "end_date", "title", "description", "themes", "actors", "source_title", "source_url",
            "judgements", "importance", "precision", "start", "last"]  # fmt: skip


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def pdf_pages(data: bytes) -> list[tuple[float, float]]:
    assert data.startswith(b"%PDF-")
    boxes = re.findall(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    return [(float(x1) - float(x0), float(y1) - float(y0)) for x0, y0, x1, y1 in boxes]


@pytest.fixture(scope="module")
def images(bundled):
    view = ViewState(FilterState(themes=("forces", "constitution"), start=1990))
    return export_view(bundled, view, ["png", "svg", "pdf"], ExportOptions.preset("slide"))


def test_parse_formats():
    assert parse_formats("png, SVG,png") == ["png", "svg"]
    with pytest.raises(ValueError, match="unknown format gif; choose from html, png, svg, pdf, csv, json"):
        parse_formats("png,gif")


def test_output_paths(tmp_path):
    assert output_paths(tmp_path / "t.png", ["png"]) == {"png": tmp_path / "t.png"}
    assert output_paths(tmp_path / "t.png", ["png", "svg"]) == {"png": tmp_path / "t.png", "svg": tmp_path / "t.svg"}
    assert output_paths(tmp_path / "handout", ["pdf"]) == {"pdf": tmp_path / "handout.pdf"}
    assert output_paths(tmp_path, ["csv"]) == {"csv": tmp_path / "alliance-timeline.csv"}


def test_caption_names_the_filters(mini):
    assert describe_filters(mini, FilterState(), 8) == "8 of 8 events · all themes and years"
    caption = describe_filters(mini, FilterState(themes=("law",), start=1950, query="war", judgement="grow"), 1)
    assert (
        caption
        == "1 of 8 events · Themes: Constitution and law · 1950–2021 · Search: “war” · Judgement: Cooperation grows"
    )


def test_caption_names_the_search_words_that_count(mini):
    # A search counts each word once and its first ten (filters.MAX_SEARCH_WORDS): the caption says
    # what was searched for, not words that played no part.
    query = "Treaty treaty " + " ".join(f"w{n}" for n in range(12))
    caption = describe_filters(mini, FilterState(query=query), 0)
    assert caption == "0 of 8 events · Search: “Treaty " + " ".join(f"w{n}" for n in range(9)) + "”"


def test_attribution_credits_dataset_and_licence(mini):
    assert attribution_text(mini) == (
        "Data: Mini alliance timeline · Test data for Alliance Timeline. · "
        "Licence: Creative Commons Attribution 4.0 · Made with Alliance Timeline"
    )


def test_an_image_lists_the_note_on_counted_events_first_under_the_chart(large):
    # The note on counted and merged events opens the lines under the chart; the chart key and the
    # credits follow it, one line each, none drawn over another.
    figure = static_figure(large, ViewState(FilterState()), ExportOptions.preset("slide"))
    (note,) = figure.select_annotations(selector={"name": DETAIL_NOTE})
    assert "Grey bands count" in note.text
    lines = [note, *(a for a in figure.layout.annotations if a.name != DETAIL_NOTE and a.y == 0 and a.yref == "paper")]
    tops = [-line.yshift for line in lines]
    assert tops == sorted(tops) and len(lines) >= 3
    heights = [line.font.size * 1.5 * (line.text.count("<br>") + 1) for line in lines]
    assert all(top + height <= below for top, height, below in zip(tops, heights, tops[1:], strict=False))
    assert tops[-1] + heights[-1] <= figure.layout.margin.b


@pytest.mark.browser
def test_png_has_exactly_the_requested_size(images, mini):
    assert png_size(images["png"]) == (1920, 1080)
    square = export_view(mini, FilterState(), ["png"], ExportOptions.preset("square", scale=2))["png"]
    assert png_size(square) == (2160, 2160)


@pytest.mark.browser
def test_svg_is_well_formed_and_carries_title_caption_and_attribution(images, bundled):
    root = ET.fromstring(images["svg"])
    assert root.tag.endswith("svg")
    text = " ".join(element.text or "" for element in root.iter() if element.tag.endswith("text"))
    assert bundled.metadata.title in text
    assert "Themes: Constitution and law, Self-Defense Forces and missions" in text
    assert "Licence: Creative Commons Attribution 4.0" in text


@pytest.mark.browser
def test_pdf_handout_is_one_a4_page(bundled):
    pdf = export_view(bundled, FilterState(), ["pdf"], ExportOptions.preset("handout"))["pdf"]
    pages = pdf_pages(pdf)
    assert len(pages) == 1
    width, height = pages[0]
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2  # A4 in points


@pytest.mark.browser
def test_exports_are_byte_identical_when_repeated(bundled, images):
    view = ViewState(FilterState(themes=("forces", "constitution"), start=1990))
    again = export_view(bundled, view, ["svg", "html", "csv", "json"], ExportOptions.preset("slide"))
    first = export_view(bundled, view, ["html", "csv", "json"], ExportOptions.preset("slide"))
    assert again["svg"] == images["svg"]
    for fmt in ("html", "csv", "json"):
        assert again[fmt] == first[fmt], fmt


@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize("filters", [FilterState(), FilterState(themes=("forces",), start=1990, query="law")])
def test_data_exports_load_back_to_the_same_events(bundled, tmp_path, fmt, filters):
    data = export_view(bundled, filters, [fmt])[fmt]
    path = tmp_path / f"events.{fmt}"
    path.write_bytes(data)
    reloaded = load_dataset(path)
    expected = apply_filters(bundled, filters).reset_index(drop=True)
    pd.testing.assert_frame_equal(reloaded.events[COMPARED], expected[COMPARED])
    if fmt == "json":
        assert reloaded.themes == bundled.themes and reloaded.eras == bundled.eras
        assert reloaded.judgements == bundled.judgements and reloaded.metadata == bundled.metadata


def test_extra_columns_survive_the_round_trip(mini, tmp_path):
    for fmt in ("csv", "json"):
        path = tmp_path / f"events.{fmt}"
        path.write_bytes(export_view(mini, FilterState(), [fmt])[fmt])
        reloaded = load_dataset(path)
        assert reloaded.extra_columns == ("classroom_note",)
        assert list(reloaded.events["classroom_note"]) == list(mini.events["classroom_note"])


def test_html_page_is_self_contained_and_described(bundled):
    view = ViewState(FilterState(themes=("nuclear",)))
    page = html_page(bundled, view, ExportOptions())
    shown = apply_filters(bundled, view.filters)
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert f"<title>{bundled.metadata.title}</title>" in page
    assert not re.search(r"<script[^>]+src=", page)  # plotly.js is inline: it works offline
    assert len(page) > 1_000_000  # with the cartesian plotly.js bundle
    assert f"Text summary: {len(shown)} events" in page
    assert page.count("<tr><td>") == len(shown)
    assert "Licence: Creative Commons Attribution 4.0" in page
    data = json.loads(re.search(r'<script type="application/json" id="event-data">(.*?)</script>', page, re.S)[1])
    assert set(data) == set(shown["id"])


def test_html_page_can_load_plotly_from_a_cdn(mini):
    page = html_page(mini, ViewState(), ExportOptions(plotlyjs="cdn"))
    assert re.search(r'<script [^>]*src="https://cdn\.plot\.ly/', page)
    assert len(page) < 100_000


def test_dataset_text_never_becomes_markup_in_html(write_csv):
    path = write_csv(
        'date,title,themes,description\n1950,"<script>alert(1)</script>",t,"</script><img src=x onerror=alert(2)>"\n'
    )
    dataset = load_dataset(path)
    page = html_page(dataset, ViewState(), ExportOptions(plotlyjs="cdn"))
    assert "<script>alert(1)" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # in the text summary, as text


@pytest.mark.browser
def test_cli_exports_several_formats_in_one_call(tmp_path, mini, mini_path):
    result = CliRunner().invoke(
        main,
        ["export", "--data", str(mini_path), "--format", "png,svg,pdf,html,csv,json", "--out", str(tmp_path / "t"),
         "--themes", "forces,law", "--start", "1950", "--width", "1000", "--height", "600", "--title", "Forces"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    for fmt in ("png", "svg", "pdf", "html", "csv", "json"):
        assert (tmp_path / f"t.{fmt}").stat().st_size > 0
    assert png_size((tmp_path / "t.png").read_bytes()) == (1000, 600)
    assert "Forces" in (tmp_path / "t.svg").read_text()
    expected = apply_filters(mini, FilterState(themes=("forces", "law"), start=1950))
    assert list(load_dataset(tmp_path / "t.csv").events["id"]) == list(expected["id"])


def test_cli_errors_are_clear(tmp_path, mini_path, monkeypatch):
    runner = CliRunner()
    base = ["export", "--data", str(mini_path), "--out", str(tmp_path / "t.png")]
    result = runner.invoke(main, [*base, "--themes", "space"])
    assert (
        result.exit_code == 2
        and "unknown theme space; this dataset has law, alliance, forces, regional" in result.output
    )
    result = runner.invoke(main, [*base, "--judgement", "nope"])
    assert result.exit_code == 2 and "unknown judgement nope; this dataset has grow, pay" in result.output
    result = runner.invoke(main, [*base, "--format", "gif"])
    assert result.exit_code == 2 and "unknown format gif" in result.output
    result = runner.invoke(
        main, ["export", "--data", str(mini_path), "--format", "csv", "--out", str(tmp_path / "no" / "t.csv")]
    )
    assert result.exit_code == 1 and f"cannot write {tmp_path / 'no' / 't.csv'}: the folder" in result.stderr
    monkeypatch.setenv("CHROME_PATH", str(tmp_path / "no-such-chrome"))
    result = runner.invoke(main, [*base, "--format", "png"])
    assert result.exit_code == 1
    assert "needs Chrome or Chromium: install it (Debian/Ubuntu: apt-get install chromium" in result.stderr
    assert "set CHROME_PATH" in result.stderr


@pytest.mark.browser
def test_japanese_text_is_kept_in_vector_exports(write_csv):
    dataset = load_dataset(write_csv("date,title,themes\n1960-01-19,日米安全保障条約の改定,同盟\n"))
    svg = export_view(dataset, FilterState(), ["svg"], ExportOptions(title="日米同盟の年表"))["svg"].decode()
    assert "日米同盟の年表" in svg and "同盟" in svg


def test_handout_preset_is_a4_portrait():
    options = ExportOptions.preset("handout")
    assert (options.width, options.height) == (794, 1123)


@pytest.mark.browser
def test_hostile_text_stays_text_in_svg():
    from pathlib import Path

    from dashboard.uploads import load_upload

    path = Path(__file__).parent / "fixtures" / "nasty" / "script-payloads.csv"
    dataset, _ = load_upload(path.name, path.read_bytes())
    svg = export_view(dataset, FilterState(), ["svg"], ExportOptions(title="<script>window.pwned=9</script>"))["svg"]
    root = ET.fromstring(svg)
    tags = {element.tag.rsplit("}", 1)[-1] for element in root.iter()}
    assert "script" not in tags and "foreignObject" not in tags
    assert not any(name.startswith("on") for element in root.iter() for name in element.attrib)
    text = " ".join(element.text or "" for element in root.iter() if element.tag.endswith("text"))
    assert "<script>window.pwned=9</script>" in text


def test_the_cartesian_bundle_is_the_same_plotly_js_and_draws_the_timeline(bundled):
    from plotly.offline import get_plotlyjs_version

    from dashboard.figures import timeline_figure
    from dashboard.plotlyjs import CARTESIAN_BUNDLE, CARTESIAN_VERSION, COMPILE_HINT, bundle_path

    # A plotly upgrade must bring the vendored bundle along (npm: plotly.js-cartesian-dist-min).
    assert get_plotlyjs_version() == CARTESIAN_VERSION
    assert f"plotly.js (cartesian - minified) v{CARTESIAN_VERSION}" in CARTESIAN_BUNDLE.read_text()[:200]
    # The image exporter's Chromium loads it from a file that starts with the compile hint.
    exported = Path(bundle_path(timeline_figure(bundled, bundled.events)))
    assert exported.read_bytes() == COMPILE_HINT + CARTESIAN_BUNDLE.read_bytes()
    # A trace the bundle cannot draw: the full plotly.js.
    assert bundle_path(go.Figure(go.Scattergl(x=[1], y=[1]))) is None


def test_the_offline_html_page_inlines_the_cartesian_bundle(bundled):
    from dashboard.plotlyjs import CARTESIAN_VERSION

    page = html_page(bundled, ViewState(FilterState()), ExportOptions())
    assert f"plotly.js (cartesian - minified) v{CARTESIAN_VERSION}" in page
    assert "allFunctionsCalledOnLoad" not in page  # an inline script gets no background compile
    assert page.count("plotly.js (") == 1  # the full bundle is not there as well
    assert len(page.encode("utf-8")) < 2_000_000


def _browser_children() -> list[str]:
    """Chromium processes started by this test process (its descendants)."""
    import os
    from pathlib import Path

    found = []
    for proc in Path("/proc").iterdir():
        try:
            status = (proc / "status").read_text()
            cmdline = (proc / "cmdline").read_text()
        except (OSError, ValueError):
            continue
        ppid = next(line.split()[1] for line in status.splitlines() if line.startswith("PPid:"))
        if "chrom" in cmdline and int(ppid) == os.getpid():
            found.append(proc.name)
    return found


def test_a_browser_warmed_up_early_renders_the_export_and_closes(bundled):
    from dashboard import static_images
    from dashboard.figures import timeline_figure

    static_images.warm_up()
    warm = static_images._warm
    assert warm is not None
    images = static_images.render_images(timeline_figure(bundled, bundled.events), ["png", "svg"], 800, 450, 1)
    assert images["png"].startswith(b"\x89PNG") and b"<svg" in images["svg"][:200]
    assert static_images._warm is None and not warm._thread.is_alive()  # used once, browser closed
    assert _browser_children() == []


def test_a_browser_warmed_up_but_not_used_is_closed():
    from dashboard import static_images

    static_images.warm_up()
    warm = static_images._take_warm(None)  # a figure the cartesian bundle cannot draw: not this one
    assert warm is None and static_images._warm is None
    assert _browser_children() == []


def test_an_image_export_that_stops_early_leaves_no_browser_running(tmp_path, mini_path):
    from dashboard import static_images

    result = CliRunner().invoke(
        main, ["export", "--format", "png", "--data", str(mini_path), "--themes", "nope", "--out", str(tmp_path)]
    )
    assert result.exit_code == 2 and "unknown theme nope" in result.output
    assert static_images._warm is None and _browser_children() == []
