"""Positions must be exact for every line ending, a BOM, tabs and non-ASCII text."""
from __future__ import annotations

import pytest

from lint_news.document import Document


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_rows_and_columns_for_every_line_ending(newline):
    text = newline.join(["First line.", "\tSecond — ünïcode line.", "", "Fourth"])
    doc = Document(text)
    target = text.index("ünïcode")
    assert doc.position(target) == (2, 11)
    assert doc.offset(2, 11) == target
    assert doc.position(text.index("Fourth")) == (4, 1)
    assert [doc.line_text(i) for i in range(len(doc.lines))] == \
        ["First line.", "\tSecond — ünïcode line.", "", "Fourth"]


def test_bom_is_not_a_column():
    doc = Document("\ufeffLeave a Reply\n")
    assert doc.text.startswith("Leave")
    assert doc.position(0) == (1, 1)


def test_astral_characters_count_as_one_column():
    doc = Document("A 🚀 rocket and 中文 text")
    assert doc.position(doc.text.index("rocket")) == (1, 5)


def test_tokens_keep_abbreviations_and_apostrophes():
    doc = Document("The U.S. side’s high-level talks, said Mr. Blinken.")
    words = [t.text for t in doc.tokens if t.is_word]
    assert words == ["The", "U.S.", "side’s", "high-level", "talks", "said", "Mr", "Blinken"]
    assert doc.lowered[2] == "side's"


def test_sentences_split_on_stops_and_lines_not_on_abbreviations():
    doc = Document("Mr. Blinken met Wang Yi. They talked for hours.\nHeadline Without Stop\nNext line.")
    spans = [doc.text[s.start:s.end] for s in doc.sentences]
    assert spans == ["Mr. Blinken met Wang Yi.", "They talked for hours.", "Headline Without Stop",
                     "Next line."]


def test_soft_wrapped_lines_stay_one_sentence():
    doc = Document("The talks were held in\nBeijing on Sunday, officials\nsaid.")
    assert len(doc.sentences) == 1


def test_position_of_end_of_text():
    doc = Document("abc\r\n")
    assert doc.position(len(doc.text)) == (2, 1)
