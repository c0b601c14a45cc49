"""Which dataset a request is about: the server's own, or the one a browser uploaded.

An upload lives only in that browser (a memory store it sends with each callback); the server
keeps no per-user state, just a cache of parsed uploads keyed by their content, so any process
behind any load balancer can answer. Nothing uploaded is written to disk.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from typing import Any

from .model import Dataset
from .problems import Problem
from .uploads import Limits, UploadCache


@dataclass
class DataSource:
    """The server's dataset, the upload limits, and the cache of parsed uploads."""

    dataset: Dataset
    limits: Limits = field(default_factory=Limits)
    cache: UploadCache = field(default_factory=UploadCache)

    def resolve(self, stored: dict[str, Any] | None) -> Dataset:
        """The dataset a browser is looking at: its upload, or the server's own."""
        if not stored:
            return self.dataset
        data = decode_contents(stored.get("content", ""), self.limits)
        if data is None:
            return self.dataset
        dataset, _ = self.cache.load(str(stored.get("name", "upload.csv")), data, self.limits)
        return dataset if dataset is not None else self.dataset

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
