from __future__ import annotations

import pytest

from jcreport import extract

EXPECTED = {
    "000_988622692f9d59e0.txt": dict(organ="天津市人民检察院第二分院", organ_level="branch", doc_type="work_report", year=2024),
    "001_ed9c6841f7749872.txt": dict(doc_type="speech", year=2023, date="2023-12-13"),
    # news of a meeting, in the third person, quoting the chief's speech: meeting_news (contract v2),
    # and the organ by its full name with 人民
    "002_d72a806f25a1289a.txt": dict(organ="湛江市人民检察院", organ_level="municipal", doc_type="meeting_news", year=2020,
                                     date="2021-02-25", speaker="张和林"),
    "003_a82b9bb60c50b0fd.txt": dict(organ="中山市人民检察院", organ_level="municipal", doc_type="rectification", year=2024),
    "004_f22a4de8b00fd4f6.txt": dict(organ="芝罘区人民检察院", organ_level="district", doc_type="experience"),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_meta_samples(sample_reports, name):
    meta = sample_reports[name].meta.model_dump()
    assert {k: meta[k] for k in EXPECTED[name]} == EXPECTED[name]


def test_meta_work_report_opening():
    text = ("襄阳市人民检察院工作报告\n——2020年1月5日在襄阳市第十七届人民代表大会第五次会议上\n"
            "襄阳市人民检察院检察长 常本勇\n各位代表:\n现在,我代表市人民检察院向大会报告工作,请予审议。\n")
    meta = extract(text).meta
    assert (meta.title, meta.organ, meta.organ_level, meta.region, meta.doc_type, meta.year, meta.date, meta.speaker) == (
        "襄阳市人民检察院工作报告", "襄阳市人民检察院", "municipal", "襄阳市", "work_report", 2019, "2020-01-05", "常本勇")
