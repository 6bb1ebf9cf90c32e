from __future__ import annotations

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
