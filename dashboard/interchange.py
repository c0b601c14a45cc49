"""Events as data files: the contract's CSV and a one-file JSON dataset, written and read back.

Both are written deterministically (same data, same bytes) and load back to the same dataset.
CSV cells that a spreadsheet would run as formulas are neutralised on the way out and restored
on the way in.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from typing import Any

import pandas as pd

from .csvtable import Row, Table
from .model import EVENT_COLUMNS, Dataset
from .problems import Problem
from .text import LIST_SEPARATOR

JSON_FORMAT = "alliance-timeline/1"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_COLUMNS = {"themes": "themes", "actors": "actors", "judgement": "judgements"}


def contract_rows(dataset: Dataset, events: pd.DataFrame) -> tuple[list[str], list[dict[str, Any]]]:
    """The events in the contract's columns (plus extras): lists as lists, importance as int."""
    columns = [*EVENT_COLUMNS, *dataset.extra_columns]
    rows = []
    for event in events.to_dict("records"):
        row: dict[str, Any] = {}
        for column in columns:
            if column in LIST_COLUMNS:
                row[column] = list(event[LIST_COLUMNS[column]])
            elif column == "importance":
                row[column] = int(event[column])
            else:
                row[column] = event[column]
        rows.append(row)
    return columns, rows


def events_csv(dataset: Dataset, events: pd.DataFrame) -> bytes:
    """``events.csv`` of these events: UTF-8, CRLF line ends, lists joined with ``;``."""
    columns, rows = contract_rows(dataset, events)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(
            [
                neutralise(LIST_SEPARATOR.join(value) if isinstance(value, list) else str(value))
                for value in row.values()
            ]
        )
    return buffer.getvalue().encode("utf-8")


def neutralise(cell: str) -> str:
    """Stop a spreadsheet from running a cell as a formula: prefix ``=``, ``+``, ``-``, ``@`` with ``'``.

    Loading a CSV removes that prefix again (see ``restore``), so our own exports load back as they were.
    """
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def restore(column: pd.Series) -> pd.Series:
    """Undo ``neutralise`` on a column of cells read from a CSV file."""
    return column.str.replace(r"^'(?=[=+\-@\t\r])", "", regex=True)


def dataset_json(dataset: Dataset, events: pd.DataFrame) -> bytes:
    """A whole dataset in one JSON file: metadata, themes, eras, judgements and these events."""
    _, rows = contract_rows(dataset, events)
    meta = dataset.metadata
    document = {
        "format": JSON_FORMAT,
        "metadata": {
            "title": meta.title,
            "description": meta.description,
            "attribution": meta.attribution,
            "licenses": [{"title": meta.license_name, "path": meta.license_url}] if meta.license_name else [],
            "sources": [{"title": s.title, **({"path": s.url} if s.url else {})} for s in meta.sources],
            "title_ja": meta.title_ja,
            "description_ja": meta.description_ja,
        },
        "themes": [asdict(theme) for theme in dataset.themes],
        "eras": [
            {
                "start": era.start.iso(),
                "end": era.end.iso() if era.end else "",
                "label": era.label,
                "description": era.description,
                "label_ja": era.label_ja,
                "description_ja": era.description_ja,
            }
            for era in dataset.eras
        ],
        "judgements": [asdict(judgement) for judgement in dataset.judgements],
        "events": rows,
    }
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def json_tables(data: bytes, name: str) -> tuple[dict[str, Table], dict[str, Any], list[Problem]]:
    """Read a JSON dataset into one table per part (events, themes, eras, judgements) and its metadata.

    Rows are numbered by their position in each list ("item 3"), since JSON has no lines of record.
    """
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return {}, {}, [Problem(name, "is not valid UTF-8 text", "save the file as UTF-8")]
    except json.JSONDecodeError as error:
        hint = "check for a missing comma, quote or bracket"
        return {}, {}, [Problem(name, f"is not valid JSON ({error.msg}, character {error.colno})", hint, error.lineno)]
    if not isinstance(document, dict) or not isinstance(document.get("events"), list):
        hint = 'export it again, or give it an "events" list of objects'
        return {}, {}, [Problem(name, "is not an Alliance Timeline JSON dataset", hint)]
    tables: dict[str, Table] = {}
    problems: list[Problem] = []
    for part in ("events", "themes", "eras", "judgements"):
        items = document.get(part)
        if items is None:
            continue
        table = Table(f"{name} {part}", row_label="item")
        columns: dict[str, None] = {}
        for item in items:
            if isinstance(item, dict):
                columns.update(dict.fromkeys(item))
        table.header = list(columns)
        for position, item in enumerate(items, start=1):
            if not isinstance(item, dict):
                problems.append(
                    Problem(table.name, "is not an object", "write each entry as {…}", position, None, None, "item")
                )
                continue
            table.rows.append(Row(position, [_cell(item.get(column, "")) for column in columns]))
        tables[part] = table
    metadata = document.get("metadata") if isinstance(document.get("metadata"), dict) else {}
    return tables, metadata, problems


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(part) for part in value)
    if value is None:
        return ""
    return str(value)
