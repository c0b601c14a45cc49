"""One export path for the app and the CLI: a view (dataset + filters) to HTML, images or data.

Every export carries the title, a caption saying which filters are applied, and the
dataset's attribution, so a chart taken out of the app always says what it shows.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import plotly.graph_objects as go

from .figures import (
    DETAIL_NOTE,
    ERA_LABEL_SIZE,
    FONT_FAMILY,
    LANE_NAME_CLEARANCE,
    MARGIN_LEFT,
    escape_label,
    timeline_figure,
)
from .filters import FilterState, apply_filters, counted_words
from .formats import DEFAULT_SIZE, FORMATS, IMAGE_FORMATS, PRESETS, SUFFIXES
from .i18n import tr
from .interchange import dataset_json, events_csv
from .model import Dataset
from .presentation import event_details
from .standalone import standalone_html
from .static_images import render_images
from .story import step_window, story_events, story_step
from .text import slugify
from .timelinejs import timelinejs_json
from .urlstate import ViewState

IMAGE_MARGINS = {"l": MARGIN_LEFT, "r": 20}  # pixels left and right of the plot in an image
# A web page or an embed follows its window's width, which the era labels cannot: they are laid out
# for a plot this wide (a course page's column), and no two overlap on any wider.
STANDALONE_PLOT_PX = 640
CHART_KEY = "Filled mark: main theme · hollow: also listed under · bar: period · larger: more important"


class ExportError(Exception):
    """An export that cannot be written, with the reason."""


@dataclass(frozen=True)
class ExportOptions:
    """How an export looks: pixel size, scale for images, title, and where plotly.js comes from."""

    width: int = DEFAULT_SIZE[0]
    height: int = DEFAULT_SIZE[1]
    scale: float = 1.0
    title: str | None = None
    plotlyjs: str = "inline"

    @classmethod
    def preset(cls, name: str, **changes: object) -> ExportOptions:
        """Options for a named size: slide (1920x1080), handout (A4 portrait) or square (1080x1080)."""
        width, height = PRESETS[name]
        return replace(cls(width=width, height=height), **changes)


def describe_filters(dataset: Dataset, filters: FilterState, shown: int, lang: str = "en") -> str:
    """The caption: how many events and which filters, e.g. "23 of 70 events · Themes: … · 1990–2005"."""
    parts = [tr(lang, "{shown} of {total} events", shown=shown, total=len(dataset.events))]
    if filters.themes is not None:
        labels = [theme.label for theme in dataset.themes if theme.id in filters.themes]
        comma = "、" if lang == "ja" else ", "
        parts.append(tr(lang, "Themes: {names}", names=comma.join(labels) if labels else tr(lang, "none")))
    if filters.start is not None or filters.end is not None:
        first, last = dataset.year_bounds
        parts.append(f"{filters.start or first}–{filters.end or last}")
    if filters.query:
        parts.append(tr(lang, "Search: “{query}”", query=" ".join(counted_words(filters.query))))
    if filters.judgement:
        judgement = dataset.judgement(filters.judgement)
        parts.append(tr(lang, "Judgement: {title}", title=judgement.title if judgement else filters.judgement))
    if len(parts) == 1:
        parts.append(tr(lang, "all themes and years"))
    return " · ".join(parts)


def attribution(dataset: Dataset, lang: str = "en") -> list[tuple[str, str]]:
    """Credit for an export, as (text, link) pairs: the dataset, its attribution and its licence."""
    meta = dataset.metadata
    credit = [(tr(lang, "Data: {title}", title=meta.title), "")]
    if meta.attribution:
        credit.append((meta.attribution, ""))
    if meta.license_name:
        credit.append((tr(lang, "Licence: {name}", name=meta.license_name), meta.license_url))
    credit.append((tr(lang, "Made with Alliance Timeline"), ""))
    return credit


def attribution_text(dataset: Dataset, lang: str = "en") -> str:
    """The attribution as one line of text."""
    return " · ".join(text for text, _ in attribution(dataset, lang))


def static_figure(dataset: Dataset, view: ViewState, options: ExportOptions, lang: str = "en") -> go.Figure:
    """The timeline laid out for an image: title, caption, chart key and attribution inside it."""
    filters = view.filters
    events = apply_filters(dataset, filters)
    base = round(min(max(options.width / 95, 11), 22))  # legible from a handout to a projected slide
    small = max(base - 2, 10)
    # The era labels are drawn at the small size: laid out for a plot that much narrower.
    plot_width = (options.width - IMAGE_MARGINS["l"] - IMAGE_MARGINS["r"]) * ERA_LABEL_SIZE // small
    figure = timeline_figure(
        dataset, events, lanes=filters.themes, selected=view.event, lang=lang, plot_width=plot_width
    )
    title = options.title or dataset.metadata.title
    characters = int(options.width * 0.7 / (small * 0.6))  # what fits on one line, roughly
    wide = 2 if lang == "ja" else 1  # a Japanese character is about twice as wide
    footer = [tr(lang, CHART_KEY), *textwrap.wrap(attribution_text(dataset, lang), characters // wide)]
    caption_width = int(options.width * 0.95 / (base * 0.6)) // wide
    caption = textwrap.wrap(describe_filters(dataset, filters, len(events), lang), caption_width)
    # The note on what the chart counts or merges opens the lines under it, in the footer's size.
    notes = list(figure.select_annotations(selector={"name": DETAIL_NOTE}))
    for note in notes:
        note.update(yshift=-int(base * 2.4), font={"size": small})
    note_lines = sum(note.text.count("<br>") + 1 for note in notes)
    figure.update_layout(
        width=options.width,
        height=options.height,
        font={"family": FONT_FAMILY, "size": base},
        title={
            "text": escape_label(title),
            "x": 0.01,
            "xanchor": "left",
            "y": 1 - base * 0.8 / options.height,
            "yanchor": "top",
            "yref": "container",
            "font": {"size": round(base * 1.6)},
            "subtitle": {"text": "<br>".join(escape_label(line) for line in caption), "font": {"size": base}},
        },
        margin={
            "t": int(figure.layout.margin.t) + int(base * (3.4 + 1.3 * len(caption))),
            "b": int(base * 3 + small * 1.5 * (note_lines + len(footer))),
            **IMAGE_MARGINS,
        },
    )
    for line, text in enumerate(footer):
        figure.add_annotation(
            text=escape_label(text),
            x=0,
            xref="paper",
            xanchor="left",
            y=0,
            yref="paper",
            yanchor="top",
            yshift=-int(base * 2.4 + small * 1.5 * (note_lines + line)),
            showarrow=False,
            font={"size": small, "color": "#3e4c59"},
            align="left",
        )
    figure.update_traces(textfont_size=small, selector={"uid": "eras"})
    # The lanes' names at the footer's size, as clear of their lanes' marks as on the page.
    margin = figure.layout.margin
    lane_px = (options.height - margin.t - margin.b) / (figure.layout.yaxis.range[1] - figure.layout.yaxis.range[0])
    rise = min(LANE_NAME_CLEARANCE + small / 2, lane_px / 2)
    figure.update_yaxes(tickfont_size=small, ticklabelshift=-int(rise))
    # An image is drawn once, at its own font size: the time labels may take the room they need.
    figure.update_xaxes(automargin=True)
    return figure


def html_page(dataset: Dataset, view: ViewState, options: ExportOptions, lang: str = "en") -> str:
    """The self-contained interactive HTML page of a view."""
    events = apply_filters(dataset, view.filters)
    figure = timeline_figure(
        dataset, events, lanes=view.filters.themes, selected=view.event, lang=lang, plot_width=STANDALONE_PLOT_PX
    )
    return standalone_html(
        dataset,
        events,
        figure,
        title=options.title or dataset.metadata.title,
        caption=describe_filters(dataset, view.filters, len(events), lang),
        attribution=attribution(dataset, lang),
        plotlyjs=options.plotlyjs,
        lang=lang,
    )


def story_page(dataset: Dataset, judgement_id: str, options: ExportOptions, lang: str = "en") -> str:
    """A judgement's story as one self-contained page: the chart, and a tour of its events."""
    first = story_step(dataset, judgement_id, 1)
    if first is None:
        raise ExportError(f"no story for {judgement_id}: it is not a judgement with supporting events")
    steps = []
    for number, event_id in enumerate(story_events(dataset, judgement_id), start=1):
        details = event_details(dataset, event_id)
        label = tr(lang, "Step {step} of {total}: {title} ({date})", step=number, total=first.total,
                   title=details.title, date=details.date_text)  # fmt: skip
        steps.append({"id": event_id, "window": list(step_window(dataset, event_id)), "label": label})
    judgement = first.judgement
    statement = f"{judgement.likelihood}: {judgement.statement}" if judgement.likelihood else judgement.statement
    events = apply_filters(dataset, FilterState())
    figure = timeline_figure(dataset, events, lang=lang, plot_width=STANDALONE_PLOT_PX)
    return standalone_html(
        dataset,
        events,
        figure,
        title=options.title or dataset.metadata.title,
        caption=tr(lang, "Story: {title}", title=judgement.title),
        attribution=attribution(dataset, lang),
        plotlyjs=options.plotlyjs,
        lang=lang,
        story={"title": judgement.title, "statement": statement, "steps": steps},
    )


def export_view(
    dataset: Dataset,
    view: ViewState | FilterState,
    formats: Iterable[str],
    options: ExportOptions | None = None,
    lang: str = "en",
) -> dict[str, bytes]:
    """Export a view in each format; images share one browser session. Returns format -> bytes.

    ``lang`` is the language of the export's own words; pass a dataset ``localise``d to match.
    """
    view = view if isinstance(view, ViewState) else ViewState(filters=view)
    options = options or ExportOptions()
    formats = list(formats)
    outputs: dict[str, bytes] = {}
    images = [fmt for fmt in formats if fmt in IMAGE_FORMATS]
    if images:
        figure = static_figure(dataset, view, options, lang)
        outputs.update(render_images(figure, images, options.width, options.height, options.scale))
    events = apply_filters(dataset, view.filters)
    for fmt in formats:
        if fmt == "html":
            outputs[fmt] = html_page(dataset, view, options, lang).encode("utf-8")
        elif fmt == "csv":
            outputs[fmt] = events_csv(dataset, events)
        elif fmt == "json":
            outputs[fmt] = dataset_json(dataset, events)
        elif fmt == "timelinejs":
            outputs[fmt] = timelinejs_json(dataset, events)
    return {fmt: outputs[fmt] for fmt in formats}


# The size each format takes when downloaded from the app.
DOWNLOAD_PRESETS = {"png": "slide", "svg": "slide", "pdf": "handout"}


def download(dataset: Dataset, view: ViewState, fmt: str, lang: str = "en") -> tuple[bytes, str]:
    """One format of a view as the app offers it: the bytes and a file name."""
    preset = DOWNLOAD_PRESETS.get(fmt)
    options = ExportOptions.preset(preset) if preset else ExportOptions()
    data = export_view(dataset, view, [fmt], options, lang)[fmt]
    return data, f"{slugify(dataset.metadata.title) or 'timeline'}.{SUFFIXES.get(fmt, fmt)}"


def output_paths(out: Path, formats: list[str], stem: str = "alliance-timeline") -> dict[str, Path]:
    """Where each format goes: a folder gets ``stem.<format>``; a file path gets its suffix per format."""
    suffixes = {fmt: SUFFIXES.get(fmt, fmt) for fmt in formats}
    if out.is_dir():
        return {fmt: out / f"{stem}.{suffixes[fmt]}" for fmt in formats}
    if len(formats) == 1 and out.name.lower().endswith("." + suffixes[formats[0]]):
        return {formats[0]: out}
    name = out.name
    for suffix in sorted(set(SUFFIXES.values()) | set(FORMATS), key=len, reverse=True):
        if name.lower().endswith("." + suffix):
            name = name[: -len(suffix) - 1]
            break
    return {fmt: out.with_name(f"{name}.{suffixes[fmt]}") for fmt in formats}


def write_exports(
    dataset: Dataset,
    view: ViewState | FilterState,
    formats: list[str],
    out: Path,
    options: ExportOptions | None = None,
    lang: str = "en",
) -> dict[str, Path]:
    """Export a view and write each format to its file; returns the paths written."""
    paths = output_paths(out, formats)
    for path in paths.values():
        if not path.parent.is_dir():
            raise ExportError(f"cannot write {path}: the folder {path.parent} does not exist")
    for fmt, data in export_view(dataset, view, formats, options, lang).items():
        paths[fmt].write_bytes(data)
    return paths
