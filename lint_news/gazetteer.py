"""The gazetteer of people in the news (``rules/gazetteer/``): who they are, how their names
are written, which roles introduce them ("Chinese Foreign Minister", "U.S. Secretary of
State"). Users add people with ``names = ["our-people.toml"]`` in the configuration (same
format as ``people.toml``).

Loaded once per process, on first use by a name rule.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .datacache import load_data
from .document import fold_word
from .errors import PackError
from .packs import builtin_pack_dir

_SPLIT_RE = re.compile(r"[\s]+")


def name_tokens(name: str) -> tuple[str, ...]:
    return tuple(t for t in _SPLIT_RE.split(name.strip()) if t)


def fold(token: str) -> str:
    """Compare names without case, dots or apostrophe style."""
    return fold_word(token).rstrip(".")


def deletions(word: str) -> set[str]:
    """The word and every string one deletion away from it."""
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


@dataclass
class Person:
    name: str
    aliases: tuple[str, ...]
    misspellings: tuple[str, ...]
    roles: tuple[dict, ...]
    note: str

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def describe(self) -> str:
        return self.note.split(";")[0].strip() or self.name


@dataclass
class Gazetteer:
    people: list[Person] = field(default_factory=list)
    countries: dict[str, list[str]] = field(default_factory=dict)
    orgs: dict[str, list[str]] = field(default_factory=dict)
    roles: list[dict] = field(default_factory=list)
    nicknames: dict[str, list[str]] = field(default_factory=dict)
    variants: list[list[str]] = field(default_factory=list)
    transliterated_countries: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.by_form: dict[tuple[str, ...], Person] = {}
        self.by_misspelling: dict[tuple[str, ...], Person] = {}
        self.by_surname: dict[str, list[Person]] = {}
        self.tokens: set[str] = set()
        self.title_to_roles: dict[str, set[str]] = {}
        self.adjective_to_country: dict[str, str] = {}
        self.holders: dict[tuple[str, str], list[Person]] = {}
        self.surname_keys: dict[str, set[str]] = {}
        self.short_forms: dict[str, set[str]] = {}
        self.variant_group: dict[str, int] = {}
        self._index()

    def transliterated(self, person: Person) -> bool:
        """Whether the person's name comes into English from another script, where several
        spellings are correct ("Yanukovich" / "Yanukovych")."""
        return any(r.get("country") in self.transliterated_countries for r in person.roles)

    def _index(self) -> None:
        for p in self.people:
            for form in p.forms:
                toks = tuple(fold(t) for t in name_tokens(form))
                self.by_form[toks] = p
                self.tokens.update(toks)
                people = self.by_surname.setdefault(toks[-1], []) if len(toks) >= 2 else None
                if people is not None and all(q.name != p.name for q in people):
                    people.append(p)  # a person listed twice (built in and by the user) is one
            for wrong in p.misspellings:
                self.by_misspelling[tuple(fold(t) for t in name_tokens(wrong))] = p
            for r in p.roles:
                where = r.get("country") or r.get("org")
                if where:
                    self.holders.setdefault((r["role"], where), []).append(p)
        for surname in self.by_surname:
            for key in deletions(surname):
                self.surname_keys.setdefault(key, set()).add(surname)
        for country, adjectives in {**self.countries, **self.orgs}.items():
            for a in (country, *adjectives):
                self.adjective_to_country[fold(a)] = country
        for r in self.roles:
            for t in r.get("titles", []):
                self.title_to_roles.setdefault(t.lower(), set()).add(r["role"])
            for where, titles in {**r.get("titles_by_country", {}), **r.get("titles_by_org", {})}.items():
                for t in titles:
                    self.title_to_roles.setdefault(t.lower(), set()).add(r["role"])
        for formal, shorts in self.nicknames.items():
            self.short_forms.setdefault(fold(formal), set()).update(fold(s) for s in shorts)
        for i, group in enumerate(self.variants):
            for n in group:
                self.variant_group[fold(n)] = i

    def same_given_name(self, a: str, b: str) -> bool:
        """The same person's given name: equal, a short form ("Danny" for Daniel) or a
        transliteration ("Muhammad" / "Mohammed"). Spelling variants are not the same."""
        a, b = fold(a), fold(b)
        if a == b or b in self.short_forms.get(a, ()) or a in self.short_forms.get(b, ()):
            return True
        ga, gb = self.variant_group.get(a), self.variant_group.get(b)
        return ga is not None and ga == gb

    def surnames_near(self, surname: str) -> set[str]:
        """Known surnames within about two edits of ``surname`` (a deletion index)."""
        out: set[str] = set()
        for key in deletions(fold(surname)):
            out |= self.surname_keys.get(key, set())
        return out

    def lookup(self, tokens: tuple[str, ...]) -> Person | None:
        return self.by_form.get(tuple(fold(t) for t in tokens))

    def misspelled(self, tokens: tuple[str, ...]) -> Person | None:
        return self.by_misspelling.get(tuple(fold(t) for t in tokens))


def _gazetteer_dir() -> Path:
    return builtin_pack_dir() / "gazetteer"


def _people(data: dict, path: Path) -> list[Person]:
    out = []
    for i, p in enumerate(data.get("person", [])):
        if "name" not in p or "note" not in p:
            raise PackError(str(path), None, f"person #{i + 1} needs a name and a note")
        out.append(Person(p["name"], tuple(p.get("aliases", [])), tuple(p.get("misspellings", [])),
                          tuple(p.get("roles", [])), p["note"]))
    return out


@lru_cache(maxsize=8)
def gazetteer(extra: tuple[str, ...] = ()) -> Gazetteer:
    """The built-in gazetteer, plus the user's own people files (the built indexes are cached)."""
    from .datacache import cache_get, cache_put, file_key

    d = _gazetteer_dir()
    paths = [d / "people.toml", d / "roles.toml", d / "nicknames.toml", *map(Path, extra)]
    try:
        key = [file_key(p) for p in paths if p.exists()]
    except OSError:
        key = None
    name = "index/gazetteer.pickle"
    cached = cache_get(name, key, use_pickle=True) if key else None
    if isinstance(cached, Gazetteer):
        return cached
    built = _build(extra)
    if key:
        cache_put(name, key, built, use_pickle=True)
    return built


def _build(extra: tuple[str, ...]) -> Gazetteer:
    d = _gazetteer_dir()
    people_path, roles_path, nick_path = d / "people.toml", d / "roles.toml", d / "nicknames.toml"
    people = _people(load_data(people_path), people_path) if people_path.exists() else []
    roles = load_data(roles_path) if roles_path.exists() else {}
    nick = load_data(nick_path) if nick_path.exists() else {}
    for p in extra:
        people.extend(_people(load_data(Path(p)), Path(p)))
    return Gazetteer(people, roles.get("countries", {}), roles.get("orgs", {}),
                     roles.get("role", []), nick.get("nicknames", {}),
                     nick.get("variants", {}).get("groups", []),
                     frozenset(roles.get("transliterated", [])))
