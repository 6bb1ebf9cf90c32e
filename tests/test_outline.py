from __future__ import annotations

import pytest

from jcreport import extract


def _outline(text):
    return [(s.id, s.marker, s.level, s.title, s.parent) for s in extract(text).outline]


def test_outline_nests_numbering_families():
    text = ("2024年工作回顾\n一、坚持政治引领\n(一)强化理论武装。深入学习。\n1.加强学习\n(1)落实制度\n"
            "(2)深化学习\n2.运用法治力量\n(二)服务大局\n二、强化监督\n下一步工作打算\n一、从严治检\n")
    assert _outline(text) == [
        ("s1", None, 1, "2024年工作回顾", None),
        ("s1.1", "一、", 2, "坚持政治引领", "s1"),
        ("s1.1.1", "(一)", 3, "强化理论武装。", "s1.1"),
        ("s1.1.1.1", "1.", 4, "加强学习", "s1.1.1"),
        ("s1.1.1.1.1", "(1)", 5, "落实制度", "s1.1.1.1"),
        ("s1.1.1.1.2", "(2)", 5, "深化学习", "s1.1.1.1"),
        ("s1.1.1.2", "2.", 4, "运用法治力量", "s1.1.1"),
        ("s1.1.2", "(二)", 3, "服务大局", "s1.1"),
        ("s1.2", "二、", 2, "强化监督", "s1"),
        ("s2", None, 1, "下一步工作打算", None),
        ("s2.1", "一、", 2, "从严治检", "s2"),
    ]


def test_outline_fullwidth_and_other_markers():
    text = "一、总体情况\n（一）专项行动\n⑴第一项\n⑵第二项\n第一，加强领导。\n第二，压实责任。\n"
    assert [(m, lvl) for _, m, lvl, _, _ in _outline(text)] == [
        ("一、", 1), ("(一)", 2), ("⑴", 3), ("⑵", 3), ("第一,", 4), ("第二,", 4)]


def test_outline_inline_run_is_its_own_level_and_sets_record_section():
    text = "一、强化监督\n加强协作:一是召开联席会议5次;二是开展专项监督,办理案件30件。其他工作。\n二、队伍建设\n"
    report = extract(text)
    assert [(s.id, s.marker, s.level) for s in report.outline] == [
        ("s1", "一、", 1), ("s1.1", "一是", 2), ("s1.2", "二是", 2), ("s2", "二、", 1)]
    assert [(f.raw, f.section) for f in report.metrics] == [("5次", "s1.1")]
    assert [(f.raw, f.section) for f in report.case_counts] == [("30件", "s1.2")]


def test_outline_sample_003_depth(sample_reports):
    outline = sample_reports["003_a82b9bb60c50b0fd.txt"].outline
    ids = {s.id: s for s in outline}
    assert ids["s2.1.1.1"].marker == "(1)" and ids["s2.1.1.1.1"].marker == "一是"
    assert ids["s2.1.1"].title == "加强党的创新理论武装"


REPORT_WITH_ROLES = """临江市人民检察院工作报告
——2025年1月10日在临江市第十届人民代表大会第四次会议上
各位代表:
现在,我代表市人民检察院向大会报告工作,请予审议。
2024年工作回顾
一、坚持服务大局,护航高质量发展
全年共办理审查逮捕案件520件680人。
二、坚持司法为民
深入开展“检护民生”专项行动。
同时,我们也清醒认识到,工作中还存在一些问题和不足:一是源头治理成效不够明显;二是队伍专业化水平有待提升。
2025年工作安排
第一,坚持党的绝对领导,确保检察工作正确方向。
第二,坚持依法履职,要建立公益诉讼线索移送机制。
"""


def test_outline_roles_review_problems_plan():


    got = [(s.marker, s.title[:8], s.role, s.parent) for s in extract(REPORT_WITH_ROLES).outline]
    assert got == [
        (None, "2024年工作回", "review", None),
        ("一、", "坚持服务大局,护", "review", "s1"),
        ("二、", "坚持司法为民", "review", "s1"),
        ("一是", "源头治理成效不够", "problems", "s1.2"),   # 成效 is no review word after the lead
        ("二是", "队伍专业化水平有", "problems", "s1.2"),
        (None, "2025年工作安", "plan", None),
        ("第一,", "坚持党的绝对领导", "plan", "s2"),
        ("第二,", "坚持依法履职,要", "plan", "s2"),
    ]


@pytest.mark.parametrize("heading,role", [("存在的问题", "problems"), ("下一步工作打算", "plan"),
                                          ("过去五年工作回顾", "review"), ("**亮眼成绩单**", "review")])
def test_outline_unnumbered_headings_open_sections_with_roles(heading, role):


    text = f"某某检察院工作报告\n{heading}\n全市检察机关坚持以人民为中心,扎实推进各项检察工作,取得了明显成效,群众满意度进一步提升。\n"
    sections = extract(text).outline
    assert [(s.title, s.role) for s in sections] == [(heading, role)]


def test_outline_page_chrome_is_no_section():


    text = "当前位置:首页>>检务公开\n1.字号:大 中 小\n一、工作情况\n全市检察机关办理各类案件100件,同比上升10%,各项工作稳步推进。\n"
    assert [s.title for s in extract(text).outline] == ["工作情况"]
