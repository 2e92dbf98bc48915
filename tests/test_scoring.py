"""Document scores: `lint-news score` separates spun from machine-translated from edited copy."""
from __future__ import annotations

import json
import re

from conftest import FIXTURES, run_cli

from lint_news.document import Document
from lint_news.registry import Registry
from lint_news.scoring import spin_features, spin_score, spinner_vocabulary

SPUN = FIXTURES / "004_f3b81073a000e2ce.txt"  # synonym-spun ("Chinese language officers")
TRANSLATED = FIXTURES / "003_1db7f69e6dbc993b.txt"  # machine-translated ("since 2018..")
EDITED = FIXTURES / "002_f895df72f2cf96f2.txt"  # wire copy, lightly reworded by a human


def test_score_command_ranks_each_kind_of_rewriting():
    proc = run_cli("score", "--output-format", "json", "--sort", str(EDITED), str(TRANSLATED), str(SPUN))
    assert proc.returncode == 0, proc.stderr
    scores = {row["filename"].rsplit("/", 1)[-1]: row for row in json.loads(proc.stdout)}
    spun, translated, edited = (scores[p.name] for p in (SPUN, TRANSLATED, EDITED))
    assert spun["spin_score"] > 0.8 and spun["spin_score"] > spun["mt_score"]
    assert translated["mt_score"] > 0.5 and translated["spin_score"] < 0.2
    assert max(edited["spin_score"], edited["mt_score"]) < 0.2
    # --sort puts the most rewritten first
    assert [r["filename"] for r in json.loads(proc.stdout)][-1].endswith(EDITED.name)


def test_spinner_vocabulary_comes_from_the_data_file_and_moves_the_score():
    Registry.load(plugins=False)  # the phrase packs the fingerprints come from
    vocabulary = spinner_vocabulary()
    assert vocabulary["stated"] == "said"
    text = SPUN.read_text(encoding="utf-8")
    before = spin_features(Document(text))
    # write the newsroom's word back wherever the spinner's word stands
    restored = text
    for spun_word, usual in vocabulary.items():
        restored = re.sub(rf"\b{re.escape(spun_word)}\b", usual, restored)
    after = spin_features(Document(restored))
    assert before["spinner_vocabulary"] > after["spinner_vocabulary"]
    assert after["usual_vocabulary"] > before["usual_vocabulary"]


def test_short_texts_are_shrunk_toward_zero():
    Registry.load(plugins=False)
    sentence = "Blinken met senior Chinese language officers and China's prime diplomat on Monday."
    short, long = spin_score(Document(sentence)), spin_score(Document(" ".join([sentence] * 20)))
    assert 0 < short < long
