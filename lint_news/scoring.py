"""Document scores: how spun, how machine-translated a whole text looks (0 = clean, 1 = sure).

Line findings must be near certain; a score can weigh weak signals too, so a reader who
screens many articles can sort them. The spin score combines

* fingerprints: phrase-pack matches of the ``spin`` family per 100 words (gated entries
  included: here they are only evidence, not findings), and
* spinner vocabulary: words spinners put in place of the newsroom's usual word ("stated"
  or "mentioned" for "said", "additionally" for "also", "nonetheless" for "however"; the
  list is data, in ``rules/scoring/vocabulary.toml``), counted against the usual word, so a
  text that prefers the spinner's word scores.

Short texts say little: below ``FULL_WORDS`` words a score is shrunk toward 0.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from .document import Document

FULL_WORDS = 150

_VOCABULARY_FILE = "scoring/vocabulary.toml"  # under the built-in pack directory


@lru_cache(maxsize=1)
def spinner_vocabulary() -> dict[str, str]:
    """Spinner's word -> the word a newsroom would use there (rules/scoring/vocabulary.toml)."""
    from .datacache import load_data
    from .packs import builtin_pack_dir

    return dict(load_data(builtin_pack_dir() / _VOCABULARY_FILE).get("spinner_vocabulary", {}))


# "but" spun into "however" in mid-clause: "to speak however showed"
_MIDCLAUSE_HOWEVER_RE = re.compile(r"[a-z]\s+however\s+[a-z]")


def _shrink(score: float, words: int) -> float:
    return score * min(1.0, words / FULL_WORDS)


def spin_features(doc: Document) -> dict[str, float]:
    from .phrases import family_matches

    words = max(doc.word_count, 1)
    matches = family_matches(doc, "spin")
    strong = len({(id(m.rule), m.entry.index, m.first) for m in matches if not m.entry.gated})
    weak = len({(id(m.rule), m.entry.index, m.first) for m in matches if m.entry.gated})
    counts = doc.word_counts
    low_text = None
    spinner_words = usual_words = 0
    vocabulary = spinner_vocabulary()
    for phrase in vocabulary:
        if " " in phrase:
            low_text = low_text if low_text is not None else doc.text.lower()
            spinner_words += low_text.count(phrase)
        else:
            spinner_words += counts.get(phrase, 0)
    usual_words = sum(counts.get(w, 0) for w in set(vocabulary.values()))
    midclause = len(_MIDCLAUSE_HOWEVER_RE.findall(doc.text)) if counts.get("however") else 0
    return {
        "words": float(words),
        "fingerprints": float(strong),
        "weak_fingerprints": float(weak),
        "spinner_vocabulary": float(spinner_words + midclause),
        "usual_vocabulary": float(usual_words),
    }


def spin_score(doc: Document) -> float:
    return spin_score_from(spin_features(doc))


def spin_score_from(f: dict[str, float]) -> float:
    words = max(f["words"], 1.0)
    per100 = 100.0 / words
    fingerprint_rate = (f["fingerprints"] + 0.15 * f["weak_fingerprints"]) * per100
    vocab_share = (f["spinner_vocabulary"] + 0.5) / (f["spinner_vocabulary"] + f["usual_vocabulary"] + 2.0)
    vocab_rate = f["spinner_vocabulary"] * per100
    x = 2.2 * fingerprint_rate + 1.5 * max(0.0, vocab_share - 0.35) * min(vocab_rate, 3.0)
    return round(_shrink(1.0 - math.exp(-x), int(words)), 3)


EVIDENCE_MIN = 2


def rewriting_evidence(doc: Document) -> int:
    """How many strong signs of spinning or machine translation the document shows.

    Strong signs are findings that edited copy almost never has: ungated spinner and
    translation fingerprints (the ``spin`` and ``mt`` phrase packs), glued words, doubled
    punctuation, encoding damage and mixed alphabets. Gated rules (misspellings, wrong
    articles, capitalised function words, fragments...) report only where this is at least
    ``EVIDENCE_MIN``: alone, their findings are as common in edited copy as in rewritten."""
    cached = doc.cache.get("rewriting-evidence")
    if cached is None:
        from .checks.mt import strong_mt_signals
        from .checks.words import glued_tokens, mixed_script_tokens
        from .phrases import family_evidence

        cached = (family_evidence(doc, "spin") + family_evidence(doc, "mt")
                  + len(glued_tokens(doc)) + len(mixed_script_tokens(doc))
                  + strong_mt_signals(doc))
        cached = max(cached, doc.cache.get("carried-evidence:rewriting", 0))
        doc.cache["rewriting-evidence"] = cached
    return cached


# Weight of each machine-translation signal in the MT score (per 100 words): artifacts edited
# copy almost never has weigh most; those it sometimes has (titles that look like capitalised
# function words, verbless sentences) weigh little.
MT_WEIGHTS = {
    "calques": 2.0, "broken_sentence_breaks": 2.0, "doubled_punctuation": 1.5,
    "dangling_endings": 2.0,
    "glued": 1.0, "encoding_damage": 1.0, "mixed_script": 1.0,
    "capitalised_function_words": 0.4, "fragments": 0.5, "space_before_punctuation": 0.3,
}


def mt_features(doc: Document) -> dict[str, float]:
    from .checks.mt import mt_signals
    from .checks.words import glued_tokens, mixed_script_tokens
    from .phrases import family_matches

    f: dict[str, float] = {k: float(v) for k, v in mt_signals(doc).items()}
    calques = family_matches(doc, "mt")
    f["calques"] = sum(1.0 if not m.entry.gated else 0.25 for m in calques)
    f["glued"] = float(len(glued_tokens(doc)))
    f["mixed_script"] = float(len(mixed_script_tokens(doc)))
    f["words"] = float(max(doc.word_count, 1))
    return f


def mt_score(doc: Document) -> float:
    return mt_score_from(mt_features(doc))


def mt_score_from(f: dict[str, float]) -> float:
    """Weighted artifact density; a single kind of artifact counts half (one slip happens in
    edited copy too), and title-like capitalised function words count at most twice."""
    words = max(f["words"], 1.0)
    counts = dict(f)
    counts["capitalised_function_words"] = min(counts.get("capitalised_function_words", 0.0), 2.0)
    x = sum(w * counts.get(k, 0.0) for k, w in MT_WEIGHTS.items()) * 100.0 / words
    if sum(1 for k in MT_WEIGHTS if counts.get(k, 0.0) > 0) <= 1:
        x *= 0.5
    return round(_shrink(1.0 - math.exp(-x), int(words)), 3)


def document_features(doc: Document) -> dict[str, float]:
    """Everything the scores are computed from; summable over the pieces of a large file."""
    spin = spin_features(doc)
    mt = mt_features(doc)
    return {**{f"spin:{k}": v for k, v in spin.items()}, **{f"mt:{k}": v for k, v in mt.items()}}


def scores_from(features: dict[str, float]) -> dict[str, float]:
    spin = {k[5:]: v for k, v in features.items() if k.startswith("spin:")}
    mt = {k[3:]: v for k, v in features.items() if k.startswith("mt:")}
    return {"spin_score": spin_score_from(spin), "mt_score": mt_score_from(mt)}


def document_scores(doc: Document) -> dict[str, float]:
    return scores_from(document_features(doc))


def carry_evidence(original: Document, derived: Document) -> None:
    """Let a fixed version of a text keep the evidence its original showed."""
    from .phrases import family_evidence

    for family in ("spin", "mt"):
        derived.cache[f"carried-evidence:{family}"] = family_evidence(original, family)
    derived.cache["carried-evidence:rewriting"] = rewriting_evidence(original)
