"""TimelineJS interoperability: read its Google Sheet template's CSV, write its JSON format.

A TimelineJS sheet has columns such as Year, Month, Day, End Year, Headline, Text, Media,
Group and Type. Reading one converts it to the data contract and says what mapped to what;
nothing is dropped (columns without a counterpart are kept as extra columns).
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace

import pandas as pd

from .csvtable import Row, Table
from .model import Dataset, Metadata
from .text import is_safe_url

DATE_PARTS = ("Year", "Month", "Day")
END_PARTS = ("End Year", "End Month", "End Day")
MAPPED = {"Headline": "title", "Text": "description", "Group": "themes"}
DEFAULT_GROUP = "Events"
TAG = re.compile(r"<[^>]+>")
LINK = re.compile(r"<a\s[^>]*href\s*=\s*[\"']([^\"']+)[\"'][^>]*>(.*?)</a>", re.I | re.S)
MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\((https?://[^)\s\"]+)\)")
BREAK = re.compile(r"<\s*(br|/p|/div|/li)\s*/?>", re.I)


def is_timelinejs(header: list[str]) -> bool:
    """True for the header of a TimelineJS sheet (and not of our own contract)."""
    names = {column.strip().lower() for column in header}
    return {"year", "headline"} <= names and "date" not in names


def html_to_text(text: str) -> str:
    """TimelineJS text is HTML: keep its words and http(s) links, drop its tags."""
    text = LINK.sub(lambda m: f"[{TAG.sub('', m[2])}]({m[1]})" if is_safe_url(m[1]) else TAG.sub("", m[2]), text)
    text = BREAK.sub("\n", text)
    return html.unescape(TAG.sub("", text)).strip()


def convert_timelinejs(table: Table, metadata: Metadata) -> tuple[dict[str, Table], Metadata]:
    """A TimelineJS sheet as contract tables (events, eras) and metadata, with a note of the mapping."""
    index = {column.strip(): position for position, column in enumerate(table.header)}

    def cell(row: Row, column: str) -> str:
        position = index.get(column)
        return row.cells[position].strip() if position is not None and position < len(row.cells) else ""

    def date(row: Row, parts: tuple[str, str, str]) -> str:
        values = [cell(row, part) for part in parts]
        if not values[0]:
            return ""
        text = values[0].zfill(4) if values[0].lstrip("-").isdigit() and not values[0].startswith("-") else values[0]
        for value in values[1:]:
            if not value:
                break
            text += "-" + (value.zfill(2) if value.isdigit() else value)
        return text

    used = {*DATE_PARTS, *END_PARTS, *MAPPED, "Type"}
    extras = [column.strip() for column in table.header if column.strip() and column.strip() not in used]
    events = Table(table.name, header=["date", "end_date", "title", "description", "themes", *extras])
    events.notes = list(table.notes)
    eras = Table(f"{table.name} eras", header=["start", "end", "label", "description"])
    title_rows = []
    for row in table.rows:
        kind = cell(row, "Type").lower()
        if kind == "title":
            title_rows.append(row.line)
            metadata = replace(
                metadata,
                title=html_to_text(cell(row, "Headline")) or metadata.title,
                description=html_to_text(cell(row, "Text")),
            )
            continue
        if kind == "era":
            eras.rows.append(
                Row(row.line, [date(row, DATE_PARTS), date(row, END_PARTS), html_to_text(cell(row, "Headline")), ""])
            )
            continue
        group = cell(row, "Group") or DEFAULT_GROUP
        values = [
            date(row, DATE_PARTS),
            date(row, END_PARTS),
            html_to_text(cell(row, "Headline")),
            html_to_text(cell(row, "Text")),
            group.replace(";", ","),
        ]
        events.rows.append(Row(row.line, values + [cell(row, column) for column in extras]))
    mapping = "Year/Month/Day → date, End Year/End Month/End Day → end_date, Headline → title, Text → description"
    note = f"{table.name} is a TimelineJS sheet; it was converted: {mapping}, Group → themes"
    note += f" (empty: {DEFAULT_GROUP})"
    if extras:
        note += f"; kept as extra columns: {', '.join(extras)}"
    if title_rows:
        note += f"; line {title_rows[0]} (type title) became the timeline's title"
    if eras.rows:
        count = len(eras.rows)
        note += f"; {count} row{'s' if count != 1 else ''} of type era became {'eras' if count != 1 else 'an era'}"
    events.notes.append(note + ". HTML in Headline and Text was turned into plain text and links.")
    tables = {"events": events}
    if eras.rows:
        tables["eras"] = eras
    return tables, metadata


def _date_object(iso: str) -> dict[str, str]:
    parts = iso.split("-")
    keys = ("year", "month", "day")
    return {key: str(int(value)) for key, value in zip(keys, parts, strict=False)}


def timelinejs_json(dataset: Dataset, events: pd.DataFrame) -> bytes:
    """The events in TimelineJS's JSON format (its text fields are HTML, so ours is escaped)."""
    escape = html.escape
    items = []
    for event in events.itertuples():
        text = MARKDOWN_LINK.sub(r'<a href="\2" target="_blank" rel="noopener">\1</a>', escape(event.description))
        if event.source_title:
            source = escape(event.source_title)
            if event.source_url:
                source = f'<a href="{escape(event.source_url)}" target="_blank" rel="noopener">{source}</a>'
            text += f"<p>Source: {source}</p>"
        item = {
            "unique_id": event.id,
            "start_date": _date_object(event.date),
            "text": {"headline": escape(event.title), "text": text},
            "group": dataset.theme(event.themes[0]).label,
        }
        if event.end_date:
            item["end_date"] = _date_object(event.end_date)
        items.append(item)
    last = events["last"].max() if not events.empty else None
    eras = [
        {
            "start_date": _date_object(era.start.iso()),
            "end_date": _date_object(era.end.iso() if era.end else last.date().isoformat()),
            "text": {"headline": escape(era.label)},
        }
        for era in dataset.eras
        if era.end is not None or last is not None
    ]
    meta = dataset.metadata
    document = {
        "title": {"text": {"headline": escape(meta.title), "text": escape(meta.description)}},
        "events": items,
        "eras": eras,
    }
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
