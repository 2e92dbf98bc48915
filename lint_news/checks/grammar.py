"""Grammar slips that spinners and translators leave: the wrong indefinite article for the
word that follows (a spinner swaps "critical" for "essential" but keeps "a"), and a word
written twice.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..document import Document
from ..finding import Applicability, Edit, Finding, Fix
from ..lexicon import lexicon
from ..rule import Rule

# Letters whose *name* starts with a vowel sound (for initialisms read letter by letter).
_VOWEL_NAMED_LETTERS = set("AEFHILMNORSX")
# Words spelt with a vowel but said with a consonant, and the reverse, for words the CMU
# dictionary does not know.
_CONSONANT_VOWEL_PREFIXES = ("uni", "use", "usu", "uti", "ura", "ure", "uro", "eu", "ewe", "one",
                             "once", "ubiq", "uku", "uga", "ufo")
_SILENT_H = ("hour", "honest", "honor", "honour", "heir")
# Article before an h- word: British usage accepts "an historic"; both are left alone.
_H_EITHER = re.compile(r"^h(?!our|onest|onor|onour|eir)")
_ARTICLES = {"a": "an", "an": "a"}
_NOT_AFTER_ARTICLE = frozenset("on in at of to and or but the a an as is it if".split())
_LETTER_CONTEXT = frozenset("plan grade type class vitamin hepatitis section part exhibit category "
                            "group letter option model series size level channel "
                            "point".split())


def starts_with_vowel_sound(word: str) -> bool | None:
    """None when unsure (the rule then stays quiet)."""
    head = re.split(r"[-–/]", word, maxsplit=1)[0]
    if not head:
        return None
    if head[0].isdigit():
        digits = re.match(r"\d+", head.replace(",", "")).group()
        if head.startswith("8"):
            return True
        if digits in ("11", "18") or (len(digits) in (5, 6) and digits[:2] in ("11", "18")
                                      and "," in head):
            return True
        return False
    if not head[0].isalpha():
        return None
    lex = lexicon()
    if re.fullmatch(r"(?:[A-Za-z]\.)+", head):
        return head[0].upper() in _VOWEL_NAMED_LETTERS  # "U.S.", "a.m.": letter by letter
    letters = head.replace(".", "")
    is_initialism = (sum(c.isupper() for c in letters) >= 2 and len(letters) <= 6
                     and letters[:1].isupper())
    if is_initialism:
        # Said as a word if the dictionary knows it as one (NATO, NASA), else letter by letter.
        known = lex.starts_with_vowel_sound(letters)
        if known is not None and lex.zipf(letters) >= 3.0 and len(letters) >= 4 and letters.isalpha():
            return known
        if letters[0] == "H":
            return None  # "an HDTV" or "a HDTV": both in use ("aitch" / "haitch")
        if len(letters) >= 4 and any(c in "AEIOU" for c in letters[1:]):
            return None  # may be said as a word ("METI", "OPEC"), may not: unsure
        return letters[0] in _VOWEL_NAMED_LETTERS
    known = lex.starts_with_vowel_sound(head)
    if known is not None:
        return known
    low = head.lower()
    if not any(c in "aeiouy" for c in low):
        return low[0].upper() in _VOWEL_NAMED_LETTERS  # "ntl", "mpg": said letter by letter
    if low.startswith(_SILENT_H):
        return True
    if low[0] == "u":
        return None  # "a unanimous", "an unusual": unsure without a pronunciation
    if low[0] in "aeio":
        return not low.startswith(_CONSONANT_VOWEL_PREFIXES)
    return False


class WrongIndefiniteArticle(Rule):
    """Wrong indefinite article for the sound that follows ("a essential", "an settlement").

    ## What it does
    Flags "a" before a word that starts with a vowel sound and "an" before one that starts
    with a consonant sound. It goes by sound (the CMU Pronouncing Dictionary), not by
    letter: "a university", "an hour", "an FBI agent", "a NATO summit" are right.

    ## Why is this bad?
    A spinner replaces "critical" with "essential" and "agreement" with "settlement" but
    leaves the article alone; a translator does the same. Readers see a plain error.
    Reported in documents that show other signs of rewriting (``strict = true``: everywhere).

    ## Example
    The visit coincides with a essential juncture, after an settlement was reached.

    ## Fix safety
    Unsafe: the article is made to agree with the word, but in spun text the article is often
    the part that survived ("an settlement" was "an agreement"), so the word may be what needs
    restoring. Words starting with h ("a historic", "an historic") are left alone.
    """

    code = "G001"
    name = "wrong-indefinite-article"
    family = "grammar"
    evidence_gate = True
    message = "Wrong article: {found!r} should be {fix!r} (or the word after it was swapped)"
    fix_applicability = Applicability.UNSAFE
    examples_flagged = ("The visit comes at a essential juncture, not less than 5 days after "
                        "the following yr began.",
                        "As a substitute, they celebrated an settlement this 12 months.",
                        "He was a FBI agent final week, not less than 3 officers said.")
    examples_clean = ("She studied at a university for an hour.",
                      "It was an historic day and a historic vote.",
                      "He met a NATO official and an MP, a one-off meeting.",
                      "Plan A is a useful fallback.")

    def check(self, doc: Document) -> Iterator[Finding]:
        toks = doc.tokens
        lowered = doc.lowered
        text = doc.text
        for i in [i for i, w in enumerate(lowered[:-1]) if w in _ARTICLES]:
            low = lowered[i]
            tok, nxt = toks[i], toks[i + 1]
            if nxt.kind != "word" or text[tok.end:nxt.start] not in (" ", "\u00a0"):
                continue
            if tok.text == "A" and i not in doc.sentence_starts:
                continue  # "Plan A", "Grade A": a letter, not an article
            if i and lowered[i - 1] in _LETTER_CONTEXT:
                continue
            if _H_EITHER.match(nxt.text.lower()) and not nxt.text.isupper():
                continue
            if lowered[i + 1] in _NOT_AFTER_ARTICLE:
                continue  # "a on-off": a typo or a quotation, not an article slip
            vowel = starts_with_vowel_sound(nxt.text)
            if vowel is None or (low == "an") == vowel:
                continue
            fix = _ARTICLES[low]
            fix = fix.capitalize() if tok.text[0].isupper() else fix
            found = f"{tok.text} {nxt.text}"
            yield self.replacement(doc, tok.start, tok.end, fix,
                                   self.message.format(found=found, fix=f"{fix} {nxt.text}"),
                                   confidence=0.9)


# Legitimate doubles ("had had", "that that") and reduplications ("bye bye").
_ALLOWED_DOUBLES = frozenset("had that bye no yes very really so ha la knock tut well now go "
                             "hear chop boo cha pom bang bling aye dum yo blah tsk night".split())


class RepeatedWord(Rule):
    """A word written twice in a row ("the the").

    ## What it does
    Flags a lower-case word repeated with only a space between the two copies. Doubles that
    English allows ("had had", "that that") and reduplications ("bye bye") pass, and so do
    repeated capitalised words (names like "Duran Duran", "Pago Pago").

    ## Why is this bad?
    Translation and rewriting tools duplicate words where they stitch segments together; an
    editor removes the second copy. Reported in documents that show other signs of rewriting
    (``strict = true``: everywhere).

    ## Example
    The minister said the the talks would continue.

    ## Fix safety
    Safe: the second copy and the space before it are removed.
    """

    code = "G002"
    name = "repeated-word"
    family = "grammar"
    evidence_gate = True
    message = "Repeated word: {found!r}"
    fix_applicability = Applicability.SAFE
    examples_flagged = ("As a substitute, the minister said the the talks would continue "
                        "this 12 months.",
                        "It is is a question of trust, not less than 5 officers said final week.")
    examples_clean = ("What it is is a question of trust.", "He had had enough.",
                      "They listened to Duran Duran.", "Said Said was elected.")

    def check(self, doc: Document) -> Iterator[Finding]:
        toks, lowered, text = doc.tokens, doc.lowered, doc.text
        doubles = [i for i, (x, y) in enumerate(zip(lowered, lowered[1:]), 1) if x == y]
        for i in doubles:
            a, b = toks[i - 1], toks[i]
            if a.kind != "word" or b.kind != "word":
                continue
            if text[a.end:b.start] not in (" ", "\u00a0") or not b.text[:1].isalpha():
                continue
            if b.text[:1].isupper() or lowered[i] in _ALLOWED_DOUBLES:
                continue
            if lowered[i] == "is" and i >= 3 and lowered[i - 2] in ("it", "this", "that") \
                    and lowered[i - 3] in ("what", "all", "thing"):
                continue  # "what it is is ..."
            found = text[a.start:b.end]
            fix = Fix("Remove the repeated word", (Edit(a.end, b.end, ""),), Applicability.SAFE)
            yield self.finding(b.start, b.end, self.message.format(found=found),
                               suggestion=a.text, fix=fix, confidence=0.9)
