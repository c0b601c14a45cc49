"""The Export and Embed menus: components only."""

from __future__ import annotations

from dash import dcc, html

from . import ids
from .i18n import tr

EXPORT_CHOICES = (
    ("png", "PNG image", "slide, 1920 × 1080"),
    ("svg", "SVG image", "sharp at any size, editable"),
    ("pdf", "PDF handout", "A4 portrait"),
    ("html", "Web page", "interactive, works offline"),
    ("csv", "CSV data", "the events shown, for spreadsheets"),
    ("json", "JSON dataset", "the events shown, with themes and eras"),
)


def export_menu(lang: str = "en") -> html.Details:
    """Downloads of the current view in every format; its choices (``export_choices``) go in once
    the chart has first drawn (layout.later_parts)."""
    return html.Details(
        className="menu",
        children=[html.Summary(tr(lang, "Export")), html.Div(id=ids.EXPORT_PANEL, className="menu-panel")],
    )


def export_choices(lang: str = "en") -> list:
    """The Export menu's panel: a button per format, the download's status and the download itself."""
    return [
        html.P(tr(lang, "Download what you see, with its title, filters and credits:"), className="muted"),
        html.Ul(
            className="export-list",
            children=[
                html.Li(
                    html.Button(
                        [html.Strong(tr(lang, label)), html.Span(" " + tr(lang, detail), className="muted")],
                        id=ids.export_button(fmt),
                        className="menu-button",
                    )
                )
                for fmt, label, detail in EXPORT_CHOICES
            ],
        ),
        html.P(id=ids.EXPORT_STATUS, className="muted", role="status", **{"aria-live": "polite"}),
        dcc.Download(id=ids.DOWNLOAD),
    ]


def embed_menu(lang: str = "en") -> html.Details:
    """The iframe code for the current view, ready to copy into a course page; its panel
    (``embed_choices``) goes in once the chart has first drawn (layout.later_parts)."""
    return html.Details(
        id=ids.EMBED_MENU,
        className="menu",
        children=[html.Summary(tr(lang, "Embed")), html.Div(id=ids.EMBED_PANEL, className="menu-panel")],
    )


def embed_choices(lang: str = "en") -> list:
    """The Embed menu's panel: the code box and the preview link (filled for the view by
    callbacks.links), and a button copying the code."""
    code = ids.embed_code()
    return [
        html.Label(tr(lang, "Paste this code into a course page or blog:"), htmlFor=ids.dom_id(code)),
        dcc.Textarea(id=code, readOnly=True, className="embed-code", rows=4),
        html.Div(
            className="embed-actions",
            children=[
                dcc.Clipboard(target_id=code, title="Copy the embed code", className="copy"),
                html.A(
                    tr(lang, "Preview the embedded view"),
                    id=ids.embed_link(),
                    className="embed-link",
                    target="_blank",
                    rel="noopener",
                ),
            ],
        ),
    ]


def embed_snippet(url: str, title: str) -> str:
    """The iframe code for an /embed address."""
    safe_title = title.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return (
        f'<iframe src="{url}" title="{safe_title}" width="100%" height="560" '
        'style="border:0" loading="lazy" allowfullscreen></iframe>'
    )
