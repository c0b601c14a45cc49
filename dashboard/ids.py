"""Every component id of the page, in one place (stable, so tests and workers agree)."""

from __future__ import annotations

import json
from typing import Any

URL = "url"
STATE = "view-state"
DATASET = "dataset-source"  # the browser's uploaded dataset, or None for the server's own
ZOOM = "zoom-window"  # the zoomed time range while the chart counts or merges events, or None
CHART_DATA = "chart-data"  # the chart data: where to fetch it (the server's dataset), or its JSON text (an opened file)
MATCHES = "search-matches"  # the events matching the search, as a bitmask from the server

TITLE = "page-title"
LANGUAGE_LINK = "language-link"
LEDE = "page-lede"
# On a phone the description shows its first lines, and this button the rest (assets/disclosures.js).
LEDE_TOGGLE = "lede-toggle"
FOOTER = "page-footer"
UPLOAD = "upload"
UPLOAD_HOLDER = "upload-holder"  # where the upload control goes, with the page's later parts
UPLOAD_RESET = "upload-reset"
UPLOAD_REPORT = "upload-report"
EMBED_MENU = "embed-menu"

# The filter panel's button in one column, where the panel is closed at first (assets/disclosures.js).
FILTERS_TOGGLE = "filters-toggle"
THEMES = "theme-filter"
THEMES_FIELD = "theme-filter-field"
THEMES_ALL = "theme-filter-all"
THEMES_NONE = "theme-filter-none"
SEARCH = "search-filter"
ANY_JUDGEMENT = "any"
THEME_TOGGLE = "theme-toggle"
JUDGEMENT_CHOICE = "judgement-choice"
JUDGEMENT_NOTE = "judgement-note"
# The filter panel's lower part (the years, the key judgements, the stories and the reset button),
# which no first view shows, comes into the page after the chart (layout.later_filters), in this box.
LATER_FILTERS = "later-filters"
# Its year controls and reset button have pattern ids, of these types (see later_control), so that
# the callbacks naming them find none before then rather than failing.
YEARS = "year-filter"
YEAR_FROM = "year-from"
YEAR_TO = "year-to"
RESET = "reset-filters"

SUMMARY = "summary"
EMPTY = "empty-state"
EMPTY_RESET = "empty-state-reset"
TIMELINE = "timeline"
KEY_SELECT = "keyboard-select"  # an event chosen with the keyboard on the chart
# Set by the page on back and forward: the address it came to. The page's own changes of address
# are not passed on, so that one arriving late cannot take the view back a step.
ADDRESS_NAVIGATED = "address-navigated"
CHART_SUMMARY = "chart-summary"
CHART_ANNOUNCER = "chart-announcer"

STORY = "story-panel"
STORY_BODY = "story-body"
STORY_NEXT = "story-next"
STORY_PREVIOUS = "story-previous"
STORY_EXIT = "story-exit"
STORY_START = "story-start"

DETAILS = "details"
DETAILS_CLOSE = "details-close"

LIST = "event-list"
LIST_TABLE = "event-list-table"
LIST_HOLDER = "event-list-holder"  # the table's box: the grid is put in once the chart has first drawn
# Set by the page once the chart has first drawn (or after 4 s): then the grid and the later parts go
# in, and the parts no first view needs (the details, the notes, the share links) are filled.
FIRST_DRAWN = "first-drawn"
ROW_CLICK = "event-list-click"  # the grid's latest clicked cell, passed on (the grid comes later)
# The story button last clicked, passed on ({"story": id, "clicks": n}): the buttons come later,
# with the later filters, and a callback waiting on the server is dropped when one of its inputs
# comes into the page (a shared link's state would be lost).
STORY_CLICK = "story-start-click"
# Set by the page when the filter controls must be shown the state again (assets/timeline.js, edit):
# Dash does not run a callback twice in one chain of calls, so controls, which ran before an edit
# that merged a click with the values it wrote, would not show the state that edit made.
CONTROLS_REFRESH = "controls-refresh"
LIST_NOTE = "event-list-note"
# Boxes filled at the same time as the grid's: parts no first view shows (a closed menu, the text
# under the chart), each component of which would hold up the first chart (see layout.later_parts).
EXPORT_PANEL = "export-panel"
CHART_KEY = "chart-key"

DOWNLOAD = "download"
EXPORT_STATUS = "export-status"
# The Embed menu's box, and the code and preview link put in it once the chart has first drawn. The
# two are pattern ids, so that the callback writing them finds none before then rather than failing.
EMBED_PANEL = "embed-panel"
EMBED_CODE = "embed-code"
EMBED_LINK = "embed-link"
EMBEDDED_VIEW = "view"

EXPORT_TYPE = "export-button"


def export_button(fmt: Any) -> dict[str, Any]:
    """Id of the button that downloads the current view in a format (``ALL`` for callbacks)."""
    return {"type": EXPORT_TYPE, "index": fmt}


def embed_code(index: Any = EMBEDDED_VIEW) -> dict[str, Any]:
    """Id of the Embed menu's code box (``ALL`` for callbacks)."""
    return {"type": EMBED_CODE, "index": index}


def embed_link(index: Any = EMBEDDED_VIEW) -> dict[str, Any]:
    """Id of the Embed menu's preview link (``ALL`` for callbacks)."""
    return {"type": EMBED_LINK, "index": index}


def dom_id(component_id: dict[str, Any]) -> str:
    """The page's id for a pattern id, as Dash writes it (keys sorted, no spaces): for ``htmlFor``."""
    return json.dumps(component_id, sort_keys=True, separators=(",", ":"))


ONE = "one"  # the index of a control that the page holds once (see later_control)


def later_control(kind: str, index: Any = ONE) -> dict[str, Any]:
    """Id of one of the later filters' controls: ``YEARS``, ``YEAR_FROM``, ``YEAR_TO`` or ``RESET``
    (with ``ALL`` for callbacks, which then find a list of one control, or none before it is in)."""
    return {"type": kind, "index": index}


def theme_toggle(theme_id: Any) -> dict[str, Any]:
    """Id of a theme's toggle button (``ALL`` for callbacks)."""
    return {"type": THEME_TOGGLE, "index": theme_id}


def judgement_choice(judgement_id: Any) -> dict[str, Any]:
    """Id of a key-judgement button, or ``ANY_JUDGEMENT`` (``ALL`` for callbacks)."""
    return {"type": JUDGEMENT_CHOICE, "index": judgement_id}


def story_start(judgement_id: Any) -> dict[str, Any]:
    """Id of the button that starts a judgement's story (``ALL`` for callbacks)."""
    return {"type": STORY_START, "index": judgement_id}
