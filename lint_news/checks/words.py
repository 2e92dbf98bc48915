"""Word forms that no editor wrote: tokens glued together when a page lost its spaces
("Hong Kongas well as", "financeamid"), a missing space after a full stop ("said.The"),
misspellings ("incudes"), and words that mix alphabets ("Аntony" with a Cyrillic А).

All of them start from the word list (``lexicon``): a word the list does not know is a
candidate, and only then is it examined; a word the document uses twice is taken as
deliberate, and so are names written the same way elsewhere in it.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterator

from ..document import Document
from ..finding import Applicability, Finding
from ..lexicon import lexicon
from ..rule import Rule

_ALPHA_RE = re.compile(r"^[^\W\d_]+$")
_NON_ASCII_LETTER_RE = re.compile(r"[^\W\d_\x00-\x7f]")
_ABBR_END_RE = re.compile(r"(?<![\w.])(?:[A-Za-z]\.){2,}$")
_URLISH_RE = re.compile(r"(https?:|www\.|@|/|[a-z0-9]\.(com|org|net|gov|edu|io|co|uk|info|news|html?|biz|tv|me|fm|ai|app|eu|de|fr|us|ly|in|au|ca)\b)")


def _mostly_english(doc: Document) -> bool:
    """Skip word-level checks on text that is largely not English (or not prose)."""
    return doc.known_share >= 0.85


# Closed-class words: a split next to one of them is glue ("Kongas" -> "Kong as",
# "financeamid" -> "finance amid"), not a compound ("carmaking", "writeback").
_FUNCTION_WORDS = frozenset(
    "a an the and or but nor as of to in at by for from with amid among into onto than that "
    "which who whom whose what when where while if is are was were be been has have had will "
    "would can could should may might must do does did not no many much more most some any "
    "all each every this these those his her its their our your my he she it they we you i "
    "also just very so such only".split())
_PARTICLES = frozenset("out back up down off over on in away through about around along".split())


def _is_glue(left: str, right: str, lex) -> bool:
    if (left in _FUNCTION_WORDS and right not in _PARTICLES) or \
            (right in _FUNCTION_WORDS and right not in _PARTICLES):
        return True
    # an inflected word run into the next: "withdrawalsfearing", "policiesstrengthen"
    return len(left) >= 5 and left.endswith("s") and len(right) >= 4 and lex.zipf(left[:-1]) >= 3.0


@lru_cache(maxsize=20000)
def glue_splits(low: str, capitalised: bool) -> tuple[tuple[int, float], ...]:
    """(split point, score) of every way a lower-cased word could be two words run
    together; the document decides among them (memoised: the same words recur)."""
    lex = lexicon()
    out = []
    for i in range(2, len(low) - 1):
        left, right = low[:i], low[i:]
        if (len(right) == 1 and right != "a") or left in _PREFIXES:
            continue
        if (len(left) < 3 and left not in _FUNCTION_WORDS) or (len(right) < 3 and right not in _FUNCTION_WORDS):
            continue
        zl, zr = lex.zipf(left), lex.zipf(right)
        if min(zl, zr) < 3.0 or not _is_glue(left, right, lex):
            continue
        if capitalised and (left in _FUNCTION_WORDS or right not in _FUNCTION_WORDS):
            continue  # a name element with a small word run onto it: "Kongas" -> "Kong" + "as"
        out.append((i, min(zl, zr)))
    return tuple(out)


def best_split(word: str, doc: Document, index: int) -> tuple[str, str] | None:
    """Split an unknown word into two known words where a space was lost, or None.

    A capitalised word is split only if its first part completes a name or phrase: it is
    strongly predicted by the word before ("Hong" -> "Kong") or used elsewhere in the text;
    surnames made of words ("Hansford", "Bridgewell") pass.
    """
    from ..lm import conditional_logprob

    counts = doc.word_counts
    low = word.lower()
    capitalised = word[:1].isupper()
    prev = doc.lowered[index - 1] if index and doc.tokens[index - 1].kind == "word" else None
    best, best_score = None, 0.0
    for i, score in glue_splits(low, capitalised):
        left = low[:i]
        if capitalised and not (counts[left] > 0 or (
                prev is not None and conditional_logprob(left, prev) > -1.5)):
            continue
        score += 1.0 if counts[left] else 0.0
        if score > best_score:
            best, best_score = (word[:i], word[i:]), score
    return best


def in_web_address(text: str, start: int, end: int) -> bool:
    """Whether the characters [start, end) belong to a URL, e-mail or domain name."""
    run_start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    run_end = min((i for i in (text.find(" ", end), text.find("\n", end)) if i != -1),
                  default=len(text))
    return bool(_URLISH_RE.search(text[run_start:run_end]))


class GluedTokens(Rule):
    """Two words run together where a page lost a space ("Hong Kongas well as").

    ## What it does
    Flags a word that is in no word list but splits into two common words ("Kongas" ->
    "Kong as", "financeamid" -> "finance amid"). A capitalised word is only split when the
    second part is a very common word, so names built from words ("Hansford") pass; a word
    the document writes twice is taken as deliberate.

    ## Why is this bad?
    Scrapers and translation pipelines drop the space where markup or a line break stood.
    The glued form is unreadable and hides the name or phrase it contains.

    ## Example
    Human rights conditions in China to Hong Kongas well as military assertiveness.

    ## Fix safety
    Unsafe: the split is almost always right, but it is a guess from word frequencies.
    """

    code = "W001"
    name = "glued-tokens"
    family = "words"
    message = "Glued words: {found!r} looks like {fix!r}"
    fix_applicability = Applicability.UNSAFE
    examples_flagged = ("Human rights in China and Hong Kongas well as the South China Sea.",
                        "Investors withdrew millions from decentralized financeamid fears.",
                        "Celsius suspended all customer withdrawalsfearing a run.")
    examples_clean = ("Hansford and Kritenbrink met in Washington.",
                      "The stablecoin depegged on Monday, and Terraform Labs said little.",
                      "The carmaking group and the planemaker agreed a writeback.",
                      "Economist Jean-Philippe Cotis said growth would slow.")

    def check(self, doc: Document) -> Iterator[Finding]:
        for i, (left, right) in glued_tokens(doc):
            tok = doc.tokens[i]
            fix = f"{left} {right}"
            yield self.replacement(doc, tok.start, tok.end, fix,
                                   self.message.format(found=tok.text, fix=fix), confidence=0.6)


def glued_tokens(doc: Document) -> list[tuple[int, tuple[str, str]]]:
    """(token index, split) of every glued word in the document (cached)."""
    return doc.memo("words:glued", _find_glued)


def _find_glued(doc: Document) -> list[tuple[int, tuple[str, str]]]:
    if not _mostly_english(doc):
        return []
    counts = doc.word_counts
    out = []
    for i in sorted(doc.unknown_words):
        tok = doc.tokens[i]
        w = tok.text
        if len(w) < 5 or w.isupper() or counts[doc.lowered[i]] > 1:
            continue
        if any(c.isupper() for c in w[1:]):
            continue  # CamelCase brands and breadcrumbs are another matter
        if in_web_address(doc.text, tok.start, tok.end):
            continue
        split = best_split(w, doc, i)
        if split is not None:
            out.append((i, split))
    return out


class MissingSpace(Rule):
    """A sentence or clause running into the next without a space ("said.The", "U.S.And").

    ## What it does
    Flags a full stop, comma, question or exclamation mark with a word on both sides and no
    space after it, outside web addresses, e-mail addresses and numbers.

    ## Why is this bad?
    The space was lost when the text was scraped or assembled; readers stumble and search
    engines see one long word. Reported in documents that show other signs of rewriting
    (``strict = true`` reports it everywhere).

    ## Example
    The minister said.The talks will resume on Monday.

    ## Fix safety
    Safe: a space is inserted after the punctuation.
    """

    code = "W002"
    name = "missing-space"
    family = "words"
    evidence_gate = True
    message = "Missing space after {punct!r}: {found!r}"
    fix_applicability = Applicability.SAFE
    examples_flagged = ("The minister said.The talks will resume, not less than 5 days late, "
                        "over the following yr.",
                        "Officials from the U.S.And China met final week; as a substitute, "
                        "talks go on.",
                        "Prices rose in Paris,Berlin and Rome not less than 3 times this 12 months.")
    examples_clean = ("Visit www.example.com or mail news@example.org for details.",
                      "The U.S.-China talks cost $1,500.5 million, up 3.5%.",
                      "Yahoo! News and E!News reported it.")

    def check(self, doc: Document) -> Iterator[Finding]:
        toks, text = doc.tokens, doc.text
        # only punctuation with no space on either side can be a missing space
        glued = [i for i in range(1, len(toks) - 1) if toks[i][3] == "punct"
                 and toks[i - 1][2] == toks[i][1] and toks[i + 1][1] == toks[i][2]]
        for i in glued:
            p = toks[i]
            prev, nxt = toks[i - 1], toks[i + 1]
            if p.text == "." and nxt.start == p.end and nxt.kind == "word" \
                    and nxt.text[:1].isupper() and _ABBR_END_RE.search(text, 0, p.end):
                # "U.S.And": an abbreviation run into the next word
                m = _ABBR_END_RE.search(text, 0, p.end)
                yield self._found(doc, p.end, ".", nxt, start=m.start())
                continue
            if p.text not in ".,?!" or prev.end != p.start or nxt.start != p.end:
                continue
            if prev.kind != "word" or nxt.kind != "word" or not nxt.text[:1].isalpha():
                continue
            if not prev.text[-1:].isalpha() or len(prev.text) < 2 and p.text == ".":
                continue
            if p.text in ".?!" and not nxt.text[:1].isupper():
                continue  # "example.com", "e.g." — lower case after a stop is not a sentence
            if p.text == "!" and prev.text[:1].isupper():
                continue  # brand names: "Yahoo!News", "E!News"
            if nxt.text.isupper() and len(nxt.text) <= 3:
                continue  # variant names: "Bagle.AT", "Zafi.D"
            if in_web_address(text, p.start, p.end):
                continue
            yield self._found(doc, p.end, p.text, nxt, prev)

    def _found(self, doc: Document, at: int, punct: str, nxt, prev=None,
               start: int | None = None) -> Finding:
        start = start if start is not None else prev.start
        found = doc.text[start:nxt.end]
        finding = self.replacement(doc, at, at, " ",
                                   self.message.format(punct=punct[-1], found=found), confidence=0.8)
        finding.start, finding.end = start, nxt.end
        finding.suggestion = doc.text[start:at] + " " + doc.text[at:nxt.end]
        return finding


# Prefixes that make real words out of real words ("depegged", "reopen"): not glue.
_PREFIXES = frozenset("de re un pre non anti co sub over under out mis dis in im il ir multi post "
                      "mega micro macro cyber crypto eco bio geo inter intra trans ultra super semi "
                      "mid self counter cross hyper tele neo pro".split())


def looks_like_a_real_word(word: str) -> bool:
    """Common enough, or known to WordNet (it has a part of speech)."""
    lex = lexicon()
    z = lex.zipf(word)
    return z >= 3.0 or (z > 0 and lex.in_wordnet(word))


def edits1(word: str) -> set[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in letters if c != b[0]]
    inserts = [a + c + b for a, b in splits for c in letters]
    return set(deletes + transposes + replaces + inserts)


class Misspelling(Rule):
    """A misspelt common word ("incudes" for "includes"), in a text that shows rewriting.

    ## What it does
    Flags a lower-case word that no word list knows and that is one keystroke (a letter
    added, dropped, changed or two swapped) away from a common English word. Names,
    capitalised words, technical terms, words with digits and words the document repeats
    are left alone, and so are texts that are not mostly English.

    This rule reports only in a document that shows other signs of spinning or machine
    translation, where a misspelling is part of the damage; edited copy has its own
    occasional typo, which a spell checker reports (or this rule, with ``strict = true``).

    ## Why is this bad?
    A copy editor catches these; rewritten and translated copy is full of them.

    ## Example
    That long list incudes disagreements over trade.

    ## Fix safety
    Unsafe: the most frequent candidate is suggested; a person should confirm.
    """

    code = "W003"
    name = "misspelling"
    family = "words"
    message = "Misspelling: {found!r}, probably {fix!r}"
    fix_applicability = Applicability.UNSAFE
    examples_flagged = ("As a substitute, the list incudes disagreements, and they plan to open "
                        "not less than five embassies over the following yr.",)
    examples_clean = ("The company makes stablecoins and tokenized bonds.",
                      "Kritenbrink met Balakrishnan in Singapore.",
                      "That long list incudes disagreements over trade, officials said.")

    MIN_CANDIDATE_ZIPF = 3.5
    evidence_gate = True

    def check(self, doc: Document) -> Iterator[Finding]:
        if not _mostly_english(doc):
            return
        counts = doc.word_counts
        rare = {w for w, n in counts.items() if n == 1 and len(w) >= 5 and w.isalpha()
                and not looks_like_a_real_word(w)}
        for i in [i for i, w in enumerate(doc.lowered) if w in rare]:
            tok = doc.tokens[i]
            w = tok.text
            if not w.islower():
                continue
            candidates = spelling_candidates(w, self.MIN_CANDIDATE_ZIPF)
            if not candidates:
                continue
            fix = candidates[0] if len(candidates) == 1 else _rank_by_context(doc, i, list(candidates))
            yield self.replacement(doc, tok.start, tok.end, fix,
                                   self.message.format(found=w, fix=fix), confidence=0.5)


@lru_cache(maxsize=20000)
def spelling_candidates(word: str, min_zipf: float) -> tuple[str, ...]:
    """Common words one keystroke from ``word``: the best, or the close contenders."""
    lex = lexicon()
    own = lex.zipf(word)
    scored = [(lex.zipf(c), c) for c in edits1(word)]
    scored = sorted((sc for sc in scored if sc[0] >= max(min_zipf, own + 2.5)), reverse=True)
    if not scored:
        return ()
    return tuple(c for z, c in scored[:3] if z >= scored[0][0] - 0.3)


def _rank_by_context(doc: Document, i: int, candidates: list[str]) -> str:
    from ..lm import rank

    return rank(doc, i, i + 1, candidates)[0][0]


_SCRIPT_NAMES = ("LATIN", "CYRILLIC", "GREEK", "ARABIC", "HEBREW", "CJK", "HIRAGANA", "KATAKANA",
                 "HANGUL", "DEVANAGARI", "THAI", "ARMENIAN", "GEORGIAN")


def script_of(ch: str) -> str | None:
    if not ch.isalpha():
        return None
    name = unicodedata.name(ch, "")
    for script in _SCRIPT_NAMES:
        if name.startswith(script) or f" {script} " in name[:20]:
            return script
    return "OTHER"


class MixedScript(Rule):
    """A word that mixes alphabets ("Вlinken" with a Cyrillic В, "Beijingで").

    ## What it does
    Flags a word whose letters come from more than one writing system: Latin letters with
    Cyrillic or Greek look-alikes (used to dodge copy detection), or Latin with characters
    a translation left behind.

    ## Why is this bad?
    The word looks right but does not match in search, spell checking or name checks; a
    look-alike letter is a sign the copy was disguised.

    ## Example
    Secretary of State Аntony Blinken (the first letter is Cyrillic).

    ## Fix safety
    Safe for look-alike letters, which are replaced by their Latin twins; otherwise no fix.
    """

    code = "W004"
    name = "mixed-script"
    family = "words"
    message = "Mixed alphabets in {found!r} ({scripts})"
    fix_applicability = Applicability.SAFE
    examples_flagged = ("Secretary of State \u0410ntony Blinken arrived.",
                        "He visited Beijing\u3067 on Sunday.")
    examples_clean = ("Москва and Beijing are capitals.", "The café in Zürich opened.")

    def check(self, doc: Document) -> Iterator[Finding]:
        for i, scripts in mixed_script_tokens(doc):
            tok = doc.tokens[i]
            w = tok.text
            latin = w.translate(HOMOGLYPHS)
            message = self.message.format(found=w, scripts=", ".join(sorted(scripts)).lower())
            if {script_of(c) for c in latin if c.isalpha()} == {"LATIN"}:
                yield self.replacement(doc, tok.start, tok.end, latin, message, confidence=0.9)
            else:
                yield self.finding(tok.start, tok.end, message, confidence=0.7)


HOMOGLYPHS = str.maketrans("АВЕКМНОРСТХаеорсухіјѕԁԛԝΑΒΕΗΙΚΜΝΟΡΤΧΥΖο",
                           "ABEKMHOPCTXaeopcyxijsdqwABEHIKMNOPTXYZo")


def mixed_script_tokens(doc: Document) -> list[tuple[int, set[str]]]:
    """(token index, scripts) of words mixing Latin with another alphabet (cached)."""
    def compute(doc: Document) -> list[tuple[int, set[str]]]:
        out = []
        # only tokens holding a letter outside ASCII can mix alphabets
        candidates = sorted({doc.token_index(m.start() + 1) - 1
                             for m in _NON_ASCII_LETTER_RE.finditer(doc.text)})
        for i in candidates:
            tok = doc.tokens[i] if 0 <= i < len(doc.tokens) else None
            if tok is None or tok.kind != "word":
                continue
            scripts = {sc for sc in map(script_of, tok.text) if sc}
            if len(scripts) >= 2 and "LATIN" in scripts:
                out.append((i, scripts))
        return out

    return doc.memo("words:mixed", compute)
