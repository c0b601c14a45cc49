"""Validating the rows of events.csv into the typed events frame."""

from __future__ import annotations

import calendar
from collections.abc import Collection

import numpy as np
import pandas as pd

from .csvtable import Table
from .dates import DATE_FORMAT_HINT
from .interchange import restore
from .model import EVENT_COLUMNS
from .problems import Problem, quote_value
from .text import SLUG_PATTERN, slugify, split_list

REQUIRED_COLUMNS = ("date", "title", "themes")
DEFAULT_IMPORTANCE = 2
IMPORTANCE_LEVELS = (1, 2, 3)
WEB_LINK = r"(?i)(?:https?://[^/?#\s]|mailto:[^@\s<>\"']+@[^\s<>\"']+$)"
# Columns of the typed events frame; any other column is an extra column of the file.
FRAME_COLUMNS = (
    "id",
    "date",
    "end_date",
    "precision",
    "end_precision",
    "start",
    "last",
    "x",
    "date_text",
    "title",
    "description",
    "themes",
    "actors",
    "source_title",
    "source_url",
    "judgements",
    "importance",
    "line",
    "search_text",
)


MONTH_NAMES = dict(enumerate(calendar.month_name))
DATE_FORMATS = {"day": (r"\d{4}-\d{2}-\d{2}", "%Y-%m-%d"), "month": (r"\d{4}-\d{2}", "%Y-%m"), "year": (r"\d{4}", "%Y")}


def parse_date_column(values: pd.Series) -> pd.DataFrame:
    """Vectorised partial-date parsing (one fixed-format pass per precision).

    Returns, aligned with ``values``: ``valid`` (bool), ``iso`` (normalised text),
    ``precision`` ("year"/"month"/"day"), ``start`` and ``last`` (first and last day covered)
    and ``x`` (the middle of the period, where it is drawn).
    """
    text = values.astype(str).str.strip()
    start = pd.Series(pd.NaT, index=values.index, dtype="datetime64[us]")
    precision = pd.Series("", index=values.index, dtype=object)
    for name, (pattern, form) in DATE_FORMATS.items():
        shaped = text.str.fullmatch(pattern)
        if shaped.any():
            parsed = pd.to_datetime(text[shaped], format=form, errors="coerce")
            start.loc[shaped] = parsed
            precision.loc[shaped & parsed.reindex(values.index).notna()] = name
    valid = start.notna() & (start.dt.year >= 1)
    is_day, is_month = precision.eq("day"), precision.eq("month")
    # Last day: the day itself, else the end of the month, else 31 December.
    month_end = start + pd.offsets.MonthEnd(0) if is_month.any() else start
    year_end = start + pd.offsets.YearEnd(0)
    last = start.where(is_day, month_end.where(is_month, year_end))
    middle = start.where(is_day, start + pd.to_timedelta(np.where(is_month, 14, 181), unit="D"))
    return pd.DataFrame(
        {
            "valid": valid,
            "iso": text.where(valid, ""),
            "precision": precision.where(valid, ""),
            "start": start.where(valid),
            "last": last.where(valid),
            "x": middle.where(valid),
        },
        index=values.index,
    )


def date_text(parsed: pd.DataFrame) -> pd.Series:
    """Display text of parsed dates at their precision ("1947", "May 1947", "3 May 1947"), vectorised."""
    start = parsed["start"]
    year = start.dt.year.astype("Int64").astype(str)
    month = start.dt.month.map(MONTH_NAMES).astype(str)
    day = start.dt.day.astype("Int64").astype(str)
    precision = parsed["precision"]
    texts = np.select(
        [precision.eq("day"), precision.eq("month")], [day + " " + month + " " + year, month + " " + year], year
    )
    return pd.Series(texts, index=parsed.index, dtype=object)


def validate_events(
    table: Table,
    theme_ids: Collection[str] | None,
    judgement_ids: Collection[str] | None,
    *,
    skip_bad_rows: bool = False,
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Check every row of events.csv; return the typed frame, or ``None``, and all problems found.

    ``theme_ids`` / ``judgement_ids`` are the ids declared by companion files, or ``None``
    when the dataset has no such file (then any id is accepted; theme names become slug ids
    and ``frame.attrs["theme_labels"]`` maps each id to the text first used for it).

    Strict by default: any problem means no frame. With ``skip_bad_rows`` the rows with
    problems are left out and named in the problems, the rest load, and a source address
    that is not a web link is dropped with a note (in ``frame.attrs["notes"]``) instead.
    """
    name = table.name
    header = table.header
    problems = _header_problems(name, header)
    if any(column not in header for column in REQUIRED_COLUMNS):
        return None, problems
    if not table.rows:
        problems.append(Problem(name, "has a header but no events", "add one row per event below the header"))
        return None, problems
    if problems:  # a broken header makes every row doubtful
        return None, sorted(problems, key=lambda p: p.column or "")

    width = len(header)
    cells = [row.cells if len(row.cells) == width else (row.cells + [""] * width)[:width] for row in table.rows]
    raw = pd.DataFrame(cells, columns=_unique(header), dtype=object)
    for column in EVENT_COLUMNS:
        if column not in raw:
            raw[column] = ""
    raw = raw.fillna("").astype(object)  # every column plain text, present or not
    for column in raw.columns if table.may_have_escapes else ():
        if raw[column].str.startswith("'").any():
            raw[column] = restore(raw[column])
    lines = pd.Series([row.line for row in table.rows], index=raw.index)
    bad: set[int] = set()
    notes: list[str] = []

    def report(mask: pd.Series, column: str, message: str, hint: str) -> None:
        for index in mask[mask].index:
            line, value = int(lines[index]), raw.at[index, column]
            problems.append(Problem(name, message, hint, line, column, value, table.row_label))
            bad.add(index)

    for index, row in enumerate(table.rows):
        # Fewer values than columns is how many tools write empty trailing cells: they are padded.
        # More values than columns would lose data, so the row is reported instead.
        if len(row.cells) > width:
            hint = "check for an extra comma, or quote a value that contains a comma"
            message = f"has {len(row.cells)} values but the header has {width} columns"
            problems.append(Problem(name, message, hint, row.line, line_label=table.row_label))
            bad.add(index)

    title = raw["title"].str.strip()
    report(title == "", "title", "is empty", "give every event a short headline")

    dates = parse_date_column(raw["date"])
    report(~dates["valid"], "date", "is not a date", DATE_FORMAT_HINT)

    has_end = raw["end_date"].str.strip() != ""
    ends = parse_date_column(raw["end_date"])
    report(has_end & ~ends["valid"], "end_date", "is not a date", DATE_FORMAT_HINT + ", or leave it empty")
    backwards = has_end & ends["valid"] & dates["valid"] & (ends["last"] < dates["start"])
    report(backwards, "end_date", "is before the event's date", "make end_date the same as or later than date")

    themes = split_lists(raw["themes"])
    report(themes.map(len) == 0, "themes", "is empty", "give at least one theme id; separate several with ;")
    if theme_ids is not None:
        known = set(theme_ids)
        unknown = themes.map(lambda ids: any(t not in known for t in ids))
        report(unknown, "themes", "names a theme that themes.csv does not define", _known_hint("themes.csv", known))

    judgements = split_lists(raw["judgement"])
    if judgement_ids is not None:
        known_j = set(judgement_ids)
        unknown_j = judgements.map(lambda ids: any(j not in known_j for j in ids))
        hint = _known_hint("judgements.csv", known_j)
        report(unknown_j, "judgement", "names a judgement that judgements.csv does not define", hint)

    importance_text = raw["importance"].str.strip()
    importance = pd.to_numeric(importance_text.where(importance_text != "", str(DEFAULT_IMPORTANCE)), errors="coerce")
    hint = "use 1 (minor), 2 or 3 (major), or leave it empty for 2"
    report(~importance.isin(IMPORTANCE_LEVELS), "importance", "is not an importance level", hint)

    url = raw["source_url"].str.strip()
    unsafe = (url != "") & ~url.str.match(WEB_LINK)  # the vectorised twin of text.is_safe_url
    if skip_bad_rows:
        url = url.where(~unsafe, "")  # the event stays; its link goes (noted below)
    else:
        hint = "use a full http:// or https:// address (or mailto:), or leave it empty"
        report(unsafe, "source_url", "is not a web address", hint)

    ids, id_problems, id_bad = _event_ids(raw, dates["iso"], title, lines, table)
    problems += id_problems
    bad |= id_bad

    problems.sort(key=lambda p: (p.line or 0, p.column or ""))
    if bad and not skip_bad_rows:
        return None, problems
    keep = ~raw.index.isin(sorted(bad))
    for index in unsafe[unsafe & keep].index if skip_bad_rows else ():
        address = quote_value(raw.at[index, "source_url"].strip())
        where = f"{name} {table.row_label} {lines[index]}"
        notes.append(f"{where}: the source address {address} is not an http(s) link; it was left out.")
    if not keep.any():
        problems.append(Problem(name, "has no row that could be used", "fix the problems listed above"))
        return None, problems

    themes = themes[keep]
    theme_labels: dict[str, str] = {}
    if theme_ids is None:
        # No themes.csv: the themes are whatever the rows name; ids are their slugs, labels their text.
        for names in themes:
            for text in names:
                theme_labels.setdefault(slugify(text) or "other", text)
        themes = themes.map(lambda names: tuple(dict.fromkeys(slugify(t) or "other" for t in names)))
    extras = [column for column in raw.columns if column not in EVENT_COLUMNS]
    actors = split_lists(raw["actors"])
    description = raw["description"].str.strip()
    frame = pd.DataFrame(
        {
            "id": pd.Series(ids, index=raw.index),
            "date": dates["iso"],
            "end_date": ends["iso"].where(has_end, ""),
            "precision": dates["precision"],
            "end_precision": ends["precision"].where(has_end, ""),
            "start": dates["start"],
            "last": ends["last"].where(has_end, dates["last"]),
            "x": dates["x"],
            "date_text": date_text(dates) + (" – " + date_text(ends)).where(has_end, ""),
            "title": title,
            "description": description,
            "themes": themes,
            "actors": actors,
            "source_title": raw["source_title"].str.strip(),
            "source_url": url,
            "judgements": judgements,
            "importance": importance.where(keep, DEFAULT_IMPORTANCE),
            "line": lines,
        }
    )[keep]
    frame["importance"] = frame["importance"].astype(int)
    frame["search_text"] = (
        frame["title"] + "\n" + frame["description"] + "\n" + frame["actors"].map(" ".join)
    ).str.casefold()
    for column in extras:
        frame[column] = raw.loc[keep, column]
    frame = frame.sort_values(["start", "line"], kind="stable").reset_index(drop=True)
    frame.attrs["theme_labels"] = theme_labels
    frame.attrs["notes"] = notes
    return frame, problems


def split_lists(cells: pd.Series) -> pd.Series:
    """``text.split_list`` of every cell; each distinct cell is split once (lists of themes,
    judgements and actors repeat from row to row)."""
    parts = {cell: split_list(cell) for cell in cells.unique()}
    return cells.map(parts)


def _header_problems(name: str, header: list[str]) -> list[Problem]:
    problems = []
    for column in REQUIRED_COLUMNS:
        if column not in header:
            problems.append(
                Problem(
                    name,
                    f"has no {column} column",
                    f"add a column named {column} to the header row",
                    line=1,
                    column=column,
                )
            )
    seen: set[str] = set()
    for position, column in enumerate(header, start=1):
        if not column:
            problems.append(
                Problem(
                    name,
                    f"column {position} has no name",
                    "name every column in the header row, or delete the empty column",
                    line=1,
                )
            )
        elif column in seen:
            problems.append(
                Problem(
                    name,
                    "appears twice in the header",
                    "rename or remove one of the two columns",
                    line=1,
                    column=column,
                    value=column,
                )
            )
        seen.add(column)
    return problems


def _unique(header: list[str]) -> list[str]:
    """Header names made unique so a frame can hold them (duplicates are reported separately)."""
    names: list[str] = []
    for position, column in enumerate(header, start=1):
        names.append(column if column and column not in names else f"{column or 'column'}_{position}")
    return names


def _known_hint(file: str, known: set[str]) -> str:
    listed = ", ".join(sorted(known)[:12]) + (", …" if len(known) > 12 else "")
    return f"use an id defined in {file} ({listed}) or add it there"


def _event_ids(
    raw: pd.DataFrame, iso: pd.Series, title: pd.Series, lines: pd.Series, table: Table
) -> tuple[list[str], list[Problem], set[int]]:
    """Given ids are checked; missing ones are made from date and title, stable and unique."""
    problems = []
    bad: set[int] = set()
    given = raw["id"].str.strip()
    present = given != ""
    malformed = present & ~given.str.fullmatch(SLUG_PATTERN.pattern)
    usable = present & ~malformed
    repeated = usable & given.where(usable, "").duplicated()
    first = usable & ~repeated
    first_line = dict(zip(given[first], lines[first], strict=True))
    for index in malformed[malformed].index:
        hint = "use lower-case letters, digits and hyphens, e.g. 1960-treaty-revision"
        line, value = int(lines[index]), given[index]
        problems.append(Problem(table.name, "is not a valid id", hint, line, "id", value, table.row_label))
        bad.add(index)
    for index in repeated[repeated].index:
        value = given[index]
        message = f"is a duplicate id (first used on {table.row_label} {first_line[value]})"
        hint = "give every event its own id"
        problems.append(Problem(table.name, message, hint, int(lines[index]), "id", value, table.row_label))
        bad.add(index)
    ids = given.tolist()
    taken = set(first_line)
    for index in given[~present].index:
        base = slugify(f"{iso[index]} {title[index]}") or "event"
        candidate, counter = base, 2
        while candidate in taken:
            candidate, counter = f"{base}-{counter}", counter + 1
        taken.add(candidate)
        ids[index] = candidate
    return ids, problems, bad
