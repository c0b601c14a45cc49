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


def upload_panel(lang: str = "en") -> html.Div:
    """Drag-and-drop or pick a CSV or .zip; a template to start from; a way back.

    The control itself (``upload_control``) comes in with the page's later parts, after the chart:
    dcc.Upload draws nothing until dcc has fetched its code, so in the first layout it moved the
    page when it drew, and the first draw had its code to fetch and run. Until it is in, a copy of
    its face keeps its room (style.css hides the copy once the control is there), so that nothing
    below it moves."""
    return html.Div(
        className="upload-panel",
        # The file input's label (assets/upload-input.js gives it to the input, which dcc.Upload draws).
        **{"data-file-label": tr(lang, "Open a CSV or zip file")},
        children=[
            html.Div(id=ids.UPLOAD_HOLDER),
            html.Div(upload_label(lang), className="upload-drop upload-face", **{"aria-hidden": "true"}),
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


def upload_control(limits: Limits, lang: str = "en") -> dcc.Upload:
    """The upload control, which goes into the upload panel with the page's later parts."""
    return dcc.Upload(
        id=ids.UPLOAD,
        className="upload-drop",
        max_size=limits.max_bytes,
        accept=".csv,.zip,.json,.txt,text/csv,application/zip,application/json",
        children=upload_label(lang),
    )


def upload_label(lang: str) -> list:
    """What the upload control says. A phone has nothing to drop a file from: there, style.css
    leaves out the hint, and the control is one line."""
    return [
        html.Strong(tr(lang, "Open CSV")),
        html.Span(tr(lang, " — drop a file here or click to choose"), className="upload-hint"),
        tr(lang, " (.csv or .zip)"),
    ]


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
