"""Event text for readers: dates at their precision and the details of one event.

Pure functions over the events frame, shared by the figure, the list and the details panel.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .dates import format_span, parse_date
from .model import Dataset, Judgement, Theme
from .text import is_safe_url


def event_date_text(date: str, end_date: str) -> str:
    """Display text of an event's date or period, at the precision given."""
    start = parse_date(date)
    if start is None:
        return date
    return format_span(start, parse_date(end_date) if end_date else None)


def event_dates(events: pd.DataFrame) -> pd.Series:
    """Display dates of every event, aligned with the frame (computed once, at load)."""
    if "date_text" in events:
        return events["date_text"]
    return pd.Series(
        [event_date_text(date, end) for date, end in zip(events["date"], events["end_date"], strict=True)],
        index=events.index,
        dtype=object,
    )


@dataclass(frozen=True)
class EventDetails:
    """Everything the details panel shows about one event, as plain values."""

    id: str
    title: str
    date_text: str
    description: str
    themes: tuple[Theme, ...]
    actors: tuple[str, ...]
    judgements: tuple[Judgement, ...]
    source_title: str
    source_url: str


def event_details(dataset: Dataset, event_id: str) -> EventDetails | None:
    """The details of the event with this id, or ``None`` if there is none."""
    rows = dataset.events[dataset.events["id"] == event_id]
    if rows.empty:
        return None
    event = rows.iloc[0]
    judgements = tuple(j for j in (dataset.judgement(i) for i in event["judgements"]) if j is not None)
    url = event["source_url"]
    return EventDetails(
        id=event["id"],
        title=event["title"],
        date_text=event["date_text"] if "date_text" in event else event_date_text(event["date"], event["end_date"]),
        description=event["description"],
        themes=tuple(dataset.theme(theme_id) for theme_id in event["themes"]),
        actors=tuple(event["actors"]),
        judgements=judgements,
        source_title=event["source_title"] or (url if is_safe_url(url) else ""),
        source_url=url if is_safe_url(url) else "",
    )
