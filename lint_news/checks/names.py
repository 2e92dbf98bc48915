"""People's names, garbled by translation or spinning: a pronoun fused into a name ("Anthony
Blink He arrived"), one person spelled two ways in one article ("Blinken" / "blincken"), a
near miss of a known person ("Daniel Kreitenbrink"), a title followed by the wrong holder
("Chinese Foreign Minister Chen Gang", where the gazetteer knows Qin Gang), and — across
several copies of one story — a spelling the other sources agree against (``--cross-check``).

Every rule here must stay quiet on correct rare names (Balakrishnan, Tsai Ing-wen): a name is
only flagged against evidence — the rest of the document, the gazetteer, the other sources.
Fixes are never safe: a person confirms a name.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterator

from ..document import Document
from ..finding import Applicability, Finding
from ..lexicon import lexicon
from ..rule import Rule

PRONOUNS = frozenset("he she it they we his her their its him them".split())
PARTICLES = frozenset("bin bint ibn al el de del della di da dos das du van von der den la le "
                      "ter ten st".split())
HONORIFICS = frozenset("mr mrs ms miss dr prof sir dame lord lady sheikh president premier king "
                       "queen prince princess pope chancellor governor senator rep sen gen col "
                       "capt adm judge justice minister secretary ambassador chief deputy senior "
                       "former acting vice foreign defence defense finance interior state prime "
                       "general director spokesman spokeswoman spokesperson chairman chairwoman "
                       "chair ceo co-founder founder envoy commander leader head assistant "
                       "secretary-general director-general national security adviser advisor "
                       "top diplomat house speaker majority minority u.s. us uk un eu".split())
_POSSESSIVE_RE = re.compile(r"['’]s?$")
COMMON_ZIPF = 4.0  # a capitalised word more common than this is not by itself a name


@dataclass
class Mention:
    first: int  # token index of the first name token
    last: int  # token index after the last name token
    tokens: tuple[str, ...]  # as written, possessive removed
    start: int
    end: int
    context: tuple[str, ...] = ()  # lower-cased words before the name (title, nationality)
    fused_pronoun: int | None = None  # token index of a pronoun run into the name

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


@dataclass
class NameIndex:
    mentions: list[Mention] = field(default_factory=list)
    # lower-cased bare tokens (unknown words) that may be lower-case variants of names
    lowercase_words: list[tuple[int, str]] = field(default_factory=list)


def _gaz(doc: Document):
    from ..gazetteer import gazetteer

    return gazetteer(tuple(doc.cache.get("extra-names", ())))


def _strip_possessive(text: str) -> str:
    return _POSSESSIVE_RE.sub("", text) if ("'" in text or "’" in text) else text


def name_index(doc: Document) -> NameIndex:
    return doc.memo("names:index", _build_index)


def _is_cap(tok) -> bool:
    return tok.kind == "word" and tok.text[:1].isupper()


def _build_index(doc: Document) -> NameIndex:
    gaz = _gaz(doc)
    lex = lexicon()
    toks, text, lowered = doc.tokens, doc.text, doc.lowered
    index = NameIndex()
    n = len(toks)
    # lower-case words no list knows ("blincken"), possessives included ("blincken's")
    for i in sorted(doc.unknown_words | {i for i, w in enumerate(lowered) if "'" in w}):
        t = toks[i]
        if not t.text[:1].islower():
            continue
        bare = _strip_possessive(lowered[i])
        if len(bare) >= 5 and bare.isalpha() and (i in doc.unknown_words or not lex.known(bare)):
            index.lowercase_words.append((i, t.text[:len(bare)]))
    # runs of capitalised words
    caps = [i for i, t in enumerate(toks) if t[0][:1].isupper() and t[3] == "word"]
    k = 0
    while k < len(caps):
        i = caps[k]
        j = i + 1
        while j < n:
            gap = text[toks[j - 1].end:toks[j].start]
            if gap.count("\n") > 1 or gap.strip():
                break
            if _is_cap(toks[j]):
                j += 1
            elif toks[j].kind == "word" and lowered[j] in PARTICLES and j + 1 < n \
                    and _is_cap(toks[j + 1]):
                j += 1
            else:
                break
        while k < len(caps) and caps[k] < j:
            k += 1
        if j == i + 1 and lowered[i] not in gaz.tokens and lex.zipf(lowered[i]) >= COMMON_ZIPF:
            continue  # one common capitalised word ("The", "China"): not a person's name
        mention = _mention_from_run(doc, i, j, gaz, lex)
        if mention is not None:
            index.mentions.append(mention)
    return index


def _mention_from_run(doc: Document, i: int, j: int, gaz, lex) -> Mention | None:
    toks = doc.tokens
    k = i
    sentence_start = i in doc.sentence_starts
    # strip titles, nationalities and sentence-initial common words from the front
    while k < j:
        low = _strip_possessive(toks[k].text).lower().rstrip(".")
        folded = toks[k].text.lower()
        if low in HONORIFICS or folded in gaz.adjective_to_country or low in gaz.adjective_to_country \
                or low in _title_words(gaz):
            k += 1
            continue
        if k == i and sentence_start and lex.zipf(low) >= 5.0 and j - k > 1:
            k += 1
            continue
        break
    if k >= j:
        return None
    fused = None
    end = j
    if j - k >= 2 and toks[j - 1].text.lower() in PRONOUNS:
        fused = j - 1
        end = j - 1
    # trailing common words are not part of the name ("Anthony Blinken Sunday")
    while end - k > 1 and lex.zipf(toks[end - 1].text) >= 4.5 \
            and toks[end - 1].text.lower() not in gaz.tokens:
        end -= 1
    words = tuple(_strip_possessive(toks[m].text) for m in range(k, end))
    if not words or len(words) > 4:
        return None
    namelike = any(w.lower() in gaz.tokens for w in words) or any(
        w.isalpha() and lex.zipf(w) < COMMON_ZIPF for w in words)
    if not namelike and fused is None:
        return None
    context_start = max(0, i - 5)
    context = tuple(t.text.lower() for t in toks[context_start:k] if t.kind == "word")
    start = toks[k].start
    last_text = toks[end - 1].text
    stop = toks[end - 1].start + len(_strip_possessive(last_text))
    return Mention(k, end, words, start, stop, context, fused)


_TITLE_WORDS_CACHE: dict[int, frozenset] = {}


def _title_words(gaz) -> frozenset:
    """Every word of every title the gazetteer knows ("foreign", "minister", "secretary")."""
    key = id(gaz)
    if key not in _TITLE_WORDS_CACHE:
        _TITLE_WORDS_CACHE[key] = frozenset(w for t in gaz.title_to_roles for w in t.split())
    return _TITLE_WORDS_CACHE[key]


# ---- similarity -------------------------------------------------------------------------------
def similar_spelling(a: str, b: str) -> bool:
    """Two spellings of one name: an edit or two apart, or the same sound."""
    import jellyfish

    a, b = a.lower(), b.lower()
    if a == b or min(len(a), len(b)) < 5:
        return False
    if a.startswith(b) or b.startswith(a):
        return False  # an inflection ("Liberian" / "Liberians"), not a spelling
    d = jellyfish.levenshtein_distance(a, b)
    limit = 1 if max(len(a), len(b)) <= 7 else 2
    if d <= limit:
        return True
    return (d <= 3 and min(len(a), len(b)) >= 8 and a[0] == b[0]
            and jellyfish.metaphone(a) == jellyfish.metaphone(b))


def similar_sound(a: str, b: str) -> bool:
    """Looser: what a transliteration or translation might confuse in a short syllable of a
    name ("Chen" / "Qin")."""
    import jellyfish

    if similar_spelling(a, b):
        return True
    if max(len(a), len(b)) > 5 or a.lower() == b.lower():
        return False
    try:
        return bool(jellyfish.match_rating_comparison(a, b))
    except ValueError:
        return False


# ---- N001: a pronoun fused into a name ----------------------------------------------------------
class FusedPronoun(Rule):
    """A pronoun run into a name before a verb ("Anthony Blink He arrived").

    ## What it does
    Flags a capitalised name that ends in a pronoun ("He", "She", "They") directly followed
    by a verb, and suggests the name the rest of the document (or the gazetteer) uses.

    ## Why is this bad?
    Machine translation splits an unfamiliar name and reads its last syllable as the
    pronoun that starts the next clause: "Blinken arrived" becomes "Blink He arrived". The
    name is wrong and the sentence is broken.

    ## Example
    United States Secretary of State Anthony Blink He arrived in Beijing early Sunday.

    ## Fix safety
    Unsafe: the suggested name comes from the document or the gazetteer; a person confirms.
    """

    code = "N001"
    name = "fused-pronoun"
    family = "names"
    message = "Garbled name {found!r}: a pronoun fused into the name{suggest}"
    fix_applicability = Applicability.UNSAFE
    examples_flagged = ("Secretary of State Anthony Blink He arrived in Beijing. Blinken met "
                        "officials there, and Blinken left on Monday.",)
    examples_clean = ("When the minister met Blinken. He arrived later.",
                      "Secretary of State Antony Blinken arrived in Beijing.")

    def check(self, doc: Document) -> Iterator[Finding]:
        lex = lexicon()
        for m in name_index(doc).mentions:
            if m.fused_pronoun is None:
                continue
            nxt = m.fused_pronoun + 1
            if nxt >= len(doc.tokens) or doc.tokens[nxt].kind != "word":
                continue
            verb = doc.tokens[nxt].text
            if not verb.islower() or not (lex.can_be_finite_verb(verb) or lex.can_be_verb(verb)):
                continue
            if lex.zipf(m.tokens[-1]) >= COMMON_ZIPF and m.tokens[-1].lower() not in _gaz(doc).tokens:
                continue  # "How We ...": a common word, not part of a name
            pron = doc.tokens[m.fused_pronoun]
            suggestion = _repair_fused(doc, m, pron.text)
            found = doc.text[m.start:pron.end]
            suggest = f"; probably {suggestion!r}" if suggestion else ""
            message = self.message.format(found=found, suggest=suggest)
            if suggestion:
                yield self.replacement(doc, m.start, pron.end, suggestion, message, confidence=0.7)
            else:
                yield self.finding(m.start, pron.end, message, confidence=0.6)


def _repair_fused(doc: Document, m: Mention, pronoun: str) -> str | None:
    """The name the fragments most likely were: a known person, or a name used elsewhere."""
    import jellyfish

    stem = m.tokens[-1]
    glued = (stem + pronoun).lower()
    gaz = _gaz(doc)
    # a known person whose surname starts like the fragment
    best = None
    for surname, people in gaz.by_surname.items():
        if surname.startswith(stem.lower()[:4]) and jellyfish.levenshtein_distance(surname, glued) <= 2:
            for p in people:
                given = p.name.split()[0]
                if len(m.tokens) < 2 or gaz.same_given_name(given, m.tokens[0]) or \
                        similar_spelling(given, m.tokens[0]):
                    best = p.name
    if best:
        return best
    # a name used elsewhere in the document
    counts = Counter(t for mm in name_index(doc).mentions if mm is not m for t in mm.tokens)
    candidates = [w for w in counts if w.lower().startswith(stem.lower()) and w.lower() != stem.lower()]
    if candidates:
        surname = max(candidates, key=lambda w: counts[w])
        return " ".join((*m.tokens[:-1], surname))
    return None


# ---- N002: one person, two spellings in one document ---------------------------------------------
class NameVariant(Rule):
    """The same name spelled two ways in one article ("Blinken" eight times, "Blincken" once).

    ## What it does
    Groups the names in a document by spelling; where a spelling no word list knows sits
    beside a similar one the document uses at least three times, flags the minority form and
    suggests the majority one. A spelling in use elsewhere (a word or a name), a plural or
    possessive, or one that comes with a different first name (two people who share a
    surname) is left alone.

    ## Why is this bad?
    A wrong name is a correction waiting to happen. Within one article the majority spelling
    is almost always the right one.

    ## Example
    Blinken met Wang Yi on Monday ... Blincken's visit was short ... Blinken said.

    ## Fix safety
    Unsafe: a person confirms the spelling.
    """

    code = "N002"
    name = "name-variant"
    family = "names"
    message = "{found!r} is spelled {fix!r} {count} times elsewhere in this article"
    fix_applicability = Applicability.UNSAFE
    examples_flagged = ("Blinken met Wang Yi on Monday. Blinken's visit was short. Later "
                        "Blincken said the talks went well, and Blinken left.",
                        "Kritenbrink spoke first. Daniel Kritenbrink said the talks were frank. "
                        "Kreitenbrink added nothing. Kritenbrink left.")
    examples_clean = ("Boris Johnson met Tom Johnston. Johnson spoke, then Johnston. Johnson left.",
                      "Tsai Ing-wen spoke. Vivian Balakrishnan spoke. Balakrishnan left.",
                      "Biden met Hunter Biden and Joe Biden's aides.")

    def check(self, doc: Document) -> Iterator[Finding]:
        for pos_start, pos_end, found, fix, count in name_variants(doc):
            message = self.message.format(found=found, fix=fix, count=count)
            yield self.replacement(doc, pos_start, pos_end, fix, message, confidence=0.6)


def name_variants(doc: Document) -> list[tuple[int, int, str, str, int]]:
    return doc.memo("names:variants", _find_variants)


def _find_variants(doc: Document) -> list[tuple[int, int, str, str, int]]:
    lex = lexicon()
    index = name_index(doc)
    gaz = _gaz(doc)
    occurrences: dict[str, list[tuple[int, int]]] = {}
    given_of: dict[str, set[str]] = {}
    for m in index.mentions:
        for pos, tok_i in enumerate(range(m.first, m.first + len(m.tokens))):
            form = m.tokens[pos]
            if not form.isalpha() or len(form) < 5:
                continue
            t = doc.tokens[tok_i]
            occurrences.setdefault(form.lower(), []).append((t.start, t.start + len(form)))
            if pos == len(m.tokens) - 1 and len(m.tokens) >= 2:
                given_of.setdefault(form.lower(), set()).add(m.tokens[0].lower())
    for tok_i, word in index.lowercase_words:
        t = doc.tokens[tok_i]
        occurrences.setdefault(word.lower(), []).append((t.start, t.start + len(word)))
    forms = sorted(occurrences, key=lambda f: -len(occurrences[f]))
    out = []
    for minority in forms:
        n_min = len(occurrences[minority])
        if lex.known(minority) or minority in gaz.tokens:
            continue  # a spelling in use somewhere is not a slip ("Horan" beside "Horgan")
        for majority in forms:
            n_maj = len(occurrences[majority])
            if n_maj < 3 or n_maj <= n_min or majority == minority:
                continue
            if not similar_spelling(minority, majority):
                continue
            g_min, g_maj = given_of.get(minority, set()), given_of.get(majority, set())
            if g_min and g_maj and not any(gaz.same_given_name(a, b) or similar_spelling(a, b)
                                           for a in g_min for b in g_maj):
                continue  # different first names: two people
            for s, e in occurrences[minority]:
                written = doc.text[s:e]
                fix = _match_case(written, _display_form(doc, occurrences[majority][0]))
                out.append((s, e, written, fix, n_maj))
            break
    return sorted(out)


def _display_form(doc: Document, span: tuple[int, int]) -> str:
    return doc.text[span[0]:span[1]]


def _match_case(template: str, form: str) -> str:
    if template.islower():
        return form[:1].upper() + form[1:] if form[:1].isupper() else form
    return form


# ---- N003 / N004: the gazetteer ----------------------------------------------------------------
class KnownPersonMisspelled(Rule):
    """A near miss of a person the gazetteer knows ("Daniel Kreitenbrink", "Anthony Blinken").

    ## What it does
    Compares full names (first name and surname) with the gazetteer of people in the news:
    a known misspelling, a surname one or two letters off a known person's with the same
    first name, or a known surname with a first name one letter off and no such alias, is
    flagged with the known spelling. Nicknames ("Danny" for Daniel) are not misspellings, and
    common surnames (Wang, Kim, Johnson) are not checked for first-name slips.

    ## Why is this bad?
    Publishing a misspelt name of a public figure is an error every reader can check.

    ## Example
    "...," said Daniel Kreitenbrink, the top US diplomat for East Asia.

    ## Fix safety
    Unsafe: a person confirms a name; the accept list silences names that are right.
    """

    code = "N003"
    name = "known-person-misspelled"
    family = "names"
    message = "{found!r} looks like a misspelling of {fix!r} ({who})"
    fix_applicability = Applicability.UNSAFE
    examples_flagged = ("\"We come to Beijing with a realistic approach,\" said Daniel "
                        "Kreitenbrink, the top US diplomat for East Asia.",
                        "Secretary of State Anthony Blinken arrived in Beijing on Sunday.")
    examples_clean = ("Daniel Kritenbrink spoke, and Danny Russel listened.",
                      "Anthony Johnson and Wang Wenbin met Vivian Balakrishnan.")

    def check(self, doc: Document) -> Iterator[Finding]:
        for m, person in known_person_slips(doc):
            fix = person.name
            message = self.message.format(found=m.text, fix=fix, who=person.describe())
            yield self.replacement(doc, m.start, m.end, fix, message, confidence=0.7)


def known_person_slips(doc: Document):
    return doc.memo("names:known", _find_known_slips)


def _find_known_slips(doc: Document):
    lex = lexicon()
    gaz = _gaz(doc)
    out = []
    for m in name_index(doc).mentions:
        if len(m.tokens) < 2 or gaz.lookup(m.tokens):
            continue
        person = gaz.misspelled(m.tokens)
        if person is None:
            person = _near_known_cached(m.tokens, id(gaz), gaz, lex)
        if person is not None:
            out.append((m, person))
    return out


_NEAR_CACHE: dict[tuple, object] = {}


def _near_known_cached(tokens: tuple[str, ...], gaz_id: int, gaz, lex):
    """``_near_known``, remembered per gazetteer: the same names recur from article to article."""
    key = (tokens, gaz_id)
    if key not in _NEAR_CACHE:
        if len(_NEAR_CACHE) > 50000:
            _NEAR_CACHE.clear()
        _NEAR_CACHE[key] = _near_known(tokens, gaz, lex)
    return _NEAR_CACHE[key]


def _near_known(tokens: tuple[str, ...], gaz, lex):
    from ..gazetteer import fold, name_tokens

    given, surname = fold(tokens[0]), fold(tokens[-1])
    # surname slightly off, first name the same (exactly: "Liam Neeson" is not "Bill Nelson")
    if surname not in gaz.by_surname and lex.zipf(surname) < 3.0 and len(surname) >= 6:
        for known_surname in gaz.surnames_near(surname):
            if not similar_spelling(surname, known_surname):
                continue
            for p in gaz.by_surname[known_surname]:
                if gaz.transliterated(p):
                    continue  # "Yanukovich" / "Yanukovych": both in use
                if any(fold(name_tokens(f)[0]) == given for f in p.forms):
                    return p
    # first name slightly off, distinctive surname the same
    people = gaz.by_surname.get(surname, [])
    if len(people) == 1 and lex.zipf(surname) < 3.5:
        p = people[0]
        known_given = [fold(name_tokens(f)[0]) for f in p.forms]
        # "Tony" for Antony is a short form; "Anthony" for Antony is a misspelling, even though
        # both shorten to "Tony"
        formal = [k for k in known_given if k not in {x for v in gaz.short_forms.values() for x in v}]
        if given not in known_given and not any(gaz.same_given_name(given, k) for k in formal) \
                and any(similar_spelling(given, k) for k in formal):
            return p
    return None


class WrongTitleHolder(Rule):
    """A title followed by a name close to, but not, the person who held it ("Chinese Foreign
    Minister Chen Gang" for Qin Gang).

    ## What it does
    Reads the title and nationality in front of a name ("Chinese Foreign Minister", "U.S.
    Secretary of State"), looks up who held that post in the gazetteer, and flags a name that
    shares part of a holder's name but not the rest ("Chen Gang" / "Qin Gang"). Later mentions
    of the same wrong surname in the document are flagged too. A name unlike every holder is
    left alone: the post may have a holder the gazetteer does not know.

    ## Why is this bad?
    Translation garbles names it transliterates ("Qin" -> "Chen"); the title shows who was
    meant.

    ## Example
    Blinken plans to meet with Chinese Foreign Minister Chen Gang on Sunday.

    ## Fix safety
    Unsafe: a person confirms a name.
    """

    code = "N004"
    name = "wrong-title-holder"
    family = "names"
    message = "{found!r} is not known as {title}; did you mean {fix!r}?"
    fix_applicability = Applicability.UNSAFE
    examples_flagged = ("Blinken plans to meet with Chinese Foreign Minister Chen Gang on Sunday. "
                        "Chen held a phone call with Blinken.",)
    examples_clean = ("Blinken met Chinese Foreign Minister Qin Gang on Sunday.",
                      "Blinken met Chinese Foreign Minister Zhang Wei, who took office last week.")

    def check(self, doc: Document) -> Iterator[Finding]:
        flagged = []
        for m, person, title in title_holder_slips(doc):
            fix = person.name
            flagged.append((m, person))
            message = self.message.format(found=m.text, fix=fix, title=title)
            yield self.replacement(doc, m.start, m.end, fix, message, confidence=0.6)
        # later bare mentions of the wrong token ("Chen held a phone call")
        for m, person in flagged:
            from ..gazetteer import name_tokens

            right = name_tokens(person.name)
            wrong = [(w, r) for w, r in zip(m.tokens, right) if w.lower() != r.lower()]
            if len(wrong) != 1:
                continue
            w, r = wrong[0]
            spans = {(m.start, m.end)}
            for k, tok in enumerate(doc.tokens):
                if _strip_possessive(tok.text) != w or any(s <= tok.start < e for s, e in spans):
                    continue
                nxt = doc.tokens[k + 1].text if k + 1 < len(doc.tokens) else ""
                if nxt[:1].isupper() and doc.tokens[k + 1].kind == "word":
                    continue  # part of another full name ("Chen Wei")
                end = tok.start + len(w)
                message = self.message.format(found=w, fix=r, title=f"the name of {person.name}")
                yield self.replacement(doc, tok.start, end, r, message, confidence=0.5)


def title_holder_slips(doc: Document):
    return doc.memo("names:titles", _find_title_slips)


def _find_title_slips(doc: Document):
    gaz = _gaz(doc)
    out = []
    for m in name_index(doc).mentions:
        if len(m.tokens) < 2 or gaz.lookup(m.tokens):
            continue
        words = _title_context(doc, m)
        matched = [t for t in (" ".join(words[-n:]) for n in range(1, min(6, len(words)) + 1))
                   if t in gaz.title_to_roles]
        if not matched:
            continue
        roles = {role for title in matched for role in gaz.title_to_roles[title]}
        countries = {gaz.adjective_to_country[w] for w in words if w in gaz.adjective_to_country}
        if not countries:
            continue
        candidates = [p for role in roles for c in countries for p in gaz.holders.get((role, c), [])]
        best = _closest_holder(m.tokens, candidates)
        if best is not None:
            title = max(matched, key=len)
            out.append((m, best, f"{title} of {' or '.join(sorted(countries))}"))
    return out


def _title_context(doc: Document, m: Mention) -> list[str]:
    """Folded words before the name, up to six, within its sentence ("china's", "foreign")."""
    from ..gazetteer import fold

    sent = doc.sentence_of(m.first)
    return [fold(t.text) for t in doc.tokens[max(sent.first, m.first - 6):m.first]
            if t.kind == "word"]


def _closest_holder(tokens: tuple[str, ...], candidates):
    from ..gazetteer import fold, name_tokens

    mine = [fold(t) for t in tokens]
    for p in candidates:
        for form in p.forms:
            theirs = [fold(t) for t in name_tokens(form)]
            if len(theirs) != len(mine):
                continue
            same = [a == b for a, b in zip(mine, theirs)]
            if all(same):
                return None  # the holder, spelled right
            if sum(same) == len(mine) - 1:
                a, b = next((a, b) for a, b, s in zip(mine, theirs, same) if not s)
                if similar_sound(a, b):
                    return p
    return None


# ---- N005: across several copies of one story ---------------------------------------------------
CROSS_SEPARATOR = "\n---\n"


def name_forms(doc: Document) -> list[tuple[str, int, int]]:
    """(form, start, end) of every name token (and lower-case unknown word) in ``doc``, for
    comparing documents."""
    out = []
    for m in name_index(doc).mentions:
        for pos, tok_i in enumerate(range(m.first, m.first + len(m.tokens))):
            form = m.tokens[pos]
            if form.isalpha() and len(form) >= 3:
                start = doc.tokens[tok_i].start
                out.append((form, start, start + len(form)))
    for tok_i, word in name_index(doc).lowercase_words:
        start = doc.tokens[tok_i].start
        out.append((word, start, start + len(word)))
    return out


class CrossSourceVariant(Rule):
    """A name spelled differently from how the other copies of the story spell it
    (``--cross-check``).

    ## What it does
    With ``lint-news check --cross-check A.txt B.txt C.txt``, compares the names in several
    articles about one story. Where a spelling appears in fewer sources than a similar
    spelling (or sound) that the other sources agree on, each use of the minority spelling is
    flagged, naming the sources on each side. A tie is broken by the gazetteer.

    ## Why is this bad?
    Copies of one wire story should agree on names; where one copy differs, that copy was
    garbled (translated, spun or retyped).

    ## Example
    A.txt: "Foreign Minister Chen Gang"; B.txt and C.txt: "Foreign Minister Qin Gang".

    ## Fix safety
    Unsafe: the majority of sources is usually right, but a person confirms.
    """

    code = "N005"
    name = "cross-source-variant"
    family = "names"
    message = "{found!r} here, but {fix!r} in {majority} ({minority_note})"
    fix_applicability = Applicability.UNSAFE
    cross_document = True
    examples_flagged = ("Foreign Minister Chen Gang met Blinken." + CROSS_SEPARATOR
                        + "Foreign Minister Qin Gang met Blinken." + CROSS_SEPARATOR
                        + "Blinken and Qin Gang talked for hours.",)
    examples_clean = ("Foreign Minister Qin Gang met Blinken." + CROSS_SEPARATOR
                      + "Qin Gang and Blinken talked." + CROSS_SEPARATOR
                      + "Wang Yi met Blinken.",)

    def check(self, doc: Document) -> Iterator[Finding]:
        return iter(())  # works across documents: see check_many

    def check_many(self, named: list[tuple[str, Document]]) -> list[tuple[int, Finding]]:
        gaz = _gaz(named[0][1]) if named else None
        uses: dict[str, dict[int, list[tuple[str, int, int]]]] = {}
        for k, (_, doc) in enumerate(named):
            for form, s, e in name_forms(doc):
                uses.setdefault(form.lower(), {}).setdefault(k, []).append((form, s, e))
        out: list[tuple[int, Finding]] = []
        forms = list(uses)
        for minority in forms:
            files_min = set(uses[minority])
            best = None
            for majority in forms:
                if majority == minority:
                    continue
                files_maj = set(uses[majority])
                if not (similar_spelling(minority, majority)
                        or _shares_name_with(named, uses, minority, majority)):
                    continue
                known_maj = gaz is not None and majority in gaz.tokens
                known_min = gaz is not None and minority in gaz.tokens
                wins = len(files_maj) > len(files_min) or (
                    len(files_maj) == len(files_min) and known_maj and not known_min)
                if wins and not files_min & files_maj and (best is None or len(files_maj) > len(best[1])):
                    best = (majority, files_maj)
            if best is None:
                continue
            majority, files_maj = best
            maj_names = ", ".join(sorted(_short(named[k][0]) for k in files_maj))
            min_names = ", ".join(sorted(_short(named[k][0]) for k in files_min))
            for k in files_min:
                for form, s, e in uses[minority][k]:
                    fix = _match_case(form, uses[majority][min(files_maj)][0][0])
                    message = self.message.format(found=form, fix=fix, majority=maj_names,
                                                  minority_note=f"{form!r} only in {min_names}")
                    finding = self.replacement(named[k][1], s, e, fix, message, confidence=0.5)
                    finding.data = {"sources_agreeing": sorted(named[j][0] for j in files_maj),
                                    "sources_disagreeing": sorted(named[j][0] for j in files_min)}
                    out.append((k, finding))
        return out


def _short(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _shares_name_with(named, uses, a: str, b: str) -> bool:
    """Whether some mention "X a" in one source matches "X b" in another, and a and b sound
    alike (transliterations: "Chen Gang" / "Qin Gang")."""
    if not similar_sound(a, b):
        return False
    partners_a, partners_b = set(), set()
    for _, doc in named:
        for m in name_index(doc).mentions:
            low = [t.lower() for t in m.tokens]
            if len(low) < 2:
                continue
            others = tuple(t for t in low if t not in (a, b))
            if a in low:
                partners_a.add(others)
            if b in low:
                partners_b.add(others)
    return bool(partners_a & partners_b - {()})
