import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from dashboard import load_dataset
from dashboard.csvtable import parse_table
from dashboard.dataset import bundled_dataset_path
from dashboard.events import split_lists
from dashboard.model import DEFAULT_PALETTE
from dashboard.text import split_list


def test_folder_loads_typed_events_and_companions(mini):
    events = mini.events
    assert len(events) == 8
    assert list(events["id"])[:3] == ["occupation", "constitution", "korean-war"]  # date order
    korea = events.set_index("id").loc["korean-war"]
    assert korea["themes"] == ("regional", "forces")
    assert korea["actors"] == ("North Korea", "South Korea", "United States")
    assert korea["precision"] == "day" and korea["end_precision"] == "day"
    assert korea["start"] == pd.Timestamp("1950-06-25") and korea["last"] == pd.Timestamp("1953-07-27")
    occupation = events.set_index("id").loc["occupation"]
    assert occupation["precision"] == "month" and occupation["last"] == pd.Timestamp("1952-04-30")
    assert events.set_index("id").loc["non-nuclear", "precision"] == "year"
    assert events["importance"].tolist() == [2, 3, 3, 1, 3, 3, 2, 2]
    assert [t.id for t in mini.themes] == ["law", "alliance", "forces", "regional"]
    assert mini.theme("forces").color == "#009E73"
    assert [e.label for e in mini.eras] == ["Occupation", "Cold War", "Since the Cold War"]
    assert mini.eras[-1].end is None
    assert mini.judgement("grow").likelihood == "Highly likely"
    assert mini.metadata.title == "Mini alliance timeline"
    assert mini.metadata.license_url == "https://creativecommons.org/licenses/by/4.0/"
    assert mini.year_bounds == (1945, 2021)


def test_extra_columns_are_kept(mini):
    assert mini.extra_columns == ("classroom_note",)
    assert mini.events.set_index("id").loc["constitution", "classroom_note"] == "Week 1"


def test_single_csv_loads_with_themes_from_the_events(write_csv):
    path = write_csv(
        "date,title,themes\n1950,Korean War begins,Cold War;Korea\n1951-09-08,Peace treaty,Cold War\n1960,Treaty,Alliance\n"
    )
    dataset = load_dataset(path)
    assert [(t.id, t.label) for t in dataset.themes] == [
        ("cold-war", "Cold War"),
        ("korea", "Korea"),
        ("alliance", "Alliance"),
    ]
    assert [t.color for t in dataset.themes] == list(DEFAULT_PALETTE[:3])
    assert dataset.events["themes"].tolist() == [("cold-war", "korea"), ("cold-war",), ("alliance",)]
    assert dataset.metadata.title == "Events"


def test_missing_ids_are_generated_stable_and_unique(write_csv):
    text = "date,title,themes\n1960-01-19,Treaty signed,a\n1960-01-19,Treaty signed,a\n1960,Ampo protests,a\n"
    first = load_dataset(write_csv(text))
    again = load_dataset(write_csv(text))
    ids = first.events["id"].tolist()
    assert ids == ["1960-ampo-protests", "1960-01-19-treaty-signed", "1960-01-19-treaty-signed-2"]
    assert ids == again.events["id"].tolist()


def test_quoted_multiline_bom_and_crlf(write_csv):
    text = '\ufeffdate,title,themes,description\r\n1947,"Constitution, 1947",law,"Line one\r\nline two"\r\n'
    dataset = load_dataset(write_csv(text))
    event = dataset.events.iloc[0]
    assert event["title"] == "Constitution, 1947"
    assert event["description"] == "Line one\r\nline two"


@pytest.mark.parametrize(
    ("text", "led_by_quote", "title"),
    [
        ("date,title,themes\n1947,Japan's constitution,law\n", False, "Japan's constitution"),
        ("date,title,themes\n1947,'=1+1,law\n", True, "=1+1"),
        ('date,title,themes\n1947,"\'+81 3 1234",law\n', True, "+81 3 1234"),  # quoted
        ("title,date,themes\n'@home,1947,law\n", True, "@home"),  # a row's first cell
        ("date;title;themes\n1947;'-x;law\n", True, "-x"),  # another separator
        ("date\ttitle\tthemes\n1947\t'=x\tlaw\n", True, "=x"),
        ("date,title,themes\n1947,'quoted',law\n", True, "'quoted'"),  # not an escape: kept
    ],
)
def test_a_file_says_whether_a_cell_can_start_with_a_quote(text, led_by_quote, title, write_csv):
    # Only files where a cell can start with ' have their cells' escapes undone, cell by cell.
    assert parse_table(text.encode(), "events.csv").may_have_escapes is led_by_quote
    assert load_dataset(write_csv(text)).events["title"].iloc[0] == title


@pytest.mark.parametrize(
    "values",
    [
        ["a;b", " a ; b ", "", ";", "a;b", "c", " ; c ;", "a;b"] * 3,
        ["a;b", "c;d", "a;b"],  # every list of the same length: still one tuple per cell
        ["", ""],
        [],
    ],
)
def test_lists_split_once_per_distinct_cell_as_split_list_does(values):
    cells = pd.Series(values, index=range(5, 5 + len(values)), dtype=object)
    split = split_lists(cells)
    assert split.index.equals(cells.index)
    assert split.tolist() == [split_list(cell) for cell in values]


def test_blank_rows_are_skipped_and_lines_kept(write_csv):
    text = "date,title,themes\n\n , ,\n1947,Constitution,law\n,,\n\t,\t,\n1951,Treaty,alliance\n"
    dataset = load_dataset(write_csv(text))
    assert dataset.events["title"].tolist() == ["Constitution", "Treaty"]
    assert dataset.events["line"].tolist() == [4, 7]


def test_bundled_dataset_path_resolves_from_any_directory(tmp_path):
    assert (bundled_dataset_path() / "events.csv").is_file()
    code = "from dashboard import load_dataset; print(len(load_dataset().events))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])},
    )
    assert int(result.stdout) >= 50
