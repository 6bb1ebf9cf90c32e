from __future__ import annotations

import re

from conftest import ROOT


def _commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```(?:sh|bash)\n(.+?)\n```", readme)[:2]


def test_readme_starts_with_two_setup_commands():
    install_run, install_test = _commands()
    assert "pip install" in install_run and "jcreport extract samples/" in install_run
    assert "pip install" in install_test and "pytest" in install_test


def test_readme_test_command_is_what_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert ci == _commands()[1]
