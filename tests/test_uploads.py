"""Opening your own file: real-world and hostile CSVs, archives, limits, and nothing lost."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.export import export_view
from dashboard.filters import FilterState
from dashboard.problems import Problem
from dashboard.uploads import Limits, UploadCache, load_upload

NASTY = Path(__file__).parent / "fixtures" / "nasty"
MINI = Path(__file__).parent / "fixtures" / "mini"

# file -> (record lines shown, record lines left out, words a note must contain); None = refused, with the message.
CORPUS = {
    "bom.csv": ({2}, set(), []),
    "crlf.csv": ({2, 4}, set(), []),
    "semicolon.csv": ({2, 3}, set(), ["semicolons"]),
    "windows-1252.csv": ({2}, set(), ["Windows-1252"]),
    "japanese.csv": ({2}, set(), []),
    "multiline.csv": ({2, 5}, set(), []),
    "duplicate-ids.csv": ({2, 3}, {4}, []),
    "bad-dates.csv": ({5, 6}, {2, 3, 4}, []),
    "script-payloads.csv": ({2, 3}, set(), ["javascript:window.pwned=4", "data:text/html"]),
    "formula-payloads.csv": ({2, 3}, set(), []),
    "long-fields.csv": ({2}, set(), []),
    "ragged-rows.csv": ({2, 3}, {4}, []),
    "blank-lines.csv": ({3, 6}, set(), []),
    "empty.csv": None,
    "header-only.csv": None,
    "missing-columns.csv": None,
    "shift-jis.csv": None,
    "unclosed-quote.csv": None,
}
REFUSALS = {
    "empty.csv": "empty.csv: is empty; add a header row and at least one row of data",
    "header-only.csv": "header-only.csv: has a header but no events; add one row per event below the header",
    "missing-columns.csv": "missing-columns.csv line 1, column date: has no date column",
    "shift-jis.csv": "shift-jis.csv line 2: ",
    "unclosed-quote.csv": "unclosed-quote.csv line 3: is not valid CSV here (unexpected end of data)",
}


def test_the_corpus_is_complete():
    assert {path.name for path in NASTY.iterdir()} == set(CORPUS)


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_every_row_is_shown_or_reported(name):
    dataset, problems = load_upload(name, (NASTY / name).read_bytes())
    expected = CORPUS[name]
    if expected is None:
        assert dataset is None
        assert str(problems[0]).startswith(REFUSALS[name])
        assert all(isinstance(p, Problem) and p.file == name for p in problems)
        return
    shown, left_out, note_words = expected
    assert dataset is not None, [str(p) for p in problems]
    assert set(dataset.events["line"]) == shown
    assert {p.line for p in dataset.skipped} == left_out
    assert all(p.line is not None and p.message and p.hint for p in dataset.skipped)
    notes = " ".join(dataset.notes)
    for word in note_words:
        assert word in notes


def test_real_world_text_is_read_exactly():
    def load(name):
        return load_upload(name, (NASTY / name).read_bytes())[0].events.set_index("id")

    assert load("windows-1252.csv").loc["a", "title"] == "Café “diplomacy”"
    assert load("windows-1252.csv").loc["a", "description"] == "Naïve résumé"
    assert load("japanese.csv").loc["a", "title"] == "日米安全保障条約の改定"
    assert load("multiline.csv").loc["a", "description"] == 'Line one\nLine "two"\nLine three'
    assert load("crlf.csv").loc["a", "description"] == "Two\r\nlines"
    assert load("semicolon.csv").loc["a", "description"] == "Uses, commas, inside"
    assert len(load("long-fields.csv").loc["a", "description"]) > 190_000
    hostile = load("script-payloads.csv")
    assert hostile.loc["x1", "title"] == "<script>window.pwned=1</script>"
    assert hostile.loc["x1", "source_url"] == ""  # a javascript: link is never kept


def test_formulas_are_neutralised_in_csv_exports_and_restored_on_import(tmp_path):
    dataset, _ = load_upload("formulas.csv", (NASTY / "formula-payloads.csv").read_bytes())
    data = export_view(dataset, FilterState(), ["csv"])["csv"]
    text = data.decode("utf-8")
    assert "'=HYPERLINK(" in text and "'+SUM(1;2)" in text and "'@cmd" in text and "'-2+3" in text
    assert "\n=" not in text and ",=" not in text and ",+" not in text and ",@" not in text
    reloaded, _ = load_upload("again.csv", data)
    columns = ["id", "title", "description"]
    pd.testing.assert_frame_equal(reloaded.events[columns], dataset.events[columns])


@pytest.mark.parametrize(
    "name", ["multiline.csv", "japanese.csv", "windows-1252.csv", "script-payloads.csv", "semicolon.csv"]
)
def test_load_export_load_is_identical(name):
    first, _ = load_upload(name, (NASTY / name).read_bytes())
    again, _ = load_upload("again.csv", export_view(first, FilterState(), ["csv"])["csv"])
    columns = [c for c in first.events.columns if c != "line"]
    pd.testing.assert_frame_equal(again.events[columns], first.events[columns])


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_zipped_dataset_folder_loads_with_its_companions():
    files = {f"class-timeline/{path.name}": path.read_bytes() for path in MINI.iterdir()}
    files["__MACOSX/class-timeline/._events.csv"] = b"\x00junk"
    dataset, problems = load_upload("class.zip", zipped(files))
    assert problems == []
    assert len(dataset.events) == 8 and [t.id for t in dataset.themes] == ["law", "alliance", "forces", "regional"]
    assert dataset.metadata.title == "Mini alliance timeline" and len(dataset.eras) == 3


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not a zip at all", "class.zip: is not a readable .zip file"),
        (zipped({"notes.txt": b"hello"}), "class.zip: has no events.csv"),
        (zipped({f"f{i}.csv": b"x" for i in range(30)}), "class.zip: holds 30 files"),
        (zipped({"events.csv": b"date,title,themes\n" + b"1950,A,x\n" * 200_000}), "class.zip (unpacked): is 1.8 MB"),
    ],
)
def test_bad_archives_are_refused_with_a_reason(data, message):
    dataset, problems = load_upload("class.zip", data, Limits(max_bytes=1_000_000))
    assert dataset is None
    assert str(problems[0]).startswith(message)


def test_size_and_row_limits():
    data = b"date,title,themes\n" + b"1950,A,x\n" * 50
    dataset, problems = load_upload("big.csv", data, Limits(max_bytes=100))
    assert dataset is None and str(problems[0]).startswith("big.csv: is 0.0 MB; this server accepts files up to 0.0 MB")
    dataset, problems = load_upload("big.csv", data, Limits(max_rows=10))
    assert dataset is None
    assert (
        str(problems[0])
        == "big.csv: has 50 rows; this server accepts at most 10; split the timeline into smaller files"
    )
    assert load_upload("big.csv", data, Limits(max_rows=50))[0] is not None


def test_limits_from_the_environment(monkeypatch):
    monkeypatch.setenv("ALLIANCE_TIMELINE_MAX_UPLOAD_MB", "2.5")
    monkeypatch.setenv("ALLIANCE_TIMELINE_MAX_ROWS", "500")
    assert Limits.from_environment() == Limits(max_bytes=int(2.5 * 1024 * 1024), max_rows=500)


def test_a_json_dataset_uploads(mini):
    data = export_view(mini, FilterState(), ["json"])["json"]
    dataset, problems = load_upload("timeline.json", data)
    assert problems == [] and list(dataset.events["id"]) == list(mini.events["id"])


def test_timelinejs_sheets_are_converted_with_a_note():
    data = (Path(__file__).parent / "fixtures" / "timelinejs.csv").read_bytes()
    dataset, problems = load_upload("timeline.csv", data)
    assert problems == []
    assert dataset.metadata.title == "The Cold War in Asia"
    assert [era.label for era in dataset.eras] == ["Occupation of Japan"]
    events = dataset.events.set_index("id")
    assert list(events["date"]) == ["1950-06-25", "1951-09-08", "1960-01", "1972"]
    korea = events.loc["1950-06-25-korean-war"]
    assert korea["end_date"] == "1953-07-27" and korea["themes"] == ("korea",)
    assert (
        korea["description"]
        == "North Korea invades the South. See [the Office of the Historian](https://history.state.gov/)."
    )
    assert korea["Media"] == "https://example.org/korea.jpg"  # kept as an extra column
    assert events.loc["1972-okinawa-reversion", "themes"] == ("events",)
    assert "TimelineJS sheet" in dataset.notes[0] and "Headline → title" in dataset.notes[0]


def test_cache_returns_the_same_dataset_for_the_same_bytes():
    cache = UploadCache(size=2)
    data = (NASTY / "bom.csv").read_bytes()
    first = cache.load("a.csv", data, Limits())[0]
    assert cache.load("a.csv", data, Limits())[0] is first
    cache.load("b.csv", b"date,title,themes\n1950,B,x\n", Limits())
    cache.load("c.csv", b"date,title,themes\n1950,C,x\n", Limits())
    assert cache.load("a.csv", data, Limits())[0] is not first  # evicted, rebuilt


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_any_bytes_give_a_dataset_or_located_problems(data):
    for name in ("events.csv", "events.zip", "events.json"):
        dataset, problems = load_upload(name, data)
        assert (dataset is None) == bool(problems) or (dataset is not None and problems == [])
        assert all(problem.file.startswith(name.split(".")[0]) and problem.message for problem in problems)


CSV_TEXT = st.lists(
    st.lists(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=12), min_size=0, max_size=6),
    max_size=8,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(CSV_TEXT, st.sampled_from([",", ";"]))
def test_any_table_loads_or_reports_every_row(rows, delimiter):
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(["date", "title", "themes", "description"])
    writer.writerows(rows)
    dataset, problems = load_upload("events.csv", buffer.getvalue().encode("utf-8"))
    if dataset is None:
        assert problems and all(p.file == "events.csv" for p in problems)
        return
    shown = set(dataset.events["line"])
    left_out = {p.line for p in dataset.skipped}
    assert not shown & left_out
    assert all(p.line is not None for p in dataset.skipped)
