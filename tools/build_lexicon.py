#!/usr/bin/env python3
"""Build lint_news/data/lexicon.bin: English word frequencies and first sounds, in a form
that is looked up in place (memory-mapped) instead of being loaded at every start.

    pip install -e .[data] && python tools/build_lexicon.py

Sources: wordfreq's English "large" list (Zipf frequencies; data CC BY-SA 4.0, see
lint_news/data/NOTICE) and the CMU Pronouncing Dictionary shipped in the pocketsphinx wheel
(BSD-style licence) for whether a word starts with a vowel *sound* (a/an).

Format (little-endian): magic b"LNLEX1\\n", uint32 bucket count N, uint32[N+1] bucket
offsets into the data block, then the data block. A bucket holds records
``len:u8 word:utf-8 zipf10:u8 flags:u8``; a word's bucket is crc32(word) % N.
flags: bit 0 = pronunciation known, bit 1 = starts with a vowel sound.
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


def main() -> int:
    import wordfreq

    freqs = wordfreq.get_frequency_dict("en", wordlist="large")
    sounds = first_sounds()
    words = []
    for word in freqs:
        if not word or len(word.encode("utf-8")) > 255:
            continue
        zipf = wordfreq.zipf_frequency(word, "en", wordlist="large")
        z10 = max(0, min(255, round(zipf * 10)))
        flags = 0
        if word in sounds:
            flags = 1 | (2 if sounds[word] else 0)
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
