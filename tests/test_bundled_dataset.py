"""The bundled US–Japan dataset against the data contract and the project's standards."""

import re

import pytest

from dashboard.dataset import bundled_dataset_path, validate_dataset
from dashboard.text import is_safe_url

# Every event the source article names, with the date it gives (at the precision known).
ARTICLE_EVENTS = {
    "1947-constitution-article-9": "1947-05-03",
    "1948-1954-yoshida-doctrine": "1948-10-15",
    "1949-prc-proclaimed": "1949-10-01",
    "1950-korean-war-begins": "1950-06-25",
    "1954-self-defense-forces-established": "1954-07-01",
    "1960-revised-security-treaty-signed": "1960-01-19",
    "1967-three-non-nuclear-principles": "1967-12-11",
    "1992-international-peace-cooperation-act": "1992-06-15",
    "1992-untac-cambodia-deployment": "1992-09",
    "1997-defense-cooperation-guidelines": "1997-09-23",
    "1998-taepodong-1-launch": "1998-08-31",
    "1998-information-gathering-satellites": "1998-12-22",
    "2001-msdf-indian-ocean-refuelling": "2001-11",
    "2011-americas-pacific-century": "2011-10-11",
    "2015-legislation-for-peace-and-security": "2015-09-19",
    "2017-quad-revived-manila": "2017-11-12",
    "2021-suga-biden-summit": "2021-04-16",
    "2021-host-nation-support-extension": "2021-02-17",
    "2021-kishida-defence-budget": "2021-12-24",
}


@pytest.fixture(scope="module")
def events(bundled):
    return bundled.events.set_index("id")


def test_the_bundled_dataset_is_valid():
    dataset, problems = validate_dataset(bundled_dataset_path())
    assert problems == []
    assert dataset is not None


def test_covers_1945_to_today_with_at_least_50_events(bundled):
    assert len(bundled.events) >= 50
    first, last = bundled.year_bounds
    assert first == 1945 and last >= 2024


@pytest.mark.parametrize(("event_id", "date"), ARTICLE_EVENTS.items())
def test_every_event_the_article_names_is_there_with_its_date(events, event_id, date):
    assert events.loc[event_id, "date"] == date


def test_article_figures_are_kept(events):
    budget = events.loc["2021-kishida-defence-budget", "description"]
    assert "5.4 trillion yen" in budget and "1.1" in budget and "April 2022" in budget
    assert "8 billion" in events.loc["2019-trump-8-billion-demand", "description"]


def test_every_event_is_sourced_themed_and_described(bundled):
    for event in bundled.events.itertuples():
        assert event.source_title, event.id
        assert event.source_url == "" or is_safe_url(event.source_url), event.id
        assert 1 <= len(event.themes) <= 3, event.id
        sentences = re.findall(r"[.!?](?=\s+[A-Z\"(]|\s*$)", event.description)
        assert 2 <= len(sentences) <= 4, event.id


def test_themes_eras_and_judgements(bundled):
    assert 6 <= len(bundled.themes) <= 8
    assert len({theme.color.lower() for theme in bundled.themes}) == len(bundled.themes)
    assert all(theme.description for theme in bundled.themes)
    assert len(bundled.eras) >= 4
    for earlier, later in zip(bundled.eras, bundled.eras[1:], strict=False):
        assert earlier.end is not None and earlier.end.last_day < later.start.first_day
    assert [j.id for j in bundled.judgements] == [
        "expand-cooperation",
        "japan-contributes-more",
        "rebalance-cost-sharing",
    ]
    for judgement in bundled.judgements:
        assert judgement.likelihood == "Highly likely"
        supporting = bundled.events["judgements"].map(lambda ids, j=judgement.id: j in ids)
        assert supporting.sum() >= 3, judgement.id


def test_every_theme_is_used(bundled):
    used = {theme for themes in bundled.events["themes"] for theme in themes}
    assert used == {theme.id for theme in bundled.themes}


def test_the_article_is_credited(bundled):
    meta = bundled.metadata
    assert any("Grey Dynamics" in source.title for source in meta.sources)
    assert "Grey Dynamics" in meta.attribution
    assert meta.license_name and meta.license_url.startswith("https://")
