"""A dataset in another language: its translated texts where it has them, English where not.

``title_ja`` / ``description_ja`` event columns, ``label_ja`` / ``description_ja`` for themes and
eras, ``title_ja`` / ``statement_ja`` / ``likelihood_ja`` for judgements and ``title_ja`` /
``description_ja`` in the metadata. Dates are written the Japanese way (1960年1月19日). Search
then matches both languages. Everything downstream (chart, list, details, exports) is unchanged.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from .model import Dataset


def localise(dataset: Dataset, lang: str) -> Dataset:
    """The dataset as read in ``lang``: ``"en"`` returns it unchanged."""
    if lang != "ja":
        return dataset
    events = dataset.events.copy(deep=False)  # columns are replaced, never changed in place
    translations = []
    for column in ("title", "description"):
        translated = f"{column}_ja"
        if translated in events:
            text = events[translated].astype(str).str.strip()
            events[column] = text.where(text != "", events[column])
            translations.append(text)
    events["date_text"] = japanese_dates(events)
    if translations:  # search matches both languages; without translations, the English text is shared
        translated_text = translations[0] if len(translations) == 1 else translations[0] + "\n" + translations[1]
        events["search_text"] = events["search_text"] + "\n" + translated_text.str.casefold()
    meta = dataset.metadata
    return replace(
        dataset,
        events=events,
        themes=tuple(
            replace(t, label=t.label_ja or t.label, description=t.description_ja or t.description)
            for t in dataset.themes
        ),
        eras=tuple(
            replace(e, label=e.label_ja or e.label, description=e.description_ja or e.description) for e in dataset.eras
        ),
        judgements=tuple(
            replace(
                j,
                title=j.title_ja or j.title,
                statement=j.statement_ja or j.statement,
                likelihood=j.likelihood_ja or j.likelihood,
            )
            for j in dataset.judgements
        ),
        metadata=replace(meta, title=meta.title_ja or meta.title, description=meta.description_ja or meta.description),
    )


def _japanese(stamps: pd.Series, precision: pd.Series) -> pd.Series:
    year = stamps.dt.year.astype("Int64").astype(str) + "年"
    month = stamps.dt.month.astype("Int64").astype(str) + "月"
    day = stamps.dt.day.astype("Int64").astype(str) + "日"
    texts = np.select([precision.eq("day"), precision.eq("month")], [year + month + day, year + month], year)
    return pd.Series(texts, index=stamps.index, dtype=object)


def japanese_dates(events: pd.DataFrame) -> pd.Series:
    """Dates at their precision in Japanese: "1960年", "1960年1月", "1960年1月19日", periods with "〜"."""
    start = _japanese(events["start"], events["precision"])
    end = _japanese(events["last"], events["end_precision"])
    return start + ("〜" + end).where(events["end_date"] != "", "")
