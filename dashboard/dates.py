"""Partial dates (year, month or day precision): parsing, ordering and display."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import pandas as pd

Precision = Literal["year", "month", "day"]

DATE_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
DATE_FORMAT_HINT = "use YYYY, YYYY-MM or YYYY-MM-DD"

MONTH_NAMES = tuple(calendar.month_name)  # index 1..12; locale-independent in CPython's C locale


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        """How precisely the date is known."""
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    @property
    def first_day(self) -> date:
        """The earliest day the date can mean."""
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> date:
        """The latest day the date can mean."""
        if self.day is not None:
            return date(self.year, self.month or 1, self.day)
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    @property
    def midpoint(self) -> date:
        """Where the date is drawn on a time axis: the middle of its period."""
        if self.day is not None:
            return self.first_day
        if self.month is not None:
            return date(self.year, self.month, 15)
        return date(self.year, 7, 1)

    def iso(self) -> str:
        """The date written back at its own precision: YYYY, YYYY-MM or YYYY-MM-DD."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __str__(self) -> str:
        return format_date(self)


def parse_date(text: str) -> PartialDate | None:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ``None`` when it is not a real date."""
    match = DATE_PATTERN.match(text.strip())
    if match is None:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    if year is None or year < 1:
        return None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and (month is None or not 1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    return PartialDate(year, month, day)


def format_date(value: PartialDate) -> str:
    """Human-readable date at its precision: "1947", "May 1947", "3 May 1947"."""
    if value.precision == "year":
        return str(value.year)
    if value.precision == "month":
        return f"{MONTH_NAMES[value.month or 1]} {value.year}"
    return f"{value.day} {MONTH_NAMES[value.month or 1]} {value.year}"


def format_span(start: PartialDate, end: PartialDate | None) -> str:
    """A date or a period: "3 May 1947" or "1945 – 1952"."""
    if end is None:
        return format_date(start)
    return f"{format_date(start)} – {format_date(end)}"


EPOCH = date(1970, 1, 1)


def day_number(day: date) -> int:
    """One date as whole days since 1970-01-01 (negative before it)."""
    return (day - EPOCH).days


def day_numbers(dates: pd.Series) -> list[int]:
    """A column of dates as whole days since 1970-01-01."""
    return dates.to_numpy().astype("datetime64[D]").astype("int64").tolist()


def iso_day(day: int) -> str:
    """Days since 1970-01-01 as an ISO date, YYYY-MM-DD."""
    return (EPOCH + timedelta(days=day)).isoformat()
