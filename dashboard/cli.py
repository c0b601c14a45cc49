"""The ``alliance-timeline`` command: serve the explorer, validate a dataset, export a view."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import __version__
from .formats import IMAGE_FORMATS, PRESETS, parse_formats
from .static_images import BrowserNotFound, cool_down, warm_up

if TYPE_CHECKING:
    from .model import Dataset

# pandas, plotly and Dash load inside the commands: an image export starts its browser first.

DATA_OPTION_HELP = "Dataset folder or events CSV file (default: the bundled US–Japan alliance dataset)."


def _load_or_exit(path: Path | None) -> Dataset:
    """Load a dataset, or print every problem and exit with status 1."""
    from .dataset import validate_dataset

    dataset, problems = validate_dataset(path)
    if dataset is None:
        click.echo(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found:", err=True)
        for problem in problems:
            click.echo(f"  {problem}", err=True)
        sys.exit(1)
    return dataset


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="alliance-timeline")
def main() -> None:
    """Alliance Timeline: an interactive, sourced history timeline from a CSV of dated events."""


@main.command()
@click.option("--data", "data_path", type=click.Path(path_type=Path), help=DATA_OPTION_HELP)
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0 for every interface)."
)
@click.option("--port", default=8050, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="Server processes.")
@click.option(
    "--debug", is_flag=True, help="Run Dash's development server with reloading and error pages (never in production)."
)
def serve(data_path: Path | None, host: str, port: int, workers: int, debug: bool) -> None:
    """Run the explorer in a web server and print its address."""
    from .app import create_app

    dataset = _load_or_exit(data_path)
    app = create_app(dataset)
    shown_host = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    click.echo(f"Alliance Timeline: {dataset.metadata.title} ({len(dataset.events)} events)")
    click.echo(f"Open http://{shown_host}:{port}/ in a browser. Press Ctrl+C to stop.", err=False)
    sys.stdout.flush()
    if debug:
        app.run(host=host, port=port, debug=True)
        return
    from .server import run_production_server

    run_production_server(app.server, host=host, port=port, workers=workers)


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
def validate(path: Path) -> None:
    """Check a dataset folder or events CSV against the data contract.

    Prints every problem with its file, line, column and value, and how to fix it.
    Exit status: 0 valid, 1 invalid, 2 usage error.
    """
    dataset = _load_or_exit(path)
    counts = [
        f"{len(dataset.events)} events",
        f"{len(dataset.themes)} themes",
        f"{len(dataset.eras)} eras",
        f"{len(dataset.judgements)} judgements",
    ]
    click.echo(f"{path}: valid ({', '.join(counts)})")
    for note in dataset.notes:
        click.echo(f"note: {note}")


@main.command()
@click.option(
    "--format",
    "formats",
    default="html",
    show_default=True,
    help="One or more of html, png, svg, pdf, csv, json, timelinejs, separated by commas (e.g. png,svg,pdf).",
)
@click.option(
    "--out",
    required=True,
    type=click.Path(path_type=Path),
    help="Output file, or a folder. With several formats each gets its own suffix (timeline.png, timeline.svg).",
)
@click.option("--data", "data_path", type=click.Path(path_type=Path), help=DATA_OPTION_HELP)
@click.option("--themes", help="Theme ids to show, separated by commas (default: all).")
@click.option("--start", type=int, help="First year shown.")
@click.option("--end", type=int, help="Last year shown.")
@click.option("--query", default="", help="Only events whose title, description or actors contain these words.")
@click.option("--judgement", help="Only events supporting this key judgement id.")
@click.option("--event", "event_id", help="Event id to highlight as selected.")
@click.option(
    "--preset",
    type=click.Choice(sorted(PRESETS)),
    help="Size preset: slide 1920x1080, handout A4 portrait, square 1080x1080.",
)
@click.option("--width", type=click.IntRange(200, 8000), help="Image width in pixels (default 1600, or the preset's).")
@click.option("--height", type=click.IntRange(200, 8000), help="Image height in pixels (default 900, or the preset's).")
@click.option(
    "--scale",
    type=click.FloatRange(0.25, 8),
    default=1.0,
    show_default=True,
    help="Pixel density of PNG images (2 for sharp slides).",
)
@click.option("--title", help="Title shown on the export (default: the dataset's title).")
@click.option(
    "--lang", type=click.Choice(["en", "ja"]), default="en", show_default=True, help="Language of the export."
)
@click.option("--story", "story_id", help="HTML only: export this key judgement's guided story instead of a view.")
@click.option(
    "--plotlyjs",
    type=click.Choice(["inline", "cdn"]),
    default="inline",
    show_default=True,
    help="HTML only: inline works offline (about 1.5 MB); cdn makes a small file that needs the internet.",
)
def export(
    formats: str,
    out: Path,
    data_path: Path | None,
    themes: str | None,
    start: int | None,
    end: int | None,
    query: str,
    judgement: str | None,
    event_id: str | None,
    preset: str | None,
    width: int | None,
    height: int | None,
    scale: float,
    title: str | None,
    lang: str,
    story_id: str | None,
    plotlyjs: str,
) -> None:
    """Export the timeline, filtered as in the explorer, for slides, handouts and web pages.

    Examples:

      alliance-timeline export --format png --preset slide --out timeline.png

      alliance-timeline export --format html,pdf --themes forces --start 1990 --out handout
    """
    try:
        wanted = parse_formats(formats)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--format") from None
    if story_id is None and any(fmt in IMAGE_FORMATS for fmt in wanted):
        warm_up()  # Chromium starts while the dataset and the figure code load
        click.get_current_context().call_on_close(cool_down)  # closed even if the export stops early
    from .export import ExportError, ExportOptions, output_paths, story_page, write_exports
    from .filters import FilterState, normalise
    from .localise import localise
    from .urlstate import ViewState

    dataset = localise(_load_or_exit(data_path), lang)
    theme_ids = tuple(t.strip() for t in themes.split(",") if t.strip()) if themes is not None else None
    known = [theme.id for theme in dataset.themes]
    unknown = [t for t in theme_ids or () if t not in known]
    if unknown:
        raise click.BadParameter(
            f"unknown theme {', '.join(unknown)}; this dataset has {', '.join(known)}", param_hint="--themes"
        )
    if judgement and dataset.judgement(judgement) is None:
        choices = ", ".join(j.id for j in dataset.judgements) or "none"
        raise click.BadParameter(f"unknown judgement {judgement}; this dataset has {choices}", param_hint="--judgement")
    if event_id and event_id not in set(dataset.events["id"]):
        raise click.BadParameter(f"no event has the id {event_id}", param_hint="--event")
    filters = normalise(dataset, FilterState(theme_ids, start, end, query, judgement))
    options = ExportOptions.preset(preset) if preset else ExportOptions()
    options = replace(
        options,
        width=width or options.width,
        height=height or options.height,
        scale=scale,
        title=title,
        plotlyjs=plotlyjs,
    )
    if story_id is not None:
        if wanted != ["html"]:
            raise click.BadParameter("a story is exported as html only", param_hint="--format")
        try:
            page = story_page(dataset, story_id, options, lang)
        except ExportError as error:
            raise click.BadParameter(str(error), param_hint="--story") from None
        path = output_paths(out, ["html"])["html"]
        try:
            path.write_text(page, encoding="utf-8")
        except OSError as error:
            click.echo(f"error: cannot write {path}: {error.strerror or error}", err=True)
            sys.exit(1)
        click.echo(f"html: {path} ({path.stat().st_size:,} bytes)")
        return
    try:
        written = write_exports(dataset, ViewState(filters, event_id), wanted, out, options, lang)
    except BrowserNotFound as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    except ExportError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    except OSError as error:
        click.echo(f"error: cannot write {error.filename or out}: {error.strerror or error}", err=True)
        sys.exit(1)
    for fmt, path in written.items():
        click.echo(f"{fmt}: {path} ({path.stat().st_size:,} bytes)")
