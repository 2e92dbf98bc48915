"""What reaches users: a third-party plugin is discovered through its entry point, and the
wheel carries the rule packs and word data (installed in a fresh virtual environment)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import venv

import pytest

from conftest import FIXTURES, ROOT

PLUGIN_SETUP = '''
from setuptools import setup
setup(
    name="lint-news-plugin-demo",
    version="0.1",
    py_modules=["lint_news_plugin_demo"],
    entry_points={"lint_news.rules": ["demo = lint_news_plugin_demo"]},
)
'''
PLUGIN_MODULE = '''
from lint_news.rule import Rule


class ExclamationRule(Rule):
    """Exclamation marks in news copy.

    ## What it does
    Flags '!' outside quotations.
    """

    code = "Z901"
    name = "exclamation"
    family = "demo-plugin"
    message = "Exclamation mark in news copy"
    examples_flagged = ("Prices rose!",)
    examples_clean = ("Prices rose.",)

    def check(self, doc):
        for tok in doc.tokens:
            if tok.text == "!":
                yield self.finding(tok.start, tok.end)
'''


def test_plugin_rule_is_discovered_and_runs(tmp_path):
    src = tmp_path / "plugin"
    src.mkdir()
    (src / "setup.py").write_text(PLUGIN_SETUP, encoding="utf-8")
    (src / "lint_news_plugin_demo.py").write_text(PLUGIN_MODULE, encoding="utf-8")
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                    "--target", str(target), str(src)],
                   check=True, capture_output=True)
    article = tmp_path / "a.txt"
    article.write_text("Markets crashed today!\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(target)}
    proc = subprocess.run([sys.executable, "-m", "lint_news", "check", "--output-format", "json",
                           "--extend-select", "Z9", str(article)], capture_output=True, text=True, env=env)
    findings = json.loads(proc.stdout)
    assert [(f["code"], f["location"]["column"]) for f in findings] == [("Z901", 22)]
    proc = subprocess.run([sys.executable, "-m", "lint_news", "rules", "--output-format", "json"],
                          capture_output=True, text=True, env=env)
    demo = next(r for r in json.loads(proc.stdout) if r["code"] == "Z901")
    assert demo["origin"] == "plugin:demo"


@pytest.mark.slow
def test_wheel_ships_packs_and_data_and_lints_in_a_fresh_venv(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
                   check=True, capture_output=True)
    wheel = next(dist.glob("lint_news-*.whl"))
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    assert "lint_news/packs/chrome.toml" in names
    assert "lint_news/data/lexicon.bin" in names
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / ("Scripts" if os.name == "nt" else "bin") / "python"
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", str(wheel)], check=True,
                   capture_output=True)
    exe = env_dir / "bin" / "lint-news"
    proc = subprocess.run([str(exe), "check", "--output-format", "json",
                           str(FIXTURES / "003_1db7f69e6dbc993b.txt")],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    codes = {f["code"] for f in json.loads(proc.stdout)}
    assert {"B001", "B002"} <= codes
    where = subprocess.run([str(py), "-c", "import lint_news, sys; print(lint_news.__file__)"],
                           capture_output=True, text=True, cwd=tmp_path).stdout
    assert str(env_dir) in where
