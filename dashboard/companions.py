"""Validating a dataset's optional companion files: themes, eras, judgements, metadata."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .csvtable import Row, Table
from .dates import DATE_FORMAT_HINT, parse_date
from .model import DEFAULT_PALETTE, Era, Judgement, Metadata, Source, Theme
from .problems import Problem
from .text import is_safe_url, is_slug

COLOR_PATTERN = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


class _Cells:
    """Named access to one row's cells, reporting problems against its line."""

    def __init__(self, table: Table, row: Row, problems: list[Problem]):
        self.table, self.row, self.problems = table, row, problems

    def get(self, column: str) -> str:
        if column not in self.table.header:
            return ""
        position = self.table.header.index(column)
        return self.row.cells[position].strip() if position < len(self.row.cells) else ""

    def report(self, column: str, message: str, hint: str) -> None:
        self.problems.append(
            Problem(self.table.name, message, hint, line=self.row.line, column=column, value=self.get(column))
        )

    def required(self, column: str, hint: str) -> str:
        value = self.get(column)
        if not value:
            self.report(column, "is empty", hint)
        return value


def _rows(table: Table, required: tuple[str, ...], problems: list[Problem]) -> Iterator[_Cells]:
    """Yield each row of a companion table once its header has the required columns."""
    problems += table.problems
    if not table.readable:
        return
    missing = [column for column in required if column not in table.header]
    for column in missing:
        problems.append(
            Problem(
                table.name,
                f"has no {column} column",
                f"add a column named {column} to the header row",
                line=1,
                column=column,
            )
        )
    if missing:
        return
    for row in table.rows:
        yield _Cells(table, row, problems)


def _check_id(cells: _Cells, seen: dict[str, int], example: str) -> str:
    """Read the row's id and report it when empty, malformed or already used."""
    value = cells.required("id", f"give every row an id such as {example}")
    if value and not is_slug(value):
        cells.report("id", "is not a valid id", "use lower-case letters, digits and hyphens")
    elif value in seen:
        first = f"{cells.table.row_label} {seen[value]}"
        cells.report("id", f"is a duplicate id (first used on {first})", "give every row its own id")
    elif value:
        seen[value] = cells.row.line
    return value


def read_themes(table: Table) -> tuple[list[Theme], list[Problem]]:
    """themes.csv: ``id,label,color,description``; a missing colour comes from the default palette."""
    problems: list[Problem] = []
    themes = []
    seen: dict[str, int] = {}
    for cells in _rows(table, ("id", "label"), problems):
        theme_id = _check_id(cells, seen, "treaty-revisions")
        label = cells.required("label", "give every theme a short label")
        color = cells.get("color") or DEFAULT_PALETTE[len(themes) % len(DEFAULT_PALETTE)]
        if not COLOR_PATTERN.match(color):
            cells.report("color", "is not a colour", "use a hex colour such as #0072B2, or leave it empty")
        themes.append(
            Theme(theme_id, label, color, cells.get("description"), cells.get("label_ja"), cells.get("description_ja"))
        )
    return themes, problems


def read_eras(table: Table) -> tuple[list[Era], list[Problem]]:
    """eras.csv: ``start,end,label,description``; an empty end means the era continues."""
    problems: list[Problem] = []
    eras = []
    for cells in _rows(table, ("start", "end", "label"), problems):
        start = parse_date(cells.get("start"))
        if start is None:
            cells.report("start", "is not a date", DATE_FORMAT_HINT)
        end_text = cells.get("end")
        end = parse_date(end_text) if end_text else None
        if end_text and end is None:
            cells.report("end", "is not a date", DATE_FORMAT_HINT + ", or leave it empty for an era that continues")
        if start and end and end.last_day < start.first_day:
            cells.report("end", "is before the era's start", "make end the same as or later than start")
        label = cells.required("label", "give every era a short label")
        if start is not None:
            eras.append(
                Era(start, end, label, cells.get("description"), cells.get("label_ja"), cells.get("description_ja"))
            )
    return sorted(eras, key=lambda era: era.start.first_day), problems


def read_judgements(table: Table) -> tuple[list[Judgement], list[Problem]]:
    """judgements.csv: ``id,title,statement,likelihood``."""
    problems: list[Problem] = []
    judgements = []
    seen: dict[str, int] = {}
    for cells in _rows(table, ("id", "title"), problems):
        judgement_id = _check_id(cells, seen, "expand-cooperation")
        title = cells.required("title", "give every judgement a short title")
        judgements.append(
            Judgement(
                judgement_id,
                title,
                cells.get("statement"),
                cells.get("likelihood"),
                cells.get("title_ja"),
                cells.get("statement_ja"),
                cells.get("likelihood_ja"),
            )
        )
    return judgements, problems


def read_metadata(path: Path, default_title: str) -> tuple[Metadata, list[Problem]]:
    """A Frictionless ``datapackage.json``: title, description, licence, sources, attribution."""
    name = path.name
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        return Metadata(default_title), [Problem(name, "is not valid UTF-8 text", "save the file as UTF-8")]
    except json.JSONDecodeError as error:
        problem = Problem(
            name,
            f"is not valid JSON ({error.msg}, character {error.colno})",
            "check for a missing comma, quote or bracket",
            line=error.lineno,
        )
        return Metadata(default_title), [problem]
    if not isinstance(descriptor, dict):
        return Metadata(default_title), [Problem(name, "must hold a JSON object", 'start it with { "title": … }')]
    return parse_metadata(descriptor, name, default_title)


def parse_metadata(descriptor: dict[str, Any], name: str, default_title: str) -> tuple[Metadata, list[Problem]]:
    """Metadata from a parsed descriptor; wrongly typed fields are reported, unknown ones ignored."""
    problems: list[Problem] = []

    def text(key: str, where: dict[str, Any] = descriptor, label: str = "") -> str:
        value = where.get(key, "")
        if not isinstance(value, str):
            shown = json.dumps(value, ensure_ascii=False)[:60]
            problems.append(Problem(name, f'"{label or key}" must be text, not {shown}', f'write it as "{key}": "…"'))
            return ""
        return value.strip()

    licence: dict[str, Any] = {}
    licences = descriptor.get("licenses", [])
    if isinstance(licences, list) and licences and isinstance(licences[0], dict):
        licence = licences[0]
    sources = []
    for entry in descriptor.get("sources", []) or []:
        if isinstance(entry, dict) and isinstance(entry.get("title"), str):
            url = entry.get("path", "") if isinstance(entry.get("path"), str) else ""
            sources.append(Source(entry["title"].strip(), url if is_safe_url(url) else ""))
    licence_url = text("path", licence, "licenses[0].path")
    metadata = Metadata(
        title=text("title") or default_title,
        description=text("description"),
        attribution=text("attribution"),
        license_name=text("title", licence, "licenses[0].title") or text("name", licence, "licenses[0].name"),
        license_url=licence_url if is_safe_url(licence_url) else "",
        sources=tuple(sources),
        title_ja=text("title_ja"),
        description_ja=text("description_ja"),
    )
    return metadata, problems
