"""The page's components: structure and text only, no behaviour."""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd
from dash import dcc, html

from . import ids
from .chart_data import served_chart_data
from .event_list import event_table
from .figures import chart_height
from .filters import FilterState, theme_counts
from .i18n import LANGUAGE_NAMES, tr
from .menus import embed_choices, embed_menu, export_choices, export_menu
from .model import Dataset
from .presentation import EventDetails
from .story import stories
from .story_panel import story_panel, story_starts
from .text import safe_markdown
from .upload_panel import upload_control, upload_panel
from .uploads import Limits

KEY_TAB = "Tab to the chart, then Left and Right arrows: previous and next event in the lane."
KEY_HELP = "Use the arrow keys to move between events, Enter to open one, Escape to close it."
CHART_KEY = (
    "Each lane is a theme, with its own colour and shape. Filled marks sit in an event's main theme, hollow "
    "marks in its other themes; bars are periods; larger marks are more important events; shaded bands are eras. "
    "Click a mark for details, drag to zoom, double-click to see everything again."
)
EMPTY_HELP = "No events match these filters. Try fewer words, a wider range of years, or more themes."
GRAPH_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "scrollZoom": False,
    "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d"],
    "toImageButtonOptions": {"format": "png", "filename": "alliance-timeline", "scale": 2},
}


def page(dataset: Dataset, lang: str = "en") -> html.Div:
    """The whole explorer page for a dataset (already localised), in ``lang``."""
    meta = dataset.metadata
    return html.Div(
        className="app",
        lang=lang,
        **{"data-lang": lang},
        children=[
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.STATE),
            dcc.Store(id=ids.DATASET, storage_type="memory"),
            dcc.Store(id=ids.ZOOM),
            dcc.Store(id=ids.CHART_DATA, data=served_chart_data(language_path(lang))),
            dcc.Store(id=ids.MATCHES),
            dcc.Store(id=ids.KEY_SELECT),
            dcc.Store(id=ids.ADDRESS_NAVIGATED),
            dcc.Store(id=ids.FIRST_DRAWN, data=False),
            dcc.Store(id=ids.ROW_CLICK),
            dcc.Store(id=ids.STORY_CLICK),
            dcc.Store(id=ids.CONTROLS_REFRESH),
            html.A(tr(lang, "Skip to the event list"), href="#event-list-section", className="skip-link"),
            html.Header(
                className="masthead",
                children=[
                    html.Div(
                        className="masthead-text",
                        children=[
                            html.H1(meta.title, id=ids.TITLE),
                            html.P(meta.description, id=ids.LEDE, className="lede"),
                            # Shown on a phone while the description is cut short (assets/disclosures.js).
                            html.Button(
                                tr(lang, "Whole description"),
                                id=ids.LEDE_TOGGLE,
                                className="lede-toggle",
                                type="button",
                                **{"aria-expanded": "false", "aria-controls": ids.LEDE},
                            ),
                        ],
                    ),
                    html.Div([language_switch(lang), upload_panel(lang)], className="masthead-tools"),
                ],
            ),
            html.Section(id=ids.UPLOAD_REPORT, className="upload-report", role="status", **{"aria-live": "polite"}),
            html.Div(
                className="workspace",
                children=[
                    filter_panel(dataset, lang),
                    html.Main(
                        className="content",
                        children=[
                            html.Div(
                                className="summary-bar",
                                children=[
                                    # Until the chart's first draw writes the summary, its room is
                                    # kept for the whole timeline's (style.css), so that the menus
                                    # beside it on a phone stay where they first are.
                                    html.P(
                                        id=ids.SUMMARY,
                                        className="summary",
                                        role="status",
                                        **{
                                            "aria-live": "polite",
                                            "data-placeholder": summary_text(
                                                len(dataset.events), len(dataset.events), lang
                                            ),
                                        },
                                    ),
                                    export_menu(lang),
                                    embed_menu(lang),
                                ],
                            ),
                            html.Div(id=ids.JUDGEMENT_NOTE, className="judgement-note"),
                            story_panel(lang),
                            html.Div(
                                id=ids.EMPTY,
                                className="empty-state",
                                hidden=True,
                                children=[
                                    html.P(tr(lang, EMPTY_HELP)),
                                    html.Button(tr(lang, "Clear all filters"), id=ids.EMPTY_RESET, className="button"),
                                ],
                            ),
                            html.Div(
                                className="timeline-region",
                                role="group",
                                # The least room the whole timeline's chart takes, kept until it is drawn.
                                style={"--first-chart-height": f"{chart_height(len(dataset.themes))}px"},
                                **{
                                    "aria-roledescription": tr(lang, "timeline chart"),
                                    "aria-label": tr(lang, "Timeline chart of {title}", title=meta.title),
                                    "aria-describedby": f"{ids.CHART_SUMMARY} chart-keys",
                                    "data-position-text": tr(lang, "Event {n} of {total} in this lane."),
                                    "data-opened-text": tr(lang, "Details opened:"),
                                },
                                children=[
                                    html.P(id=ids.CHART_SUMMARY, className="visually-hidden"),
                                    html.P(
                                        tr(lang, KEY_HELP),
                                        id="chart-keys",
                                        className="visually-hidden",
                                    ),
                                    dcc.Graph(id=ids.TIMELINE, config=GRAPH_CONFIG, className="timeline"),
                                ],
                            ),
                            html.P(id=ids.CHART_ANNOUNCER, className="visually-hidden", **{"aria-live": "polite"}),
                            html.Div(id=ids.CHART_KEY, className="chart-key"),
                            html.Section(
                                id=ids.DETAILS,
                                className="details",
                                hidden=True,
                                **{"aria-labelledby": "details-title"},
                                children=[
                                    html.Button(
                                        tr(lang, "Close"), id=ids.DETAILS_CLOSE, className="button details-close"
                                    ),
                                    html.Div(id=ids.DETAILS + "-body"),
                                ],
                            ),
                            html.Section(
                                id="event-list-section",
                                className="event-list",
                                children=[
                                    # The list's heading and grid (later_parts) are put in once the chart
                                    # has drawn (callbacks.show_later_parts): mounting the grid first would
                                    # hold up the chart.
                                    html.Div(id=ids.LIST_HOLDER),
                                    html.Div(id=ids.LIST),
                                ],
                            ),
                        ],
                    ),
                ],
            ),
            # The credits come with the later parts, and follow the dataset (callbacks.show_dataset_parts).
            html.Footer(id=ids.FOOTER, className="site-footer"),
        ],
    )


def filter_panel(dataset: Dataset, lang: str = "en") -> html.Aside:
    """Search and themes; the years, judgement, stories and reset follow with the later parts."""
    controls = [
        html.H2(tr(lang, "Filters")),
        # In one column the panel sits above the chart: closed at first, behind this button, so that
        # the chart is in the first view (assets/disclosures.js; the label counts the filters on).
        html.Button(
            tr(lang, "Filters"),
            id=ids.FILTERS_TOGGLE,
            className="filters-toggle",
            type="button",
            **{"aria-expanded": "false"},
        ),
        html.Div(
            className="control",
            children=[
                html.Label(tr(lang, "Search"), htmlFor=ids.SEARCH),
                dcc.Input(
                    id=ids.SEARCH,
                    type="search",
                    placeholder=tr(lang, "Title, description or actor"),
                    debounce=0.3,
                    value="",
                    className="search-input",
                    autoComplete="off",
                ),
            ],
        ),
        html.Fieldset(
            className="control",
            children=[
                html.Legend(
                    [
                        tr(lang, "Themes"),
                        html.Span(tr(lang, ", each with its number of events"), className="visually-hidden"),
                    ]
                ),
                html.Div(
                    className="theme-toggles",
                    children=[
                        html.Button(tr(lang, "All"), id=ids.THEMES_ALL, className="link-button"),
                        html.Button(tr(lang, "None"), id=ids.THEMES_NONE, className="link-button"),
                    ],
                ),
                html.Div(id=ids.THEMES_FIELD, className="toggle-list", children=theme_toggles(dataset, lang)),
            ],
        ),
        # later_filters, put in once the chart has first drawn (callbacks.show_dataset_parts).
        html.Div(id=ids.LATER_FILTERS, className="later-filters", style=later_filters_rows(dataset)),
    ]
    return html.Aside(className="filters", children=controls, **{"aria-label": tr(lang, "Filters")})


def later_filters(dataset: Dataset, lang: str = "en") -> list:
    """The filter panel's lower part, for a dataset: years, key judgement, guided stories, reset.

    Below the themes, so no first view shows it: it comes in with the later parts, and anew for
    each dataset opened (callbacks.show_dataset_parts). The year slider comes in at the whole
    range, the year boxes empty and the "Any" judgement pressed; the page's ``controls`` callback
    (assets/timeline.js) then shows them the state of that moment, and its ``edit`` callback, which
    Dash also runs for controls coming in, ignores those that show the state it came with (or come
    with the boxes empty). Controls filled here with a state could bring back one that has changed
    since."""
    years = [html.Legend(tr(lang, "Years")), *year_controls(dataset, lang)]
    parts = [html.Fieldset(className="control", children=years)]
    if dataset.judgements:
        parts.append(
            html.Fieldset(
                className="control",
                children=[
                    html.Legend(tr(lang, "Key judgement")),
                    html.Div(className="toggle-list", children=judgement_toggles(dataset, lang)),
                ],
            )
        )
    if stories(dataset):
        parts.append(
            html.Fieldset(
                className="control",
                children=[html.Legend(tr(lang, "Guided stories")), html.Div(story_starts(dataset, lang))],
            )
        )
    parts.append(
        html.Button(tr(lang, "Reset all filters"), id=ids.later_control(ids.RESET), className="button reset-filters")
    )
    return parts


def later_filters_rows(dataset: Dataset) -> dict[str, str]:
    """How many rows of buttons ``later_filters`` has for a dataset, as the style properties with
    which style.css keeps room for it in a one-column page until it comes in, so that the chart
    below it does not move: "Any" and one row per judgement (none without judgements), one row per
    story. A wider page has the chart beside the filters, and keeps no room."""
    judgements = len(dataset.judgements)
    return {"--judgement-rows": str(judgements + 1 if judgements else 0), "--story-rows": str(len(stories(dataset)))}


def year_controls(dataset: Dataset, lang: str = "en") -> list:
    """The year slider over the dataset's range and its two number boxes, empty (see later_filters).

    Made anew for each dataset: a slider whose bounds change under it reports a clamped value of
    its own, which would read as the reader narrowing the years.
    """
    first, last = dataset.year_bounds
    year_from, year_to = ids.later_control(ids.YEAR_FROM), ids.later_control(ids.YEAR_TO)
    return [
        dcc.RangeSlider(
            id=ids.later_control(ids.YEARS),
            min=first,
            max=last,
            step=1,
            value=[first, last],  # a slider without a value draws one thumb, with no name
            marks=year_marks(first, last),
            allowCross=False,
            allow_direct_input=False,
            tooltip={"placement": "bottom", "always_visible": False},
        ),
        html.Div(
            className="year-inputs",
            children=[
                html.Label(tr(lang, "From"), htmlFor=ids.dom_id(year_from)),
                year_input(year_from, first, last),
                html.Label(tr(lang, "To"), htmlFor=ids.dom_id(year_to)),
                year_input(year_to, first, last),
            ],
        ),
    ]


def year_input(component_id: dict, first: int, last: int) -> dcc.Input:
    """A number box for one end of the year range; it applies on Enter or when focus leaves."""
    return dcc.Input(
        id=component_id, type="number", value=None, min=first, max=last, step=1, debounce=True, className="year-input"
    )


def year_marks(first: int, last: int, most: int = 4) -> dict[int, str]:
    """Slider labels: the first and last year and a few round years between, never crowded."""
    span = max(last - first, 1)
    step = next(step for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000, 10**9) if span / step <= most)
    inner = range(first - first % step + step, last, step)
    marks = {year: str(year) for year in inner if year - first >= step / 2 and last - year >= step / 2}
    return {first: str(first), **marks, last: str(last)}


def theme_toggles(dataset: Dataset, lang: str = "en") -> list[html.Button]:
    """The theme filter: one toggle button per theme (pressed = shown), with its colour, shape and
    count of events, here for the whole dataset (the page keeps the counts current as filters
    change; the fieldset's legend tells a screen reader what the numbers are).

    Native buttons with aria-pressed, grouped by the fieldset's legend: markup that every screen
    reader knows, unlike a list of options wrapped in labels. Made anew for each dataset. Each is
    one element: the colour swatch is its ``::before`` (style.css, from ``--swatch``) and the count
    its ``::after`` (from ``data-count``, part of the button's accessible name), since Dash's
    start-up grows faster than the number of components in the first layout.
    """
    counts = theme_counts(dataset, FilterState())
    return [
        html.Button(
            className="toggle theme-toggle",
            id=ids.theme_toggle(theme.id),
            title=theme.description or theme.label,
            style={"--swatch": theme.color},
            **{"aria-pressed": "true", "data-theme": theme.id, "data-count": str(counts[theme.id])},
            children=theme.label,
        )
        for theme in dataset.themes
    ]


def judgement_toggles(dataset: Dataset, lang: str = "en") -> list[html.Button]:
    """The key-judgement filter: "Any" and one button per judgement, exactly one pressed."""
    choices = [(ids.ANY_JUDGEMENT, tr(lang, "Any judgement"))] + [(j.id, j.title) for j in dataset.judgements]
    return [
        html.Button(
            label,
            id=ids.judgement_choice(choice),
            className="toggle judgement-toggle",
            **{"aria-pressed": "true" if choice == ids.ANY_JUDGEMENT else "false"},
        )
        for choice, label in choices
    ]


def chart_key(lang: str = "en") -> list:
    """How to read the chart's marks, and how to use it from the keyboard."""
    return [
        html.P(tr(lang, CHART_KEY)),
        html.Details(
            [
                html.Summary(tr(lang, "Keyboard help")),
                html.Ul(
                    [
                        html.Li(tr(lang, KEY_TAB)),
                        html.Li(tr(lang, "Up and Down arrows: the nearest event in the lane above or below.")),
                        html.Li(tr(lang, "Home and End: the first and last event in the lane.")),
                        html.Li(tr(lang, "Enter or Space: open the event's details; Escape: close them.")),
                        html.Li(tr(lang, "The list below the chart holds the same events as a table.")),
                    ]
                ),
            ]
        ),
    ]


class LaterParts(NamedTuple):
    """What goes into the page once the chart has first drawn (callbacks.show_later_parts), in the
    boxes the page leaves for it. Dash's start-up costs more per component the more components the
    first layout has (each one's first render notifies every other one); these are below the chart,
    below the themes or in a closed menu, so no first view of a laptop's screen shows them, or
    stood in for by a copy of their face until they are in (the upload control). (The
    footer's credits and the filter panel's lower part, ``later_filters``, come at the same time,
    from callbacks.show_dataset_parts: they follow the dataset.)"""

    event_list: list  # into ids.LIST_HOLDER: the list's heading, how to use it, and the grid
    export_choices: list  # into ids.EXPORT_PANEL
    embed_choices: list  # into ids.EMBED_PANEL
    chart_key: list  # into ids.CHART_KEY
    upload_control: list  # into ids.UPLOAD_HOLDER


def later_parts(limits: Limits, lang: str = "en") -> LaterParts:
    """The later parts of the page, in ``lang``; ``limits`` bound what the upload control takes."""
    event_list = [
        html.H2(tr(lang, "Events"), id="event-list-title"),
        html.P(tr(lang, "Choose a row to read the event. Sort by a column with its arrows."), className="muted"),
        event_table(lang),
    ]
    return LaterParts(
        event_list, export_choices(lang), embed_choices(lang), chart_key(lang), [upload_control(limits, lang)]
    )


def chart_summary(dataset: Dataset, events: pd.DataFrame, lanes: tuple[str, ...] | None, lang: str = "en") -> str:
    """A sentence a screen reader gives for the chart: how many events, which years, which themes."""
    if events.empty:
        return tr(lang, "The chart is empty: no events match the filters.")
    shown = [theme.label for theme in dataset.themes if lanes is None or theme.id in lanes]
    first, last = int(events["start"].dt.year.min()), int(events["last"].dt.year.max())
    noun = "event" if len(events) == 1 else "events"
    names = ("、" if lang == "ja" else ", ").join(shown)
    template = "{count} {noun} from {first} to {last}, in {lanes} theme lanes: {names}."
    return tr(lang, template, count=len(events), noun=noun, first=first, last=last, lanes=len(shown), names=names)


def summary_text(shown: int, total: int, lang: str = "en") -> str:
    """The live summary: "23 of 57 events"."""
    if total == 1 and lang == "en":
        return f"{shown} of 1 event"
    return tr(lang, "{shown} of {total} events", shown=shown, total=total)


def language_switch(lang: str) -> html.Nav:
    """Links to the page in the other language (kept current with the view by a callback)."""
    other = "ja" if lang == "en" else "en"
    return html.Nav(
        className="language-switch",
        **{"aria-label": tr(lang, "Language")},
        children=html.A(
            LANGUAGE_NAMES[other], id=ids.LANGUAGE_LINK, href=language_path(other), lang=other, hrefLang=other
        ),
    )


def language_path(lang: str) -> str:
    """Where the page lives in a language."""
    return "/ja/" if lang == "ja" else "/"


def details_body(details: EventDetails, lang: str = "en") -> list:
    """The details panel's content for one event."""
    facts = [
        html.Dt(tr(lang, "Themes")),
        html.Dd(
            [html.Span(theme.label, className="chip", style={"borderColor": theme.color}) for theme in details.themes]
        ),
    ]
    if details.actors:
        facts += [html.Dt(tr(lang, "Actors")), html.Dd(", ".join(details.actors))]
    if details.judgements:
        facts += [
            html.Dt(tr(lang, "Supports")),
            html.Dd(
                html.Ul(
                    [html.Li(f"{j.title} ({j.likelihood})" if j.likelihood else j.title) for j in details.judgements]
                )
            ),
        ]
    if details.source_url:
        source = html.A(details.source_title, href=details.source_url, target="_blank", rel="noopener noreferrer")
    else:
        source = html.Span(details.source_title or tr(lang, "No source given"))
    facts += [html.Dt(tr(lang, "Source")), html.Dd(source, className="source")]
    return [
        html.H2(details.title, id="details-title"),
        html.P(details.date_text, className="details-date"),
        dcc.Markdown(safe_markdown(details.description), link_target="_blank", dangerously_allow_html=False)
        if details.description
        else None,
        html.Dl(facts, className="facts"),
    ]


def footer(dataset: Dataset, lang: str = "en") -> list:
    """Credits: attribution, sources and licence of the dataset."""
    meta = dataset.metadata
    parts: list = []
    if meta.attribution:
        parts.append(html.P(meta.attribution))
    if meta.sources:
        parts.append(
            html.P(
                [tr(lang, "Sources: ")]
                + [
                    item
                    for position, source in enumerate(meta.sources)
                    for item in (
                        "; " if position else None,
                        html.A(source.title, href=source.url, target="_blank", rel="noopener noreferrer")
                        if source.url
                        else source.title,
                    )
                    if item is not None
                ]
            )
        )
    if meta.license_name:
        licence = (
            html.A(meta.license_name, href=meta.license_url, target="_blank", rel="noopener noreferrer")
            if meta.license_url
            else meta.license_name
        )
        parts.append(html.P([tr(lang, "Data licence: "), licence]))
    parts.append(html.P(tr(lang, "Made with Alliance Timeline."), className="muted"))
    return parts
