#!/usr/bin/env python3
"""Check the entries of phrase packs against a corpus: where does each entry fire?

    python tools/check_pack.py rules/spin-function.toml [--corpus ../shared/devset] [-v]

For every entry: hits in clean text (clean/ and every *.orig.txt: these are false positives
unless the entry is gated) and in spun/ and mt/ text. Entries with clean hits are listed
with their context, so a reviewer can tighten, gate or drop them. Gated entries are shown
separately: their clean hits matter only in documents that also hold ungated hits.
Exit status 1 when an ungated entry fires on clean text.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lint_news.document import Document  # noqa: E402
from lint_news.packs import load_pack  # noqa: E402
from lint_news.phrases import PhraseRule, family_evidence, family_matches  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "devset"


def corpus_files(root: Path) -> dict[str, list[Path]]:
    groups: dict[str, list[Path]] = {"clean": [], "spun": [], "mt": []}
    for p in sorted(root.rglob("*.txt")):
        if "clean" in p.parts or p.name.endswith(".orig.txt"):
            groups["clean"].append(p)
        elif "spun" in p.parts:
            groups["spun"].append(p)
        elif "mt" in p.parts:
            groups["mt"].append(p)
    return groups


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("packs", nargs="+", type=Path)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--extra", type=Path, action="append", default=[],
                    help="more files to count as positives (e.g. fixtures/004_*.txt)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every hit")
    args = ap.parse_args()

    # Load every built-in pack too, so that evidence for gated entries is computed as in use.
    from lint_news.registry import Registry

    Registry.load(plugins=False)
    rules = [r for p in args.packs for r in load_pack(p.resolve(), origin="check")]
    phrase_rules = [r for r in rules if isinstance(r, PhraseRule)]
    groups = corpus_files(args.corpus)
    groups["spun"].extend(args.extra)
    hits: dict[tuple[str, int], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    gated_fired: dict[tuple[str, int], list[str]] = defaultdict(list)
    for group, files in groups.items():
        for path in files:
            doc = Document(path.read_text(encoding="utf-8"), str(path))
            evidence = None
            for rule in phrase_rules:
                for m in rule.find_matches(doc):
                    s, e = doc.tokens[m.first].start, doc.tokens[m.last - 1].end
                    ctx = doc.text[max(0, s - 40):e + 40].replace("\n", " ")
                    hits[(rule.code, m.entry.index)][group].append(f"{path.name}: …{ctx}…")
                    if m.entry.gated and group == "clean":
                        if evidence is None:
                            family_matches(doc, rule.family)
                            evidence = family_evidence(doc, rule.family)
                        if evidence >= 2:
                            gated_fired[(rule.code, m.entry.index)].append(path.name)
    bad = 0
    for rule in phrase_rules:
        for entry in rule.compiled:
            h = hits.get((rule.code, entry.index), {})
            raw = rule.entries[entry.index]
            clean, spun, mt = (len(h.get(g, [])) for g in ("clean", "spun", "mt"))
            flag = ""
            if clean and not entry.gated:
                flag = "  <-- CLEAN HITS"
                bad += 1
            elif gated_fired.get((rule.code, entry.index)):
                flag = "  <-- gated, fires in clean files with evidence"
            if args.verbose or flag:
                print(f"{rule.code} {raw['find']!r} -> {raw.get('fix')!r}"
                      f"{' [gated]' if entry.gated else ''}: clean {clean}, spun {spun}, mt {mt}{flag}")
                for line in (h.get("clean", []) if flag else [])[:5]:
                    print(f"      clean: {line}")
                if args.verbose:
                    for line in h.get("spun", [])[:3]:
                        print(f"      spun:  {line}")
    total = sum(len(r.compiled) for r in phrase_rules)
    fired = sum(1 for r in phrase_rules for e in r.compiled
                if hits.get((r.code, e.index), {}).get("spun") or hits.get((r.code, e.index), {}).get("mt"))
    print(f"{total} entries; {fired} fire on spun/MT text; {bad} ungated entries fire on clean text")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
