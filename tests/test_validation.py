"""Every validation message names file, line, column and value, and says how to fix it."""

import json

import pytest

from dashboard import DatasetError, load_dataset, validate_dataset

HEADER = "id,date,end_date,title,themes,importance,source_url,judgement\n"


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            "a,1954-13-01,,Title,law,2,,\n",
            'events.csv line 2, column date: "1954-13-01" is not a date; use YYYY, YYYY-MM or YYYY-MM-DD',
        ),
        (
            "a,,,Title,law,2,,\n",
            "events.csv line 2, column date: is not a date; use YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        (
            "a,1950,1950-13,Title,law,2,,\n",
            'events.csv line 2, column end_date: "1950-13" is not a date; use YYYY, YYYY-MM or YYYY-MM-DD, or leave it empty',
        ),
        (
            "a,1950-05,1949,Title,law,2,,\n",
            'events.csv line 2, column end_date: "1949" is before the event\'s date; make end_date the same as or later than date',
        ),
        (
            "a,1950,,,law,2,,\n",
            "events.csv line 2, column title: is empty; give every event a short headline",
        ),
        (
            "a,1950,,Title,,2,,\n",
            "events.csv line 2, column themes: is empty; give at least one theme id; separate several with ;",
        ),
        (
            "a,1950,,Title,law;space,2,,\n",
            'events.csv line 2, column themes: "law;space" names a theme that themes.csv does not define; '
            "use an id defined in themes.csv (alliance, forces, law, regional) or add it there",
        ),
        (
            "a,1950,,Title,law,7,,\n",
            'events.csv line 2, column importance: "7" is not an importance level; use 1 (minor), 2 or 3 (major), or leave it empty for 2',
        ),
        (
            "a,1950,,Title,law,2,javascript:alert(1),\n",
            'events.csv line 2, column source_url: "javascript:alert(1)" is not a web address; use a full http:// or https:// address (or mailto:), or leave it empty',
        ),
        (
            "a,1950,,Title,law,2,,fly\n",
            'events.csv line 2, column judgement: "fly" names a judgement that judgements.csv does not define; '
            "use an id defined in judgements.csv (grow, pay) or add it there",
        ),
        (
            "Not An Id,1950,,Title,law,2,,\n",
            'events.csv line 2, column id: "Not An Id" is not a valid id; use lower-case letters, digits and hyphens, e.g. 1960-treaty-revision',
        ),
        (
            "a,1950,,Title,law,2,,\nb,1951,,Other,law,2,,\na,1952,,Again,law,2,,\n",
            'events.csv line 4, column id: "a" is a duplicate id (first used on line 2); give every event its own id',
        ),
        (
            "a,1950,,Title,law,2,,,x\n",
            "events.csv line 2: has 9 values but the header has 8 columns; "
            "check for an extra comma, or quote a value that contains a comma",
        ),
    ],
)
def test_each_problem_is_reported_with_location_value_and_fix(tmp_path, mini_path, rows, expected):
    for companion in ("themes.csv", "judgements.csv"):
        (tmp_path / companion).write_bytes((mini_path / companion).read_bytes())
    (tmp_path / "events.csv").write_text(HEADER + rows, encoding="utf-8")
    dataset, problems = validate_dataset(tmp_path)
    assert dataset is None
    assert [str(p) for p in problems] == [expected]


def test_every_problem_is_collected_not_just_the_first(write_csv):
    path = write_csv("date,title,themes\n1954-13-01,A,x\n1950,,x\n1950,C,\n")
    _, problems = validate_dataset(path)
    assert [(p.line, p.column) for p in problems] == [(2, "date"), (3, "title"), (4, "themes")]


def test_line_numbers_count_physical_lines_of_multiline_values(write_csv):
    path = write_csv('date,title,themes,description\n1950,A,x,"one\ntwo\nthree"\nbad,B,x,\n')
    _, problems = validate_dataset(path)
    assert [str(p) for p in problems] == [
        'events.csv line 5, column date: "bad" is not a date; use YYYY, YYYY-MM or YYYY-MM-DD'
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "events.csv: is empty; add a header row and at least one row of data"),
        ("\n\n", "events.csv: is empty; add a header row and at least one row of data"),
        ("date,title,themes\n", "events.csv: has a header but no events; add one row per event below the header"),
        (
            "date,headline,themes\n1950,A,x\n",
            "events.csv line 1, column title: has no title column; add a column named title to the header row",
        ),
        (
            'date,title,themes\n1950,"unclosed,x\n',
            "events.csv line 2: is not valid CSV here (unexpected end of data); "
            'check the quotes: a quoted value must end with " and a " inside it must be doubled ("")',
        ),
    ],
)
def test_file_level_problems(write_csv, text, expected):
    _, problems = validate_dataset(write_csv(text))
    assert [str(p) for p in problems] == [expected]


def test_undecodable_text_names_the_line_and_the_byte(write_csv):
    path = write_csv("date,title,themes\n1960,\u65e5\u7c73\u5b89\u4fdd,x\n", encoding="shift_jis")
    _, problems = validate_dataset(path)
    assert len(problems) == 1
    text = str(problems[0])
    assert text.startswith('events.csv line 2: "1960,')
    assert text.endswith(
        ',x" has a byte (0x93) that is not UTF-8 text; save the file as UTF-8 (in a spreadsheet: Save As, CSV UTF-8)'
    )


def test_duplicate_and_unnamed_header_columns(write_csv):
    _, problems = validate_dataset(write_csv("date,title,themes,title,\n1950,A,x,B,\n"))
    assert [str(p) for p in problems] == [
        "events.csv line 1: column 5 has no name; name every column in the header row, or delete the empty column",
        'events.csv line 1, column title: "title" appears twice in the header; rename or remove one of the two columns',
    ]


def test_companion_file_problems(tmp_path):
    (tmp_path / "events.csv").write_text("date,title,themes\n1950,A,law\n", encoding="utf-8")
    (tmp_path / "themes.csv").write_text("id,label,color\nlaw,Law,blue\nlaw,Again,#123456\n", encoding="utf-8")
    (tmp_path / "eras.csv").write_text("start,end,label\n1960,1950,Backwards\n19x0,,Bad\n", encoding="utf-8")
    (tmp_path / "judgements.csv").write_text("id,title\nBad Id,T\n", encoding="utf-8")
    (tmp_path / "datapackage.json").write_text('{"title": "x",\n "description": }', encoding="utf-8")
    _, problems = validate_dataset(tmp_path)
    assert [str(p) for p in problems] == [
        'themes.csv line 2, column color: "blue" is not a colour; use a hex colour such as #0072B2, or leave it empty',
        'themes.csv line 3, column id: "law" is a duplicate id (first used on line 2); give every row its own id',
        'judgements.csv line 2, column id: "Bad Id" is not a valid id; use lower-case letters, digits and hyphens',
        'eras.csv line 2, column end: "1950" is before the era\'s start; make end the same as or later than start',
        'eras.csv line 3, column start: "19x0" is not a date; use YYYY, YYYY-MM or YYYY-MM-DD',
        "datapackage.json line 2: is not valid JSON (Expecting value, character 17); check for a missing comma, quote or bracket",
    ]


def test_metadata_with_wrong_types_is_reported(tmp_path):
    (tmp_path / "events.csv").write_text("date,title,themes\n1950,A,x\n", encoding="utf-8")
    (tmp_path / "datapackage.json").write_text(json.dumps({"title": ["not", "text"]}), encoding="utf-8")
    _, problems = validate_dataset(tmp_path)
    assert [str(p) for p in problems] == [
        'datapackage.json: "title" must be text, not ["not", "text"]; write it as "title": "…"'
    ]


def test_missing_paths(tmp_path):
    _, problems = validate_dataset(tmp_path / "nope")
    assert [p.message for p in problems] == ["does not exist"]
    _, problems = validate_dataset(tmp_path)
    assert [p.message for p in problems] == ["has no events.csv"]


def test_load_dataset_raises_with_every_problem(write_csv):
    with pytest.raises(DatasetError) as caught:
        load_dataset(write_csv("date,title,themes\nx,A,t\ny,B,t\n"))
    assert len(caught.value.problems) == 2
    assert "2 problems in the dataset" in str(caught.value)
    assert 'line 3, column date: "y"' in str(caught.value)


def test_long_values_are_shortened_in_messages(write_csv):
    _, problems = validate_dataset(write_csv(f"date,title,themes\n{'9' * 200},A,t\n"))
    assert str(problems[0]).startswith('events.csv line 2, column date: "' + "9" * 59 + '…" is not a date')
