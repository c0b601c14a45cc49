"""Story mode's components: the buttons that start a story, and the tour's panel."""

from __future__ import annotations

from dash import html

from . import ids
from .i18n import tr
from .model import Dataset
from .presentation import EventDetails
from .story import StoryStep, stories


def story_starts(dataset: Dataset, lang: str = "en") -> list[html.Button]:
    """One button per key judgement with supporting events: it starts that judgement's story."""
    return [
        html.Button(
            tr(lang, "Story: {title}", title=judgement.title),
            id=ids.story_start(judgement.id),
            className="toggle story-start",
        )
        for judgement in stories(dataset)
    ]


def story_panel(lang: str = "en") -> html.Section:
    """The guided tour's panel: the judgement, where the tour stands, and its controls."""
    return html.Section(
        id=ids.STORY,
        className="story",
        hidden=True,
        **{"aria-labelledby": "story-title"},
        children=[
            html.Div(id=ids.STORY_BODY),
            html.Div(
                className="story-nav",
                children=[
                    html.Button(tr(lang, "← Previous"), id=ids.STORY_PREVIOUS, className="button"),
                    html.Button(tr(lang, "Next →"), id=ids.STORY_NEXT, className="button"),
                    html.Button(tr(lang, "Exit story"), id=ids.STORY_EXIT, className="link-button"),
                ],
            ),
            html.P(tr(lang, "Left and Right arrow keys also move through the story."), className="muted"),
        ],
    )


def story_body(step: StoryStep, details: EventDetails, lang: str = "en") -> list:
    """The judgement and the step the tour is at (announced as it changes)."""
    judgement = step.judgement
    return [
        html.H2(tr(lang, "Story: {title}", title=judgement.title), id="story-title"),
        html.P([html.Strong(f"{judgement.likelihood}: ") if judgement.likelihood else None, judgement.statement]),
        html.P(
            tr(
                lang,
                "Step {step} of {total}: {title} ({date})",
                step=step.step,
                total=step.total,
                title=details.title,
                date=details.date_text,
            ),
            className="story-progress",
            role="status",
            **{"aria-live": "polite"},
        ),
    ]
