"""Export formats and sizes, and reading ``--format``: plain data, light to import (the command
line reads them before pandas and plotly have loaded)."""

from __future__ import annotations

FORMATS = ("html", "png", "svg", "pdf", "csv", "json", "timelinejs")
IMAGE_FORMATS = ("png", "svg", "pdf")  # drawn by a real Chromium (static_images)
SUFFIXES = {"timelinejs": "timelinejs.json"}  # file name endings, where not the format's name
MEDIA_TYPES = {
    "html": "text/html",
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "csv": "text/csv",
    "json": "application/json",
    "timelinejs": "application/json",
}
# Sizes in CSS pixels. A4 portrait at 96 px per inch is 794 x 1123 (210 x 297 mm).
PRESETS = {"slide": (1920, 1080), "handout": (794, 1123), "square": (1080, 1080)}
DEFAULT_SIZE = (1600, 900)


def parse_formats(text: str) -> list[str]:
    """``"png,svg"`` to ``["png", "svg"]``; raises ValueError naming any unknown format."""
    formats = list(dict.fromkeys(part.strip().lower() for part in text.split(",") if part.strip()))
    unknown = [fmt for fmt in formats if fmt not in FORMATS]
    if unknown or not formats:
        raise ValueError(f"unknown format {', '.join(unknown) or '(none)'}; choose from {', '.join(FORMATS)}")
    return formats
