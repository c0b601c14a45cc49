"""A self-contained, interactive HTML page of a timeline view: for files, iframes and /embed.

The page needs no server: plotly.js is inline (or loaded from a CDN or a given address), the
event details travel as JSON and are shown with ``textContent``, so no dataset text is ever
interpreted as HTML. The same data gives the same bytes.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from .i18n import tr
from .model import Dataset
from .plotlyjs import bundle_text
from .presentation import event_dates
from .text import is_safe_url

CHART_ID = "timeline-chart"
KEY_HELP = "Use the arrow keys to move between events, Enter to open one, Escape to close it."
KEYBOARD = (Path(__file__).resolve().parent / "assets" / "keyboard.js").read_text(encoding="utf-8")
PLOTLY_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d"],
}

STYLE = """
:root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK JP", sans-serif;
  color: #1f2933; line-height: 1.45; }
html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; min-height: 100%; }
header { padding: 0.6rem 0.9rem 0; }
h1 { font-size: 1.2rem; margin: 0; }
.caption { margin: 0.15rem 0 0; color: #52606d; font-size: 0.9rem; }
main { flex: 1 1 auto; display: flex; flex-direction: column; }
#chart { flex: 1 1 auto; min-height: 340px; position: relative; }
#chart > div { position: absolute; inset: 0; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }
#story { border-top: 3px solid #E69F00; padding: 0.5rem 0.9rem; }
#story h2 { font-size: 1.05rem; margin: 0 0 0.2rem; }
#story p { margin: 0.2rem 0; }
#story button { font: inherit; padding: 0.2rem 0.6rem; margin-right: 0.4rem; }
#details { border-top: 1px solid #d9dee4; padding: 0.5rem 0.9rem; position: relative; }
#details h2 { font-size: 1.05rem; margin: 0 4.5rem 0.2rem 0; }
#details p { margin: 0.2rem 0; }
#details .date { color: #52606d; font-weight: 600; }
#details button { position: absolute; right: 0.9rem; top: 0.5rem; font: inherit; padding: 0.2rem 0.6rem; }
footer { padding: 0.3rem 0.9rem 0.6rem; color: #52606d; font-size: 0.8rem; }
footer p { margin: 0.1rem 0; }
a { color: #0b5cad; }
:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
.text-summary { padding: 0 0.9rem; font-size: 0.9rem; }
.text-summary table { border-collapse: collapse; margin: 0.3rem 0 0.6rem; }
.text-summary th, .text-summary td { text-align: left; padding: 0.15rem 0.5rem; vertical-align: top;
  border-bottom: 1px solid #d9dee4; }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
"""

SCRIPT = """
(function () {
  var data = JSON.parse(document.getElementById("event-data").textContent);
  var panel = document.getElementById("details");
  function show(id) {
    var event = data[id];
    if (!event) { return; }
    panel.querySelector("h2").textContent = event.title;
    panel.querySelector(".date").textContent = event.date;
    panel.querySelector(".description").textContent = event.description;
    var source = panel.querySelector(".source");
    source.textContent = "";
    if (event.source_title) {
      source.appendChild(document.createTextNode("__SOURCE__"));
      if (event.source_url) {
        var link = document.createElement("a");
        link.href = event.source_url;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        link.textContent = event.source_title;
        source.appendChild(link);
      } else {
        source.appendChild(document.createTextNode(event.source_title));
      }
    }
    panel.hidden = false;
  }
  panel.querySelector("button").addEventListener("click", function () { panel.hidden = true; });
  document.addEventListener("alliance-show", function (e) { show(e.detail); });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { panel.hidden = true; } });
  function wire() {
    var chart = document.getElementById("__CHART_ID__");
    if (!chart || !chart.on) { return setTimeout(wire, 50); }
    var announcer = document.getElementById("chart-announcer");
    window.AllianceTimelineKeys.attach(document.getElementById("chart"), {
      announce: function (text) { announcer.textContent = text; },
      open: show,
      close: function () { panel.hidden = true; }
    });
    chart.on("plotly_click", function (e) {
      var point = e.points && e.points[0];
      if (point && point.customdata) { show(point.customdata[0]); }
    });
  }
  wire();
})();
""".replace("__CHART_ID__", CHART_ID)


def standalone_html(
    dataset: Dataset,
    events: pd.DataFrame,
    figure: go.Figure,
    *,
    title: str,
    caption: str,
    attribution: list[tuple[str, str]],
    plotlyjs: str = "inline",
    lang: str = "en",
    story: dict[str, Any] | None = None,
) -> str:
    """The whole page. ``plotlyjs``: "inline" (works offline), "cdn", or the address of plotly.min.js.

    ``attribution`` is a list of (text, link) pairs; an empty link shows plain text.
    """
    figure = go.Figure(figure)
    figure.update_layout(height=None, autosize=True, showlegend=True)
    legend_title = tr(lang, "Themes (click to hide):")
    figure.update_layout(legend={"orientation": "h", "y": -0.12, "x": 0, "title": {"text": legend_title}})
    include: Any = {"inline": False, "cdn": "cdn"}.get(plotlyjs, plotlyjs)
    chart = pio.to_html(
        figure,
        full_html=False,
        include_plotlyjs=include,
        div_id=CHART_ID,
        config=PLOTLY_CONFIG,
        default_height="100%",
        default_width="100%",
    )
    if plotlyjs == "inline":  # the cartesian bundle where it draws the chart: a third of the size
        chart = f'<script charset="utf-8">{bundle_text(figure)}</script>\n{chart}'
    escape = html.escape
    credit = " · ".join(
        f'<a href="{escape(link)}" target="_blank" rel="noopener noreferrer">{escape(text)}</a>'
        if link
        else escape(text)
        for text, link in attribution
    )
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<meta name="description" content="{escape(caption)}">
<style>{STYLE}</style>
</head>
<body>
<header>
<h1>{escape(title)}</h1>
<p class="caption">{escape(caption)}</p>
</header>
<main>
<div id="chart" role="group" aria-roledescription="timeline chart" aria-label="{escape(f"Timeline chart: {caption}")}"
 aria-describedby="chart-keys">
<p id="chart-keys" class="visually-hidden">{tr(lang, KEY_HELP)}</p>
{chart}
</div>
<p id="chart-announcer" class="visually-hidden" aria-live="polite"></p>
<section id="details" hidden aria-live="polite" aria-labelledby="details-title">
<h2 id="details-title"></h2><p class="date"></p><p class="description"></p><p class="source"></p>
<button type="button">{tr(lang, "Close")}</button>
</section>
{text_summary(dataset, events, caption, lang)}
</main>
<footer><p class="attribution">{credit}</p></footer>
<script type="application/json" id="event-data">{event_data(dataset, events)}</script>
{story_section(story, lang)}
<script>{KEYBOARD}</script>
<script>{SCRIPT.replace("__SOURCE__", tr(lang, "Source: "))}</script>
</body>
</html>
"""


STORY_SCRIPT = """
(function () {
  var story = JSON.parse(document.getElementById("story-data").textContent);
  var position = 0;
  var progress = document.getElementById("story-progress");
  function go(step) {
    position = Math.max(0, Math.min(step, story.steps.length - 1));
    var current = story.steps[position];
    var chart = document.getElementById("__CHART_ID__");
    if (!chart || !window.Plotly || !chart.data) { return setTimeout(function () { go(step); }, 50); }
    window.Plotly.relayout(chart, {"xaxis.range": current.window});
    document.dispatchEvent(new CustomEvent("alliance-show", {detail: current.id}));
    progress.textContent = current.label;
    document.getElementById("story-previous").disabled = position === 0;
    document.getElementById("story-next").disabled = position === story.steps.length - 1;
  }
  document.getElementById("story-previous").addEventListener("click", function () { go(position - 1); });
  document.getElementById("story-next").addEventListener("click", function () { go(position + 1); });
  document.addEventListener("keydown", function (e) {
    var active = document.activeElement;
    if (active && active.closest && active.closest("#chart")) { return; }
    if (e.key === "ArrowRight") { go(position + 1); } else if (e.key === "ArrowLeft") { go(position - 1); }
  });
  go(0);
})();
""".replace("__CHART_ID__", CHART_ID)


def story_section(story: dict[str, Any] | None, lang: str) -> str:
    """The guided tour's panel and data for an exported story, or nothing."""
    if not story:
        return ""
    escape = html.escape
    data = json.dumps(story, ensure_ascii=False, sort_keys=True)
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f"""<section id="story" aria-labelledby="story-title">
<h2 id="story-title">{escape(tr(lang, "Story: {title}", title=story["title"]))}</h2>
<p>{escape(story["statement"])}</p>
<p id="story-progress" role="status" aria-live="polite"></p>
<button type="button" id="story-previous">{escape(tr(lang, "← Previous"))}</button>
<button type="button" id="story-next">{escape(tr(lang, "Next →"))}</button>
<p>{escape(tr(lang, "Left and Right arrow keys also move through the story."))}</p>
</section>
<script type="application/json" id="story-data">{data}</script>
<script>{STORY_SCRIPT}</script>"""


def text_summary(dataset: Dataset, events: pd.DataFrame, caption: str, lang: str = "en") -> str:
    """A collapsible table of the events shown, for screen readers and for reading without the chart."""
    if events.empty:
        empty = html.escape(tr(lang, "No events match these filters."))
        return f'<section class="text-summary"><p>{empty}</p></section>'
    dates = event_dates(events)
    rows = "\n".join(
        f"<tr><td>{html.escape(dates[index])}</td><td>{html.escape(title)}</td>"
        f"<td>{html.escape(', '.join(dataset.theme(t).label for t in themes))}</td></tr>"
        for index, title, themes in zip(events.index, events["title"], events["themes"], strict=True)
    )
    first, last = dates.iloc[0], dates.iloc[-1]
    summary = tr(lang, "Text summary: {count} events from {first} to {last}", count=len(events), first=first, last=last)
    headers = "".join(f'<th scope="col">{tr(lang, name)}</th>' for name in ("Date", "Event", "Themes"))
    return f"""<section class="text-summary">
<details><summary>{html.escape(summary)}</summary>
<table><caption>{html.escape(caption)}</caption>
<thead><tr>{headers}</tr></thead>
<tbody>
{rows}
</tbody></table></details>
</section>"""


def event_data(dataset: Dataset, events: pd.DataFrame) -> str:
    """Details of each event as JSON safe to place inside a ``<script>`` element."""
    dates = event_dates(events)
    data = {
        event_id: {
            "title": title,
            "date": dates[index],
            "description": description,
            "source_title": source_title,
            "source_url": source_url if is_safe_url(source_url) else "",
        }
        for index, event_id, title, description, source_title, source_url in zip(
            events.index,
            events["id"],
            events["title"],
            events["description"],
            events["source_title"],
            events["source_url"],
            strict=True,
        )
    }
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
