"""The list view: one grid component for the filtered events (sortable, paged, selectable).

One AG Grid rather than a Dash component per cell: Dash draws thousands of small components
slowly, a grid of any length quickly (it renders only the page in view).
"""

from __future__ import annotations

import pandas as pd
from dash import html
from dash_ag_grid import AgGrid

from . import ids
from .i18n import tr
from .model import Dataset
from .presentation import event_dates

LIST_LIMIT = 500
LIMIT_NOTE = "The list holds the first {limit} of {total} events; narrow the filters to see the rest."
PAGE_SIZE = 25
IMPORTANCE_LABELS = {1: "Minor", 2: "Notable", 3: "Major"}
# Dates sort by when they happened, not by their text.
BY_ORDER = {"function": "(a, b, nodeA, nodeB) => nodeA.data.order - nodeB.data.order"}
BY_IMPORTANCE = {"function": "(a, b, nodeA, nodeB) => nodeA.data.level - nodeB.data.level"}
COLUMNS = [
    {"field": "date", "headerName": "Date", "comparator": BY_ORDER, "width": 190, "suppressSizeToFit": True},
    {"field": "title", "headerName": "Title", "flex": 3, "minWidth": 220, "wrapText": True, "autoHeight": True},
    {"field": "themes", "headerName": "Themes", "flex": 2, "minWidth": 160, "wrapText": True, "autoHeight": True},
    {"field": "importance", "headerName": "Importance", "comparator": BY_IMPORTANCE, "width": 130},
]


def event_table(lang: str = "en") -> AgGrid:
    """The grid; its rows come from ``list_rows`` as the filters change."""
    return AgGrid(
        id=ids.LIST_TABLE,
        columnDefs=[{**column, "headerName": tr(lang, column["headerName"])} for column in COLUMNS],
        rowData=[],
        getRowId="params.data.id",
        defaultColDef={"sortable": True, "resizable": True},
        dashGridOptions={
            "pagination": True,
            "paginationPageSize": PAGE_SIZE,
            "paginationPageSizeSelector": False,
            "domLayout": "autoHeight",
            "animateRows": False,
            "suppressCellFocus": False,
        },
        className="ag-theme-quartz event-grid",
        style={"width": "100%"},
    )


def list_rows(dataset: Dataset, events: pd.DataFrame, lang: str = "en") -> list[dict[str, object]]:
    """Rows for the grid: the first ``LIST_LIMIT`` events in the order given."""
    shown = events.head(LIST_LIMIT)
    labels = {theme.id: theme.label for theme in dataset.themes}
    order = shown["start"].rank(method="first").astype(int)
    return [
        {
            "id": event_id,
            "date": date,
            "title": title,
            "themes": ("、" if lang == "ja" else ", ").join(labels[t] for t in themes),
            "importance": tr(lang, IMPORTANCE_LABELS[int(importance)]),
            "level": int(importance),
            "order": int(position),
        }
        for event_id, date, title, themes, importance, position in zip(
            shown["id"], event_dates(shown), shown["title"], shown["themes"], shown["importance"], order, strict=True
        )
    ]


def selected_row_rules(selected: str | None) -> dict[str, str]:
    """Highlight the selected event's row (ids are slugs, safe inside the rule)."""
    return {"selected-row": f"params.data.id === '{selected}'"} if selected else {}


def list_note(events: pd.DataFrame, lang: str = "en") -> list:
    """A note when only the first rows are listed. (An empty view has no list: the empty state
    stands in for it, style.css.)"""
    if len(events) > LIST_LIMIT:
        note = tr(lang, LIMIT_NOTE, limit=LIST_LIMIT, total=f"{len(events):,}")
        return [html.P(note, className="muted")]
    return []
