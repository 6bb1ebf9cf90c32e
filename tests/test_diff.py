"""jcreport diff and series: alignment of figures, campaigns, warnings, inputs and outputs."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from jcreport import extract
from jcreport.cli import main
from jcreport.diff.build import diff_reports, series
from jcreport.pipeline import default_lexicon
from jcreport.tokenize import DEFAULT, tokenizer

A = ("临江市人民检察院工作报告\n——2024年1月10日在临江市第十届人民代表大会第三次会议上\n一、2023年工作回顾\n"
     "2023年,全市检察机关共办理审查逮捕案件520件680人,认罪认罚适用率达92%。深入开展扫黑除恶专项斗争。\n"
     "二、2024年工作安排\n将制定未成年人检察工作实施办法。要建立公益诉讼线索移送机制。将举办全市检察业务竞赛。\n")
B = ("临江市人民检察院工作报告\n——2025年1月12日在临江市第十届人民代表大会第四次会议上\n一、2024年工作回顾\n"
     "2024年,全市检察机关共办理审查逮捕案件×件760人,认罪认罚适用率达95%。常态化开展扫黑除恶斗争,"
     "深入开展“检察护企”专项行动。出台了《未成年人检察工作实施办法》。\n"
     "二、2025年工作安排\n要持续完善公益诉讼线索移送机制。\n")


@pytest.fixture(scope="module")
def tok():
    return tokenizer(DEFAULT, default_lexicon())


def test_diff_commitments_fulfilled_continued_not_reported(tok):
    d = diff_reports(extract(A), extract(B), tok)
    got = {c.a.object: (c.outcome, c.b.object if c.b else None) for c in d.commitments}
    assert got["未成年人检察工作实施办法"] == ("fulfilled", "《未成年人检察工作实施办法》")
    assert got["公益诉讼线索移送机制"] == ("continued", "公益诉讼线索移送机制")
    assert got["全市检察业务竞赛"] == ("not_reported", None)
    assert d.new_commitments == []


PLAN = ("青禾县人民检察院工作报告\n——2024年1月8日在青禾县第十八届人民代表大会第三次会议上\n一、2023年工作回顾\n"
        "2023年,全县检察机关共起诉犯罪嫌疑人610人。\n二、2024年工作安排\n"
        "第一,深化检察听证工作,推进检察听证室建设。第二,健全行政执法与刑事司法衔接机制。"
        "第三,持续推进“护苗”专项行动。第四,加强未成年人司法保护。第五,强化检察队伍专业化建设。\n")
REVIEW = ("青禾县人民检察院工作报告\n——2025年1月9日在青禾县第十八届人民代表大会第四次会议上\n一、2024年工作回顾\n"
          "2024年,全县检察机关共起诉犯罪嫌疑人655人,全县检察听证室增至12个。深入开展“净网”专项行动。"
          "会签《行政执法与刑事司法衔接工作办法》,建立了行政执法与刑事司法衔接机制。\n"
          "同时,我们也清醒认识到,工作中还存在一些问题和不足:一是检察队伍专业化建设还不够到位;"
          "二是未成年人司法保护的力度有待加大。\n"
          "二、2025年工作安排\n要继续深化检察听证工作。\n")


def test_diff_every_commitment_with_evidence_from_the_right_part(tok):
    d = diff_reports(extract(PLAN), extract(REVIEW), tok, text_b=REVIEW)
    got = {c.a.object: c for c in d.commitments}
    assert {c.a.concrete for c in d.commitments} == {True, False}          # policy commitments are compared
    assert got["行政执法与刑事司法衔接机制"].outcome == "fulfilled"
    assert got["行政执法与刑事司法衔接机制"].evidence.role == "review"
    hearing = got["检察听证室建设"]                                     # a figure reported for its object
    assert (hearing.outcome, hearing.evidence.kind, hearing.evidence.text) == ("fulfilled", "figure", "12个")
    for obj in ("检察队伍专业化建设", "未成年人司法保护"):                     # admitted, never fulfilment
        c = got[obj]
        assert c.outcome == "reported_shortfall" and c.evidence.kind == "shortfall" and c.evidence.role == "problems"
        assert obj in c.evidence.text and c.evidence.span.text == REVIEW[c.evidence.span.start:c.evidence.span.end]
    assert got["检察听证工作"].outcome == "continued" and got["检察听证工作"].evidence.role == "plan"
    assert got["“护苗”专项行动"].outcome == "not_reported"                    # “净网” is another campaign
    assert (d.a.plan_year, d.b.year, d.warnings) == (2024, 2024, [])


def test_diff_concrete_only_and_the_plan_year_of_a_january_speech(tok, tmp_path):
    d = diff_reports(extract(PLAN), extract(REVIEW), tok, text_b=REVIEW, concrete_only=True)
    assert d.concrete_only and d.commitments and all(c.a.concrete for c in d.commitments)
    speech = ("在2024年全县检察长会议上的讲话\n(2024年1月16日)\n同志们:\n今天召开全县检察长会议,部署2024年工作。"
              "一要深化检察听证工作。二要健全行政执法与刑事司法衔接机制。\n")
    d = diff_reports(extract(speech), extract(REVIEW), tok, text_b=REVIEW)
    assert (d.a.plan_year, d.b.year, d.warnings) == (2024, 2024, [])
    late = diff_reports(extract(PLAN), extract(REVIEW.replace("2025年1月9日", "2026年1月9日").replace("2024年", "2025年")),
                        tok)
    assert any("A's commitments are for 2024" in w and "B reports on 2025" in w for w in late.warnings)
    (tmp_path / "a.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(REVIEW, encoding="utf-8")
    out = CliRunner().invoke(main, ["diff", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--concrete-only"])
    assert out.exit_code == 0 and json.loads(out.output)["concrete_only"] is True
    md = CliRunner().invoke(main, ["diff", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-f", "markdown"]).output
    assert "### ⚠ shortfall reported" in md and "problems · " in md and "还不够到位" in md


def test_diff_figures_aligned_and_redacted_values_never_change(tok):
    d = diff_reports(extract(A), extract(B), tok)
    by = {(f.key.subject, f.key.unit): f for f in d.figures}
    persons = by[("审查逮捕案件", "人")]
    assert (persons.a.value, persons.b.value, persons.change.absolute, persons.change.relative) == (680, 760, 80, 0.1176)
    cases = by[("审查逮捕案件", "件")]
    assert cases.b.redacted and cases.change is None
    rate = by[("认罪认罚适用率", "%")]
    assert (rate.a.value, rate.b.value, rate.change.absolute) == (92, 95, 3)


def test_diff_campaigns_continued_through_an_alias_new_and_dropped(tok):
    d = diff_reports(extract(A), extract(B + "\n"), tok)
    got = {c.name: (c.outcome, c.mentions_a, c.mentions_b) for c in d.campaigns}
    assert got["“检察护企”专项行动"] == ("new", 0, 1)
    assert [o for n, (o, _, _) in got.items() if "扫黑除恶" in n] in (["continued"], ["dropped", "new"])


def test_diff_warns_on_other_procuratorate_and_years_out_of_order(tok):
    other = B.replace("临江市", "江北区")
    d = diff_reports(extract(B), extract(other), tok)
    assert any("different procuratorates" in w for w in d.warnings)
    assert any("not in order" in w for w in d.warnings)


def test_diff_cli_accepts_files_and_report_json(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(A, encoding="utf-8")
    b.write_text(B, encoding="utf-8")
    runner = CliRunner()
    a_json = tmp_path / "a.json"
    assert runner.invoke(main, ["extract", str(a), "-o", str(a_json)]).exit_code == 0
    from_files = json.loads(runner.invoke(main, ["diff", str(a), str(b)]).output)
    from_json = json.loads(runner.invoke(main, ["diff", str(a_json), str(b)]).output)
    assert [c["outcome"] for c in from_files["commitments"]] == [c["outcome"] for c in from_json["commitments"]]
    md = runner.invoke(main, ["diff", str(a), str(b), "--format", "markdown"]).output
    assert "## Commitments" in md and "✔ fulfilled" in md and "×" in md
    table = runner.invoke(main, ["diff", str(a), str(b), "--format", "table"], terminal_width=200).output
    assert "A's commitments are for 2024" in table and "fulfilled" in table
    bad = runner.invoke(main, ["diff", str(tmp_path / "nope.json"), str(b)])
    assert bad.exit_code == 10 and "not a Report JSON" in bad.output


def test_series_timelines_over_three_years(tmp_path, tok):
    c = B.replace("2024", "2025").replace("2025年1月12日", "2026年1月9日").replace("760人", "810人")
    reports = [extract(t) for t in (B, A, c)]
    s = series(reports, tok)
    assert [r.year for r in s.reports] == [2023, 2024, 2025]
    persons = next(f for f in s.figures if f.key.subject == "审查逮捕案件" and f.key.unit == "人")
    assert [(p.year, p.value) for p in persons.points] == [(2023, 680), (2024, 760), (2025, 810)]
    assert len(s.steps) == 2 and s.steps[0].fulfilled >= 1
    for i, text in enumerate((A, B, c)):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    md = CliRunner().invoke(main, ["series", *(str(tmp_path / f"{i}.txt") for i in range(3)), "--format", "markdown"])
    assert md.exit_code == 0 and "| 2023 | 2024 | 2025 |" in md.output.replace("figure ", "")


def test_diff_commitment_matching_floor_on_the_pairs(tok):
    from pathlib import Path

    from jcreport.diff.match import DEFAULT_SIMILARITY
    from jcreport.diff.scoring import score_pairs

    pairs = Path(__file__).parent / "diff" / "pairs"
    assert len([p for p in pairs.iterdir() if (p / "gold.yaml").exists()]) >= 18
    scores = score_pairs(pairs, tok, DEFAULT_SIMILARITY)
    every, held_out = scores["all"], scores["held_out"]
    misses = "\n".join(every.misses)
    assert every.listing_recall >= 0.95, misses
    assert every.accuracy >= 0.85, misses
    assert held_out.accuracy >= 0.80, "\n".join(held_out.misses)
    assert held_out.gold >= 60 and scores["fit"].gold >= 60
    assert every.campaigns.accuracy >= 0.95, "\n".join(m for m in every.misses if "campaign" in m)


def _as_version_1(report) -> dict:
    """A Report as jcreport 0.1.0 wrote it: schema_version 1, no role, no concrete, 不批捕."""
    data = json.loads(report.model_dump_json())
    data["schema_version"] = "1"
    for section in data["outline"]:
        del section["role"]
    for measure in data["measures"]:
        del measure["concrete"]
    for count in data["case_counts"]:
        count["action"] = "不批捕" if count["action"] == "审查逮捕" else count["action"]
    return data


def test_diff_reads_version_1_report_json_with_a_warning(tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(json.dumps(_as_version_1(extract(A)), ensure_ascii=False), encoding="utf-8")
    b.write_text(extract(B).model_dump_json(), encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(a), str(b), "--format", "json"])
    assert result.exit_code == 0, result.output
    from jcreport.diff.inputs import read_report_json

    old = read_report_json(str(a))
    assert old.schema_version == "2" and any("schema_version 1" in w for w in old.warnings)
    assert {c.action for c in old.case_counts} == {"不批准逮捕"}


@pytest.mark.parametrize("version", ["3", None])
def test_diff_refuses_other_report_versions_in_one_line(tmp_path, version):
    a = tmp_path / "a.json"
    data = json.loads(extract(A).model_dump_json())
    data["schema_version"] = version
    a.write_text(json.dumps(data), encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(a), str(a)])
    assert result.exit_code == 10
    assert f"schema_version {version!r}" in result.output and len(result.output.strip().splitlines()) == 1


def test_series_markdown_keeps_two_reports_of_one_year_apart(tok):
    other = A.replace("680人", "690人").replace("临江市第十届", "临江市第十一届")
    s = series([extract(A), extract(other)], tok)
    from jcreport.diff.render import series_markdown

    md = series_markdown(s)
    assert "| figure | 2023 | 2023 (2) |" in md
    row = next(line for line in md.splitlines() if line.startswith("| 审查逮捕案件") and "680人" in line)
    assert "690人" in row and row.count("680人") == 1
