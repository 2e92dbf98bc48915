#!/usr/bin/env python3
"""Benchmark lint-news as users run it: cold processes, wall time and peak memory.

    python bench/run.py            # builds bench/corpus/ from fixtures/ (once), runs, prints a table
    python bench/run.py --json     # the same numbers as JSON

Cases (all default rules on):
  one article, cold         lint-news check fixtures/004_*.txt
  five fixtures, cold       lint-news check fixtures/
  1,000 articles (~6 MB)    lint-news check bench/corpus/many/  (uses every core)
  one 10 MB file            lint-news check bench/corpus/big.txt
  --fix --diff, 1,000       lint-news check --fix --diff bench/corpus/many/
Wall time is the median of --repeat runs; peak memory (max RSS of the process tree's
largest process) comes from /usr/bin/time when it is installed, else from getrusage.
Targets (README): five fixtures <= 0.25 s, 1,000 articles <= 3 s, peak <= 300 MB.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CORPUS = ROOT / "bench" / "corpus"


def build_corpus(n_files: int = 1000, target_mb: float = 6.0, big_mb: float = 10.0) -> None:
    """1,000 articles made of the fixtures' paragraphs, shuffled (about 6 MB), and one 10 MB file."""
    many = CORPUS / "many"
    if many.exists() and len(list(many.glob("*.txt"))) == n_files and (CORPUS / "big.txt").exists():
        return
    shutil.rmtree(CORPUS, ignore_errors=True)
    many.mkdir(parents=True)
    paragraphs = [p for f in sorted(FIXTURES.glob("0*.txt"))
                  for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    rng = random.Random(1)
    per_file = int(target_mb * 1e6 / n_files)
    for i in range(n_files):
        parts, size = [], 0
        while size < per_file:
            p = rng.choice(paragraphs)
            parts.append(p)
            size += len(p.encode("utf-8")) + 2
        (many / f"article_{i:04d}.txt").write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    with open(CORPUS / "big.txt", "w", encoding="utf-8") as fh:
        size = 0
        while size < big_mb * 1e6:
            p = rng.choice(paragraphs)
            fh.write(p + "\n\n")
            size += len(p.encode("utf-8")) + 2


# Users run lint-news from an installed package, whose modules pip compiled to bytecode; make
# sure this checkout's modules are compiled too and that the runs may use the bytecode.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(argv: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS MB) of one cold process."""
    timer = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None
    exe = [sys.executable, "-m", "lint_news", *argv]
    start = time.perf_counter()
    if timer:
        proc = subprocess.run([timer, "-f", "%M", *exe], capture_output=True, text=True, env=ENV)
        wall = time.perf_counter() - start
        peak = int(proc.stderr.strip().splitlines()[-1]) / 1024
    else:
        proc = subprocess.run(exe, capture_output=True, text=True, env=ENV)
        wall = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if proc.returncode not in (0, 1):
        raise SystemExit(f"lint-news failed: {' '.join(argv)}\n{proc.stderr[-2000:]}")
    return wall, peak


def size_mb(paths: list[Path]) -> float:
    total = 0
    for p in paths:
        total += sum(f.stat().st_size for f in (p.rglob("*.txt") if p.is_dir() else [p]))
    return total / 1e6


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    build_corpus()
    import compileall

    compileall.compile_dir(str(ROOT / "lint_news"), quiet=1)
    one = sorted(FIXTURES.glob("004_*.txt"))[0]
    cases = [
        ("one article, cold", ["check", "-o", "concise", str(one)], [one]),
        ("five fixtures, cold", ["check", "-o", "concise", str(FIXTURES)], [FIXTURES]),
        ("1,000 articles", ["check", "-o", "concise", str(CORPUS / "many")], [CORPUS / "many"]),
        ("one 10 MB file", ["check", "-o", "concise", str(CORPUS / "big.txt")], [CORPUS / "big.txt"]),
        ("--fix --diff, 1,000 articles", ["check", "--fix", "--diff", str(CORPUS / "many")],
         [CORPUS / "many"]),
    ]
    run(["check", str(one)])  # warm the pack cache and the OS file cache
    rows = []
    for name, argv, inputs in cases:
        walls, peaks = [], []
        for _ in range(args.repeat):
            w, p = run(argv)
            walls.append(w)
            peaks.append(p)
        mb = size_mb(inputs)
        wall = statistics.median(walls)
        rows.append({"case": name, "wall_s": round(wall, 3), "peak_mb": round(max(peaks), 1),
                     "input_mb": round(mb, 2), "mb_per_s": round(mb / wall, 2)})
    machine = {"python": platform.python_version(), "cpus": os.cpu_count(),
               "machine": platform.machine(), "system": platform.system()}
    if args.json:
        print(json.dumps({"machine": machine, "results": rows}, indent=2))
        return 0
    print(f"machine: {machine}")
    print(f"{'case':32} {'wall s':>8} {'peak MB':>8} {'input MB':>9} {'MB/s':>7}")
    for r in rows:
        print(f"{r['case']:32} {r['wall_s']:8.3f} {r['peak_mb']:8.1f} {r['input_mb']:9.2f} {r['mb_per_s']:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
