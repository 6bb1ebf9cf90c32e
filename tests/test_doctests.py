"""Run the doctests of the small helpers (the installed package, as CI runs it)."""
from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["jcreport", "jcreport.normalize", "jcreport.sentences", "jcreport.extract.cn_numerals"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
