"""The document every rule reads: text, lines, tokens and sentences, computed once and shared.

Offsets are indexes into ``text`` (code points). ``text`` keeps the file's own line endings
(LF, CRLF or CR), so an offset is also a position in the file as decoded; a byte-order mark
is not part of ``text``. Rows and columns are 1-based, columns count code points and a tab
is one column, the way ruff and most editors' "column" counters work.

Some formats (Markdown, HTML) lint only part of the file. Their readers hand over a *prose
view*: the same text with everything that is not prose replaced by spaces (newlines kept),
so that every offset still points into the original source.
"""
from __future__ import annotations

import bisect
import re
from functools import cached_property
from typing import NamedTuple


def fold_word(text: str) -> str:
    """How words are compared everywhere: lower-cased, curly apostrophes made straight."""
    return text.lower().replace("’", "'")


# A word: letters/digits joined by apostrophes or hyphens ("China’s", "high-level"), or an
# abbreviation written with dots ("U.S.", "a.m."). Everything else that is not space is a
# one-character punctuation token.
_TOKEN_RE = re.compile(
    r"(?P<abbr>(?:[^\W\d_]\.){2,}(?![^\W_]))"
    r"|(?P<word>[^\W_]+(?:['’\-][^\W_]+)*)"
    r"|(?P<punct>[^\w\s])"
)
_LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")

# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st sen rep gov gen lt col maj capt sgt jr sr inc corp co ltd no vs etc "
    "jan feb mar apr jun jul aug sep sept oct nov dec mt ft rev hon pres".split()
)
_SENTENCE_END = frozenset(".!?")
# Words after which a sentence goes on (so a line break after them is a soft wrap).
_CONTINUES = frozenset(
    "a an the of in on at to for with by from and or but as that which who whose his her their "
    "its our your my is was are were be been has have had will would can could should said "
    "says than into about over under between after before during".split()
)
_CLOSERS = frozenset("\"'”’)]»")


class Token(NamedTuple):
    text: str
    start: int
    end: int
    kind: str  # "word" (letters/digits/abbreviation) or "punct"

    @property
    def is_word(self) -> bool:
        return self.kind == "word"


class Sentence(NamedTuple):
    start: int  # offset of the first token
    end: int  # offset after the last token
    first: int  # index of the first token in Document.tokens
    last: int  # index after the last token


class Document:
    def __init__(self, text: str, path: str = "<string>", source: str | None = None,
                 fmt: str = "txt") -> None:
        if text.startswith("\ufeff"):
            text = text[1:]
        self.text = text
        self.path = path
        # The text a fix edits: the file as decoded. For plain text it is ``text`` itself.
        self.source = text if source is None else source
        self.format = fmt
        # Scratch space for rule families that need document-wide results (e.g. the name
        # index), so that several rules share one computation: see ``memo``.
        self.cache: dict[str, object] = {}

    def memo(self, key: str, compute):
        """``compute(self)``, computed once per document and shared by every rule."""
        if key not in self.cache:
            self.cache[key] = compute(self)
        return self.cache[key]

    # ---- lines and positions -------------------------------------------------------------
    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        starts.extend(m.end() for m in _LINE_BREAK_RE.finditer(self.text))
        return starts

    @cached_property
    def lines(self) -> list[tuple[int, int]]:
        """(start, end) of every line, without its line ending."""
        text = self.text
        out = []
        starts = self.line_starts
        for i, s in enumerate(starts):
            e = starts[i + 1] if i + 1 < len(starts) else len(text)
            while e > s and text[e - 1] in "\r\n":
                e -= 1
            out.append((s, e))
        return out

    def line_text(self, index: int) -> str:
        s, e = self.lines[index]
        return self.text[s:e]

    @cached_property
    def source_line_starts(self) -> list[int]:
        """Line starts of the file itself (a prose view may break lines where tags were)."""
        if self.source is self.text:
            return self.line_starts
        return [0] + [m.end() for m in _LINE_BREAK_RE.finditer(self.source)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (row, column) of an offset in the file. An offset inside a CRLF counts as
        end of line."""
        starts = self.source_line_starts
        offset = max(0, min(offset, len(self.source)))
        row = bisect.bisect_right(starts, offset) - 1
        return row + 1, offset - starts[row] + 1

    def offset(self, row: int, column: int) -> int:
        return self.source_line_starts[row - 1] + column - 1

    def line_index(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset) - 1

    # ---- tokens ---------------------------------------------------------------------------
    @cached_property
    def tokens(self) -> list[Token]:
        new = tuple.__new__  # a third faster than calling Token(...): this runs per token
        return [new(Token, (m.group(), *m.span(), "punct" if m.lastgroup == "punct" else "word"))
                for m in _TOKEN_RE.finditer(self.text)]

    @cached_property
    def lowered(self) -> list[str]:
        """Lower-cased token texts, aligned with ``tokens``; curly apostrophes made straight."""
        low = fold_word(self.text)
        if len(low) == len(self.text):  # lower() kept every offset (true but for rare letters)
            return [low[t.start:t.end] for t in self.tokens]
        return [fold_word(t.text) for t in self.tokens]

    @cached_property
    def word_counts(self) -> dict[str, int]:
        """How often each lower-cased token occurs."""
        from collections import Counter

        return Counter(self.lowered)

    @cached_property
    def unknown_words(self) -> frozenset[int]:
        """Indexes of alphabetic word tokens that the word list does not know."""
        from .lexicon import lexicon

        lookup = lexicon().lookup
        unknown_forms = set()
        for form in set(self.lowered):
            if form.isalpha() and lookup(form) is None:
                unknown_forms.add(form)
        return frozenset(i for i, w in enumerate(self.lowered) if w in unknown_forms)

    @cached_property
    def known_share(self) -> float:
        """Share of the first 400 alphabetic words that the word list knows (1.0 if none)."""
        alpha = [i for i, w in enumerate(self.lowered[:1200]) if w.isalpha()][:400]
        if not alpha:
            return 1.0
        unknown = self.unknown_words
        return sum(1 for i in alpha if i not in unknown) / len(alpha)

    @cached_property
    def token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def token_index(self, offset: int) -> int:
        """Index of the first token that starts at or after ``offset``."""
        return bisect.bisect_left(self.token_starts, offset)

    @cached_property
    def word_count(self) -> int:
        return sum(1 for t in self.tokens if t.kind == "word")

    def gap(self, left: int, right: int) -> str:
        """The text between token ``left`` and token ``right`` (usually spaces)."""
        return self.text[self.tokens[left].end:self.tokens[right].start]

    # ---- sentences ------------------------------------------------------------------------
    @cached_property
    def sentences(self) -> list[Sentence]:
        toks = self.tokens
        text = self.text
        out: list[Sentence] = []
        first = 0
        n = len(toks)
        # Only a stop, a closing quote or bracket, or a line break can end a sentence.
        candidates = {i for i, t in enumerate(toks) if t[3] == "punct" and (
            t[0] in _SENTENCE_END or t[0] in _CLOSERS)}
        starts = self.token_starts
        for m in _LINE_BREAK_RE.finditer(text):
            j = bisect.bisect_left(starts, m.end())
            if 0 < j <= n:
                candidates.add(j - 1)
        for i in sorted(candidates):
            if i + 1 >= n or i < first:
                continue
            tok, nxt = toks[i], toks[i + 1]
            if self._breaks_between(i, tok, nxt, text):
                # closing quotes/brackets after the stop belong to this sentence
                out.append(Sentence(toks[first].start, tok.end, first, i + 1))
                first = i + 1
        if first < n:
            out.append(Sentence(toks[first].start, toks[-1].end, first, n))
        return out

    def _breaks_between(self, i: int, tok: Token, nxt: Token, text: str) -> bool:
        between = text[tok.end:nxt.start]
        if "\n" in between or "\r" in between:
            if len(_LINE_BREAK_RE.findall(between)) >= 2:
                return True
            # A single line break: soft-wrapped prose continues after a comma or a word that
            # cannot end a sentence, or in lower case after any word; anything else
            # (headlines, one paragraph per line) is a boundary.
            if tok.text in ",;" or tok.text.lower() in _CONTINUES:
                return False
            return not (nxt.text[:1].islower() and tok.kind == "word")
        if not between:
            return False
        if tok.text in _CLOSERS:
            # end of a quotation: look back at what it closes
            j = i
            while j > 0 and self.tokens[j].text in _CLOSERS:
                j -= 1
            tok_before = self.tokens[j]
            if tok_before.text not in _SENTENCE_END:
                return False
        elif tok.text not in _SENTENCE_END:
            return False
        else:
            prev = self.tokens[i - 1] if i > 0 else None
            if tok.text == "." and prev is not None and prev.end == tok.start and (
                    prev.text.lower() in _ABBREVIATIONS or len(prev.text) == 1 and prev.text.isupper()):
                return False
        first_char = nxt.text[:1]
        return first_char.isupper() or first_char.isdigit() or nxt.text in "\"“‘'(["

    def sentence_of(self, token_index: int) -> Sentence:
        starts = self._sentence_firsts
        k = bisect.bisect_right(starts, token_index) - 1
        return self.sentences[max(k, 0)]

    @cached_property
    def _sentence_firsts(self) -> list[int]:
        return [s.first for s in self.sentences]

    @cached_property
    def sentence_starts(self) -> frozenset[int]:
        """Indexes of tokens that begin a sentence (or a line)."""
        return frozenset(s.first for s in self.sentences)
