"""The CMU US-English trigram language model that ships in the ``pocketsphinx`` wheel.

Used to *confirm* and *rank*, never to flag on its own (see the notes on offline data: open
word-by-word LM checks flag clean text as often as spun text). Loaded on first use (about
0.05-0.1 s, memory-mapped).
"""
from __future__ import annotations

import os
import re
from functools import lru_cache

from .document import Document, fold_word

# pocketsphinx reports log probabilities in base 1.0001; this many units make one log10.
UNITS_PER_LOG10 = 23027.0
OOV = -5e8  # the model returns about -5.4e8 for a word it does not know
OOV_PENALTY = -6.0  # log10 probability used instead
CONFIRM_MARGIN = 2.5  # log10: the fix must be this much likelier than the text
_SPLIT_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[^\W\d_](?:\.[^\W\d_])+\.?", re.U)


@lru_cache(maxsize=1)
def model():
    """The NGramModel, or None when pocketsphinx is not installed."""
    try:
        from pocketsphinx import NGramModel, get_model_path
    except ImportError:
        return None
    path = os.path.join(get_model_path(), "en-us", "en-us.lm.bin")
    if not os.path.exists(path):
        return None
    return NGramModel.readfile(path)


def _lm_words(text: str) -> list[str]:
    return [fold_word(w) for w in _SPLIT_RE.findall(text)]


@lru_cache(maxsize=65536)
def _prob(word: str, h1: str | None, h2: str | None) -> float:
    lm = model()
    history = [h for h in (h1, h2) if h is not None]
    p = lm.prob([word, *history])
    if p < OOV:
        return OOV_PENALTY
    return p / UNITS_PER_LOG10


def conditional_logprob(word: str, previous: str) -> float:
    """log10 P(word | previous word); very low when the model is missing."""
    if model() is None:
        return -99.0
    return _prob(word.lower(), previous.lower(), None)


def logprob(words: list[str]) -> float:
    """log10 P(words), each word conditioned on the two before it."""
    total = 0.0
    for i, w in enumerate(words):
        h1 = words[i - 1] if i >= 1 else None
        h2 = words[i - 2] if i >= 2 else None
        total += _prob(w, h1, h2)
    return total


def context(doc: Document, first: int, last: int, width: int = 2) -> tuple[list[str], list[str]]:
    """Up to ``width`` words before token ``first`` and after token ``last`` in its sentence
    (``<s>`` marks a sentence start)."""
    sent = doc.sentence_of(first)
    left: list[str] = []
    i = first - 1
    while i >= sent.first and len(left) < width and doc.tokens[i].kind == "word":
        left[:0] = _lm_words(doc.tokens[i].text)
        i -= 1
    if i < sent.first and len(left) < width:
        left.insert(0, "<s>")
    right: list[str] = []
    j = last
    while j < sent.last and len(right) < width and doc.tokens[j].kind == "word":
        right.extend(_lm_words(doc.tokens[j].text))
        j += 1
    return left, right


def score_variant(left: list[str], middle: str, right: list[str]) -> float:
    return logprob([*left, *_lm_words(middle), *right])


def rank(doc: Document, first: int, last: int, candidates: list[str]) -> list[tuple[str, float]]:
    """Candidates for tokens ``[first, last)`` ordered by LM score in context, best first."""
    if model() is None:
        return [(c, 0.0) for c in candidates]
    left, right = context(doc, first, last)
    scored = [(c, score_variant(left, c, right)) for c in candidates]
    return sorted(scored, key=lambda cs: -cs[1])


def prefers_replacement(doc: Document, first: int, last: int, replacement: str,
                        margin: float = CONFIRM_MARGIN) -> bool:
    """True when the LM finds ``replacement`` much likelier than the text it would replace."""
    if model() is None:
        return False
    left, right = context(doc, first, last)
    original = doc.text[doc.tokens[first].start:doc.tokens[last - 1].end]
    return score_variant(left, replacement, right) - score_variant(left, original, right) >= margin
