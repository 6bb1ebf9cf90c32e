from __future__ import annotations

import codecs

import pytest

from jcreport.decode import decode
from jcreport.errors import BinaryInput, EmptyInput, UndecodableInput

TEXT = "2024年，全市检察机关共办理各类案件17562件，认罪认罚适用率达98%以上。"
TRAD = "2024年，全市檢察機關共辦理各類案件17562件，認罪認罰適用率達98%以上。"


@pytest.mark.parametrize("data, encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
    (TEXT.encode("gb18030"), "gb18030"),
    (TEXT.encode("gbk"), "gb18030"),
])
def test_decode_encodings(data, encoding):
    assert decode(data) == (TEXT, encoding)


def test_decode_big5_traditional():
    assert decode(TRAD.encode("big5")) == (TRAD, "big5")


def test_decode_gbk_not_mistaken_for_big5():
    text = "检察机关依法办理审查逮捕案件5725件8616人，提起公诉案件同比上升27.65%。"
    assert decode(text.encode("gbk"))[1] == "gb18030"


@pytest.mark.parametrize("data, error", [
    (b"", EmptyInput),
    (b"  \n\t \r\n", EmptyInput),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryInput),
    (bytes(range(1, 32)) * 20, BinaryInput),
    (codecs.BOM_UTF8 + b"\xff\xfe\xfd", UndecodableInput),
])
def test_decode_bad_input(data, error):
    with pytest.raises(error) as info:
        decode(data, "x.txt")
    assert str(info.value.message).startswith("x.txt: ")
    assert "\n" not in info.value.message


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from jcreport.errors import EXIT_CODES, JcreportError  # noqa: E402

TEXTS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=200), TEXTS.map(lambda t: t.encode("gb18030", "ignore")),
                 TEXTS.map(lambda t: t.encode("utf-16"))))
def test_decode_arbitrary_bytes_decodes_or_names_the_problem(data):
    try:
        text, encoding = decode(data, "x.txt")
    except JcreportError as exc:
        assert exc.exit_code in EXIT_CODES.values() and exc.message.startswith("x.txt: ")
    else:
        assert text.strip() and encoding
