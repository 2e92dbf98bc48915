"""Page chrome: the web page around an article, left in its text by a scraper.

The patterns are data (``rules/chrome.toml``, kind ``line``); this module knows how to run
them. A pattern must match a *whole line* (so a sentence that quotes "Leave a Reply" is
never flagged), and most patterns only count at the *edges* of the article: before its
first paragraph of prose, or in the tail where the page's own furniture begins (after the
last paragraph of prose, or after the first unmistakable piece of chrome after the first third
of the text). The fix removes the line and the blank lines after it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar, Iterator

from ..document import Document
from ..finding import Applicability, Edit, Finding, Fix
from ..packs import PackRule, pack_kind

_BULLETS = " \t\u00a0•·*-–—»>|"
_PROSE_END = tuple('.!?"”’)…:')


def is_prose(line: str) -> bool:
    """A line that reads as a paragraph of the article (not a heading, menu or comment)."""
    if len(line) < 40 or not line.rstrip().endswith(_PROSE_END) or len(line.split()) < 12:
        return False
    first = line.lstrip("“\"‘'( ")[:1]
    return (first.isupper() or first.isdigit()) and line.rstrip().endswith(_PROSE_END)


@dataclass
class Layout:
    """Where the article's body is: lines outside ``[body_start, tail_start)`` are edges."""

    body_start: int
    tail_start: int

    def zones(self, i: int) -> tuple[str, ...]:
        """The zones line ``i`` belongs to."""
        if i < self.body_start:
            return ("anywhere", "edge", "head")
        if i >= self.tail_start:
            return ("anywhere", "edge", "tail")
        return ("anywhere",)


@pack_kind("line")
class LineRule(PackRule):
    """Whole-line patterns (regular expressions, case-insensitive unless ``case = "exact"``).

    ``where`` (a rule option, or per entry) says where a matching line counts as chrome:
    ``"anywhere"`` (such lines also mark where the page's tail begins), ``"edge"`` (head or
    tail), ``"head"`` or ``"tail"``.
    """

    entry_keys = ("pattern", "case", "where")
    entry_required = ("pattern",)
    instances: ClassVar[dict[tuple[str, str], "LineRule"]] = {}
    ZONES = ("anywhere", "edge", "head", "tail")

    def __init__(self, spec: dict[str, Any], pack) -> None:
        super().__init__(spec, pack)
        self.where = self.options.get("where", "edge")
        self._compiled: dict[str, re.Pattern] | None = None

    def register(self) -> None:
        LineRule.instances[(str(self.pack.path), self.code)] = self

    def validate_entry(self, entry: dict[str, Any]) -> str | None:
        if entry.get("where", self.where) not in self.ZONES:
            return f"where must be one of {', '.join(self.ZONES)}"
        return regex_problem(entry["pattern"])

    @property
    def compiled(self) -> dict[str, re.Pattern]:
        """One alternation per zone."""
        if self._compiled is None:
            parts: dict[str, list[str]] = {}
            for e in self.entries:
                flags = "" if e.get("case") == "exact" else "i"
                parts.setdefault(e.get("where", self.where), []).append(f"(?{flags}:{e['pattern']})"
                                                                        if flags else f"(?:{e['pattern']})")
            self._compiled = {zone: re.compile("|".join(p)) for zone, p in parts.items()}
        return self._compiled

    def matches(self, line: str, zones: tuple[str, ...] = ZONES) -> bool:
        stripped = line.strip(_BULLETS)
        if not stripped or len(stripped) > 300:
            return False
        return any(self.compiled[z].fullmatch(stripped) for z in zones if z in self.compiled)

    def check(self, doc: Document) -> Iterator[Finding]:
        layout = page_layout(doc)
        for i in chrome_candidates(doc):
            s, e = doc.lines[i]
            if self.matches(doc.text[s:e], layout.zones(i)):
                yield self._finding(doc, i)

    def _finding(self, doc: Document, i: int) -> Finding:
        s, e = doc.lines[i]
        text = doc.text[s:e].strip()
        if doc.format == "html":
            start, end = s + (len(doc.text[s:e]) - len(doc.text[s:e].lstrip())), s + len(doc.text[s:e].rstrip())
        else:
            start, end = deletion_span(doc, i)  # in HTML only the text goes, never the markup
        fix = Fix("Remove the line", (Edit(start, end, ""),),
                  self.fix_applicability or Applicability.UNSAFE)
        lead = len(doc.text[s:e]) - len(doc.text[s:e].lstrip())
        message = self.message.format(line=text if len(text) <= 60 else text[:57] + "...")
        return self.finding(s + lead, s + lead + len(text), message, suggestion="(remove the line)",
                            fix=fix, confidence=0.9)


def regex_problem(pattern: str) -> str | None:
    """Why a pack's regular expression is refused, or None: it must compile, and it must not
    nest one open-ended repetition inside another (``(a+)+``, ``(\\s*x)*``), the shape that
    makes a regex engine backtrack for ever on a line that almost matches."""
    try:
        re.compile(pattern)
        from re import _parser as sre_parse  # the standard library's own pattern parser

        tree = sre_parse.parse(pattern)
    except (re.error, RecursionError) as exc:
        return f"invalid regular expression: {exc}"
    if _nested_repeat(tree, inside_repeat=False):
        return ("regular expression nests an open-ended repetition inside another; it could "
                "backtrack catastrophically (rewrite it, e.g. with bounded repeats {0,3})")
    return None


_OPEN_ENDED = 10  # a repeat allowing more than this many rounds counts as open-ended


def _nested_repeat(tree, inside_repeat: bool) -> bool:
    from re import _constants as c

    for op, arg in tree:
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            lo, hi, sub = arg
            open_ended = hi is c.MAXREPEAT or hi > _OPEN_ENDED
            if open_ended and inside_repeat:
                return True
            if _nested_repeat(sub, inside_repeat or open_ended):
                return True
        elif op == c.SUBPATTERN:
            if _nested_repeat(arg[-1], inside_repeat):
                return True
        elif op == c.BRANCH:
            if any(_nested_repeat(branch, inside_repeat) for branch in arg[1]):
                return True
        elif op in (c.ASSERT, c.ASSERT_NOT):
            if _nested_repeat(arg[1], inside_repeat):
                return True
    return False


def deletion_span(doc: Document, i: int) -> tuple[int, int]:
    """The text to delete so that line ``i`` goes without leaving a pile of blank lines.

    The line goes with the blank lines that follow it; the last non-blank line of the text
    goes with the blank lines before it (keeping a final newline if the file had one).
    """
    lines, text = doc.lines, doc.text
    j = i + 1
    while j < len(lines) and lines[j][0] == lines[j][1]:
        j += 1
    if j < len(lines):
        return lines[i][0], lines[j][0]
    k = i - 1
    while k >= 0 and lines[k][0] == lines[k][1]:
        k -= 1
    start = lines[k][1] if k >= 0 else 0
    end = len(text)
    if text.endswith(("\r\n", "\n", "\r")) and k >= 0:
        end -= 2 if text.endswith("\r\n") else 1
    return start, end


def page_layout(doc: Document) -> Layout:
    return doc.memo("chrome-layout", _compute_layout)


def in_page_tail(doc: Document, offset: int) -> bool:
    """Whether ``offset`` lies in the page's tail (comments, footers) below the article, when
    the document has an article body at all."""
    layout = page_layout(doc)
    if layout.tail_start >= len(doc.lines) or layout.body_start >= len(doc.lines):
        return False
    return doc.line_index(offset) >= layout.tail_start


def _compute_layout(doc: Document) -> Layout:
    texts = [doc.text[s:e] for s, e in doc.lines]
    prose = [i for i, t in enumerate(texts) if is_prose(t)]
    if not prose:
        # No paragraph of prose at all (a short item, a list): everything counts as edge.
        return Layout(len(texts), 0)
    body_start, tail_start = prose[0], prose[-1] + 1
    rules = list(LineRule.instances.values())
    third = len(texts) // 3
    for i in chrome_candidates(doc):
        if max(body_start + 1, third) <= i < tail_start and any(
                r.matches(texts[i], ("anywhere",)) for r in rules):
            tail_start = i
            break
    return Layout(body_start, tail_start)


_COMBINED: dict[int, re.Pattern] = {}


def _combined_pattern() -> re.Pattern:
    """Every line pattern of every zone in one alternation: one match per line tells whether
    any chrome rule could apply to it."""
    rules = list(LineRule.instances.values())
    key = hash(tuple(id(r) for r in rules))
    pattern = _COMBINED.get(key)
    if pattern is None:
        parts = [p.pattern for r in rules for p in r.compiled.values()]
        pattern = re.compile("|".join(f"(?:{p})" for p in parts) or "(?!)")
        _COMBINED.clear()
        _COMBINED[key] = pattern
    return pattern


def chrome_candidates(doc: Document) -> list[int]:
    """Indexes of the lines that some chrome pattern matches, whatever the zone (cached)."""
    return doc.memo("chrome-candidates", _find_candidates)


def _find_candidates(doc: Document) -> list[int]:
    combined = _combined_pattern()
    out = []
    for i, (s, e) in enumerate(doc.lines):
        if s == e or e - s > 320:
            continue
        stripped = doc.text[s:e].strip(_BULLETS)
        if stripped and len(stripped) <= 300 and combined.fullmatch(stripped):
            out.append(i)
    return out
