from datetime import date

import pytest

from dashboard.dates import PartialDate, format_date, format_span, parse_date


@pytest.mark.parametrize(
    ("text", "expected", "shown"),
    [
        ("1947", PartialDate(1947), "1947"),
        ("1947-05", PartialDate(1947, 5), "May 1947"),
        ("1947-05-03", PartialDate(1947, 5, 3), "3 May 1947"),
        (" 2024-02-29 ", PartialDate(2024, 2, 29), "29 February 2024"),
    ],
)
def test_parse_keeps_precision_and_formats_it(text, expected, shown):
    parsed = parse_date(text)
    assert parsed == expected
    assert format_date(parsed) == shown
    assert parsed.iso() == text.strip()


@pytest.mark.parametrize(
    "text", ["", "47", "1954-13-01", "1954-13", "2023-02-29", "1954-00", "1954/05/01", "May 1954", "0000"]
)
def test_parse_rejects_what_is_not_a_date(text):
    assert parse_date(text) is None


def test_period_bounds_and_midpoint():
    assert PartialDate(1960).first_day == date(1960, 1, 1)
    assert PartialDate(1960).last_day == date(1960, 12, 31)
    assert PartialDate(1960, 2).last_day == date(1960, 2, 29)
    assert PartialDate(1960, 2).midpoint == date(1960, 2, 15)
    assert PartialDate(1960).midpoint == date(1960, 7, 1)
    assert PartialDate(1960, 1, 19).midpoint == date(1960, 1, 19)


def test_span_text():
    assert format_span(PartialDate(1945, 9), PartialDate(1952, 4, 28)) == "September 1945 – 28 April 1952"
    assert format_span(PartialDate(1967), None) == "1967"
