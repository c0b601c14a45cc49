"""A larger timeline for tests of the level of detail: many events over the small dataset's themes."""

from __future__ import annotations

import csv
import random
import shutil
from pathlib import Path

THEMES = ("law", "alliance", "forces", "regional")
JUDGEMENTS = ("", "", "", "grow", "pay", "grow;pay")
WORDS = ("treaty", "base", "budget", "summit", "missile", "court", "island", "talks", "exercise", "reform")


def write_large(folder: Path, companions: Path, size: int, seed: int = 7) -> Path:
    """Write ``size`` events (fixed seed) with the companion files of ``companions``; returns the folder."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("themes.csv", "eras.csv", "judgements.csv"):
        shutil.copy(companions / name, folder / name)
    with (folder / "events.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "date", "end_date", "title", "themes", "judgement", "importance", "source_title"])
        for number in range(size):
            year = rng.randint(1945, 2024)
            month, day = rng.randint(1, 12), rng.randint(1, 28)
            precision = rng.random()
            date = (
                f"{year}"
                if precision < 0.1
                else f"{year}-{month:02d}"
                if precision < 0.3
                else f"{year}-{month:02d}-{day:02d}"
            )
            end = f"{min(year + rng.randint(1, 6), 2025)}" if rng.random() < 0.12 else ""
            themes = rng.sample(THEMES, rng.choice((1, 1, 1, 2, 3)))
            importance = rng.choices((1, 2, 3), weights=(5, 4, 1))[0]
            title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 6))).capitalize()
            writer.writerow(
                [f"e{number}", date, end, title, ";".join(themes), rng.choice(JUDGEMENTS), importance, "Synthetic"]
            )
    return folder
