"""The ``phrase`` kind: token sequences to find, with context, case and fix (Vale's
*substitution* and *existence* checks, codespell's wrong->right lists).

An entry::

    { find = "nationwide safety", fix = "national security", note = "family A: national→nationwide" }

``find``, ``before``, ``after``, ``not_before`` and ``not_after`` are *patterns*: words
separated by spaces, where a word may be ``a|b|c`` (alternatives), ``{name}`` (a word set
from the pack's ``[sets]`` table), ``*`` (any word), ``{CAP}`` (any capitalised word),
``{LOW}`` (any word in lower case), ``{NUM}`` (a number), ``{ING}`` (a lower-case word
ending in -ing), ``{ED}`` (one ending in -ed or -en) or ``{POSS}`` (a possessive). Matching ignores case (curly
and straight apostrophes are the same) unless ``case`` says:

* ``title``: every word of the match starts with a capital letter (a broken proper name:
  "Related Press");
* ``lower``: no word of the match starts with a capital letter;
* ``midcap``: the first word is capitalised although it neither begins a sentence nor
  stands in a headline written in title case (a common word standing in for a proper
  noun: "in Could", "Invoice Gates").

``fix`` may refer to matched words as ``$1``, ``$2``... (1-based). A fix keeps the case of
the first letter (and all capitals) of what it replaces, unless ``case`` is ``title``. A list
of fixes names alternatives: the trigram language model ranks them in context, the best is
suggested and the fix is unsafe.

``gate = "evidence"`` marks an entry that is ordinary English outside spun text ("within
the", "scale back"): it is reported only when the same document holds at least
``EVIDENCE_MIN`` ungated hits of its family, or one such hit and the trigram language
model's clear preference for the fix in context.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar, Iterator

from .document import Document, fold_word
from .finding import Applicability, Finding, Fix
from .packs import PackRule, pack_kind

EVIDENCE_MIN = 2
_CASES = ("any", "title", "lower", "midcap")
_GATES = ("none", "evidence")
# A token matcher: (lower-cased words, shape tests); the token matches if either accepts it.
_SHAPES = {
    "ANY": lambda w: True,
    "CAP": lambda w: w[:1].isupper(),
    "LOW": lambda w: w[:1].islower(),
    "NUM": lambda w: w[:1].isdigit(),
    "ING": lambda w: len(w) > 4 and w.islower() and w.endswith("ing"),
    "ED": lambda w: len(w) > 3 and w.islower() and w.endswith(("ed", "en")),
    "POSS": lambda w: w.endswith(("'s", "’s", "s'", "s’")),
}
Matcher = tuple[frozenset, tuple[str, ...]]


@dataclass(frozen=True)
class Entry:
    index: int
    find: tuple[Matcher, ...]
    fix: str | tuple[str, ...] | None  # several: the language model picks one in context
    before: tuple[Matcher, ...]
    after: tuple[Matcher, ...]
    not_before: tuple[tuple[Matcher, ...], ...]
    not_after: tuple[tuple[Matcher, ...], ...]
    case: str
    gated: bool
    safety: str | None
    message: str | None
    note: str


@dataclass
class Match:
    rule: "PhraseRule"
    entry: Entry
    first: int  # token index
    last: int  # token index after the match


def compile_pattern(pattern: str, sets: dict[str, list[str]]) -> tuple[Matcher, ...]:
    if not pattern:
        return ()
    return tuple(_compile_word(word, id(sets), sets) for word in pattern.split())


_WORD_CACHE: dict[tuple[str, int], Matcher] = {}


def _compile_word(word: str, sets_id: int, sets: dict[str, list[str]]) -> Matcher:
    """One pattern word as a matcher; the same word in the same pack compiles once."""
    key = (word, sets_id)
    hit = _WORD_CACHE.get(key)
    if hit is not None and hit[2] is sets:
        return hit[0]
    options: set[str] = set()
    shapes: list[str] = []
    for alt in word.split("|"):
        if alt == "*":
            shapes.append("ANY")
        elif alt.startswith("{") and alt.endswith("}"):
            name = alt[1:-1]
            if name in _SHAPES:
                shapes.append(name)
            elif name in sets:
                options.update(fold_word(w) for w in sets[name])
            else:
                raise KeyError(name)
        else:
            options.add(fold_word(alt))
    matcher = (frozenset(options), tuple(shapes))
    _WORD_CACHE[key] = (matcher, None, sets)
    return matcher


def _alternatives(value: Any) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


@pack_kind("phrase")
class PhraseRule(PackRule):
    entry_keys = ("find", "fix", "before", "after", "not_before", "not_after", "case", "gate",
                  "safety", "message")
    entry_required = ("find",)
    instances: ClassVar[dict[tuple[str, str], "PhraseRule"]] = {}

    def __init__(self, spec: dict[str, Any], pack) -> None:
        super().__init__(spec, pack)
        self._compiled: list[Entry] | None = None
        self._own_index: EntryIndex | None = None
        self.key = (str(pack.path), self.code)

    def register(self) -> None:
        PhraseRule.instances[self.key] = self

    # ---- loading --------------------------------------------------------------------------
    def validate_entry(self, entry: dict[str, Any]) -> str | None:
        try:
            for key in ("find", "before", "after"):
                if key in entry:
                    compile_pattern(entry[key], self.pack.sets)
            for key in ("not_before", "not_after"):
                for alt in _alternatives(entry.get(key)):
                    compile_pattern(alt, self.pack.sets)
        except KeyError as exc:
            return f"unknown word set {{{exc.args[0]}}} (define it under [sets])"
        if not entry["find"].split():
            return "empty find pattern"
        if entry.get("case", "any") not in _CASES:
            return f"case must be one of {', '.join(_CASES)}"
        if entry.get("gate", "none") not in _GATES:
            return f"gate must be one of {', '.join(_GATES)}"
        if entry.get("safety") not in (None, "safe", "unsafe", "display-only"):
            return "safety must be safe, unsafe or display-only"
        fix = entry.get("fix")
        if fix is not None:
            if isinstance(fix, list) and not (fix and all(isinstance(f, str) for f in fix)):
                return "fix must be a string or a non-empty list of strings"
            n = len(entry["find"].split())
            for alternative in _alternatives(fix):
                for ref in re.findall(r"\$(\d+)", alternative):
                    if not 1 <= int(ref) <= n:
                        return f"fix refers to ${ref} but find has {n} words"
        return None

    @property
    def compiled(self) -> list[Entry]:
        if self._compiled is None:
            sets = self.pack.sets
            entries = []
            for i, e in enumerate(self.entries):
                entries.append(Entry(
                    index=i,
                    find=compile_pattern(e["find"], sets),
                    fix=tuple(e["fix"]) if isinstance(e.get("fix"), list) else e.get("fix"),
                    before=compile_pattern(e.get("before", ""), sets),
                    after=compile_pattern(e.get("after", ""), sets),
                    not_before=tuple(compile_pattern(a, sets) for a in _alternatives(e.get("not_before"))),
                    not_after=tuple(compile_pattern(a, sets) for a in _alternatives(e.get("not_after"))),
                    case=e.get("case", "any"),
                    gated=e.get("gate", "none") == "evidence",
                    safety=e.get("safety"),
                    message=e.get("message"),
                    note=e["note"],
                ))
            self._compiled = entries
        return self._compiled

    # ---- matching -------------------------------------------------------------------------
    def find_matches(self, doc: Document) -> list[Match]:
        """This rule's matches alone (the runner uses the family-wide index instead)."""
        if self._own_index is None:
            self._own_index = EntryIndex([self])
        return self._own_index.matches(doc)

    def _context_ok(self, doc: Document, entry: Entry, first: int, last: int) -> bool:
        lowered, toks = doc.lowered, doc.tokens
        if entry.case != "any" and not _case_ok(doc, entry.case, first, last):
            return False
        if entry.before and _match_before(lowered, toks, first, entry.before) < 0:
            return False
        if entry.after and _match_at(lowered, toks, last, entry.after) < 0:
            return False
        if any(_match_before(lowered, toks, first, p) >= 0 for p in entry.not_before):
            return False
        if any(_match_at(lowered, toks, last, p) >= 0 for p in entry.not_after):
            return False
        return True

    # ---- reporting ------------------------------------------------------------------------
    def check(self, doc: Document) -> Iterator[Finding]:
        key = self.key
        for m in family_reported(doc, self.family):
            if m.rule.key == key:  # the same rule, even if its pack was loaded again
                yield self._finding(doc, m)

    def _finding(self, doc: Document, m: Match) -> Finding:
        toks = doc.tokens
        start, end = toks[m.first].start, toks[m.last - 1].end
        found = doc.text[start:end]
        entry = m.entry
        words = [toks[i].text for i in range(m.first, m.last)]
        candidates = expand_fixes(entry, found, words)
        fix_text = None
        if len(candidates) > 1:
            from .lm import rank

            fix_text = rank(doc, m.first, m.last, candidates)[0][0]
        elif candidates:
            fix_text = candidates[0]
        template = entry.message or self.message
        message = template.format(found=found, fix=fix_text or "")
        if len(candidates) > 1:
            message += f" (or {', '.join(repr(c) for c in candidates if c != fix_text)})"
        if fix_text is None:
            return self.finding(start, end, message, confidence=0.6)
        applicability = Applicability(entry.safety) if entry.safety else (
            self.fix_applicability or Applicability.DISPLAY)
        if (entry.gated or len(candidates) > 1) and applicability is Applicability.SAFE:
            applicability = Applicability.UNSAFE
        start, end, replacement = narrow(doc, m.first, m.last, fix_text)
        fix = Fix.replace(start, end, replacement, applicability)
        # "span" is the whole match: overlaps are resolved on it (the longest match wins)
        return self.finding(start, end, message, suggestion=replacement or fix_text, fix=fix,
                            confidence=0.6 if entry.gated else 0.8, note=entry.note,
                            span=(toks[m.first].start, toks[m.last - 1].end))


def narrow(doc: Document, first: int, last: int, fix_text: str) -> tuple[int, int, str]:
    """Shrink a match to the words its fix changes: "Manchester Metropolis" -> "Manchester
    City" marks and replaces "Metropolis" only; the unchanged words are context. A fix that
    only drops words ("probably the most" -> "the most") removes them with the space after."""
    toks = doc.tokens
    found_words = [doc.lowered[i] for i in range(first, last)]
    fix_words = fix_text.split()
    fix_norm = [fold_word(w) for w in fix_words]
    lo = 0
    while lo < min(len(found_words), len(fix_norm)) - 1 and found_words[lo] == fix_norm[lo]:
        lo += 1
    hi = 0
    while (hi < min(len(found_words), len(fix_norm)) - lo - 1
           and found_words[-1 - hi] == fix_norm[-1 - hi]):
        hi += 1
    if lo == 0 and hi == 0:
        if len(fix_norm) < len(found_words) and found_words[-len(fix_norm):] == fix_norm \
                and doc.text[toks[last - len(fix_norm) - 1].end:toks[last - len(fix_norm)].start] == " ":
            # pure deletion at the front: remove the dropped words and the space after them
            keep = fix_words[0]
            start = toks[first].start
            end = toks[last - len(fix_norm)].start
            if doc.text[start:start + 1].isupper() and keep[:1].islower():
                return start, toks[last - len(fix_norm)].end, keep[:1].upper() + keep[1:]
            return start, end, ""
        return toks[first].start, toks[last - 1].end, fix_text
    start = toks[first + lo].start
    end = toks[last - 1 - hi].end
    return start, end, " ".join(fix_words[lo:len(fix_words) - hi])


def expand_fixes(entry: Entry, found: str, words: list[str]) -> list[str]:
    """The fix (or the alternative fixes) of an entry for one match."""
    if entry.fix is None:
        return []
    options = [entry.fix] if isinstance(entry.fix, str) else list(entry.fix)
    return [_expand(option, entry, found, words) for option in options]


def expand_fix(entry: Entry, found: str, words: list[str]) -> str | None:
    fixes = expand_fixes(entry, found, words)
    return fixes[0] if fixes else None


def _expand(fix: str, entry: Entry, found: str, words: list[str]) -> str:
    text = re.sub(r"\$(\d+)", lambda m: words[int(m.group(1)) - 1], fix)
    if "’" in found and "'" in text:
        text = text.replace("'", "’")  # keep the text's apostrophes
    if entry.case in ("title", "midcap"):
        letters = [c for c in found if c.isalpha()]
        return text.upper() if len(letters) > 1 and all(c.isupper() for c in letters) else text
    return match_case(found, text)


def match_case(template: str, text: str) -> str:
    """Give ``text`` the capitalisation pattern of ``template`` (all caps, or first letter)."""
    letters = [c for c in template if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return text.upper()
    if template[:1].isupper() and text[:1].islower():
        return text[:1].upper() + text[1:]
    return text


def _match_at(lowered: list[str], toks, i: int, pattern) -> int:
    """Index after the match of ``pattern`` starting at token ``i``, or -1."""
    n = len(lowered)
    j = i
    for k, allowed in enumerate(pattern):
        if j >= n:
            return -1
        words, shapes = allowed
        if lowered[j] not in words and not (
                shapes and toks[j].kind == "word" and any(_SHAPES[s](toks[j].text) for s in shapes)):
            return -1
        j += 1
    return j


def _match_before(lowered: list[str], toks, first: int, pattern) -> int:
    start = first - len(pattern)
    if start < 0:
        return -1
    return start if _match_at(lowered, toks, start, pattern) == first else -1


def _case_ok(doc: Document, case: str, first: int, last: int) -> bool:
    words = [doc.tokens[i].text for i in range(first, last) if doc.tokens[i].kind == "word"]
    if case == "lower":
        return all(not w[:1].isupper() for w in words)
    if case == "title":
        return all(w[:1].isupper() or not w[:1].isalpha() for w in words)
    # midcap
    if not words[0][:1].isupper() or first in doc.sentence_starts:
        return False
    prev = doc.tokens[first - 1].text if first else ""
    if prev in ("“", '"', "‘", "(", ":", "—", "–") :
        return False
    return not in_title_case(doc, first)


_TITLE_SMALL_WORDS = frozenset("In On At To For Of And The With From By As Is Are Was".split())


def in_title_case(doc: Document, token_index: int) -> bool:
    """Whether the token's sentence is a headline in title case (most words capitalised)."""
    sent = doc.sentence_of(token_index)
    key = ("title-case", sent.first)
    cached = doc.cache.get(key)
    if cached is None:
        toks = doc.tokens[sent.first:sent.last]
        words = [t.text for t in toks if t.kind == "word" and t.text[:1].isalpha() and len(t.text) > 3]
        caps = sum(1 for w in words if w[:1].isupper())
        ratio = caps / len(words) if words else 0.0
        small_caps = any(t.text in _TITLE_SMALL_WORDS for t in toks[1:])
        cached = ratio >= 0.8 or (ratio >= 0.6 and small_caps)
        doc.cache[key] = cached
    return cached  # type: ignore[return-value]


# ---- family-wide matching, shared by all phrase rules of one family --------------------------
class EntryIndex:
    """All entries of some phrase rules, indexed for one pass over a document's tokens.

    An entry is found through its first two words where both are plain words (``(the,
    following)``), through its first word otherwise, or through its second word when the
    first is a shape (``{CAP} financial``). Each token then costs a few dictionary lookups,
    however many entries the packs hold.
    """

    def __init__(self, rules: list["PhraseRule"]) -> None:
        self.by_pair: dict[tuple[str, str], list[tuple[PhraseRule, Entry]]] = {}
        self.by_first: dict[str, list[tuple[PhraseRule, Entry]]] = {}
        self.by_second: dict[str, list[tuple[PhraseRule, Entry]]] = {}
        self.anywhere: list[tuple[PhraseRule, Entry]] = []
        for rule in rules:
            for entry in rule.compiled:
                self._add(rule, entry)

    def _add(self, rule: "PhraseRule", entry: Entry) -> None:
        item = (rule, entry)
        (w0, s0) = entry.find[0]
        second = entry.find[1] if len(entry.find) > 1 else None
        if not s0:
            if second is not None and not second[1] and len(w0) * len(second[0]) <= 4096:
                for a in w0:
                    for b in second[0]:
                        self.by_pair.setdefault((a, b), []).append(item)
            else:
                for a in w0:
                    self.by_first.setdefault(a, []).append(item)
            return
        for a in w0:  # a shape with alternatives: "league|{NUM}"
            self.by_first.setdefault(a, []).append(item)
        if second is not None and not second[1]:
            for b in second[0]:
                self.by_second.setdefault(b, []).append(item)
        else:
            self.anywhere.append(item)

    def matches(self, doc: Document) -> list[Match]:
        lowered, toks = doc.lowered, doc.tokens
        by_pair, by_first, by_second = self.by_pair, self.by_first, self.by_second
        # candidate positions, found with C-level loops: a word pair, a first word or a second
        # word that some entry starts with
        pairs = [(i, by_pair[p]) for i, p in enumerate(zip(lowered, lowered[1:])) if p in by_pair]
        firsts = [(i, by_first[w]) for i, w in enumerate(lowered) if w in by_first]
        seconds = [(i - 1, by_second[w]) for i, w in enumerate(lowered) if w in by_second and i]
        anywhere = [(i, self.anywhere) for i in range(len(lowered))] if self.anywhere else []
        out = []
        seen: set[tuple[int, int]] = set()
        for i, group in sorted(pairs + firsts + seconds + anywhere, key=lambda ig: ig[0]):
            for rule, entry in group:
                last = _match_at(lowered, toks, i, entry.find)
                if last < 0 or not rule._context_ok(doc, entry, i, last):
                    continue
                key = (id(entry), i)
                if key in seen:
                    continue
                seen.add(key)
                out.append(Match(rule, entry, i, last))
        return out


_FAMILY_INDEX: dict[str, tuple[int, EntryIndex]] = {}


def _family_index(family: str) -> EntryIndex:
    # Built once per process (about 0.07 s for the built-in packs). Caching it on disk was
    # tried: marshal takes longer to load the index than Python takes to build it.
    rules = [r for r in PhraseRule.instances.values() if r.family == family]
    stamp = hash(tuple(id(r) for r in rules))
    cached = _FAMILY_INDEX.get(family)
    if cached is None or cached[0] != stamp:
        cached = (stamp, EntryIndex(rules))
        _FAMILY_INDEX[family] = cached
    return cached[1]


def family_matches(doc: Document, family: str) -> list[Match]:
    key = f"phrases:{family}"
    cached = doc.cache.get(key)
    if cached is None:
        cached = _family_index(family).matches(doc)
        doc.cache[key] = cached
    return cached  # type: ignore[return-value]


def family_reported(doc: Document, family: str) -> list[Match]:
    """The matches of ``family`` worth reporting: gated entries only with evidence (or one
    piece of evidence and the LM's confirmation). Overlaps are resolved by the runner among
    the rules that are selected."""
    key = f"phrases-reported:{family}"
    cached = doc.cache.get(key)
    if cached is None:
        evidence = None
        cached = []
        for m in family_matches(doc, family):
            if m.entry.gated:
                if evidence is None:
                    evidence = family_evidence(doc, family)
                # Two ungated hits make the document spun; one hit needs the language
                # model to prefer the fix by a wide margin; none, and the entry stays quiet.
                if evidence < EVIDENCE_MIN and not (evidence >= 1 and _lm_confirms(doc, m)):
                    continue
            cached.append(m)
        doc.cache[key] = cached
    return cached  # type: ignore[return-value]


def family_evidence(doc: Document, family: str) -> int:
    """How many different ungated entries of ``family`` the document hits (or, for a text
    being fixed, the original did: fixing the evidence must not hide what it showed)."""
    found = len({(id(m.rule), m.entry.index) for m in family_matches(doc, family)
                 if not m.entry.gated})
    return max(found, doc.cache.get(f"carried-evidence:{family}", 0))


def _lm_confirms(doc: Document, m: Match) -> bool:
    from .lm import prefers_replacement

    if m.entry.fix is None:
        return False
    words = [doc.tokens[i].text for i in range(m.first, m.last)]
    fix_text = expand_fix(m.entry, " ".join(words), words) or ""
    return prefers_replacement(doc, m.first, m.last, fix_text)
