"""Story mode: a guided tour of one key judgement and the events that support it, in date order.

Pure functions: which events make up a story, which one a step shows, and the time window
around it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .model import Dataset, Judgement

MIN_WINDOW = pd.Timedelta(days=3 * 365)


@dataclass(frozen=True)
class StoryStep:
    """Where a tour stands: its judgement, the step (1-based) of how many, and that step's event."""

    judgement: Judgement
    step: int
    total: int
    event: str


def story_events(dataset: Dataset, judgement_id: str) -> list[str]:
    """Ids of the events supporting a judgement, in date order (the steps of its story), worked out
    once per dataset: every page view asks for the stories (layout.later_filters)."""

    def supporting() -> tuple[str, ...]:
        found = dataset.events["judgements"].map(lambda ids: judgement_id in ids).astype(bool)
        return tuple(dataset.events.loc[found, "id"])

    return list(dataset.derived.get(("story events", judgement_id), supporting))


def stories(dataset: Dataset) -> list[Judgement]:
    """The judgements that have a story: at least one supporting event."""
    return [j for j in dataset.judgements if story_events(dataset, j.id)]


def story_step(dataset: Dataset, judgement_id: str | None, step: int) -> StoryStep | None:
    """The step of a story (clamped to its length), or ``None`` when there is no such story."""
    judgement = dataset.judgement(judgement_id) if judgement_id else None
    events = story_events(dataset, judgement_id) if judgement else []
    if judgement is None or not events:
        return None
    step = min(max(step, 1), len(events))
    return StoryStep(judgement, step, len(events), events[step - 1])


def step_window(dataset: Dataset, event_id: str) -> tuple[str, str]:
    """A time window around an event: its own span with room either side, at least three years."""
    event = dataset.events.loc[dataset.events["id"] == event_id].iloc[0]
    span = event["last"] - event["start"]
    margin = max(span * 0.5, (MIN_WINDOW - span) / 2, pd.Timedelta(days=180))
    return (event["start"] - margin).date().isoformat(), (event["last"] + margin).date().isoformat()
