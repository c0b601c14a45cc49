"""Themes stay distinguishable without colour vision: colour differences under simulated
deficiencies, and a distinct marker shape per lane."""

import pytest
from palette import min_difference

from dashboard.figures import lane_symbol
from dashboard.layout import chart_summary
from dashboard.model import DEFAULT_PALETTE

# CIE76 difference; about 2.3 is just noticeable, above 10 is clearly different at a glance.
MIN_DIFFERENCE = 15


@pytest.mark.parametrize("deficiency", [None, "protanopia", "deuteranopia", "tritanopia"])
def test_bundled_theme_colours_stay_apart(bundled, deficiency):
    difference, pair = min_difference([theme.color for theme in bundled.themes], deficiency)
    assert difference >= MIN_DIFFERENCE, f"{pair} differ by only {difference:.1f} under {deficiency}"


@pytest.mark.parametrize("deficiency", [None, "protanopia", "deuteranopia", "tritanopia"])
def test_default_palette_for_new_datasets_stays_apart(deficiency):
    difference, pair = min_difference(list(DEFAULT_PALETTE[:7]), deficiency)
    assert difference >= MIN_DIFFERENCE, f"{pair} differ by only {difference:.1f} under {deficiency}"


def test_every_lane_has_its_own_shape(bundled):
    symbols = [lane_symbol(bundled, theme.id) for theme in bundled.themes]
    assert len(set(symbols)) == len(symbols)


def test_chart_summary_for_screen_readers(mini):
    assert chart_summary(mini, mini.events, None) == (
        "8 events from 1945 to 2021, in 4 theme lanes: Constitution and law, Alliance, Forces, Region."
    )
    assert chart_summary(mini, mini.events.head(0), None) == "The chart is empty: no events match the filters."
