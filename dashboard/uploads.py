"""Datasets that arrive as bytes (an upload): a CSV, a JSON dataset or a .zip of a dataset folder.

Nothing is written to disk. Limits on size, rows and archive contents keep a huge or hostile
file from exhausting the server; every limit is reported as a problem, never a crash.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import threading
import zipfile
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import PurePosixPath

from .companions import parse_metadata
from .csvtable import Table, parse_table
from .dataset import EVENTS_FILE, METADATA_FILE, PART_FILES, build_dataset
from .interchange import json_tables
from .model import Dataset, Metadata
from .problems import Problem
from .timelinejs import convert_timelinejs, is_timelinejs

MAX_ARCHIVE_MEMBERS = 20


@dataclass(frozen=True)
class Limits:
    """What a server accepts from one upload; set by its operator."""

    max_bytes: int = 10 * 1024 * 1024
    max_rows: int = 100_000

    @classmethod
    def from_environment(cls) -> Limits:
        """Limits from ALLIANCE_TIMELINE_MAX_UPLOAD_MB and ALLIANCE_TIMELINE_MAX_ROWS, else the defaults."""
        default = cls()
        megabytes = os.environ.get("ALLIANCE_TIMELINE_MAX_UPLOAD_MB")
        rows = os.environ.get("ALLIANCE_TIMELINE_MAX_ROWS")
        return cls(
            max_bytes=int(float(megabytes) * 1024 * 1024) if megabytes else default.max_bytes,
            max_rows=int(rows) if rows else default.max_rows,
        )


def load_upload(name: str, data: bytes, limits: Limits | None = None) -> tuple[Dataset | None, list[Problem]]:
    """Validate an uploaded file leniently: usable rows load, the others are listed with reasons."""
    limits = limits or Limits()
    name = PurePosixPath(name.replace("\\", "/")).name or "upload"
    if len(data) > limits.max_bytes:
        return None, [_too_big(name, len(data), limits)]
    suffix = PurePosixPath(name).suffix.lower()
    default = Metadata(PurePosixPath(name).stem.replace("-", " ").replace("_", " ").capitalize() or "Timeline")
    if suffix == ".zip":
        tables, metadata, problems = _zip_tables(name, data, limits, default)
    elif suffix == ".json":
        tables, descriptor, problems = json_tables(data, name)
        metadata, found = parse_metadata(descriptor, name, default.title) if tables else (default, [])
        problems += found
    else:
        tables, metadata, problems = {"events": parse_table(data, name)}, default, []
    if problems or "events" not in tables:
        return None, problems
    events = tables["events"]
    if len(events.rows) > limits.max_rows:
        message = f"has {len(events.rows):,} rows; this server accepts at most {limits.max_rows:,}"
        return None, [Problem(events.name, message, "split the timeline into smaller files")]
    if events.readable and is_timelinejs(events.header):
        tables, metadata = convert_timelinejs(events, metadata)
    return build_dataset(tables, metadata, skip_bad_rows=True)


def _too_big(name: str, size: int, limits: Limits) -> Problem:
    return Problem(
        name,
        f"is {size / 1e6:.1f} MB; this server accepts files up to {limits.max_bytes / 1e6:.1f} MB",
        "remove columns or rows you do not need, or ask the server's operator to raise the limit",
    )


def _zip_tables(
    name: str, data: bytes, limits: Limits, default: Metadata
) -> tuple[dict[str, Table], Metadata, list[Problem]]:
    """The dataset folder inside a .zip: the shallowest folder that holds an events.csv."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return {}, default, [Problem(name, "is not a readable .zip file", "zip the dataset folder again")]
    with archive:
        members = [
            info for info in archive.infolist() if not info.is_dir() and not info.filename.startswith("__MACOSX/")
        ]
        if len(members) > MAX_ARCHIVE_MEMBERS:
            hint = "zip only the dataset folder (events.csv and its companion files)"
            return {}, default, [Problem(name, f"holds {len(members)} files", hint)]
        unpacked = sum(info.file_size for info in members)
        if unpacked > limits.max_bytes:
            return {}, default, [_too_big(f"{name} (unpacked)", unpacked, limits)]
        events = sorted(
            (info for info in members if PurePosixPath(info.filename).name == EVENTS_FILE),
            key=lambda info: len(PurePosixPath(info.filename).parts),
        )
        if not events:
            hint = f"put the events in a file named {EVENTS_FILE} inside the .zip"
            return {}, default, [Problem(name, f"has no {EVENTS_FILE}", hint)]
        folder = PurePosixPath(events[0].filename).parent
        files = {
            PurePosixPath(info.filename).name: info for info in members if PurePosixPath(info.filename).parent == folder
        }
        try:
            tables = {
                part: parse_table(archive.read(files[file]), file) for part, file in PART_FILES.items() if file in files
            }
            metadata, problems = default, []
            if METADATA_FILE in files:
                metadata, problems = _metadata(archive.read(files[METADATA_FILE]), default)
        except (zipfile.BadZipFile, RuntimeError, OSError, EOFError) as error:
            return {}, default, [Problem(name, f"could not be unpacked ({error})", "zip the dataset folder again")]
    return tables, metadata, problems


def _metadata(data: bytes, default: Metadata) -> tuple[Metadata, list[Problem]]:
    try:
        descriptor = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return default, [Problem(METADATA_FILE, f"is not valid JSON ({error})", "check it with a JSON validator")]
    if not isinstance(descriptor, dict):
        return default, [Problem(METADATA_FILE, "must hold a JSON object", 'start it with { "title": … }')]
    return parse_metadata(descriptor, METADATA_FILE, default.title)


class UploadCache:
    """Parsed uploads by content hash, so a browser's callbacks need not re-parse its file.

    A cache, not state: any server process rebuilds an entry from the bytes the browser holds.
    """

    def __init__(self, size: int = 8):
        self.size = size
        self._entries: OrderedDict[str, tuple[Dataset | None, list[Problem]]] = OrderedDict()
        self._lock = threading.Lock()

    def load(self, name: str, data: bytes, limits: Limits) -> tuple[Dataset | None, list[Problem]]:
        """``load_upload`` of these bytes, from the cache when it has them."""
        key = hashlib.sha256(name.encode() + b"\0" + data).hexdigest()
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
        result = load_upload(name, data, limits)
        with self._lock:
            self._entries[key] = result
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return result
