from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from jcreport.normalize import normalize


def test_normalize_folds_fullwidth_traditional_and_breaks():
    assert normalize("１２３件，同比上升２７．６５％") == "123件,同比上升27.65%"
    assert normalize("檢察機關辦理案件\r\n下一行") == "检察机关办理案件 \n下一行"
    assert normalize("「三個規定」\u3000Ｘ件") == "“三个规定” X件"


@given(st.text())
def test_normalize_keeps_every_offset(text):
    assert len(normalize(text)) == len(text)
