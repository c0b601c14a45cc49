"""The benchmarks' own conversions: a comparison is only fair if it draws the same events."""

from __future__ import annotations

import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from competitors import vis_items  # noqa: E402


def test_vis_timeline_gets_every_event_once_in_its_first_themes_group(mini, mini_path: Path):
    converted = vis_items(mini_path)
    events = mini.events
    assert [group["id"] for group in converted["groups"]] == [theme.id for theme in mini.themes]
    items = converted["items"]
    assert len(items) == len(events) == len({item["id"] for item in items})
    for item, event in zip(items, events.itertuples(), strict=True):
        assert item["group"] == event.themes[0]
        assert item["start"] == event.start.date().isoformat()
        if event.end_date:
            assert (item["type"], item["end"]) == ("range", event.last.date().isoformat())
        else:
            assert item["type"] == "point" and "end" not in item
    assert {item["type"] for item in items} == {"point", "range"}  # the fixture has both kinds
