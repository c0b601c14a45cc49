"""What the browser needs to filter and draw the timeline itself: a dataset as compact columns.

The page filters and draws in the browser (``assets/timeline.js``), so a filter click costs no
request. It receives, once per dataset and language, every event as columns (dates as day
numbers, themes and judgements as indices, escaped hover text) plus the figure's fixed parts
(lanes, era bands, base layout, texts). Search is the one filter answered by the server, as a
bitmask over the events (``search_bits``): searching needs the full text, which stays here.

``figures.timeline_figure`` draws the same figure in Python (exports, notebooks); a browser
test checks the two agree.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from functools import partial
from typing import Any

import numpy as np
import plotly.io as pio

from .dates import day_number, day_numbers
from .detail import MAX_MARKS, MERGE_CHART_PX, MERGE_MARKS
from .figures import (
    COUNT_COLORS,
    COUNT_GAP,
    COUNTED_HOVER,
    COUNTED_NAME,
    DEFAULT_PLOT_PX,
    ERA_FILLS,
    ERA_LABEL_CHAR_PX,
    ERA_LABEL_COLOR,
    ERA_LABEL_ROW,
    FONT_FAMILY,
    HOVER_TEMPLATE,
    LANE_NAME_COLOR,
    LANE_NAME_RISE,
    MARGIN_LEFT,
    MARKER_SIZES,
    MERGED_HOVER,
    MERGED_NOTE,
    NOTE_PX,
    RIGHT_MARGIN,
    TIME_LABELS_PX,
    TOP_MARGIN,
    era_end,
    era_hover,
    escape_label,
    hover_texts,
    label_units,
    lane_symbol,
)
from .filters import FilterState, filter_mask, search_terms
from .i18n import tr
from .model import Dataset

FORMAT_VERSION = 1


def chart_payload(dataset: Dataset, lang: str = "en") -> dict[str, Any]:
    """Everything ``timeline.js`` needs to filter and draw ``dataset`` (already localised), as JSON."""
    payload = _fixed_parts(dataset, lang)
    payload["events"] = {name: column() for name, column in _event_columns(dataset, lang).items()}
    return payload


def _event_columns(dataset: Dataset, lang: str) -> dict[str, Callable[[], list]]:
    """The events' columns, each made when called: ``chart_payload_json`` encodes one at a time."""
    events = dataset.events
    lane_index = {theme.id: position for position, theme in enumerate(dataset.themes)}
    judgement_index = {judgement.id: position for position, judgement in enumerate(dataset.judgements)}
    is_period = events["end_date"] != ""
    return {
        "id": lambda: events["id"].tolist(),
        "x": lambda: day_numbers(events["start"].where(is_period, events["x"])),
        "start": lambda: day_numbers(events["start"]),
        "last": lambda: day_numbers(events["last"]),
        "startYear": lambda: events["start"].dt.year.astype(int).tolist(),
        "lastYear": lambda: events["last"].dt.year.astype(int).tolist(),
        "period": lambda: is_period.astype(int).tolist(),
        "importance": lambda: events["importance"].astype(int).tolist(),
        "themes": lambda: [[lane_index[theme] for theme in themes] for themes in events["themes"]],
        "judgements": lambda: [
            [judgement_index[j] for j in ids if j in judgement_index] for ids in events["judgements"]
        ],
        "hover": lambda: hover_texts(dataset, events, lang).tolist(),
    }


def _fixed_parts(dataset: Dataset, lang: str) -> dict[str, Any]:
    """All of the chart data but the events' columns."""
    last_day = dataset.events["last"].max().date()
    return {
        "version": FORMAT_VERSION,
        "lang": lang,
        "total": len(dataset.events),
        "years": list(dataset.year_bounds),
        "lanes": [
            {"id": theme.id, "label": theme.label, "color": theme.color, "symbol": lane_symbol(dataset, theme.id)}
            for theme in dataset.themes
        ],
        "judgements": [judgement.id for judgement in dataset.judgements],
        "eras": [
            {
                "label": escape_label(era.label),
                "length": label_units(era.label),
                "start": day_number(era.start.first_day),
                "end": day_number(era_end(era, last_day)),
                "hover": era_hover(era),
                "fill": ERA_FILLS[position % len(ERA_FILLS)],
            }
            for position, era in enumerate(dataset.eras)
        ],
        "style": {
            "sizes": {str(importance): size for importance, size in MARKER_SIZES.items()},
            "font": FONT_FAMILY,
            "hoverTemplate": HOVER_TEMPLATE,
            "eraRow": ERA_LABEL_ROW,
            "eraColor": ERA_LABEL_COLOR,
            "laneNameRise": LANE_NAME_RISE,
            "laneNameColor": LANE_NAME_COLOR,
            "leftMargin": MARGIN_LEFT,
            "rightMargin": RIGHT_MARGIN,
            "timeLabels": TIME_LABELS_PX,
            "topMargin": TOP_MARGIN,
            "notePx": NOTE_PX,
            "eraCharPx": ERA_LABEL_CHAR_PX,
            "plotPx": DEFAULT_PLOT_PX,
            "maxMarks": MAX_MARKS,
            "mergeMarks": MERGE_MARKS,
            "mergeChartPx": MERGE_CHART_PX,
            "countColors": COUNT_COLORS,
            "countGap": COUNT_GAP,
            "template": pio.templates["plotly_white"].to_plotly_json(),
        },
        "text": {
            "empty": tr(lang, "No events match these filters"),
            "filters": tr(lang, "Filters"),
            "filtersOn": tr(lang, "Filters ({n} on)"),
            "summary": tr(lang, "{shown} of {total} events"),
            "summaryOne": "{shown} of 1 event" if lang == "en" else tr(lang, "{shown} of {total} events"),
            "merged": tr(lang, MERGED_HOVER),
            "counted": tr(lang, COUNTED_HOVER),
            "countedName": tr(lang, COUNTED_NAME),
            "mergedNote": tr(lang, MERGED_NOTE),
        },
    }


def chart_payload_json(dataset: Dataset, lang: str = "en") -> str:
    """``chart_payload`` as JSON text: what the page's store carries (one string is lighter to keep
    and to send than the same columns as Python objects). ASCII only, with other characters
    escaped: Python then keeps it at one byte per character, where a single en dash or kana in
    the text would make it two or four (30 MB more for 100,000 events).

    The events' columns are encoded one at a time, so that only one column's values are ever held
    as Python objects: with 100,000 events, the server's peak memory at start went from 457 to
    430 MB."""
    encode = partial(json.dumps, ensure_ascii=True, separators=(",", ":"))
    parts = [encode(_fixed_parts(dataset, lang))[:-1], ',"events":{']
    for position, (name, column) in enumerate(_event_columns(dataset, lang).items()):
        parts += ["," if position else "", encode(name), ":", encode(column())]
    return "".join([*parts, "}}"])  # one join: the text is copied once


def search_bits(dataset: Dataset, query: str) -> str:
    """The events matching a search, as a little-endian bitmask over their rows, base64-encoded."""
    mask = filter_mask(dataset, FilterState(query=query)) if search_terms(query) else None
    values = np.ones(len(dataset.events), dtype=bool) if mask is None else mask.to_numpy(dtype=bool)
    return base64.b64encode(np.packbits(values, bitorder="little").tobytes()).decode("ascii")


def search_matches(dataset: Dataset, query: str) -> dict[str, Any]:
    """What the page's matches store holds for a search (timeline.js matchBits): the query, the
    number of events the bitmask covers, and the bitmask of the events matching it."""
    return {"query": query, "total": len(dataset.events), "bits": search_bits(dataset, query)}


CHART_DATA_FILE = "_chart-data.json"  # under each page's path: the server's own dataset's chart data


def served_chart_data(page_path: str) -> dict[str, str]:
    """What the page's store holds for the server's own dataset: where the page fetches its chart
    data (routes.serve_chart_data), as the page starts. An opened file's chart data is in the store
    itself, as ``chart_payload_json`` text."""
    return {"href": page_path + CHART_DATA_FILE}
