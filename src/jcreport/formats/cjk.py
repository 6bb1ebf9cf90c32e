"""Whitespace around Chinese text: what a line wrap or a layout gap leaves between CJK characters.

>>> join_wrapped("共办理审查逮捕案件", "5725件。")
'共办理审查逮捕案件5725件。'
>>> join_wrapped("the text", "layer")
'the text layer'
>>> squeeze_layout_spaces("共 办 理 案 件 5725 件 , 同比 上升 27.65 %")
'共办理案件5725件,同比上升27.65 %'
>>> squeeze_source_breaks("嫌疑人\\n2146人，\\n        起诉5832人。 共 计 Case\\nclosed")
'嫌疑人2146人，起诉5832人。 共 计 Case\\nclosed'
"""
from __future__ import annotations

import re

# CJK ideographs, kana, Hangul, CJK and full-width punctuation, and the quotes, dashes and
# ellipsis that Chinese text uses.
CJK = (r"\u2e80-\u2fff\u3001-\u303f\u3040-\u30ff\u3100-\u312f\u3200-\u9fff\uac00-\ud7af"
       r"\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6\u2018-\u201f\u2014\u2026")
_CJK_CHAR = re.compile(f"[{CJK}]")
# Spaces a PDF layout leaves next to a CJK character (glyph gaps, justified lines).
_LAYOUT_SPACE = re.compile(f"(?<=[{CJK}])[ \\t\\u00a0\\u3000]+|[ \\t\\u00a0\\u3000]+(?=[{CJK}])")
# A line break in HTML source next to a CJK character: an editor's wrap (Word's "save as web page"
# wraps anywhere), not a space (CSS drops it between two CJK characters; we drop it beside one).
_SOURCE_BREAK = re.compile(f"(?<=[{CJK}])[ \\t]*[\\r\\n][ \\t\\r\\n]*|[ \\t]*[\\r\\n][ \\t\\r\\n]*(?=[{CJK}])")


def is_cjk(ch: str) -> bool:
    return bool(ch) and _CJK_CHAR.match(ch) is not None


def join_wrapped(left: str, right: str) -> str:
    """Join two pieces of one paragraph broken by a line wrap: no space next to a CJK character."""
    if not left or not right:
        return left + right
    if is_cjk(left[-1]) or is_cjk(right[0]) or left[-1].isspace() or right[0].isspace():
        return left + right
    return f"{left} {right}"


def squeeze_layout_spaces(line: str) -> str:
    """Drop the spaces next to CJK characters that text-layer extraction puts between glyphs."""
    return _LAYOUT_SPACE.sub("", line)


def squeeze_source_breaks(text: str) -> str:
    """Drop source line breaks (and the indentation around them) next to a CJK character."""
    return _SOURCE_BREAK.sub("", text)
