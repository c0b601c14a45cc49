"""Components for opening your own timeline: the upload control and its report."""

from __future__ import annotations

from dash import dcc, html

from . import ids
from .i18n import tr
from .model import Dataset
from .problems import Problem
from .uploads import Limits

MAX_LISTED = 100
TEMPLATE_URL = "/template/events.csv"  # served by routes.py


def upload_panel(limits: Limits, lang: str = "en") -> html.Div:
    """Drag-and-drop or pick a CSV or .zip; a template to start from; a way back."""
    return html.Div(
        className="upload-panel",
        children=[
            dcc.Upload(
                id=ids.UPLOAD,
                className="upload-drop",
                max_size=limits.max_bytes,
                accept=".csv,.zip,.json,.txt,text/csv,application/zip,application/json",
                children=[
                    html.Strong(tr(lang, "Open CSV")),
                    # A phone has nothing to drop a file from: there, the control is one line.
                    html.Span(tr(lang, " — drop a file here or click to choose"), className="upload-hint"),
                    tr(lang, " (.csv or .zip)"),
                ],
            ),
            html.Div(
                className="upload-links",
                children=[
                    html.A(tr(lang, "Download a template"), href=TEMPLATE_URL, download="events.csv"),
                    html.Button(
                        tr(lang, "Back to the bundled timeline"),
                        id=ids.UPLOAD_RESET,
                        className="link-button",
                        hidden=True,
                    ),
                ],
            ),
        ],
    )


def upload_report(name: str, dataset: Dataset | None, problems: list[Problem]) -> list:
    """What happened to an upload: loaded (with notes and skipped rows) or refused (with every problem)."""
    if dataset is None:
        heading = f"{name} could not be opened. Fix these problems and open it again:"
        return [html.P(html.Strong(heading)), problem_list(problems), *note_list(())]
    shown = len(dataset.events)
    skipped = len(dataset.skipped)
    heading = f"Opened {name}: {shown} event{'s' if shown != 1 else ''} shown"
    if skipped:
        heading += f", {skipped} row{'s' if skipped != 1 else ''} left out (listed below)"
    children = [
        html.P(html.Strong(heading + ".")),
        html.P(
            "This timeline lives only in this browser tab: it is not stored on the server, and links to it "
            "work only here. Reloading the page returns to the bundled timeline.",
            className="muted",
        ),
        *note_list(dataset.notes),
    ]
    if skipped:
        children += [html.P("Rows left out:"), problem_list(list(dataset.skipped))]
    return children


def problem_list(problems: list[Problem]) -> html.Ul:
    """Problems as a readable list (the first ``MAX_LISTED``, then a count)."""
    items = [html.Li(str(problem)) for problem in problems[:MAX_LISTED]]
    if len(problems) > MAX_LISTED:
        items.append(html.Li(f"… and {len(problems) - MAX_LISTED} more problems of the same kinds."))
    return html.Ul(items, className="problems")


def note_list(notes: tuple[str, ...] | list[str]) -> list:
    """Notes on how the file was read, if any."""
    return [html.Ul([html.Li(note) for note in notes], className="notes")] if notes else []
