"""Which part of a file is prose. Plain text is all prose; other formats get a *prose view*
(see ``Document``): the same text with non-prose blanked out, offsets unchanged."""
from __future__ import annotations


def prose_view(text: str, fmt: str) -> str:
    return text
