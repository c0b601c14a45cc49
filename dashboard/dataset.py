"""Loading a dataset (a folder, or a lone events.csv) into a validated, typed ``Dataset``."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .companions import parse_metadata, read_eras, read_judgements, read_metadata, read_themes
from .csvtable import Table, read_table
from .events import FRAME_COLUMNS, validate_events
from .interchange import json_tables
from .model import DEFAULT_PALETTE, Dataset, Metadata, Theme
from .problems import DatasetError, Problem
from .timelinejs import convert_timelinejs, is_timelinejs

BUNDLED_NAME = "us-japan-alliance"
EVENTS_FILE = "events.csv"
THEMES_FILE = "themes.csv"
ERAS_FILE = "eras.csv"
JUDGEMENTS_FILE = "judgements.csv"
METADATA_FILE = "datapackage.json"


def bundled_path(name: str = BUNDLED_NAME) -> Path:
    """A folder shipped with the package (a dataset, or the template), in a wheel or a source checkout."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "bundled" / name, package.parent / "data" / name):
        if (candidate / EVENTS_FILE).is_file():
            return candidate
    raise FileNotFoundError(f"the bundled folder {name} is missing from this installation")


def bundled_dataset_path() -> Path:
    """The folder of the bundled US–Japan dataset."""
    return bundled_path(BUNDLED_NAME)


def template_path() -> Path:
    """The blank events.csv template: the contract's headers and two example rows."""
    return bundled_path("template") / EVENTS_FILE


def load_dataset(path: str | Path | None = None) -> Dataset:
    """Load and validate a dataset folder or ``events.csv`` file (the bundled one by default).

    Raises ``DatasetError`` listing every problem found.
    """
    dataset, problems = validate_dataset(path)
    if dataset is None:
        raise DatasetError(problems)
    return dataset


def validate_dataset(path: str | Path | None = None) -> tuple[Dataset | None, list[Problem]]:
    """Check a dataset; return it (or ``None`` when invalid) and every problem found.

    ``path`` is a dataset folder, an events CSV file, or a JSON dataset written by ``export``.
    """
    path = Path(path) if path is not None else bundled_dataset_path()
    default = Metadata(_default_title(path))
    if path.is_dir():
        if not (path / EVENTS_FILE).is_file():
            hint = f"put the events in {EVENTS_FILE} inside the folder, or pass the CSV file itself"
            return None, [Problem(str(path), f"has no {EVENTS_FILE}", hint)]
        tables = {part: read_table(path / file) for part, file in PART_FILES.items() if (path / file).is_file()}
        metadata, problems = (
            read_metadata(path / METADATA_FILE, default.title) if (path / METADATA_FILE).is_file() else (default, [])
        )
    elif path.is_file() and path.suffix.lower() == ".json":
        try:
            data = path.read_bytes()
        except OSError as error:
            return None, [Problem(path.name, f"cannot be read ({error.strerror or error})", "check its permissions")]
        tables, descriptor, problems = json_tables(data, path.name)
        if not tables:
            return None, problems
        metadata, found = parse_metadata(descriptor, path.name, default.title)
        problems += found
    elif path.is_file():
        tables, metadata, problems = {"events": read_table(path)}, default, []
        if tables["events"].readable and is_timelinejs(tables["events"].header):
            tables, metadata = convert_timelinejs(tables["events"], metadata)
    else:
        return None, [
            Problem(str(path), "does not exist", "give the path of a dataset folder or of an events CSV file")
        ]
    dataset, found = build_dataset(tables, metadata)
    problems = found + problems  # file problems first, metadata last
    if dataset is None or problems:
        return None, problems
    return replace(dataset, path=path), []


PART_FILES = {"events": EVENTS_FILE, "themes": THEMES_FILE, "eras": ERAS_FILE, "judgements": JUDGEMENTS_FILE}


def build_dataset(
    tables: dict[str, Table], metadata: Metadata, *, skip_bad_rows: bool = False
) -> tuple[Dataset | None, list[Problem]]:
    """Validate the parts of a dataset (``events`` required; ``themes``, ``eras``, ``judgements``).

    Companions are checked first so the events can be checked against them. Strict by default;
    with ``skip_bad_rows``, event rows with problems are left out and listed in ``Dataset.skipped``.
    """
    problems: list[Problem] = []
    themes = judgements = eras = None
    if "themes" in tables:
        themes, found = read_themes(tables["themes"])
        problems += found
    if "judgements" in tables:
        judgements, found = read_judgements(tables["judgements"])
        problems += found
    if "eras" in tables:
        eras, found = read_eras(tables["eras"])
        problems += found
    table = tables["events"]
    problems += table.problems
    if not table.readable or problems:
        return None, problems
    theme_ids = [theme.id for theme in themes] if themes is not None else None
    judgement_ids = [j.id for j in judgements] if judgements is not None else None
    events, found = validate_events(table, theme_ids, judgement_ids, skip_bad_rows=skip_bad_rows)
    if events is None or (found and not skip_bad_rows):
        return None, found
    if themes is None:
        themes = _themes_from_labels(events.attrs.get("theme_labels", {}))
    notes = [note for part in tables.values() for note in part.notes] + list(events.attrs.get("notes", []))
    dataset = Dataset(
        events=events,
        themes=tuple(themes),
        eras=tuple(eras or ()),
        judgements=tuple(judgements or ()),
        metadata=metadata,
        extra_columns=tuple(column for column in events.columns if column not in FRAME_COLUMNS),
        notes=tuple(notes),
        skipped=tuple(found),
    )
    return dataset, []


def _themes_from_labels(labels: dict[str, str]) -> list[Theme]:
    """Themes named only in events.csv, in order of first use, coloured from the default palette."""
    return [
        Theme(theme_id, label, DEFAULT_PALETTE[position % len(DEFAULT_PALETTE)])
        for position, (theme_id, label) in enumerate(labels.items())
    ]


def _default_title(path: Path) -> str:
    stem = path.stem if path.is_file() else path.name
    return stem.replace("-", " ").replace("_", " ").strip().capitalize() or "Timeline"
