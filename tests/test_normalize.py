from __future__ import annotations

import pytest
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


from jcreport.normalize import folded, reading_copy  # noqa: E402

READ_THROUGH = [
    ("審(shěn)結7.2萬(wàn)宗", "审结7.2万宗"),                  # pinyin glosses from reposts
    ("上升0.8個(gè)百分點(diǎn)", "上升0.8个百分点"),
    ("白皮書(shu) 。", "白皮书。"),                            # an untoned gloss and its trailing space
    ("共受理 356 件", "共受理356件"),                          # spaced digits from a PDF text layer
    ("1.2 万人次", "1.2万人次"),
    ("2023 年", "2023年"),
    ("全年共办理审查逮捕案件35\n6件", "全年共办理审查逮捕案件356件"),  # a line broken inside a number
    ("⼀、⼯作回顾", "一、工作回顾"),                          # Kangxi radicals from a PDF
    ("時間:2023-01-04  作者", "时间:2023-01-04  作者"),         # two spaces are layout, kept
    ("記者 張宇", "记者 张宇"),                               # a space between words is kept
    ("(AshishMaskay)", "(AshishMaskay)"),                   # a name in brackets is no gloss
    ("2019\n二、工作安排", "2019\n二、工作安排"),              # a heading after a number stays a line
]


@pytest.mark.parametrize("source,copy", READ_THROUGH)
def test_normalize_reading_copy_reads_through(source, copy):
    assert reading_copy(source)[0] == copy


@given(st.text(alphabet=st.sampled_from("審結萬件年 \n(shěn)1234.5%,。⼀")))
def test_normalize_reading_copy_maps_every_character_back(text):
    copy, pos = reading_copy(text)
    norm = __import__("jcreport.normalize", fromlist=["normalize"]).normalize(text)
    places = [pos.source(i) for i in range(len(copy))]
    assert places == sorted(set(places))
    assert all(norm[p] == c for p, c in zip(places, copy))
    assert all(pos.source_end(i + 1) == places[i] + 1 for i in range(len(copy)))


def test_normalize_folded_compares_names_as_read():
    assert folded("“檢察護(hù)企”專項行動") == folded("“检察护企”专项行动")
