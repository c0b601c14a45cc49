"""The ``alliance-timeline`` command: serve the explorer, validate a dataset."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .dataset import validate_dataset
from .model import Dataset

DATA_OPTION_HELP = "Dataset folder or events CSV file (default: the bundled US–Japan alliance dataset)."


def _load_or_exit(path: Path | None) -> Dataset:
    """Load a dataset, or print every problem and exit with status 1."""
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
