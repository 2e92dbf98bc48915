"""Fuzzing (hypothesis, bounded): arbitrary Unicode never makes a rule raise, findings stay
inside the text, and rows/columns agree with offsets."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint_news.document import Document
from lint_news.registry import Registry
from lint_news.runner import check_document

RULES = [r for r in Registry.load(plugins=False) if r.default and not r.cross_document]
WORDS = ["The", "State", "Division", "stated", "not", "less", "than", "5", "within", "the",
         "Could", "Invoice", "Gates", "a", "essential", "He", "Blink", "said", ".", ",", "..",
         "Leave a Reply", "Kongas", "For", "\n", "\r\n", "\n\n"]
weird = st.sampled_from(["\u0301", "\u202e", "\u200f", "🎉", "\x00", "\udc80", "\ufeff", "\t",
                         "\u0410", "中", "ﬁ", "İ", "ß", "\u00a0", "\r", "<!-- lint-news: disable=S -->"])
pieces = st.one_of(st.sampled_from(WORDS), weird, st.text(max_size=8))
texts = st.lists(pieces, max_size=60).map(lambda ps: " ".join(ps))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_rules_survive_arbitrary_text(text):
    doc = Document(text)
    for f in check_document(doc, RULES, gates=False):
        assert 0 <= f.start <= f.end <= len(doc.text)
        row, col = doc.position(f.start)
        assert doc.offset(row, col) == f.start
        if f.fix:
            for e in f.fix.edits:
                assert 0 <= e.start <= e.end <= len(doc.source)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=()), max_size=200))
def test_positions_round_trip(text):
    doc = Document(text)
    for off in range(len(doc.text) + 1):
        row, col = doc.position(off)
        assert 1 <= row <= len(doc.line_starts)
        if doc.text[off - 1:off + 1] != "\r\n":  # inside a CRLF is end of line
            assert doc.offset(row, col) == off
