"""Reading one CSV file into header and rows, keeping the line each row starts on."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem

UTF8_HINT = "save the file as UTF-8 (in a spreadsheet: Save As, CSV UTF-8)"
HIGH_BYTE_RUN = re.compile(rb"[\x80-\xff]{2,}")
# A cell starting with ' (the escape interchange.neutralise writes before =, +, - and @) follows a
# separator, an opening quote or a line break.
CELL_LED_BY_QUOTE = re.compile(rb"[,;\t\"\n]'")
# Long descriptions are welcome; the size of a whole file is bounded elsewhere (upload limits).
csv.field_size_limit(1 << 30)


@dataclass
class Row:
    """One record of a CSV file and the physical line it starts on (1-based)."""

    line: int
    cells: list[str]


@dataclass
class Table:
    """A CSV file as read: its display name, header and records, or the problems reading it."""

    name: str
    header: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    row_label: str = "line"  # what a row's number counts: file lines, or "item"s of a JSON list
    notes: list[str] = field(default_factory=list)  # how the file was read, when not as expected
    # False when no cell can start with ' (known from the file's bytes): nothing to unescape.
    may_have_escapes: bool = True

    @property
    def readable(self) -> bool:
        """True when the file was decoded and has a header row."""
        return not self.problems and bool(self.header)


def read_table(path: Path, name: str | None = None) -> Table:
    """Read a UTF-8 CSV file (BOM allowed); problems name the file and line."""
    name = name or path.name
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        return Table(name, problems=[Problem(name, f"cannot be read ({reason})", "check the path and its permissions")])
    return parse_table(data, name)


def parse_table(data: bytes, name: str) -> Table:
    """Parse CSV bytes; undecodable text, broken quoting and an empty file become problems.

    UTF-8 (with or without BOM) is expected. Text that is not UTF-8 but reads cleanly as
    Windows-1252 is accepted with a note; anything else is reported, never guessed at. A header
    separated by ``;`` or tabs (spreadsheets in many locales) switches the delimiter, with a note.
    """
    table = Table(name, may_have_escapes=CELL_LED_BY_QUOTE.search(data) is not None)
    encoding = _encoding(data, table)
    if encoding is None:
        return table
    # Decoded while read, a chunk at a time: a whole decoded copy of a large file is not kept.
    stream = io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline="")
    header = next((line for line in stream if line.strip()), None)
    if header is None:
        table.problems.append(Problem(name, "is empty", "add a header row and at least one row of data"))
        return table
    delimiter = _delimiter(header)
    if delimiter != ",":
        label = "semicolons" if delimiter == ";" else "tabs"
        table.notes.append(f"{name} separates its columns with {label}; it was read that way.")
    stream.seek(0)

    reader = csv.reader(stream, delimiter=delimiter, strict=True)
    previous_end = 0
    try:
        for cells in reader:
            start = previous_end + 1
            previous_end = reader.line_num
            if not "".join(cells).strip():  # no cells, or only blank ones
                continue
            if not table.header:
                table.header = [cell.strip() for cell in cells]
            else:
                table.rows.append(Row(start, cells))
    except csv.Error as error:
        table.problems.append(
            Problem(
                name,
                f"is not valid CSV here ({error})",
                'check the quotes: a quoted value must end with " and a " inside it must be doubled ("")',
                line=reader.line_num,
            )
        )
    if not table.header and not table.problems:
        table.problems.append(Problem(name, "has no header row, only empty lines", "add a header row and rows of data"))
    return table


def _encoding(data: bytes, table: Table) -> str | None:
    """The encoding to read ``data`` with (UTF-8, with or without BOM, or Windows-1252), or ``None``."""
    try:
        data.decode("utf-8")  # checked whole, then dropped
        return "utf-8-sig"
    except UnicodeDecodeError as error:
        if _is_windows_1252(data):
            table.notes.append(
                f"{table.name} is not UTF-8; it was read as Windows-1252 (Western European) text. "
                "Check that accented letters look right, and save it as UTF-8 next time."
            )
            return "cp1252"
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line_end = data.find(b"\n", error.start)
        line_text = data[line_start : line_end if line_end >= 0 else len(data)].decode("utf-8", "replace")
        table.problems.append(
            Problem(
                table.name,
                f"has a byte (0x{data[error.start]:02X}) that is not UTF-8 text",
                UTF8_HINT,
                line=data[: error.start].count(b"\n") + 1,
                value=line_text.rstrip("\r"),
            )
        )
        return None


def _is_windows_1252(data: bytes) -> bool:
    """True if the bytes look like Windows-1252 text: each non-ASCII byte alone (as accented letters
    and curly quotes are), none undefined. Multi-byte encodings such as Shift-JIS do not pass."""
    if HIGH_BYTE_RUN.search(data) or b"\x00" in data:
        return False
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _delimiter(header: str) -> str:
    """``,`` unless the header line clearly uses ``;`` or tabs instead."""
    counts = {delimiter: header.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] > counts[","] else ","
