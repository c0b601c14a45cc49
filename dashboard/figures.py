"""Building the timeline figure: pure functions from events to a Plotly figure."""

from __future__ import annotations

import html
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from .dates import format_span
from .filters import FilterState, apply_filters, has_any_theme
from .model import Dataset, Theme
from .presentation import event_dates

MARKER_SIZES = {1: 9, 2: 13, 3: 19}
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "hexagon", "star", "pentagon", "hourglass")
ERA_LABEL_ROW = 18  # pixels between rows of era labels
ERA_LABEL_CHAR_WIDTH = 0.0075  # a label character's width as a fraction of a ~900 px wide axis
ERA_FILLS = ("rgba(30, 60, 110, 0.08)", "rgba(30, 60, 110, 0.03)")
FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK JP', sans-serif"
HOVER_TEMPLATE = "<b>%{customdata[1]}</b><br>%{customdata[2]}%{customdata[3]}<extra></extra>"


def lane_symbol(dataset: Dataset, theme_id: str) -> str:
    """The marker symbol of a theme, so lanes differ by shape as well as colour."""
    position = [theme.id for theme in dataset.themes].index(theme_id)
    return SYMBOLS[position % len(SYMBOLS)]


def escape_label(text: str) -> str:
    """Make text safe for Plotly's label markup: shown as typed, never read as tags."""
    return html.escape(text, quote=False)


def timeline_figure(
    dataset: Dataset,
    events: pd.DataFrame,
    *,
    lanes: Sequence[str] | None = None,
    selected: str | None = None,
    uirevision: str = "timeline",
) -> go.Figure:
    """The timeline of ``events``: one lane per theme in ``lanes`` (all themes by default).

    An event appears in the lane of each of its themes that is shown: filled in the lane of
    its first (primary) theme, hollow in the others. Periods are drawn as spans; eras shade
    the background; marker size follows importance; hovering shows title and date.
    """
    lane_ids = list(lanes) if lanes is not None else [theme.id for theme in dataset.themes]
    lane_themes = [dataset.theme(theme_id) for theme_id in lane_ids]
    figure = go.Figure()
    dates = event_dates(events)
    for theme in lane_themes:
        in_lane = events.loc[has_any_theme(events, [theme.id])]
        _add_lane(figure, dataset, theme, in_lane, dates)
    if selected is not None and selected in set(events["id"]):
        _add_selection(figure, dataset, events.loc[events["id"] == selected].iloc[0], lane_ids)
    x_range = time_range(events if not events.empty else dataset.events)
    era_rows = _add_eras(figure, dataset, x_range)
    labels = [theme.label for theme in lane_themes]
    figure.update_layout(
        template="plotly_white",
        font={"family": FONT_FAMILY, "size": 13, "color": "#1f2933"},
        height=max(300, 110 + 62 * len(labels)),
        margin={"l": 10, "r": 10, "t": 20 + ERA_LABEL_ROW * era_rows, "b": 40},
        showlegend=False,
        hovermode="closest",
        hoverlabel={"font": {"family": FONT_FAMILY}},
        dragmode="zoom",
        uirevision=uirevision,
        xaxis={
            "type": "date",
            "range": x_range,
            "showgrid": True,
            "gridcolor": "#e4e7eb",
            "title": None,
        },
        yaxis={
            "type": "category",
            "categoryorder": "array",
            "categoryarray": labels[::-1],
            "range": [-0.6, len(labels) - 0.4],
            "fixedrange": True,
            "automargin": True,
            "title": None,
        },
    )
    if events.empty:
        figure.add_annotation(
            text="No events match these filters",
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


def _add_lane(figure: go.Figure, dataset: Dataset, theme: Theme, events: pd.DataFrame, dates: pd.Series) -> None:
    periods = events.loc[events["end_date"] != ""]
    if not periods.empty:
        xs: list[object] = []
        for start, last in zip(periods["start"], periods["last"], strict=True):
            xs += [start.date().isoformat(), last.date().isoformat(), None]
        figure.add_trace(
            go.Scatter(
                x=xs,
                y=[theme.label if x is not None else None for x in xs],
                mode="lines",
                line={"color": theme.color, "width": 7},
                opacity=0.45,
                hoverinfo="skip",
                name=f"{theme.label} periods",
                uid=f"spans-{theme.id}",
                meta={"role": "spans", "theme": theme.id},
            )
        )
    primary = [themes[0] == theme.id for themes in events["themes"]]
    symbol = lane_symbol(dataset, theme.id)
    marker_x = events["start"].where(events["end_date"] != "", events["x"])
    figure.add_trace(
        go.Scatter(
            x=[stamp.date().isoformat() for stamp in marker_x],
            y=[theme.label] * len(events),
            mode="markers",
            name=theme.label,
            marker={
                "color": theme.color,
                "opacity": 1,
                "size": [MARKER_SIZES[level] for level in events["importance"]],
                "symbol": [symbol if is_primary else f"{symbol}-open" for is_primary in primary],
                "line": {
                    "width": [1 if is_primary else 2.5 for is_primary in primary],
                    "color": ["#ffffff" if is_primary else theme.color for is_primary in primary],
                },
            },
            customdata=[
                [event_id, escape_label(title), dates[index], _other_themes_note(dataset, themes, theme.id)]
                for index, event_id, title, themes in zip(
                    events.index, events["id"], events["title"], events["themes"], strict=True
                )
            ],
            hovertemplate=HOVER_TEMPLATE,
            uid=f"events-{theme.id}",
            meta={"role": "events", "theme": theme.id},
        )
    )


def _other_themes_note(dataset: Dataset, themes: tuple[str, ...], lane: str) -> str:
    others = [dataset.theme(theme_id).label for theme_id in themes if theme_id != lane]
    return "<br><i>Also under: " + escape_label(", ".join(others)) + "</i>" if others else ""


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


def _add_eras(figure: go.Figure, dataset: Dataset, x_range: list[str]) -> int:
    """Shade each era and label it; returns how many label rows were needed."""
    if not dataset.eras:
        return 0
    last_day = dataset.events["last"].max().date()
    axis_start, axis_end = (pd.Timestamp(x) for x in x_range)
    axis_days = max((axis_end - axis_start).days, 1)
    row_ends: list[float] = []  # per label row: the right edge (as a fraction of the axis) taken so far
    for position, era in enumerate(dataset.eras):
        end = era.end.last_day if era.end is not None else max(last_day, era.start.last_day)
        figure.add_vrect(
            x0=era.start.first_day.isoformat(),
            x1=end.isoformat(),
            fillcolor=ERA_FILLS[position % len(ERA_FILLS)],
            line_width=0,
            layer="below",
        )
        if pd.Timestamp(end) < axis_start or pd.Timestamp(era.start.first_day) > axis_end:
            continue  # off the chart: no label to place
        # Labels start at their era; one that would run off the right edge ends there instead.
        width = len(era.label) * ERA_LABEL_CHAR_WIDTH
        left = max((pd.Timestamp(era.start.first_day) - axis_start).days / axis_days, 0)
        right_aligned = left + width > 1
        if right_aligned:
            left = (pd.Timestamp(end) - axis_start).days / axis_days - width
        row = next((index for index, taken in enumerate(row_ends) if taken <= left), len(row_ends))
        if row == len(row_ends):
            row_ends.append(0.0)
        row_ends[row] = left + width + 0.01
        figure.add_annotation(
            x=end.isoformat() if right_aligned else max(pd.Timestamp(era.start.first_day), axis_start).isoformat(),
            y=1,
            yshift=2 + ERA_LABEL_ROW * row,
            xref="x",
            yref="paper",
            xanchor="right" if right_aligned else "left",
            yanchor="bottom",
            text=escape_label(era.label),
            hovertext=escape_label(f"{era.label} ({format_span(era.start, era.end)})"),
            showarrow=False,
            font={"size": 11, "color": "#52606d"},
        )
    return len(row_ends)
