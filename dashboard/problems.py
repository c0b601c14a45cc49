"""Validation problems: where a dataset is wrong and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass

MAX_VALUE_CHARS = 60


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a dataset, located as precisely as it can be."""

    file: str
    message: str
    hint: str = ""
    line: int | None = None
    column: str | None = None
    value: str | None = None
    line_label: str = "line"  # "item" for the entries of a JSON list

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f" {self.line_label} {self.line}"
        if self.column is not None:
            where += f", column {self.column}"
        text = f"{where}: "
        if self.value:
            text += f"{quote_value(self.value)} "
        text += self.message
        if self.hint:
            text += f"; {self.hint}"
        return text


def quote_value(value: str) -> str:
    """Quote a cell for a message, shortened and with line breaks made visible."""
    shown = value.replace("\r", "\\r").replace("\n", "\\n")
    if len(shown) > MAX_VALUE_CHARS:
        shown = shown[: MAX_VALUE_CHARS - 1] + "…"
    return f'"{shown}"'


class DatasetError(Exception):
    """Raised when a dataset cannot be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        count = len(problems)
        summary = f"{count} problem{'s' if count != 1 else ''} in the dataset"
        super().__init__(summary + ":\n" + "\n".join(f"- {p}" for p in problems))
