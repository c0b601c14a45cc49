"""Which dataset a request is about: the server's own, or the one a browser uploaded.

An upload lives only in that browser (a memory store it sends with each callback); the server
keeps no per-user state, just a cache of parsed uploads keyed by their content, so any process
behind any load balancer can answer. Nothing uploaded is written to disk.
"""

from __future__ import annotations

import base64
import binascii
import threading
from dataclasses import dataclass, field
from typing import Any

from .localise import localise
from .model import Dataset
from .problems import Problem
from .uploads import Limits, UploadCache


@dataclass
class DataSource:
    """The server's dataset, the upload limits, and the cache of parsed uploads."""

    dataset: Dataset
    limits: Limits = field(default_factory=Limits)
    cache: UploadCache = field(default_factory=UploadCache)
    _localised: dict[tuple[int, str], tuple[Dataset, Dataset]] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def resolve(self, stored: dict[str, Any] | None, lang: str = "en") -> Dataset:
        """The dataset a browser is looking at (its upload, or the server's own), in ``lang``."""
        dataset = self.dataset
        if stored:
            data = decode_contents(stored.get("content", ""), self.limits)
            if data is not None:
                uploaded, _ = self.cache.load(str(stored.get("name", "upload.csv")), data, self.limits)
                dataset = uploaded if uploaded is not None else dataset
        return self.localised(dataset, lang)

    def localised(self, dataset: Dataset, lang: str) -> Dataset:
        """``localise`` with a small cache (the base dataset is kept with its entry, so ids stay unique)."""
        if lang == "en":
            return dataset
        key = (id(dataset), lang)
        with self._lock:
            entry = self._localised.get(key)
            if entry is not None and entry[0] is dataset:
                return entry[1]
        result = localise(dataset, lang)
        with self._lock:
            self._localised[key] = (dataset, result)
            while len(self._localised) > 2 * self.cache.size + 2:
                self._localised.pop(next(iter(self._localised)))
        return result

    def accept(self, name: str, contents: str) -> tuple[Dataset | None, list[Problem]]:
        """Validate an upload (``contents`` as a ``data:…;base64,…`` URL); nothing is stored."""
        data = decode_contents(contents, self.limits)
        if data is None:
            limit = self.limits.max_bytes / 1e6
            message = f"could not be read, or is larger than this server accepts ({limit:.1f} MB)"
            return None, [Problem(name, message, "check the file, or make it smaller")]
        return self.cache.load(name, data, self.limits)


def decode_contents(contents: str, limits: Limits) -> bytes | None:
    """The bytes of a ``data:`` URL as dcc.Upload gives them; ``None`` if malformed or too large."""
    if not isinstance(contents, str) or "," not in contents:
        return None
    payload = contents.split(",", 1)[1]
    if len(payload) > (limits.max_bytes * 4) // 3 + 4:
        return None
    try:
        return base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        return None
