"""Machine-translation artifacts: what a translator (or a careless pipeline) leaves where it
stitched segments together — a capitalised function word in mid-sentence ("South China Sea
For Russia's war"), doubled or stray punctuation ("next year. .", "2018.."), a verbless
fragment split off a sentence ("Surveillance capabilities around the world, including in
Cuba."), and text garbled by a wrong character encoding ("â€™", "��").

The detectors are plain functions (cached on the document) so that the document scores and
the evidence gate of other rules can use them whether or not these rules are selected.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..document import Document, Sentence
from ..finding import Applicability, Finding
from ..lexicon import lexicon
from ..rule import Rule
from .chrome import in_page_tail
from .words import in_web_address

_FUNCTION_WORDS = frozenset(
    "for and of with to in on at by from the a an but or as into than that which who while "
    "after before because if when where not is are was were has have had will would".split())
# Particles that belong to names ("Bank Of America" in title-case styles, "Van", "De").
_NAME_PARTICLES = frozenset("of the and de la le van von der du da di del y".split())
_OPENERS = frozenset("“\"‘'([—–-:;/|•")


# ---- capitalised function words ---------------------------------------------------------------
def capitalised_function_words(doc: Document) -> list[int]:
    return doc.memo("mt:capfunc", _find_capitalised_function_words)


def _find_capitalised_function_words(doc: Document) -> list[int]:
    from ..phrases import in_title_case

    toks, lowered = doc.tokens, doc.lowered
    out = []
    starts = doc.sentence_starts
    candidates = [i for i, w in enumerate(lowered) if w in _FUNCTION_WORDS
                  and toks[i][0][:1].isupper()]
    for i in candidates:
        if i == 0 or i >= len(toks) - 1:
            continue
        t = toks[i]
        low = lowered[i]
        if t.text.isupper() or i in starts:
            continue
        prev, nxt = toks[i - 1], toks[i + 1]
        if prev.kind != "word" or prev.text in _OPENERS or nxt.kind != "word":
            continue
        if "\n" in doc.text[prev.end:t.start]:
            continue
        if low in _NAME_PARTICLES and prev.text[:1].isupper() and nxt.text[:1].isupper():
            continue  # "Bank Of America", "Lord Of The Rings"
        if _inside_quotes(doc, i) or in_title_case(doc, i):
            continue
        out.append(i)
    return out


def _inside_quotes(doc: Document, i: int) -> bool:
    sent = doc.sentence_of(i)
    before = doc.text[sent.start:doc.tokens[i].start]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


class CapitalisedFunctionWord(Rule):
    """A function word capitalised in the middle of a sentence ("South China Sea For Russia").

    ## What it does
    Flags "For", "And", "Of", "With"... written with a capital in the middle of a sentence
    that is not a title-case headline, not a quotation, and not a name such as "Bank Of
    America".

    ## Why is this bad?
    Machine translation capitalises the first word of each segment it translates; where the
    segments are stitched back into one sentence, the capital stays, and so usually does a
    broken junction (a list item turned into a new clause). In edited copy the same shape
    is a title ("an album called Escape From LA"), so the rule reports only in documents that
    show other signs of translation (``strict = true``: everywhere).

    ## Example
    ... China's military assertiveness South China Sea For Russia's war in Ukraine.

    ## Fix safety
    Display only: lower-casing the word is suggested, but the junction around it usually
    needs rewriting.
    """

    code = "M001"
    name = "capitalised-function-word"
    family = "mt"
    evidence_gate = True
    message = "Capitalised {found!r} in mid-sentence: a translation segment boundary?"
    fix_applicability = Applicability.DISPLAY
    examples_flagged = ("Disputes over trade, Hong Kongas well as military assertiveness South "
                        "China Sea For Russia's war in Ukraine, the ministry said in 2018.. Talks go on.",
                        "The minister arrived early And met the delegation. . It was in 2018.. ")
    examples_clean = ("Bank Of America said profits rose.",
                      "Fed Holds Rates Steady For Third Meeting",
                      "He quoted the line \"Ask not What your country can do\" in full.")

    def check(self, doc: Document) -> Iterator[Finding]:
        for i in capitalised_function_words(doc):
            t = doc.tokens[i]
            yield self.replacement(doc, t.start, t.end, t.text.lower(),
                                   self.message.format(found=t.text), confidence=0.6)


# ---- doubled and stray punctuation --------------------------------------------------------------
# Each alternative: the slip, and what it should be.
_SLIP_RE = re.compile(
    r"(?P<spaced>(?<![.\s])\.[ \t]+\.(?![ \t]*\.))"   # ". ." but not ". . ."
    r"|(?P<double>(?<!\.)\.\.(?!\.))"                 # ".." but not "..."
    r"|(?P<commas>,[ \t]*,)|(?P<semis>;[ \t]*;)"
    r"|(?P<comma_stop>,\.(?!\.))"
    r"|(?<=\w)(?P<space_before>[ \t]+[.,])(?=[\s\"”’)]|$)")
_SLIP_KEEP = {"spaced": ".", "double": ".", "commas": ",", "semis": ";", "comma_stop": "."}
_DOUBLED_KINDS = frozenset(_SLIP_KEEP)


def punctuation_slips(doc: Document) -> list[tuple[int, int, str, str]]:
    """(start, end, replacement, kind) of doubled punctuation and spaces before punctuation."""
    return doc.memo("mt:punct", _find_punctuation_slips)


_SLIP_HINTS = ("..", ". .", ",,", ", ,", ";;", "; ;", ",.", " .", " ,", "\t.", "\t,")


def _find_punctuation_slips(doc: Document) -> list[tuple[int, int, str, str]]:
    text = doc.text
    out: list[tuple[int, int, str, str]] = []
    if not any(h in text for h in _SLIP_HINTS):
        return out
    for m in _SLIP_RE.finditer(text):
        kind = m.lastgroup
        s, e = m.span()
        if kind == "double" and s > 0 and text[s - 1].isdigit() and text[e:e + 1].isdigit():
            continue  # ranges: "1..5"
        if kind == "space_before":
            line_start = text.rfind("\n", 0, s) + 1
            if text[line_start:s].count(" ") < 3:
                continue  # short label lines ("Total .") are left alone
            keep = m.group()[-1]
        else:
            keep = _SLIP_KEEP[kind]
        if in_page_tail(doc, s):
            continue
        out.append((s, e, keep, kind))
    return out


class DoubledPunctuation(Rule):
    """Doubled punctuation ("next year. .", "2018..", ",,").

    ## What it does
    Flags a full stop typed twice (not an ellipsis), ",," and ";;", and a comma run into a
    full stop.

    ## Why is this bad?
    Translation and rewriting tools add their own sentence-final punctuation to segments that
    already had one; edited copy almost never has it.

    ## Example
    ... at least five new embassies over the next year. .

    ## Fix safety
    Safe: the extra mark is removed.
    """

    code = "M002"
    name = "doubled-punctuation"
    family = "mt"
    message = "Doubled punctuation: {found!r}"
    fix_applicability = Applicability.SAFE
    kinds = _DOUBLED_KINDS
    examples_flagged = ("They plan to open five embassies over the next year. .",
                        "The first visit of its kind since 2018.. Blinken is in Beijing.")
    examples_clean = ("He paused... then spoke.", "Scores ranged 1..5 on the scale.",
                      "Wait . . . what?", "He asked: why?")

    def check(self, doc: Document) -> Iterator[Finding]:
        for s, e, keep, kind in punctuation_slips(doc):
            if kind not in self.kinds:
                continue
            found = doc.text[max(0, s - 8):e].lstrip()
            yield self.replacement(doc, s, e, keep, self.message.format(found=found),
                                   confidence=0.9)


class SpaceBeforePunctuation(DoubledPunctuation):
    """A space before a full stop or comma ("is being reassessed .").

    ## What it does
    Flags spaces between a word and the full stop or comma after it.

    ## Why is this bad?
    Rewriting tools leave the space where they removed or replaced a word. Edited copy has
    the occasional slip too, so the rule reports only in documents that show other signs of
    rewriting (``strict = true``: everywhere).

    ## Example
    His role in the team is being reassessed .

    ## Fix safety
    Safe: the space is removed.
    """

    code = "M005"
    name = "space-before-punctuation"
    message = "Space before punctuation: {found!r}"
    evidence_gate = True
    kinds = frozenset({"space_before"})
    examples_flagged = ("His role in the team is being reassessed . He scored not less than 5 "
                        "objectives final week.",)
    examples_clean = ("Total . 45", "He said: why ?")


def strong_mt_signals(doc: Document) -> int:
    """Artifacts edited copy almost never has: doubled punctuation, a sentence break before
    a lower-case word, encoding damage."""
    doubled = sum(1 for *_, kind in punctuation_slips(doc) if kind in _DOUBLED_KINDS)
    return (doubled + len(broken_sentence_breaks(doc)) + len(_MOJIBAKE_RE.findall(doc.text))
            + len(dangling_endings(doc)))


# ---- a full stop inside a sentence --------------------------------------------------------------
_STOP_LOWER_RE = re.compile(r"(?<![\w.])([^\W\d_]{2,})\.[ \t]+([a-z]{2,})\b")
_NOT_SENTENCE_ENDS = frozenset(
    "etc eg ie vs approx no nos st jr sr inc corp co ltd mr mrs ms dr prof gen col lt sgt "
    "capt cmdr adm gov sen rep rev fig figs vol vols ed eds pp op cit al ca cf dept est "
    "min max ft in oz lb lbs mph km kg cm mm sq ave blvd rd jan feb mar apr jun jul aug sep "
    "sept oct nov dec mon tue tues wed thu thur fri sat sun viz incl excl".split())


def broken_sentence_breaks(doc: Document) -> list[tuple[int, int]]:
    """Spans of "word. word" where the sentence plainly goes on after the full stop."""
    return doc.memo("mt:stoplower", _find_broken_breaks)


def _find_broken_breaks(doc: Document) -> list[tuple[int, int]]:
    out = []
    text = doc.text
    for m in _STOP_LOWER_RE.finditer(text):
        if m.group(1).lower() in _NOT_SENTENCE_ENDS or m.group(1).isupper():
            continue
        if in_web_address(text, m.start(), m.end()) or in_page_tail(doc, m.start()):
            continue  # web addresses; reader comments below the article
        out.append((m.start(1) + len(m.group(1)), m.end(2)))
    return out


class BrokenSentenceBreak(Rule):
    """A full stop in the middle of a sentence ("members of the police. state security").

    ## What it does
    Flags a full stop followed by a word in lower case, where the word before the stop is
    not an abbreviation: the sentence plainly goes on.

    ## Why is this bad?
    Translation engines and text pipelines insert sentence breaks where the source had a
    line break, a list or a comma; the result reads as two broken sentences.

    ## Example
    ... with the participation of members of the police. state security committee and ...

    ## Fix safety
    Unsafe: the stop is usually a comma or nothing, which a person should choose.
    """

    code = "M006"
    name = "broken-sentence-break"
    family = "mt"
    message = "Full stop inside a sentence: {found!r}"
    fix_applicability = Applicability.UNSAFE
    examples_flagged = ("The meeting was attended by members of the police. state security "
                        "committee and police leaders.",)
    examples_clean = ("Prices rose 3% in Jan. and fell in Feb., officials said.",
                      "See fig. two, and the U.S. report, e.g. the annex.")

    def check(self, doc: Document) -> Iterator[Finding]:
        for s, e in broken_sentence_breaks(doc):
            found = doc.text[max(0, s - 12):e].lstrip()
            yield self.replacement(doc, s, s + 1, ",", self.message.format(found=found),
                                   confidence=0.6)


# ---- verbless fragments -------------------------------------------------------------------------
_AUXILIARIES = frozenset(
    "is are was were be been am has have had do does did will would shall should can could may "
    "might must 's 're 've 'll 'd isn't aren't wasn't weren't hasn't haven't hadn't doesn't "
    "don't didn't won't wouldn't can't couldn't shouldn't mustn't says said".split())
_CONTRACTED_SUBJECTS = re.compile(r"^(it|he|she|that|there|what|who|here|they|we|you|i)['’](s|re|ve|ll|d|m)$", re.I)
_NOUN_MARKERS = frozenset("the a an its his her their our my your every each no".split())
_PREPOSITIONS = frozenset("of in on at to for with by from about into over under between "
                          "through during against among without within".split())
_RELATIVES = frozenset("which who whom whose that where when".split())
_SUBJECT_PRONOUNS = frozenset("i you we they he she it who".split())


def verbless_fragments(doc: Document) -> list[Sentence]:
    return doc.memo("mt:fragments", _find_fragments)


def _find_fragments(doc: Document) -> list[Sentence]:
    out = []
    sentences = doc.sentences
    for k, sent in enumerate(sentences):
        if _is_fragment(doc, sent, sentences, k):
            out.append(sent)
    return out


_NOT_PROSE_RE = re.compile(r"[:“”\"()\[\]|]")


def _is_fragment(doc: Document, sent: Sentence, sentences: list[Sentence], k: int) -> bool:
    if sent.last - sent.first < 7 or doc.tokens[sent.last - 1].text != ".":
        return False
    toks = doc.tokens[sent.first:sent.last]
    words = [t for t in toks if t.kind == "word"]
    if len(words) < 6 or not words[0].text[:1].isupper():
        return False
    text = doc.text[sent.start:sent.end]
    if _NOT_PROSE_RE.search(text) or sum(text.count(d) for d in "0123456789") > 4:
        return False  # quotations, labels, captions and tables are not prose fragments
    # It must stand inside a paragraph: another sentence on the same line, which ends as
    # prose does (a headline with two parts is not a paragraph).
    row = doc.line_index(sent.start)
    if not doc.line_text(row).rstrip().endswith((".", "!", "?", "”", '"', "’")):
        return False
    same_line = [s for s in sentences[max(0, k - 3):k + 4]
                 if s is not sent and doc.line_index(s.start) == row]
    if not same_line:
        return False
    return not _has_main_verb(doc, sent)


def _has_main_verb(doc: Document, sent: Sentence) -> bool:
    """Whether the sentence has a finite verb outside its relative clauses.

    A relative clause opened by ", which/who/..." ends at the next comma, or after its own
    verb (a second verb then belongs to the main clause: "The film, which includes footage
    also features...")."""
    lex = lexicon()
    lowered = doc.lowered
    in_relative = relative_verb = False
    for i in range(sent.first, sent.last):
        t = doc.tokens[i]
        low = lowered[i]
        if t.kind != "word":
            if t.text == ",":
                in_relative = relative_verb = False
            continue
        prev = lowered[i - 1] if i > sent.first else ""
        if low in _RELATIVES and prev == ",":
            in_relative, relative_verb = True, False
            continue
        if prev == "to" or (prev in _AUXILIARIES and i > sent.first):
            continue  # an infinitive, or the rest of a verb group ("needs to be approved")
        is_verb = _looks_like_verb(doc, i, low, prev, lex)
        if in_relative and is_verb and not relative_verb:
            relative_verb = True
            continue
        if is_verb:
            return True
    return False


def _looks_like_verb(doc: Document, i: int, low: str, prev: str, lex) -> bool:
    t = doc.tokens[i]
    if low in _AUXILIARIES or _CONTRACTED_SUBJECTS.match(t.text):
        return True
    if t.text[:1].isupper() and i > 0 and doc.tokens[i - 1].kind == "word":
        return False  # names
    if prev in _NOUN_MARKERS or prev in _PREPOSITIONS:
        return False  # "the name", "its interests", "of competition": nouns
    if lex.can_be_finite_verb(low):
        return True
    # a base form after a subject ("Democrats oppose", "they say", "Usher share") or opening
    # a command; words that are also adverbs or adjectives ("still", "well") are not counted
    if not lex.can_be_verb(low) or low.endswith("ing") or lex.flags(low) & 0b1100000:
        return False
    prev_tok = doc.tokens[i - 1] if i > 0 else None
    subject_like = (prev in _SUBJECT_PRONOUNS or i == 0 or prev_tok is None or prev_tok.kind != "word"
                    or prev_tok.text[:1].isupper() or (prev.endswith("s") and lex.can_be_noun(prev)))
    return subject_like


class VerblessFragment(Rule):
    """A sentence without a verb, split off its neighbour ("Surveillance capabilities around
    the world, including in Cuba.").

    ## What it does
    Flags a sentence of six or more words inside a paragraph that has no finite verb outside
    its relative clauses: a noun phrase or list that belonged to the sentence before it.
    Headlines, captions, quotations and label lines are left alone.

    ## Why is this bad?
    Translators and "readability" rewriters split long sentences at commas; the second half
    ends up without a verb and the first half loses its object. Readers cannot tell what the
    fragment refers to. Edited copy has its own verbless sentences ("Brilliant one minute,
    inept the next."), so the rule reports only in documents that show other signs of
    rewriting (``strict = true``: everywhere).

    ## Example
    ... that Beijing is trying to bolster the conflict. Surveillance capabilities around the
    world, including in Cuba.

    ## Fix safety
    No fix: joining the fragment to the sentence before it is the usual repair, but the
    junction needs a person.
    """

    code = "M003"
    name = "verbless-fragment"
    family = "mt"
    evidence_gate = True
    message = "Sentence without a verb: a fragment split off the sentence before?"
    examples_flagged = ("Washington says Beijing is trying to bolster its reach. Surveillance "
                        "capabilities around the world, including in Cuba. It opened not less "
                        "than 5 embassies over the following yr.",
                        "The deal, which still needs to be approved by the board. This comes "
                        "after an eight-month delay. Talks resumed in 2018.. And ended. .")
    examples_clean = ("Officials said the talks went well. They will resume on Monday.",
                      "Blinken Commences Beijing Meetings to Ease Tensions Between the Powers",
                      "Goals: Smith 23, Jones 45. Attendance: 40,000 at the ground today.")

    def check(self, doc: Document) -> Iterator[Finding]:
        for sent in verbless_fragments(doc):
            yield self.finding(sent.start, sent.end, confidence=0.5)


# ---- encoding damage ----------------------------------------------------------------------------
_MOJIBAKE_RE = re.compile(r"\ufffd+|â€[™œ\x9d“”˜¦\"]|Ã[\x80-\xbf©¨ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿]|Â[\xa0-\xbf]")


class EncodingDamage(Rule):
    """Text garbled by a wrong character encoding ("donâ€™t", "��").

    ## What it does
    Flags Unicode replacement characters and the typical byte sequences of UTF-8 text read
    as Windows-1252 or Latin-1 ("â€™" for ’, "Ã©" for é).

    ## Why is this bad?
    The characters were lost between the source and the page; the affected words are
    unreadable and do not match in search.

    ## Example
    The minister said he donâ€™t expect a deal. �� Only by playing.

    ## Fix safety
    Safe where the damaged sequence maps back to one character (â€™ -> ’); replacement
    characters cannot be repaired.
    """

    code = "M004"
    name = "encoding-damage"
    family = "mt"
    message = "Garbled characters {found!r}: the text went through a wrong encoding"
    fix_applicability = Applicability.SAFE
    examples_flagged = ("The minister said he donâ€™t expect a deal.",
                        "Klopp said: \ufffd\ufffd Only by playing.")
    examples_clean = ("The café in Zürich said it didn’t expect a deal.",)

    def check(self, doc: Document) -> Iterator[Finding]:
        for m in _MOJIBAKE_RE.finditer(doc.text):
            found = m.group()
            repaired = _repair(found)
            message = self.message.format(found=found)
            if repaired:
                yield self.replacement(doc, m.start(), m.end(), repaired, message, confidence=0.9)
            else:
                yield self.finding(m.start(), m.end(), message, confidence=0.9)


def _repair(s: str) -> str | None:
    if "\ufffd" in s:
        return None
    for enc in ("cp1252", "latin-1"):
        try:
            fixed = s.encode(enc).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if fixed and fixed != s:
            return fixed
    return None


# ---- a sentence that stops on a function word ----------------------------------------------
_DANGLING = frozenset("as the a an and or but its their which whose according than".split())


def dangling_endings(doc: Document) -> list[int]:
    """Token indexes of function words that end a sentence ("has been identified as.")."""
    return doc.memo("mt:dangling", _find_dangling)


def _find_dangling(doc: Document) -> list[int]:
    toks, lowered = doc.tokens, doc.lowered
    out = []
    text = doc.text
    for i in [i for i, w in enumerate(lowered[1:], 1) if w in _DANGLING]:
        if i + 1 >= len(toks) or toks[i + 1].text != "." or toks[i - 1].kind != "word":
            continue
        after = text[toks[i + 1].end:toks[i + 1].end + 1]
        if toks[i].text.islower() and toks[i + 1].start == toks[i].end and \
                after in ("", " ", "\n", "\r", "\"", "”") and not in_page_tail(doc, toks[i].start):
            out.append(i)
    return out


class DanglingFunctionWord(Rule):
    """A sentence that ends on a function word ("a large lender has been identified as.").

    ## What it does
    Flags a full stop right after "as", "the", "and", "its", "according"...: words that
    cannot end an English sentence.

    ## Why is this bad?
    Paraphrasing and translation tools drop the end of a clause and close the sentence
    anyway; what is left says nothing or the wrong thing.

    ## Example
    In an effort to stop the crisis spreading, a large lender in crypto has been identified as.

    ## Fix safety
    No fix: the missing words are gone.
    """

    code = "M007"
    name = "dangling-function-word"
    family = "mt"
    message = "Sentence ends on {found!r}: words are missing before the full stop"
    examples_flagged = ("A large lender in crypto has been identified as. The bank was closed.",
                        "Depositors were told to wait for the. Officials declined to comment.")
    examples_clean = ("It was not what they had hoped for.", "That is what the money was used to.",
                      "The vote was 52 to 48 in favour. Such is life.")

    def check(self, doc: Document) -> Iterator[Finding]:
        for i in dangling_endings(doc):
            t = doc.tokens[i]
            yield self.finding(t.start, doc.tokens[i + 1].end,
                               self.message.format(found=t.text), confidence=0.6)


def mt_signals(doc: Document) -> dict[str, int]:
    """Counts of the artifacts above (for the document score and evidence gates)."""
    slips = punctuation_slips(doc)
    return {
        "capitalised_function_words": len(capitalised_function_words(doc)),
        "doubled_punctuation": sum(1 for *_, kind in slips if kind in _DOUBLED_KINDS),
        "space_before_punctuation": sum(1 for *_, kind in slips if kind not in _DOUBLED_KINDS),
        "broken_sentence_breaks": len(broken_sentence_breaks(doc)),
        "fragments": len(verbless_fragments(doc)),
        "encoding_damage": len(_MOJIBAKE_RE.findall(doc.text)),
        "dangling_endings": len(dangling_endings(doc)),
    }
