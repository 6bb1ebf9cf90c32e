"""Document formats: .txt, .html, .docx and .pdf to text, and the one-line errors of the others.

HTML pages live in tests/formats/html/ with their body text written by hand beside them
(<name>.expected.txt); a page passes when the text read equals that file exactly (lines with
cells joined by a tab), the file's final newline aside. Word and PDF files are made here
(python-docx; reportlab through tests/formats/make_pdf.py).
"""
from __future__ import annotations

import doctest
import importlib
import io
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from jcreport import extract
from jcreport.errors import (BinaryInput, BrokenDocument, EmptyInput, JcreportError, LexiconError, NoTextLayer,
                             UnsupportedFormat)
from jcreport.formats import Extracted, read_document
from jcreport.formats.html_decode import decode_html
from jcreport.formats.html_rules import HtmlBoilerplateFile
from jcreport.formats.pdf_layout import TextLine, drop_furniture, paragraphs, rows
from jcreport.lexicons import _load_file

HERE = Path(__file__).parent / "formats"
sys.path.insert(0, str(HERE))
import make_pdf  # noqa: E402

PAGES = sorted((HERE / "html").glob("*.html"))
ENCODINGS = {"province_gbk.html": "gb18030", "county_tables_gbk.html": "gb18030", "county_divs_bom.html": "utf-8-sig"}
BOILERPLATE = ["版权所有", "ICP", "主办单位", "当前位置", "您现在的位置", "您的位置", "分享到", "推荐访问", "相关链接",
               "友情链接", "相关新闻", "热点推荐", "微信扫一扫", "微博", "打印", "关闭窗口", "上一篇", "责任编辑",
               "字号", "字体", "栏目导航", "首页", "地址：", "var ", "{"]


# --- HTML ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_html_page_gives_the_expected_body(page):
    got = read_document(page.read_bytes(), page.name)
    expected = page.with_name(page.stem + ".expected.txt").read_text(encoding="utf-8").rstrip("\n")
    assert (got.format, got.encoding) == ("html", ENCODINGS.get(page.name, "utf-8"))
    assert got.text.splitlines() == expected.splitlines()


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
@pytest.mark.parametrize("marker", BOILERPLATE)
def test_html_page_keeps_no_boilerplate(page, marker):
    assert marker not in read_document(page.read_bytes(), page.name).text


def test_html_page_figures_are_found_at_their_offsets():
    page = HERE / "html" / "spp_notice.html"
    doc = read_document(page.read_bytes(), page.name)
    report = extract(doc.text)
    found = {c.raw: c for c in report.case_counts}
    assert "5725件" in found
    span = found["5725件"].span
    assert doc.text[span.start:span.end] == "5725件"


HTML_BODY = "<p>全年共办理审查逮捕案件5725件8616人，同比上升27.65%。</p>"


@pytest.mark.parametrize("data, encoding", [
    (f'<meta charset="gb2312">{HTML_BODY}'.encode("gbk"), "gb18030"),
    (f'<meta http-equiv="Content-Type" content="text/html; charset=GBK">{HTML_BODY}'.encode("gbk"), "gb18030"),
    (f'<?xml version="1.0" encoding="gb2312"?><html>{HTML_BODY}'.encode("gbk"), "gb18030"),
    (f'<meta charset="utf-8">{HTML_BODY}'.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + f'<meta charset="gbk">{HTML_BODY}'.encode("utf-8"), "utf-8-sig"),   # the BOM wins
    (f'<meta charset="utf-8">{HTML_BODY}'.encode("gbk"), "gb18030"),     # declared wrongly: detected
    (f'<meta charset="iso-8859-1">{HTML_BODY}'.encode("gbk"), "gb18030"),  # a Western charset: detected
    (f"<html>{HTML_BODY}".encode("gbk"), "gb18030"),                       # nothing declared
    ('<meta charset="big5"><p>全年共辦理審查逮捕案件5725件。</p>'.encode("big5"), "big5"),
])
def test_html_decode_charsets(data, encoding):
    text, got = decode_html(data, "x.html")
    assert got == encoding and ("审查逮捕案件5725件" in text or "審查逮捕案件5725件" in text)


def test_html_decode_a_few_bad_bytes_are_replaced_not_guessed():
    page = f'<meta charset="utf-8">{HTML_BODY * 5}'.encode()
    cut = page.index("逮捕".encode())
    text, encoding = decode_html(page[:cut] + b"\xff" + page[cut + 1:], "x.html")
    assert encoding == "utf-8" and 1 <= text.count("\ufffd") <= 3 and text.count("审查逮捕案件5725件") == 4


@pytest.mark.parametrize("html, expected", [
    # a source line break between CJK characters is no space; between other text it is
    ("<p>批准逮捕犯罪嫌疑人2146人，\n      起诉5832人。Case\nclosed。</p>", "批准逮捕犯罪嫌疑人2146人，起诉5832人。Case closed。"),
    # <br> separates paragraphs; ideographic indentation goes
    ("<div>　　第一段，内容较长的一段文字。<br>　　第二段，内容较长的一段文字。</div>", "第一段，内容较长的一段文字。\n第二段，内容较长的一段文字。"),
    # a data table row is one line, cells joined by a tab, a cell's paragraphs joined
    ("<p>共办理案件5725件，同比上升。</p><table><tr><th>项目</th><th><p>受理</p><p>（件）</p></th></tr>"
     "<tr><td>审查逮捕</td><td>5725</td></tr></table>", "共办理案件5725件，同比上升。\n项目\t受理（件）\n审查逮捕\t5725"),
    # hidden elements and scripts are not text
    ('<p>共办理案件5725件，同比上升。</p><p style="display: none">隐藏的文字，不应出现。</p><script>var a;</script>',
     "共办理案件5725件，同比上升。"),
])
def test_html_lines_whitespace_tables_and_hidden(html, expected):
    assert read_document(f"<html><body>{html}</body></html>".encode(), "x.html").text == expected


WORD_SAVED = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312"><title>东城区人民检察院工作报告</title></head>
<body lang=ZH-CN><div class=WordSection1>
<p class=MsoNormal align=center><b><span style='font-size:22.0pt'>东城区人民检察院工作报告<span lang=EN-US><o:p></o:p>
</span></span></b></p>
<p class=MsoNormal style='text-indent:32.0pt'><span style='font-size:16.0pt'>2023年，全区共办理审查逮捕案件<span
lang=EN-US>5725</span>件<span lang=EN-US>8616</span>人，同比上升<span lang=EN-US>27.65%</span>。受理审查起诉案件
6120件，提起公诉5832人。<span lang=EN-US><o:p></o:p></span></span></p>
<p class=MsoNormal><b><span>一、主要工作<o:p></o:p></span></b></p>
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
</div></body></html>"""


def test_html_word_saved_page_keeps_its_wrapped_lines_whole():
    assert read_document(WORD_SAVED.encode("gbk"), "w.htm") == Extracted(
        "东城区人民检察院工作报告\n"
        "2023年，全区共办理审查逮捕案件5725件8616人，同比上升27.65%。受理审查起诉案件6120件，提起公诉5832人。\n"
        "一、主要工作", "html", "gb18030")


def test_html_title_falls_back_to_the_page_title():
    html = ("<html><head><title>某县检察院召开党组会议_某县人民检察院</title></head><body>"
            "<div class=c><p>会议传达学习了上级会议精神，研究部署了下一阶段工作。</p></div></body></html>")
    assert read_document(html.encode(), "x.htm").text.splitlines() == [
        "某县检察院召开党组会议", "会议传达学习了上级会议精神，研究部署了下一阶段工作。"]


@pytest.mark.parametrize("html", ["<html><body></body></html>", "<html><body><script>var a=1;</script></body></html>",
                                  "<html><body><div class=footer>版权所有 某检察院</div></body></html>"])
def test_html_without_body_text_has_no_text_layer(html):
    with pytest.raises(NoTextLayer, match=r"^x\.html: no body text found in the HTML page$"):
        read_document(html.encode(), "x.html")


def test_html_rules_typo_fails_with_file_and_line(tmp_path):
    shipped = (Path(__file__).parents[1] / "lexicons" / "html_boilerplate.yaml").read_text(encoding="utf-8")
    path = tmp_path / "html_boilerplate.yaml"
    path.write_text(shipped.replace("line_starts:", "line_start:"), encoding="utf-8")
    with pytest.raises(LexiconError, match=r"html_boilerplate\.yaml:\d+: "):
        _load_file(path, HtmlBoilerplateFile)


def test_html_rules_bad_regex_fails(tmp_path):
    shipped = (Path(__file__).parents[1] / "lexicons" / "html_boilerplate.yaml").read_text(encoding="utf-8")
    path = tmp_path / "html_boilerplate.yaml"
    path.write_text(shipped.replace("inline_patterns:\n", "inline_patterns:\n  - '[unclosed'\n"), encoding="utf-8")
    with pytest.raises(LexiconError, match="bad regex"):
        _load_file(path, HtmlBoilerplateFile)


# --- DOCX ---------------------------------------------------------------------------------------

DOCX_LINES = [
    "临江市人民检察院工作报告",
    "2024年，全市检察机关共办理审查逮捕案件5725件8616人，同比上升27.65%。",
    "项目\t2023年\t2024年",
    "审查逮捕（件）\t5012\t5725",
    "合计\t9010",
    "二、下一步工作",
    "持续深化诉源治理。",
]


def make_docx(build=None) -> bytes:
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "页眉：临江市人民检察院"
    section.footer.paragraphs[0].text = "— 1 —"
    if build:
        build(document)
    else:
        document.add_heading(DOCX_LINES[0], 0)
        document.add_paragraph("　　" + DOCX_LINES[1])
        document.add_paragraph("")
        table = document.add_table(rows=3, cols=3)
        for r, cells in enumerate([["项目", "2023年", "2024年"], ["审查逮捕（件）", "5012", "5725"], ["合计", "", "9010"]]):
            for c, text in enumerate(cells):
                table.cell(r, c).text = text
        table.cell(2, 0).merge(table.cell(2, 1))
        document.add_paragraph(DOCX_LINES[5], style="Heading 1")
        document.add_paragraph(DOCX_LINES[6])
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_docx_paragraphs_and_tables_in_document_order():
    got = read_document(make_docx(), "report.docx")
    assert (got.format, got.encoding) == ("docx", "docx")
    assert got.text.splitlines() == DOCX_LINES


def test_docx_figures_are_found_at_their_offsets():
    text = read_document(make_docx(), "report.docx").text
    counts = [c for c in extract(text).case_counts if c.raw == "5725件"]
    assert counts and text[counts[0].span.start:counts[0].span.end] == "5725件"
    assert counts[0].span.start == text.index("5725件")


def test_docx_layout_table_of_one_column_gives_its_paragraphs():
    def build(document):
        cell = document.add_table(rows=1, cols=1).cell(0, 0)
        cell.text = "第一段，较长的正文。"
        cell.add_paragraph("第二段，较长的正文。")

    assert read_document(make_docx(build), "a.docx").text == "第一段，较长的正文。\n第二段，较长的正文。"


def _corrupt_xml(data: bytes) -> bytes:
    src, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            body = src.read(item)
            dst.writestr(item, body[: len(body) // 2] if item.filename == "word/document.xml" else body)
    return out.getvalue()


@pytest.mark.parametrize("mangle, error, message", [
    (lambda d: d[: len(d) // 2], BrokenDocument, r"corrupt or truncated \.docx"),
    (lambda d: d[:100], BrokenDocument, r"corrupt or truncated \.docx"),
    (lambda d: b"not a zip at all", BrokenDocument, r"corrupt or truncated \.docx"),
    (_corrupt_xml, BrokenDocument, r"corrupt \.docx"),
    (lambda d: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, UnsupportedFormat, "encrypted"),
])
def test_docx_broken(mangle, error, message):
    with pytest.raises(error, match=message) as info:
        read_document(mangle(make_docx()), "report.docx")
    assert info.value.message.startswith("report.docx: ") and "\n" not in info.value.message


def test_docx_text_in_insertions_controls_and_links_counts_deletions_do_not():
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def build(document):
        p = document.add_paragraph("共办理案件")._p
        p.append(parse_xml(f'<w:ins {w} w:id="1" w:author="a"><w:r><w:t>5725件</w:t></w:r></w:ins>'))
        p.append(parse_xml(f'<w:del {w} w:id="2" w:author="a"><w:r><w:delText>5000件</w:delText></w:r></w:del>'))
        p.append(parse_xml(f'<w:sdt {w}><w:sdtContent><w:r><w:t>，同比上升</w:t></w:r></w:sdtContent></w:sdt>'))
        p.append(parse_xml(f'<w:hyperlink {w}><w:r><w:t>27.65%</w:t></w:r></w:hyperlink>'))
        p.append(parse_xml(f'<w:r {w}><w:t>。</w:t></w:r>'))

    assert read_document(make_docx(build), "a.docx").text == "共办理案件5725件，同比上升27.65%。"


def test_docx_without_text_has_no_text_layer():
    with pytest.raises(NoTextLayer, match=r"^empty\.docx: no text in the \.docx body"):
        read_document(make_docx(lambda document: document.add_paragraph("   ")), "empty.docx")


# --- PDF ----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def report_pdf() -> bytes:
    return make_pdf.report_pdf()


def test_pdf_paragraphs_rows_and_no_page_furniture(report_pdf):
    got = read_document(report_pdf, "report.pdf")
    assert (got.format, got.encoding) == ("pdf", "pdf")
    assert got.text.splitlines() == make_pdf.REPORT


def test_pdf_figures_are_found_at_their_offsets(report_pdf):
    text = read_document(report_pdf, "report.pdf").text
    counts = [c for c in extract(text).case_counts if c.raw == "5725件"]
    assert counts and text[counts[0].span.start:counts[0].span.end] == "5725件"


def test_pdf_letter_spaced_lines_get_no_spaces():
    assert read_document(make_pdf.spaced_pdf(), "s.pdf").text == "".join(make_pdf.SPACED)


def test_pdf_with_owner_password_only_is_read():
    assert read_document(make_pdf.encrypted_pdf(""), "e.pdf").text.splitlines() == make_pdf.REPORT


def test_pdf_scanned_has_no_text_layer():
    with pytest.raises(NoTextLayer) as info:
        read_document(make_pdf.image_pdf(), "scan.pdf")
    assert info.value.message == "scan.pdf: no text layer (scanned PDF?)"


@pytest.mark.parametrize("make, message", [
    (lambda pdf: make_pdf.encrypted_pdf("secret"), "encrypted PDF: it needs a password to open"),
    (lambda pdf: pdf[:3000], "corrupt or truncated PDF"),
    (lambda pdf: pdf[: len(pdf) // 2], "corrupt or truncated PDF"),
    (lambda pdf: pdf[:-300], "corrupt or truncated PDF"),
    (lambda pdf: b"%PDF-1.4\n%garbage\n", "corrupt or truncated PDF"),
    (lambda pdf: b"<html>not a pdf</html>", "not a PDF"),
])
def test_pdf_encrypted_or_corrupt_is_broken(report_pdf, make, message):
    with pytest.raises(BrokenDocument) as info:
        read_document(make(report_pdf), "bad.pdf")
    assert info.value.message.startswith(f"bad.pdf: {message}") and "\n" not in info.value.message


def _line(text, x0, x1, y, page=0, em=14.0):
    return TextLine(text, x0, x1, y, y + em, page)


def test_pdf_layout_joins_wraps_across_pages_and_drops_furniture():
    page0 = [_line("临江市人民检察院", 250, 340, 800), _line("　一、主要工作", 106, 220, 700),
             _line("全年共办理审查逮捕案件", 78, 516, 674), _line("5725件。", 78, 140, 648),
             _line("坚持以人民为中心，办理群众信访件", 106, 516, 622), _line("— 1 —", 283, 312, 30)]
    page1 = [_line("临江市人民检察院", 250, 340, 800, 1), _line("1286件，答复率100%。", 78, 300, 746, 1),
             _line("项目", 104, 128, 700, 1), _line("2023年", 264, 298, 700, 1), _line("— 2 —", 283, 312, 30, 1)]
    pages = drop_furniture([rows(page0), rows(page1)], [842.0, 842.0])
    assert paragraphs(pages) == ["　一、主要工作", "全年共办理审查逮捕案件5725件。",
                                 "坚持以人民为中心，办理群众信访件1286件，答复率100%。", "项目\t2023年"]


# --- other formats, dispatch and sniffing -------------------------------------------------------

@pytest.mark.parametrize("name", ["a.jpg", "a.JPEG", "a.png", "a.tif", "a.tiff", "a.gif", "a.xls", "a.xlsx",
                                  "a.ppt", "a.pptx", "a.zip", "a.rar", "a.wps", "a.ofd"])
def test_formats_unsupported_name_the_extension(name):
    with pytest.raises(UnsupportedFormat) as info:
        read_document(b"\x00\x01 whatever", name)
    ext = name[name.rindex("."):].lower()
    assert info.value.message.startswith(f"{name}: unsupported format {ext} (") and "\n" not in info.value.message


def test_formats_legacy_doc_is_refused_with_advice():
    with pytest.raises(UnsupportedFormat) as info:
        read_document(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "报告.doc")
    assert info.value.message == "报告.doc: legacy .doc (Word 97-2003) is not supported; save it as .docx"


def test_formats_txt_decodes_as_before():
    data = "2024年，全市检察机关共办理各类案件17562件。".encode("gbk")
    assert read_document(data, "r.txt") == Extracted(data.decode("gbk"), "txt", "gb18030")
    with pytest.raises(BinaryInput):
        read_document(b"\x00\x01\x02binary", "r.txt")


@pytest.mark.parametrize("make, fmt", [
    (lambda: make_pdf.spaced_pdf(), "pdf"),
    (make_docx, "docx"),
    (lambda: f"<!DOCTYPE html><html><body>{HTML_BODY}</body></html>".encode(), "html"),
    (lambda: "共办理案件5725件。".encode(), "txt"),
])
@pytest.mark.parametrize("name", ["report", "report.dat", "-"])
def test_formats_sniff_files_without_a_known_extension(make, fmt, name):
    assert read_document(make(), name).format == fmt


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00", b"\xff\xd8\xff\xe0\x00\x10JFIF",
                                  b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00"])
def test_formats_sniff_refuses_known_binary_content(data):
    with pytest.raises(UnsupportedFormat, match=r"^scan: unsupported format: .*detected from its content"):
        read_document(data, "scan")


@pytest.mark.parametrize("name", ["a.txt", "a.html", "a.docx", "a.pdf", "a"])
def test_formats_empty_input(name):
    with pytest.raises(EmptyInput, match=f"^{name}: empty input$"):
        read_document(b"", name)


def test_formats_concurrent_reads_agree(report_pdf):
    page = PAGES[0]
    jobs = [(report_pdf, "r.pdf"), (make_docx(), "r.docx"), (page.read_bytes(), page.name), (b"\xff\xfe", "x.pdf")] * 4

    def run(job):
        try:
            return read_document(*job).text
        except JcreportError as exc:
            return exc.message

    alone = [run(job) for job in jobs]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(run, jobs)) == alone


@pytest.mark.parametrize("module", ["jcreport.formats", "jcreport.formats.kinds", "jcreport.formats.cjk",
                                    "jcreport.formats.html_decode", "jcreport.formats.html_content",
                                    "jcreport.formats.html"])
def test_formats_doctests(module):
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0
