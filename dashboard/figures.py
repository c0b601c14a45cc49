"""Building the timeline figure: pure functions from events to a Plotly figure."""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .dates import day_number, day_numbers, format_span, iso_day
from .detail import (
    MERGE_MARKS,
    DetailPlan,
    MergeGrid,
    counts_per_year,
    mark_counts,
    merge_buckets,
    merge_marks,
    merge_spans,
    plan_detail,
)
from .filters import FilterState, apply_filters, has_any_theme
from .i18n import tr
from .model import Dataset, Era, Theme

MARKER_SIZES = {1: 9, 2: 13, 3: 19}
SPAN_PX = 7  # how thick a period's span is drawn
DAY_MS = 86_400_000  # a span's length on the date axis is in milliseconds
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "hexagon", "star", "pentagon", "hourglass")
ERA_LABEL_ROW = 18  # pixels between rows of era labels
# Room right of the time axis for half of its last tick label (the widest, such as "Nov 2007", are
# about 63 px wide), so that the axis may draw every label as it is ("ticklabeloverflow": "allow").
# By default plotly.js measures each time label's box in the page, at every draw where the chart's
# size or its labels change (a lane hidden or shown, a zoom), to hide a label that would cross the
# chart's edge: about 8 ms of such a click.
RIGHT_MARGIN = 34
# Room above the plot: Plotly's mode bar (its zoom and download buttons, shown while the chart is
# hovered) covers the chart's top 28 px at the right, where the top row of era labels would be.
TOP_MARGIN = 30
NOTE_PX = 24  # room under the chart for each note on what it counts or merges
MARGIN_LEFT = 10  # the lanes' names are in the plot: the chart needs no more room left of it
# Room below the plot for the time labels: two lines where a label carries its year ("Mar 5" over
# "2015"). The chart keeps this room rather than let plotly.js's automargin (on in the plotly_white
# template) grow it, which draws the whole chart a second time whenever a zoom or a click changes
# the labels' height, and, past a few such draws, leaves them cut off.
TIME_LABELS_PX = 46
DETAIL_NOTE = "detail-note"  # the name of the note under the chart on what it counts or merges
# How much room an era label takes, in pixels per unit of label_units: a character at its 11 px
# size is about 6 px wide in the fonts of FONT_FAMILY; a Chinese or Japanese one about 11.
ERA_LABEL_CHAR_PX = 6.4
ERA_LABEL_SIZE = 11  # the era labels' font size
WIDE_CHARACTER_UNITS = 1.75
DEFAULT_PLOT_PX = 900  # the plot's width the era labels are laid out for when none is given
ERA_LABEL_COLOR = "#52606d"
# A lane's name sits this many pixels above the middle of its lane (or half the way to the lane
# above, where lanes are closer): clear of its marks (19 px at most) and of the selected event's
# ring (about 33 px).
LANE_NAME_SIZE = 12
LANE_NAME_CLEARANCE = 17  # pixels from the lane's middle up to its name's lower edge
LANE_NAME_RISE = LANE_NAME_CLEARANCE + LANE_NAME_SIZE // 2
LANE_NAME_COLOR = "#323f4b"
ERA_FILLS = ("rgba(30, 60, 110, 0.08)", "rgba(30, 60, 110, 0.03)")
FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK JP', sans-serif"
HOVER_TEMPLATE = "%{hovertext}<extra></extra>"
MERGED_HOVER = "and {count} more here: zoom in to see each"
COUNTED_HOVER = "Counted, not drawn: {count} in {year}. Zoom in or narrow the filters to see them."
COUNTED_NAME = "Counted events"
COUNT_COLORS = [[0, "rgba(82, 96, 109, 0.06)"], [1, "rgba(82, 96, 109, 0.32)"]]  # the band of counted events
COUNT_GAP = 16  # pixels between two lanes' bands
MERGED_NOTE = "Events too close to tell apart at this zoom share one mark, drawn for the most important of them."


def lane_symbol(dataset: Dataset, theme_id: str) -> str:
    """The marker symbol of a theme, so lanes differ by shape as well as colour."""
    position = [theme.id for theme in dataset.themes].index(theme_id)
    return SYMBOLS[position % len(SYMBOLS)]


def escape_label(text: str) -> str:
    """Make text safe for Plotly's label markup: shown as typed, never read as tags."""
    return html.escape(text, quote=False)


def chart_height(lanes: int, era_rows: int = 0, notes: int = 0) -> int:
    """The chart's height in pixels, for its number of lanes, rows of era labels and notes under it
    (``assets/timeline.js`` works it out alike). With the defaults, the least it can be for as many
    lanes: the room the page keeps for the chart until it is drawn (``layout.page``)."""
    return max(310, 120 + 62 * lanes) + ERA_LABEL_ROW * max(era_rows - 2, 0) + NOTE_PX * notes


def timeline_figure(
    dataset: Dataset,
    events: pd.DataFrame,
    *,
    lanes: Sequence[str] | None = None,
    selected: str | None = None,
    uirevision: str = "timeline",
    window: tuple[str, str] | None = None,
    lang: str = "en",
    plot_width: int | None = None,
) -> go.Figure:
    """The timeline of ``events``: one lane per theme in ``lanes`` (all themes by default).

    An event appears in the lane of each of its themes that is shown: filled in the lane of
    its first (primary) theme, hollow in the others. Periods are drawn as spans; eras shade
    the background; marker size follows importance; hovering shows title and date.

    Past a budget of marks (see ``detail``), the less important events are counted per year
    instead of drawn, and the chart says so; ``window`` (the zoomed time range) narrows the
    budget to what is on screen. ``plot_width`` (pixels between the plot's margins) lays the era
    labels out so that none overlaps another. ``assets/timeline.js`` draws the same figure in the
    browser.
    """
    lane_ids = list(lanes) if lanes is not None else [theme.id for theme in dataset.themes]
    lane_themes = [dataset.theme(theme_id) for theme_id in lane_ids]
    figure = go.Figure()
    plan = plan_detail(events, lane_ids, window)
    shown = plan.shown
    hover = hover_texts(dataset, shown, lang)
    x_range = list(window) if window else time_range(events if not events.empty else dataset.events)
    grid = None
    if int(mark_counts(shown, lane_ids).sum()) > MERGE_MARKS:
        axis_start, axis_end = (day_number(date.fromisoformat(end[:10])) for end in x_range)
        grid = MergeGrid.over(axis_start, axis_end, merge_buckets(MARKER_SIZES[plan.min_importance or 1]))
    # Every lane's marks are one trace, and every lane's periods another (added last, once the
    # chart's height is known): Plotly's cost per redraw grows with the number of traces.
    marks, spans = [], []
    for theme in lane_themes:
        in_lane = has_any_theme(shown, [theme.id])
        marks.append(_lane_marks(dataset, theme, shown.loc[in_lane], hover[in_lane.to_numpy()], grid, lang))
        spans.append((theme, _lane_spans(shown.loc[in_lane], grid)))
    _add_marks(figure, marks, grid is not None)
    if plan.thinned:
        _add_counts(figure, dataset, plan, lane_ids, lang)
    if plan.thinned or grid is not None:
        _add_detail_note(figure, plan, len(events), grid is not None, lang)
    if selected is not None and selected in set(events["id"]):
        _add_selection(figure, dataset, events.loc[events["id"] == selected].iloc[0], lane_ids)
    era_labels = _add_eras(figure, dataset, x_range, plot_width or DEFAULT_PLOT_PX)
    labels = [theme.label for theme in lane_themes]
    # The plot's top strip holds the era labels, a row each; the lanes share what is below it.
    # The chart grows by any row past two, and by the notes under it, so that its lanes keep their room.
    era_rows = max((label.row for label in era_labels), default=-1) + 1
    notes = plan.thinned + (grid is not None)
    height = chart_height(len(labels), era_rows, notes)
    top, bottom = TOP_MARGIN, TIME_LABELS_PX + NOTE_PX * notes
    plot_px = height - top - bottom
    lanes_px = plot_px - ERA_LABEL_ROW * era_rows
    lane_px = lanes_px / (len(labels) + 0.2)
    _add_spans(figure, spans, lane_px)
    _add_era_labels(figure, era_labels, lanes_px)
    figure.update_layout(
        template="plotly_white",
        font={"family": FONT_FAMILY, "size": 13, "color": "#1f2933"},
        height=height,
        margin={"l": MARGIN_LEFT, "r": RIGHT_MARGIN, "t": top, "b": bottom},
        showlegend=False,
        hovermode="closest",
        hoverlabel={"font": {"family": FONT_FAMILY}},
        dragmode="zoom",
        uirevision=uirevision,
        meta={"thinned": plan.thinned, "drawn": len(shown), "counted": len(plan.counted), "merged": grid is not None},
        xaxis={
            "type": "date",
            "range": x_range,
            "showgrid": True,
            "gridcolor": "#e4e7eb",
            "title": None,
            "ticklabeloverflow": "allow",  # see RIGHT_MARGIN
            "automargin": False,  # see TIME_LABELS_PX
        },
        yaxis={
            "type": "category",
            "categoryorder": "array",
            "categoryarray": labels[::-1],
            "range": [-0.6, len(labels) - 0.4 + (plot_px - lanes_px) / lane_px],
            "fixedrange": True,
            # Each lane's name is written in the plot, above the lane's left end, rather than beside
            # the plot: the time axis keeps the chart's whole width (on a phone, names beside the
            # plot left it a few dozen pixels). As tick labels, the names stay put when the chart
            # is zoomed, cost no trace, and are drawn as they are (nothing measures them).
            "ticklabelposition": "inside",
            "ticklabelshift": -int(min(LANE_NAME_RISE, lane_px / 2)),  # whole screen pixels: negative is up
            "ticklabeloverflow": "allow",
            "tickfont": {"size": LANE_NAME_SIZE, "color": LANE_NAME_COLOR},
            "automargin": False,
            "title": None,
        },
        yaxis2={"overlaying": "y", "range": [0, plot_px], "visible": False, "fixedrange": True},  # px, for the eras
    )
    if events.empty:
        figure.add_annotation(
            text=tr(lang, "No events match these filters"),
            xref="paper",
            yref="paper",
            x=0.5,
            y=0.5,
            showarrow=False,
            font={"size": 16, "color": "#52606d"},
        )
    return figure


def time_range(events: pd.DataFrame) -> list[str]:
    """The initial time axis: from the first to the last day covered, with a margin either side."""
    first, last = events["start"].min(), events["last"].max()
    margin = max((last - first) * 0.03, pd.Timedelta(days=120))
    return [(first - margin).date().isoformat(), (last + margin).date().isoformat()]


def build_figure(
    dataset: Dataset,
    themes: Sequence[str] | None = None,
    start: int | None = None,
    end: int | None = None,
    query: str = "",
    judgement: str | None = None,
    selected: str | None = None,
) -> go.Figure:
    """The timeline figure for a dataset narrowed by the given filters (for notebooks and scripts)."""
    state = FilterState(tuple(themes) if themes is not None else None, start, end, query, judgement)
    events = apply_filters(dataset, state)
    return timeline_figure(dataset, events, lanes=state.themes, selected=selected)


def hover_texts(dataset: Dataset, events: pd.DataFrame, lang: str = "en") -> pd.Series:
    """Hover text of each event, escaped: title, date, and its themes when it has several."""
    labels = {theme.id: theme.label for theme in dataset.themes}
    prefix, comma = ("テーマ：", "、") if lang == "ja" else ("Themes: ", ", ")
    themes = events["themes"].map(
        lambda ids: "<br><i>" + prefix + comma.join(labels[i] for i in ids) + "</i>" if len(ids) > 1 else ""
    )
    return (
        "<b>"
        + escape_labels(events["title"])
        + "</b><br>"
        + escape_labels(events["date_text"])
        + escape_labels(themes, markup=True)
    )


def escape_labels(texts: pd.Series, *, markup: bool = False) -> pd.Series:
    """``escape_label`` for a whole column; ``markup`` keeps our own <br>/<i> tags, escaping the rest."""
    if markup:
        return (
            texts.str.replace("&", "&amp;")
            .str.replace("<br><i>", "\0")
            .str.replace("</i>", "\1")
            .str.replace("<", "&lt;")
            .str.replace(">", "&gt;")
            .str.replace("\0", "<br><i>")
            .str.replace("\1", "</i>")
        )
    return texts.str.replace("&", "&amp;").str.replace("<", "&lt;").str.replace(">", "&gt;")


def _lane_spans(events: pd.DataFrame, grid: MergeGrid | None) -> list[tuple[int, int]]:
    """A lane's periods as (first day, last day) numbers; past MERGE_MARKS marks, those that overlap or
    nearly touch are joined."""
    periods = events.loc[events["end_date"] != ""]
    starts, lasts = day_numbers(periods["start"]), day_numbers(periods["last"])
    if grid is not None:
        return merge_spans(starts, lasts, grid.width)
    return list(zip(starts, lasts, strict=True))


def _add_spans(figure: go.Figure, lanes: list[tuple[Theme, list[tuple[int, int]]]], lane_px: float) -> None:
    """Every lane's periods as one trace of bars, each in its lane's colour and SPAN_PX thick
    (``lane_px``: the pixels between two lanes). Nothing when no lane has periods."""
    bars = [(theme, first, last) for theme, spans in lanes for first, last in spans]
    if not bars:
        return
    figure.add_trace(
        go.Bar(
            orientation="h",
            y=[theme.label for theme, _first, _last in bars],
            base=[iso_day(first) for _theme, first, _last in bars],
            x=[(last - first) * DAY_MS for _theme, first, last in bars],
            width=SPAN_PX / lane_px,
            marker={"color": [theme.color for theme, _first, _last in bars], "line": {"width": 0}},
            opacity=0.45,
            hoverinfo="skip",
            name="Periods",
            uid="spans",
            meta={"role": "spans", "lane": [theme.id for theme, _first, _last in bars]},
        )
    )


# What _lane_marks gives for each mark, as columns that _add_marks joins across lanes.
MARK_COLUMNS = ("x", "y", "color", "size", "symbol", "line_width", "line_color", "customdata", "hovertext")
MARK_COLUMNS += ("lane", "merged")  # the trace's meta


def _lane_marks(
    dataset: Dataset,
    theme: Theme,
    events: pd.DataFrame,
    hover: pd.Series,
    grid: MergeGrid | None = None,
    lang: str = "en",
) -> dict[str, list]:
    """A lane's marks, one per event (or per merged group of events), as columns of the marks trace:
    filled in an event's primary lane and hollow in its others, sized by importance."""
    is_period = events["end_date"] != ""
    marker_x = events["start"].where(is_period, events["x"])
    hover = hover.reset_index(drop=True)
    counts = np.ones(len(events), dtype=np.int64)
    if grid is not None:
        leads, counts = merge_marks(day_numbers(marker_x), events["importance"].to_numpy(), grid)
        events, marker_x = events.iloc[leads], marker_x.iloc[leads]
        hover = pd.Series(
            [
                f"{text}<br><i>{escape_label(tr(lang, MERGED_HOVER, count=f'{more:,}'))}</i>" if more else text
                for text, more in zip(hover.iloc[leads], counts - 1, strict=True)
            ]
        )
    primary = np.array([themes[0] == theme.id for themes in events["themes"]], dtype=bool)
    symbol = lane_symbol(dataset, theme.id)
    return {
        "x": marker_x.dt.strftime("%Y-%m-%d").tolist(),
        "y": [theme.label] * len(events),
        "color": [theme.color] * len(events),
        "size": events["importance"].map(MARKER_SIZES).tolist(),
        "symbol": np.where(primary, symbol, f"{symbol}-open").tolist(),
        "line_width": np.where(primary, 1, 2.5).tolist(),
        "line_color": np.where(primary, "#ffffff", theme.color).tolist(),
        "customdata": [[event_id] for event_id in events["id"]],
        "hovertext": hover.tolist(),
        "lane": [theme.id] * len(events),
        "merged": counts.tolist(),
    }


def _add_marks(figure: go.Figure, lanes: list[dict[str, list]], merged: bool) -> None:
    """Every lane's marks as one trace: Plotly's cost per redraw grows with the number of traces.
    ``meta.lane`` names each mark's lane; ``meta.merged``, when marks are merged, how many events
    each one stands for."""
    column = {key: [value for lane in lanes for value in lane[key]] for key in MARK_COLUMNS}
    meta: dict[str, object] = {"role": "events", "lane": column["lane"]}
    if merged:
        meta["merged"] = column["merged"]
    figure.add_trace(
        go.Scatter(
            x=column["x"],
            y=column["y"],
            mode="markers",
            name="Events",
            marker={
                "color": column["color"],
                "opacity": 1,
                "size": column["size"],
                "symbol": column["symbol"],
                "line": {"width": column["line_width"], "color": column["line_color"]},
            },
            customdata=column["customdata"],
            hovertext=column["hovertext"],
            hovertemplate=HOVER_TEMPLATE,
            uid="events",
            meta=meta,
        )
    )


def _add_counts(figure: go.Figure, dataset: Dataset, plan: DetailPlan, lanes: list[str], lang: str = "en") -> None:
    """Counted events per lane and year, as one faint band behind the lanes (one image, cheap to draw)."""
    counts = counts_per_year(plan.counted, lanes)
    first, last = int(plan.counted["start"].dt.year.min()), int(plan.counted["start"].dt.year.max())
    grid = np.zeros((len(lanes), last - first + 1), dtype=np.int64)
    row_of = {theme_id: row for row, theme_id in enumerate(lanes)}
    grid[counts["lane"].map(row_of).to_numpy(dtype=np.int64), counts["year"].to_numpy(dtype=np.int64) - first] = counts[
        "count"
    ].to_numpy(dtype=np.int64)
    figure.add_trace(
        go.Heatmap(
            x=[f"{year:04d}-01-01" for year in range(first, last + 2)],
            y=[dataset.theme(theme_id).label for theme_id in lanes],
            z=[[int(count) or None for count in row] for row in grid],
            hovertext=[
                [
                    escape_label(tr(lang, COUNTED_HOVER, count=f"{int(count):,}", year=first + k)) if count else None
                    for k, count in enumerate(row)
                ]
                for row in grid
            ],
            hovertemplate=HOVER_TEMPLATE,
            hoverongaps=False,
            showscale=False,
            zmin=0,
            colorscale=COUNT_COLORS,
            ygap=COUNT_GAP,
            name=tr(lang, COUNTED_NAME),
            uid="counts",
            meta={"role": "counts", "lanes": list(lanes), "counts": grid.tolist()},
        )
    )


def _add_detail_note(figure: go.Figure, plan: DetailPlan, total: int, merged: bool, lang: str = "en") -> None:
    """Under the chart, what it does not draw one by one: counted events, merged marks."""
    sentences = []
    if plan.thinned:
        level = {2: "all notable and major events", 3: "all major events"}.get(plan.min_importance, "every event")
        sentences.append(
            f"Drawn one by one: {len(plan.shown):,} of {total:,} events ({level} in view). "
            f"Grey bands count the other {len(plan.counted):,} per year: zoom in or filter to see them."
        )
    if merged:
        sentences.append(tr(lang, MERGED_NOTE))
    figure.add_annotation(
        text="<br>".join(escape_label(sentence) for sentence in sentences),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yanchor="top",
        yshift=-TIME_LABELS_PX,
        name=DETAIL_NOTE,
        xanchor="left",
        align="left",
        showarrow=False,
        font={"size": 12, "color": "#52606d"},
    )


def _add_selection(figure: go.Figure, dataset: Dataset, event: pd.Series, lanes: list[str]) -> None:
    shown = [theme_id for theme_id in event["themes"] if theme_id in lanes]
    x = event["start"] if event["end_date"] else event["x"]
    figure.add_trace(
        go.Scatter(
            x=[x.date().isoformat()] * len(shown),
            y=[dataset.theme(theme_id).label for theme_id in shown],
            mode="markers",
            marker={"size": 30, "symbol": "circle-open", "color": "#111827", "line": {"width": 3}},
            hoverinfo="skip",
            name="Selected event",
            uid="selection",
            meta={"role": "selection", "event": event["id"]},
        )
    )


def era_end(era: Era, last_day: date) -> date:
    """The last day an era's band covers: its own end, or the last event's day while it is open."""
    return era.end.last_day if era.end is not None else max(last_day, era.start.last_day)


def era_hover(era: Era) -> str:
    """What hovering an era's label tells: its name and dates, escaped for Plotly."""
    return escape_label(f"{era.label} ({format_span(era.start, era.end)})")


@dataclass(frozen=True)
class EraLabel:
    """Where an era's name goes: at ``x`` on the time axis, in label row ``row`` (0 just above the
    lanes), starting there or, when ``right_aligned``, ending there."""

    x: str
    row: int
    right_aligned: bool
    text: str
    hover: str
    first: str  # the first day that answers hover with the era's name and dates (its label's row,
    days: int  # over the era and the room its label takes, as estimated: ERA_LABEL_CHAR_PX)


def label_units(text: str) -> float:
    """How wide an era label is, in characters: a wide (Chinese or Japanese) one counts
    WIDE_CHARACTER_UNITS."""
    return sum(WIDE_CHARACTER_UNITS if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _add_eras(figure: go.Figure, dataset: Dataset, x_range: list[str], plot_px: int) -> list[EraLabel]:
    """Shade each era; returns its labels, in as few rows as fit on a plot ``plot_px`` wide."""
    if not dataset.eras:
        return []
    last_day = dataset.events["last"].max().date()
    axis_start, axis_end = (pd.Timestamp(x) for x in x_range)
    axis_days = max((axis_end - axis_start).days, 1)
    row_ends: list[float] = []  # per label row: the right edge (as a fraction of the axis) taken so far
    labels = []
    for position, era in enumerate(dataset.eras):
        end = era_end(era, last_day)
        figure.add_vrect(
            x0=era.start.first_day.isoformat(),
            x1=end.isoformat(),
            fillcolor=ERA_FILLS[position % len(ERA_FILLS)],
            line_width=0,
            layer="below",
        )
        era_first, era_last = pd.Timestamp(era.start.first_day), pd.Timestamp(end)
        if era_last < axis_start or era_first > axis_end:
            continue  # off the chart: no label to place
        # Labels start at their era; one that would run off the right edge ends there instead.
        width = label_units(era.label) * ERA_LABEL_CHAR_PX / plot_px  # as fractions of the axis
        start_at = (era_first - axis_start).days / axis_days
        end_at = (era_last - axis_start).days / axis_days
        left = max(start_at, 0)
        right_aligned = left + width > 1
        if right_aligned:
            left = end_at - width
        # A row keeps what answers each label's hover (the label and its era) apart from the next.
        row_left = max(min(left, start_at), 0)
        row = next((index for index, taken in enumerate(row_ends) if taken <= row_left), len(row_ends))
        if row == len(row_ends):
            row_ends.append(0.0)
        row_ends[row] = max(left + width + 0.01, end_at)
        starts_at = max(era_first, axis_start)  # where a label that is not right-aligned starts
        x = end.isoformat() if right_aligned else starts_at.isoformat()
        # What answers hover: the label's room (floored to whole days, as timeline.js does) and its era.
        room = int(width * axis_days)
        label_first = day_number(end) - room if right_aligned else day_number(starts_at.date())
        first = min(label_first, day_number(era.start.first_day))
        last = max(label_first + room, day_number(end))
        labels.append(
            EraLabel(x, row, right_aligned, escape_label(era.label), era_hover(era), iso_day(first), last - first)
        )
    return labels


def _add_era_labels(figure: go.Figure, labels: list[EraLabel], lanes_px: float) -> None:
    """The era labels as one trace of text in the plot's top strip, above the lanes (``lanes_px``
    high), on the hidden axis ``y2`` that counts pixels up from the plot's bottom. A trace, not
    annotations: plotly.js draws every annotation twice per draw (once to find the axes' ranges),
    which cost about 4 ms of each click for five eras.

    A text point answers hover only near where its text starts, so the era's name and dates are
    told by a transparent bar instead, a row high, under the whole label and over the whole era:
    one trace of bars."""
    if not labels:
        return
    rows = [lanes_px + ERA_LABEL_ROW * (label.row + 0.5) for label in labels]
    figure.add_trace(
        go.Scatter(
            x=[label.x for label in labels],
            y=rows,
            yaxis="y2",
            mode="text",
            text=[label.text for label in labels],
            textposition=["middle left" if label.right_aligned else "middle right" for label in labels],
            textfont={"size": ERA_LABEL_SIZE, "color": ERA_LABEL_COLOR},
            hoverinfo="skip",
            cliponaxis=False,
            showlegend=False,
            name="Eras",
            uid="eras",
            meta={"role": "eras"},
        )
    )
    figure.add_trace(
        go.Bar(
            orientation="h",
            y=rows,
            yaxis="y2",
            base=[label.first for label in labels],
            x=[label.days * DAY_MS for label in labels],
            width=ERA_LABEL_ROW,
            marker={"color": "rgba(0, 0, 0, 0)", "line": {"width": 0}},
            hovertext=[label.hover for label in labels],
            hovertemplate=HOVER_TEMPLATE,
            hoverlabel={"bgcolor": ERA_LABEL_COLOR, "bordercolor": ERA_LABEL_COLOR, "font": {"color": "#ffffff"}},
            showlegend=False,
            name="Eras",
            uid="era-hover",
            meta={"role": "era-hover"},
        )
    )
