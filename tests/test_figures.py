import json
from datetime import date
from itertools import pairwise

import plotly.graph_objects as go
import pytest

from dashboard import build_figure
from dashboard.figures import MARKER_SIZES, timeline_figure
from dashboard.filters import FilterState, apply_filters
from dashboard.model import Era


def traces(figure, role):
    return [trace for trace in figure.data if trace.meta["role"] == role]


def drawn_ids(figure):
    return {row[0] for trace in traces(figure, "events") for row in trace.customdata}


def marks_of(figure):
    """The marks trace (one for every lane) as one record per mark."""
    (trace,) = traces(figure, "events")
    return [
        {"id": row[0], "lane": lane, "symbol": symbol, "hover": hover, "x": x, "size": size, "y": y}
        for row, lane, symbol, hover, x, size, y in zip(
            trace.customdata,
            trace.meta["lane"],
            trace.marker.symbol,
            trace.hovertext,
            trace.x,
            trace.marker.size,
            trace.y,
            strict=True,
        )
    ]


def test_one_lane_per_theme_in_theme_order(mini):
    figure = build_figure(mini)
    assert isinstance(figure, go.Figure)
    lanes = list(dict.fromkeys(mark["lane"] for mark in marks_of(figure)))
    assert lanes == ["law", "alliance", "forces", "regional"]
    labels = {mark["lane"]: mark["y"] for mark in marks_of(figure)}
    assert [labels[lane] for lane in lanes] == ["Constitution and law", "Alliance", "Forces", "Region"]
    assert list(figure.layout.yaxis.categoryarray) == ["Region", "Forces", "Alliance", "Constitution and law"]


def test_filtered_figure_holds_exactly_the_filtered_events(mini):
    state = FilterState(themes=("forces", "law"), start=1950, end=1960)
    figure = build_figure(mini, themes=state.themes, start=state.start, end=state.end)
    assert drawn_ids(figure) == set(apply_filters(mini, state)["id"])
    assert {mark["lane"] for mark in marks_of(figure)} == {"forces", "law"}
    assert {lane for t in traces(figure, "spans") for lane in t.meta["lane"]} <= {"forces", "law"}
    assert [t.meta["role"] for t in figure.data].count("events") == 1  # every lane's marks in one trace


def test_multi_theme_event_is_filled_in_its_main_lane_and_hollow_elsewhere(mini):
    figure = build_figure(mini)
    marks = {(mark["id"], mark["lane"]): mark for mark in marks_of(figure)}
    assert not marks[("self-defense-forces", "forces")]["symbol"].endswith("-open")
    assert marks[("self-defense-forces", "law")]["symbol"].endswith("-open")
    hover = marks[("self-defense-forces", "law")]["hover"]
    assert hover == "<b>Self-Defense Forces</b><br>1 July 1954<br><i>Themes: Forces, Constitution and law</i>"


def test_marks_show_dates_at_their_precision_and_size_by_importance(mini):
    figure = build_figure(mini, themes=["forces"])
    by_id = {mark["id"]: (mark["hover"].split("<br>")[1], mark["x"], mark["size"]) for mark in marks_of(figure)}
    assert by_id["police-reserve"] == ("August 1950", "1950-08-15", MARKER_SIZES[1])
    assert by_id["self-defense-forces"] == ("1 July 1954", "1954-07-01", MARKER_SIZES[3])
    assert by_id["korean-war"][0] == "25 June 1950 – 27 July 1953"
    assert by_id["korean-war"][1] == "1950-06-25"  # a period's mark sits at its start


def test_periods_are_drawn_as_spans_in_their_lanes_colours(mini):
    figure = build_figure(mini)
    (spans,) = traces(figure, "spans")  # every lane's periods, as one trace of bars
    assert spans.type == "bar" and spans.orientation == "h"
    bars = list(zip(spans.meta["lane"], spans.y, spans.base, spans.x, spans.marker.color, strict=True))
    assert {lane for lane, *_ in bars} == {"alliance", "forces", "regional"}
    occupation = next(bar for bar in bars if bar[0] == "alliance")
    colour = mini.theme("alliance").color
    # From its first day to its last, on the date axis: a length in milliseconds.
    assert occupation == (
        "alliance",
        "Alliance",
        "1945-09-01",
        (date(1952, 4, 30) - date(1945, 9, 1)).days * 86_400_000,
        colour,
    )
    # 7 px thick: the plot (the chart's 300 px less its margins) holds the lane axis's range.
    margin, axis = figure.layout.margin, figure.layout.yaxis.range
    assert spans.width == pytest.approx(7 / ((figure.layout.height - margin.t - margin.b) / (axis[1] - axis[0])))


def test_eras_shade_the_background_with_labels(mini):
    figure = build_figure(mini)
    assert len(figure.layout.shapes) == 3
    (labels,) = traces(figure, "eras")
    assert list(labels.text) == ["Occupation", "Cold War", "Since the Cold War"]
    assert figure.layout.shapes[0].x0 == "1945-09-02" and figure.layout.shapes[0].x1 == "1952-04-28"
    # In the plot's top strip, a row each where they would overlap, above the lanes (whose axis
    # is stretched to leave the strip free) and inside the plot.
    margin, axis = figure.layout.margin, figure.layout.yaxis.range
    plot = figure.layout.height - margin.t - margin.b
    lanes_top = plot * (len(mini.themes) - 0.4 - axis[0]) / (axis[1] - axis[0])
    assert labels.yaxis == "y2" and list(figure.layout.yaxis2.range) == [0, plot]
    assert labels.showlegend is False  # not a theme: the HTML export's legend leaves it out
    assert all(lanes_top < y < plot for y in labels.y)
    assert not figure.layout.annotations
    # The text does not answer hover; a transparent bar under each label does, over the label's
    # room and its whole era, with the era's name and dates.
    (hover,) = traces(figure, "era-hover")
    assert labels.hoverinfo == "skip" and hover.showlegend is False
    assert list(hover.y) == list(labels.y) and hover.yaxis == "y2" and hover.width == 18
    assert hover.hovertext[0] == "Occupation (2 September 1945 – 28 April 1952)"
    assert hover.base[0] == "1945-09-02" and hover.x[0] >= (date(1952, 4, 28) - date(1945, 9, 2)).days * 86_400_000


def lane_spacing(figure) -> float:
    margin, axis = figure.layout.margin, figure.layout.yaxis.range
    return (figure.layout.height - margin.t - margin.b) / (axis[1] - axis[0])


def hover_rows(figure) -> dict[float, list[tuple[int, int]]]:
    """Each row of era labels: what answers each label's hover, as (first, last) days, left to right."""
    (hover,) = traces(figure, "era-hover")
    rows: dict[float, list[tuple[int, int]]] = {}
    for y, base, length in zip(hover.y, hover.base, hover.x, strict=True):
        first = date.fromisoformat(base).toordinal()
        rows.setdefault(y, []).append((first, first + length // 86_400_000))
    return {y: sorted(spans) for y, spans in rows.items()}


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("plot_width", [300, 640, 900, 1400])
def test_era_labels_fit_the_plots_width_without_one_hover_over_another(bundled, lang, plot_width):
    from dashboard.localise import localise

    dataset = localise(bundled, lang)
    figure = timeline_figure(dataset, dataset.events, lang=lang, plot_width=plot_width)
    for spans in hover_rows(figure).values():
        assert all(last <= first for (_, last), (first, _) in pairwise(spans)), spans
    # A narrower plot takes more rows of labels, and the chart grows by them: its lanes keep
    # the room they have with the default width.
    rows = len(hover_rows(figure))
    default = timeline_figure(dataset, dataset.events, lang=lang)
    assert rows >= len(hover_rows(default)) if plot_width < 900 else rows <= len(hover_rows(default))
    assert lane_spacing(figure) >= lane_spacing(default) - 1e-9 or rows <= 2


def test_many_eras_on_a_narrow_plot_leave_the_lanes_their_room(mini):
    from dataclasses import replace

    from dashboard.dates import parse_date

    eras = [
        Era(parse_date(str(year)), parse_date(str(year + 4)), f"Period {number} of the alliance years")
        for number, year in enumerate(range(1945, 2025, 5), start=1)
    ]
    crowded = replace(mini, eras=eras)
    for lanes in (None, ["forces"]):
        narrow = timeline_figure(crowded, crowded.events, lanes=lanes, plot_width=300)
        wide = timeline_figure(crowded, crowded.events, lanes=lanes)
        assert len(hover_rows(narrow)) > len(hover_rows(wide))
        assert lane_spacing(narrow) >= lane_spacing(wide) - 1e-9 > 40


def test_lane_names_are_drawn_in_the_plot_above_their_lanes(mini, large):
    figure = build_figure(mini)
    axis = figure.layout.yaxis
    assert axis.ticklabelposition == "inside" and axis.ticklabeloverflow == "allow" and axis.automargin is False
    assert figure.layout.margin.l == 10
    assert axis.ticklabelshift == -23  # up: clear of the largest marks and of the selection ring
    # Where lanes are closer (a thinned view with three lanes), the name stays nearer its own lane.
    close = timeline_figure(large, large.events, lanes=["forces", "law", "alliance"], plot_width=300)
    assert -close.layout.yaxis.ticklabelshift <= lane_spacing(close) / 2


def test_selected_event_is_ringed_in_each_shown_lane(mini):
    figure = build_figure(mini, selected="self-defense-forces")
    ring = traces(figure, "selection")
    assert len(ring) == 1 and list(ring[0].y) == ["Forces", "Constitution and law"]
    assert ring[0].hoverinfo == "skip"


def test_empty_view_says_so(mini):
    figure = build_figure(mini, query="no such thing")
    assert drawn_ids(figure) == set()
    assert figure.layout.annotations[-1].text == "No events match these filters"


def test_labels_are_escaped_never_markup(write_csv):
    from dashboard import load_dataset

    dataset = load_dataset(write_csv('date,title,themes\n1950,"<b onmouseover=alert(1)>x</b> & y",t\n'))
    hover = traces(build_figure(dataset), "events")[0].hovertext[0]
    assert hover == "<b>&lt;b onmouseover=alert(1)&gt;x&lt;/b&gt; &amp; y</b><br>1950"


def test_figure_is_deterministic(mini):
    first = json.dumps(build_figure(mini).to_plotly_json(), sort_keys=True, default=str)
    again = json.dumps(build_figure(mini).to_plotly_json(), sort_keys=True, default=str)
    assert first == again


def test_timeline_figure_accepts_any_frame_of_the_dataset(mini):
    figure = timeline_figure(mini, mini.events.head(2), lanes=["alliance", "law"])
    assert drawn_ids(figure) == {"occupation", "constitution"}
