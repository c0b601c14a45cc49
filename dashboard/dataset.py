"""Loading a dataset (a folder, or a lone events.csv) into a validated, typed ``Dataset``."""

from __future__ import annotations

from pathlib import Path

from .companions import read_eras, read_judgements, read_metadata, read_themes
from .csvtable import read_table
from .events import FRAME_COLUMNS, validate_events
from .model import DEFAULT_PALETTE, Dataset, Metadata, Theme
from .problems import DatasetError, Problem

BUNDLED_NAME = "us-japan-alliance"
EVENTS_FILE = "events.csv"
THEMES_FILE = "themes.csv"
ERAS_FILE = "eras.csv"
JUDGEMENTS_FILE = "judgements.csv"
METADATA_FILE = "datapackage.json"


def bundled_dataset_path() -> Path:
    """The folder of the bundled US–Japan dataset, in a wheel or in a source checkout."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "bundled" / BUNDLED_NAME, package.parent / "data" / BUNDLED_NAME):
        if (candidate / EVENTS_FILE).is_file():
            return candidate
    raise FileNotFoundError(f"the bundled dataset {BUNDLED_NAME} is missing from this installation")


def load_dataset(path: str | Path | None = None) -> Dataset:
    """Load and validate a dataset folder or ``events.csv`` file (the bundled one by default).

    Raises ``DatasetError`` listing every problem found.
    """
    dataset, problems = validate_dataset(path)
    if dataset is None:
        raise DatasetError(problems)
    return dataset


def validate_dataset(path: str | Path | None = None) -> tuple[Dataset | None, list[Problem]]:
    """Check a dataset; return it (or ``None`` when invalid) and every problem found."""
    path = Path(path) if path is not None else bundled_dataset_path()
    if path.is_dir():
        folder, events_path = path, path / EVENTS_FILE
        if not events_path.is_file():
            hint = f"put the events in {EVENTS_FILE} inside the folder, or pass the CSV file itself"
            return None, [Problem(str(path), f"has no {EVENTS_FILE}", hint)]
    elif path.is_file():
        folder, events_path = None, path
    else:
        return None, [
            Problem(str(path), "does not exist", "give the path of a dataset folder or of an events CSV file")
        ]

    problems: list[Problem] = []
    themes = judgements = eras = None
    metadata = Metadata(_default_title(path))
    if folder is not None:
        if (folder / THEMES_FILE).is_file():
            themes, found = read_themes(read_table(folder / THEMES_FILE))
            problems += found
        if (folder / JUDGEMENTS_FILE).is_file():
            judgements, found = read_judgements(read_table(folder / JUDGEMENTS_FILE))
            problems += found
        if (folder / ERAS_FILE).is_file():
            eras, found = read_eras(read_table(folder / ERAS_FILE))
            problems += found
        if (folder / METADATA_FILE).is_file():
            metadata, found = read_metadata(folder / METADATA_FILE, metadata.title)
            problems += found

    table = read_table(events_path)
    problems += table.problems
    if not table.readable:
        return None, problems
    theme_ids = [theme.id for theme in themes] if themes is not None else None
    judgement_ids = [j.id for j in judgements] if judgements is not None else None
    events, found = validate_events(table, theme_ids, judgement_ids)
    problems += found
    if events is None or problems:
        return None, problems

    if themes is None:
        themes = _themes_from_labels(events.attrs.get("theme_labels", {}))
    dataset = Dataset(
        events=events,
        themes=tuple(themes),
        eras=tuple(eras or ()),
        judgements=tuple(judgements or ()),
        metadata=metadata,
        extra_columns=tuple(column for column in events.columns if column not in FRAME_COLUMNS),
        path=path,
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
