"""Small text helpers shared by the loader and the views: slugs, lists, safe links."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LIST_SEPARATOR = ";"
SAFE_LINK_SCHEMES = ("http", "https")


def slugify(text: str, max_length: int = 60) -> str:
    """Lower-case ASCII slug of ``text`` (``[a-z0-9-]``), empty when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_length].rstrip("-")


def is_slug(text: str) -> bool:
    """True for a valid id: lower-case letters, digits and single hyphens."""
    return bool(SLUG_PATTERN.match(text))


def split_list(text: str) -> tuple[str, ...]:
    """Split a ``;``-separated cell into its trimmed, non-empty parts."""
    return tuple(part.strip() for part in text.split(LIST_SEPARATOR) if part.strip())


def is_safe_url(url: str) -> bool:
    """True for an absolute http(s) address with a host, or a mailto: address: the only links rendered."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    if parts.scheme.lower() == "mailto":
        return "@" in parts.path and not any(c in parts.path for c in "<>\"' ")
    return parts.scheme.lower() in SAFE_LINK_SCHEMES and bool(parts.netloc)


MARKDOWN_LINK = re.compile(r"(!?)\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")


def safe_markdown(text: str) -> str:
    """Reduce description Markdown to text, emphasis and http(s) links.

    Images and links to any other scheme become their plain text, and every ``<`` is
    escaped so raw HTML shows as typed instead of being interpreted.
    """

    def link(match: re.Match[str]) -> str:
        bang, label, url = match.groups()
        return match.group(0) if not bang and is_safe_url(url) else label

    def autolink(match: re.Match[str]) -> str:
        url = match.group(1)
        return f"[{url}]({url})" if is_safe_url(url) else url

    return AUTOLINK.sub(autolink, MARKDOWN_LINK.sub(link, text)).replace("<", "&lt;")
