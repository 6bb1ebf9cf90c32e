"""PDFs with a Chinese text layer, made with reportlab's built-in CID font STSong-Light (no font
file needed), for tests/test_formats.py and bench/bench_pdf.py. Each maker returns the PDF bytes;
``REPORT`` is the text a reader should give back for ``report_pdf``."""
from __future__ import annotations

import io

TITLE = "临江市人民检察院工作报告"
SUBTITLE = "——2024年2月18日在临江市第十七届人民代表大会第四次会议上"
PARAGRAPHS = [
    "各位代表：",
    "现在，我代表临江市人民检察院向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。",
    "一、2023年主要工作",
    "2023年，全市检察机关在市委和上级检察院坚强领导下，在市人大及其常委会有力监督下，依法履行法律监督职责。"
    "全年共办理审查逮捕案件5725件8616人，同比上升27.65%；受理审查起诉案件6120件7894人，提起公诉5832人，"
    "认罪认罚从宽制度适用率达91.3%，量刑建议采纳率为96.8%。",
    "坚持以人民为中心，办理群众信访件1286件，做到7日内程序性回复、3个月内办理过程或结果答复率100%。"
    "开展司法救助，向困难当事人发放救助金216.5万元，帮助群众解决“急难愁盼”问题。",
    "二、加强诉讼监督",
    "监督公安机关立案126件、撤案211件，纠正漏捕47人、漏诉89人；对认为确有错误的刑事裁判提出抗诉31件，"
    "法院已改判或发回重审19件。办理民事生效裁判监督案件402件，提出再审检察建议37件，发出执行活动监督检察建议158件。"
    "公益诉讼立案318件，发出诉前检察建议276件，督促清理固体废物1.2万吨，追偿生态修复费用430万元。",
    "三、2024年工作安排",
    "2024年，全市检察机关将坚持稳中求进工作总基调，全面提升法律监督质效，为建设更高水平的平安临江、法治临江作出新的更大贡献。",
]
TABLE = [["项目", "2022年", "2023年"], ["审查逮捕（件）", "5012", "5725"], ["提起公诉（人）", "5403", "5832"]]
REPORT = [TITLE, SUBTITLE, *PARAGRAPHS[:6], *["\t".join(r) for r in TABLE], *PARAGRAPHS[6:]]
FONT = "STSong-Light"


def _font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def report_pdf(repeat: int = 1, header: str = "临江市人民检察院") -> bytes:
    """A report as a word processor prints it: centred title, indented justified paragraphs that
    wrap across lines and pages, a table, a running header and "— N —" page numbers.
    ``repeat`` > 1 repeats the paragraphs (a longer document for timing)."""
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

    _font()
    body = ParagraphStyle("body", fontName=FONT, fontSize=14, leading=26, firstLineIndent=28,
                          alignment=TA_JUSTIFY, wordWrap="CJK")
    centred = ParagraphStyle("title", parent=body, fontSize=20, leading=32, alignment=TA_CENTER, firstLineIndent=0)
    small = ParagraphStyle("subtitle", parent=centred, fontSize=14, leading=26)

    def furniture(canvas, doc) -> None:
        canvas.setFont(FONT, 10)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 40, header)
        canvas.drawCentredString(A4[0] / 2, 30, f"— {doc.page} —")

    story = [Paragraph(TITLE, centred), Paragraph(SUBTITLE, small), Spacer(1, 12)]
    for _ in range(repeat):
        story += [Paragraph(p, body) for p in PARAGRAPHS[:6]]
        story += [Spacer(1, 8), Table(TABLE, colWidths=[160, 120, 120], style=[("FONT", (0, 0), (-1, -1), FONT, 12)]),
                  Spacer(1, 8)]
        story += [Paragraph(p, body) for p in PARAGRAPHS[6:]]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, title=TITLE).build(story, onFirstPage=furniture, onLaterPages=furniture)
    return buf.getvalue()


SPACED = ["二〇二三年全市检察机关共办理审查逮捕案件5725件8616人，", "同比上升27.65%。"]


def spaced_pdf() -> bytes:
    """Lines set with extra space between the glyphs (as justified or letter-spaced Chinese text is)."""
    from reportlab.pdfgen import canvas

    _font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    text = c.beginText(72, 760)
    text.setFont(FONT, 12)
    text.setCharSpace(4)
    for line in SPACED:
        text.textLine(line)
    c.drawText(text)
    c.save()
    return buf.getvalue()


def image_pdf() -> bytes:
    """A scanned page: one image, no text layer."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (200, 280), 255)
    for x in range(20, 180):
        image.putpixel((x, 40), 0)
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawImage(ImageReader(image), 72, 300, width=400, height=560)
    c.save()
    return buf.getvalue()


def encrypted_pdf(user_password: str = "secret") -> bytes:
    """``report_pdf`` encrypted (RC4-128) with an owner password and ``user_password`` ("" opens
    without one, copying forbidden). pypdf encrypts: reportlab's own encryption leaves strings
    (the font's CIDSystemInfo) unencrypted, which a conforming reader then garbles."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(report_pdf())))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128", permissions_flag=-3904)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()
