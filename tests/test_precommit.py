"""The pre-commit hooks, run by the real pre-commit against this checkout."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow


def _git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"})


def test_hook_fails_on_spun_article_and_passes_on_clean(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "articles"
    repo.mkdir()
    _git(repo, "init", "-q")
    spun = repo / "spun.txt"
    spun.write_text("The State Division stated the nationwide safety adviser took workplace.\n",
                    encoding="utf-8")
    clean = repo / "clean.txt"
    clean.write_text("The State Department said the national security adviser took office.\n",
                     encoding="utf-8")
    _git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "NO_COLOR": "1"}
    base = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "lint-news", "--files"]
    bad = subprocess.run([*base, "spun.txt"], cwd=repo, capture_output=True, text=True, env=env)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "S101" in bad.stdout
    good = subprocess.run([*base, "clean.txt"], cwd=repo, capture_output=True, text=True, env=env)
    assert good.returncode == 0, good.stdout + good.stderr
    fix = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "lint-news-fix",
                          "--files", "spun.txt"], cwd=repo, capture_output=True, text=True, env=env)
    assert fix.returncode == 1  # files were modified: pre-commit fails the commit
    assert "State Department" in spun.read_text(encoding="utf-8")
