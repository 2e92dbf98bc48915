"""English word frequencies (Zipf scale) and first sounds, looked up in place.

The data file is built once by ``tools/build_lexicon.py`` and memory-mapped on first use,
so a run that needs no word data pays nothing and one that does pays a few milliseconds,
not the 0.4 s of importing wordfreq and loading its list.
"""
from __future__ import annotations

import mmap
import struct
import zlib
from functools import lru_cache
from pathlib import Path

from .document import fold_word

DATA = Path(__file__).resolve().parent / "data" / "lexicon.bin"
MAGIC = b"LNLEX1\n"


class Lexicon:
    def __init__(self, path: Path = DATA) -> None:
        with open(path, "rb") as fh:
            self._mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        if self._mm[:len(MAGIC)] != MAGIC:
            raise ValueError(f"{path}: not a lint-news lexicon")
        (self._n,) = struct.unpack_from("<I", self._mm, len(MAGIC))
        self._offsets = memoryview(self._mm)[len(MAGIC) + 4:len(MAGIC) + 4 + 4 * (self._n + 1)].cast("I")
        self._data = len(MAGIC) + 4 + 4 * (self._n + 1)
        self.lookup = lru_cache(maxsize=200_000)(self._lookup)

    def _lookup(self, word: str) -> tuple[float, int] | None:
        key = word.encode("utf-8", "surrogatepass")
        h = zlib.crc32(key) % self._n
        mm, base = self._mm, self._data
        pos, end = base + self._offsets[h], base + self._offsets[h + 1]
        while pos < end:
            n = mm[pos]
            if mm[pos + 1:pos + 1 + n] == key:
                return mm[pos + 1 + n] / 10.0, mm[pos + 2 + n]
            pos += n + 3
        return None

    def entry(self, word: str) -> tuple[float, int] | None:
        """(Zipf frequency, flags) of a word in any case or apostrophe style, or None."""
        return self.lookup(fold_word(word))

    def zipf(self, word: str) -> float:
        """Zipf frequency of a word (lower-cased, curly apostrophes straightened); 0 if unknown."""
        hit = self.entry(word)
        return hit[0] if hit else 0.0

    def known(self, word: str) -> bool:
        return self.entry(word) is not None

    def flags(self, word: str) -> int:
        hit = self.entry(word)
        return hit[1] if hit else 0

    def can_be_finite_verb(self, word: str) -> bool:
        """A verb form that can head a clause: -s, past, irregular past (WordNet)."""
        return bool(self.flags(word) & 8)

    def can_be_verb(self, word: str) -> bool:
        return bool(self.flags(word) & 12)

    def can_be_noun(self, word: str) -> bool:
        return bool(self.flags(word) & 16)

    def can_be_adjective(self, word: str) -> bool:
        return bool(self.flags(word) & 32)

    def in_wordnet(self, word: str) -> bool:
        """Some part of speech is known for the word (verb form, noun, adjective, adverb)."""
        return bool(self.flags(word) & 0b11111100)

    def starts_with_vowel_sound(self, word: str) -> bool | None:
        """From the CMU dictionary; None when the word's pronunciation is not known."""
        hit = self.entry(word)
        if not hit or not hit[1] & 1:
            return None
        return bool(hit[1] & 2)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon()


def zipf(word: str) -> float:
    return lexicon().zipf(word)
