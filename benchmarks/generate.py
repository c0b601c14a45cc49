"""Synthetic datasets in the data contract, for benchmarks: `python benchmarks/generate.py 10000 OUT_DIR`.

Fixed seed, so the same size always gives the same file. A realistic mix: seven themes, dates from
1900 to 2025 at year, month and day precision, one event in seven a period, one to three themes,
importance mostly 2, titles of 3 to 10 words and descriptions of 10 to 80 words.
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

THEMES = [
    ("diplomacy", "Diplomacy", "#0072B2"),
    ("security", "Security", "#E69F00"),
    ("economy", "Economy", "#009E73"),
    ("law", "Law and politics", "#CC79A7"),
    ("conflict", "Conflict", "#D55E00"),
    ("society", "Society", "#56B4E9"),
    ("science", "Science and technology", "#000000"),
]
WORDS = [
    "treaty",
    "alliance",
    "summit",
    "agreement",
    "crisis",
    "protest",
    "election",
    "budget",
    "reform",
    "guidelines",
    "missile",
    "base",
    "negotiation",
    "council",
    "minister",
    "president",
    "parliament",
    "ministry",
    "declaration",
    "strategy",
    "defence",
    "trade",
    "sanction",
    "embassy",
    "delegation",
    "conference",
    "accord",
    "revision",
    "deployment",
    "exercise",
    "port",
    "island",
    "border",
    "coalition",
    "cabinet",
    "court",
    "ruling",
    "referendum",
    "strike",
    "report",
    "commission",
    "inquiry",
    "visit",
    "statement",
]
ACTORS = ["Japan", "United States", "China", "South Korea", "Australia", "India", "United Nations", "NATO"]


def generate(count: int, folder: Path, seed: int = 2026) -> Path:
    """Write ``themes.csv`` and ``events.csv`` with ``count`` events into ``folder``; return it."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "themes.csv").open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["id", "label", "color", "description"])
        writer.writerows(
            [theme_id, label, color, f"Events about {label.lower()}."] for theme_id, label, color in THEMES
        )
    with (folder / "events.csv").open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["id", "date", "end_date", "title", "description", "themes", "actors", "source_title",
                         "source_url", "importance"])  # fmt: skip
        for number in range(count):
            year = rng.randint(1900, 2025)
            precision = rng.choices(["year", "month", "day"], weights=[2, 3, 5])[0]
            month, day = rng.randint(1, 12), rng.randint(1, 28)
            date = (
                f"{year}"
                if precision == "year"
                else f"{year}-{month:02d}"
                if precision == "month"
                else f"{year}-{month:02d}-{day:02d}"
            )
            end = ""
            if rng.random() < 1 / 7:
                end = str(min(2025, year + rng.randint(1, 8)))
            themes = rng.sample([theme[0] for theme in THEMES], rng.choices([1, 2, 3], weights=[6, 3, 1])[0])
            title = " ".join(rng.choices(WORDS, k=rng.randint(3, 10))).capitalize()
            description = " ".join(rng.choices(WORDS, k=rng.randint(10, 80))).capitalize() + "."
            writer.writerow([
                f"event-{number:06d}", date, end, title, description, ";".join(themes),
                ";".join(rng.sample(ACTORS, rng.randint(1, 3))), f"Archive record {number}",
                f"https://example.org/records/{number}", rng.choices([1, 2, 3], weights=[3, 6, 1])[0],
            ])  # fmt: skip
    return folder


def positive(text: str) -> int:
    """A count of events: a whole number of at least 1."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of events: give a whole number of at least 1")
    return int(text)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("size", type=positive, help="how many events")
    parser.add_argument("out", type=Path, help="the folder to write events.csv and themes.csv into")
    arguments = parser.parse_args(argv)
    print(generate(arguments.size, arguments.out))


if __name__ == "__main__":
    main()
