"""Story mode and the Japanese edition: pure logic, localisation with fallback, exports."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET

import pandas as pd
import pytest
from click.testing import CliRunner

from dashboard import load_dataset
from dashboard.cli import main
from dashboard.event_list import LIST_LIMIT, list_note
from dashboard.export import ExportError, ExportOptions, export_view, story_page
from dashboard.filters import FilterState
from dashboard.i18n import JA, tr
from dashboard.interaction import Action, controls_for, next_state
from dashboard.localise import localise
from dashboard.story import step_window, stories, story_events, story_step
from dashboard.urlstate import ViewState, from_query, to_query


def test_a_story_is_its_judgements_events_in_date_order(mini):
    assert story_events(mini, "grow") == ["self-defense-forces", "treaty-revision", "budget-rise"]
    assert [j.id for j in stories(mini)] == ["grow", "pay"]
    step = story_step(mini, "grow", 2)
    assert (step.step, step.total, step.event) == (2, 3, "treaty-revision")
    assert story_step(mini, "grow", 99).step == 3 and story_step(mini, "grow", -4).step == 1
    assert story_step(mini, "nope", 1) is None


def test_a_step_window_surrounds_its_event(mini):
    start, end = step_window(mini, "treaty-revision")
    assert start < "1960-01-19" < end
    assert int(end[:4]) - int(start[:4]) >= 3
    korea = step_window(mini, "korean-war")
    assert korea[0] < "1950-06-25" and korea[1] > "1953-07-27"


def test_story_links_open_exactly_that_step(mini):
    state = from_query("?story=grow&step=2", mini)
    assert (state.story, state.step, state.event) == ("grow", 2, "treaty-revision")
    assert to_query(state) == "?event=treaty-revision&story=grow&step=2"
    assert from_query("?story=unknown&step=2", mini).story is None


def test_moving_through_a_story_and_leaving_it(mini):
    controls = controls_for(mini, ViewState())
    filtered = ViewState(FilterState(query="nothing"))
    started = next_state(mini, filtered, Action.START_STORY, controls, "grow")
    assert (started.story, started.step, started.event, started.filters) == (
        "grow",
        1,
        "self-defense-forces",
        FilterState(),
    )
    second = next_state(mini, started, Action.STORY_NEXT, controls)
    assert (second.step, second.event) == (2, "treaty-revision")
    assert next_state(mini, second, Action.STORY_PREVIOUS, controls).step == 1
    last = next_state(mini, next_state(mini, second, Action.STORY_NEXT, controls), Action.STORY_NEXT, controls)
    assert last.step == 3  # clamped at the end
    left = next_state(mini, second, Action.STORY_EXIT, controls)
    assert (left.story, left.event) == (None, "treaty-revision")  # the reader keeps their place


def test_the_interface_speaks_japanese_and_falls_back_to_english():
    assert tr("ja", "{shown} of {total} events", shown=3, total=70) == "全70件中3件の出来事"
    assert tr("en", "{shown} of {total} events", shown=3, total=70) == "3 of 70 events"
    assert tr("ja", "A sentence nobody translated") == "A sentence nobody translated"
    assert all(value.strip() for value in JA.values())


def test_the_lists_note_on_its_first_rows_is_in_the_pages_language():
    # It was English on the Japanese page.
    events = pd.DataFrame({"id": [f"e{n}" for n in range(LIST_LIMIT + 1234)]})
    (note,) = list_note(events, "ja")
    assert (
        note.children
        == f"一覧には全{LIST_LIMIT + 1234:,}件中の最初の{LIST_LIMIT}件を表示しています。残りを見るには絞り込んでください。"
    )
    (note,) = list_note(events, "en")
    assert note.children.startswith(f"The list holds the first {LIST_LIMIT} of {LIST_LIMIT + 1234:,} events")
    assert list_note(events.head(LIST_LIMIT), "ja") == []


def test_japanese_dataset_texts_fall_back_to_english(write_csv):
    path = write_csv(
        "date,end_date,title,title_ja,description,description_ja,themes\n"
        "1960-01-19,,Treaty revised,新安保条約に調印,Signed in Washington.,,alliance\n"
        "1945-09,1952-04,Occupation,,A period.,占領の時代。,alliance\n"
        "1967,,Three principles,非核三原則,,,nuclear\n"
    )
    dataset = localise(load_dataset(path), "ja")
    events = dataset.events.set_index("date")
    assert events.loc["1960-01-19", "title"] == "新安保条約に調印"
    assert events.loc["1960-01-19", "description"] == "Signed in Washington."  # no translation: English
    assert events.loc["1945-09", "title"] == "Occupation"
    assert events.loc["1945-09", "description"] == "占領の時代。"
    assert list(dataset.events["date_text"]) == ["1945年9月〜1952年4月", "1960年1月19日", "1967年"]
    assert "treaty revised" in events.loc["1960-01-19", "search_text"]  # searchable in both languages
    assert localise(load_dataset(path), "en").events.equals(load_dataset(path).events)


def test_the_bundled_dataset_is_fully_translated(bundled):
    japanese = localise(bundled, "ja")
    assert all(japanese.events["title_ja"].str.strip() != "")
    assert all(theme.label_ja for theme in bundled.themes) and all(era.label_ja for era in bundled.eras)
    assert all(j.title_ja and j.statement_ja and j.likelihood_ja for j in bundled.judgements)
    titles = " ".join(japanese.events["title"])
    for official in ("日本国憲法", "日米安全保障条約", "非核三原則", "国際平和協力法", "自衛隊"):
        assert official in titles, official
    assert japanese.judgements[0].likelihood == "可能性が非常に高い"


def test_story_export_is_one_offline_page(bundled):
    page = story_page(bundled, "expand-cooperation", ExportOptions())
    assert '<section id="story"' in page and "Story: US and Japan expand defence cooperation" in page
    steps = len(story_events(bundled, "expand-cooperation"))
    assert f"Step 1 of {steps}: " in page
    with pytest.raises(ExportError):
        story_page(bundled, "no-such-judgement", ExportOptions())
    japanese = story_page(localise(bundled, "ja"), "expand-cooperation", ExportOptions(), "ja")
    assert '<html lang="ja">' in japanese and "ストーリー：" in japanese


def test_cli_exports_a_story_and_refuses_other_formats(tmp_path):
    runner = CliRunner()
    result = runner.invoke(
        main, ["export", "--story", "rebalance-cost-sharing", "--format", "html", "--out", str(tmp_path / "s")]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "s.html").read_text(encoding="utf-8").count('id="story-data"') == 1
    assert runner.invoke(main, ["export", "--story", "x", "--out", str(tmp_path / "s")]).exit_code == 2
    assert (
        runner.invoke(
            main, ["export", "--story", "rebalance-cost-sharing", "--format", "png", "--out", str(tmp_path / "s")]
        ).exit_code
        == 2
    )


@pytest.mark.browser
def test_japanese_exports_keep_their_glyphs(bundled):
    japanese = localise(bundled, "ja")
    svg = export_view(japanese, FilterState(themes=("constitution",)), ["svg"], ExportOptions(), "ja")["svg"]
    text = " ".join(e.text or "" for e in ET.fromstring(svg).iter() if e.tag.endswith("text"))
    assert "日米安全保障同盟の年表" in text and "全70件中13件の出来事" in text and "憲法と法制" in text
    assert "\ufffd" not in text
    # PNG text is drawn by Chromium with the system's fonts: a Japanese font must be there.
    fonts = subprocess.run(["fc-list", ":lang=ja", "family"], capture_output=True, text=True, check=True).stdout
    assert fonts.strip(), "no Japanese font for Chromium: install fonts-noto-cjk"
