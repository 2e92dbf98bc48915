"""What a rule reports: a finding, and the fix that may come with it.

Positions are character offsets into ``Document.text`` (Unicode code points, end exclusive);
rows and columns are computed only when a report is written.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Applicability(str, Enum):
    """How far a fix can be trusted (ruff's terms)."""

    SAFE = "safe"  # applied by --fix
    UNSAFE = "unsafe"  # applied only with --unsafe-fixes
    DISPLAY = "display-only"  # shown as a suggestion, never applied


@dataclass(frozen=True, slots=True)
class Edit:
    start: int
    end: int
    content: str


@dataclass(frozen=True, slots=True)
class Fix:
    message: str
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE

    @classmethod
    def replace(cls, start: int, end: int, content: str, applicability: Applicability,
                message: str | None = None) -> "Fix":
        msg = message or (f"Replace with {content!r}" if content else "Remove")
        return cls(msg, (Edit(start, end, content),), applicability)


@dataclass(slots=True)
class Finding:
    code: str
    message: str
    start: int
    end: int
    suggestion: str | None = None
    fix: Fix | None = None
    # Used to choose between overlapping fixes: higher wins.
    confidence: float = 0.5
    # Free-form extra data (e.g. which sources disagree in a cross-check).
    data: dict = field(default_factory=dict)

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end
