"""Inline suppressions, written as HTML comments (valid in Markdown and HTML, harmless in text):

    <!-- lint-news: disable=S101,N -->  ...  <!-- lint-news: enable -->
    <!-- lint-news: ignore-next-line -->      (or ignore-next-line=CODE,...)
    <!-- lint-news: disable-file -->         (or disable-file=CODE,...)

Codes are codes or prefixes; no code means every rule.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Document
from .finding import Finding

_COMMENT_RE = re.compile(
    r"<!--\s*lint-news:\s*(?P<verb>disable-file|disable|enable|ignore-next-line)"
    r"(?:\s*=\s*(?P<codes>[A-Za-z0-9_, ]*?))?\s*-->")


@dataclass
class Suppression:
    start: int  # offset of the comment
    end: int
    codes: tuple[str, ...]  # empty: all rules
    region: tuple[int, int]  # offsets the suppression covers
    used: bool = False

    def covers(self, finding: Finding) -> bool:
        inside = self.region[0] <= finding.start < self.region[1]
        return inside and (not self.codes or any(finding.code.startswith(c) for c in self.codes))


def parse_suppressions(doc: Document) -> list[Suppression]:
    if "lint-news:" not in doc.source:
        return []
    text = doc.source
    out: list[Suppression] = []
    open_regions: list[tuple[int, int, tuple[str, ...]]] = []
    for m in _COMMENT_RE.finditer(text):
        codes = tuple(c.strip().upper() for c in (m.group("codes") or "").split(",") if c.strip())
        verb = m.group("verb")
        if verb == "disable-file":
            out.append(Suppression(m.start(), m.end(), codes, (0, len(text))))
        elif verb == "ignore-next-line":
            row = doc.line_index(m.end())
            nxt = row + 1
            while nxt < len(doc.lines) and doc.lines[nxt][0] == doc.lines[nxt][1]:
                nxt += 1
            region = doc.lines[nxt] if nxt < len(doc.lines) else (len(text), len(text))
            out.append(Suppression(m.start(), m.end(), codes, region))
        elif verb == "disable":
            open_regions.append((m.start(), m.end(), codes))
        else:  # enable: closes the matching (or every) open region
            still_open = []
            for s, e, c in open_regions:
                if not codes or set(c) & set(codes) or not c:
                    out.append(Suppression(s, e, c, (e, m.start())))
                else:
                    still_open.append((s, e, c))
            open_regions = still_open
    for s, e, c in open_regions:
        out.append(Suppression(s, e, c, (e, len(text))))
    return out


def apply_suppressions(doc: Document, findings: list[Finding]) -> list[Finding]:
    sups = parse_suppressions(doc)
    if not sups:
        return findings
    kept = []
    for f in findings:
        covering = [s for s in sups if s.covers(f)]
        for s in covering:
            s.used = True
        if not covering:
            kept.append(f)
    doc.cache["suppressions"] = sups
    return kept
