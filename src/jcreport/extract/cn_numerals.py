"""Resolve the digits of a number as written: Arabic, Chinese numerals, with 万/亿 multipliers."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10_000, "亿": 100_000_000}


def cn_integer(text: str) -> int:
    """Value of a Chinese numeral.

    >>> [cn_integer(t) for t in ["三十", "两", "一千二百", "十一", "九十八", "二〇二四", "一万二千", "三亿五千万"]]
    [30, 2, 1200, 11, 98, 2024, 12000, 350000000]

    A last digit after a unit of a hundred or more stands for the next lower unit (elided):

    >>> [cn_integer(t) for t in ["两万五", "一百五", "三千五万", "一千零五", "二十五"]]
    [25000, 150, 35000000, 1005, 25]
    """
    if text and all(ch in _DIGITS for ch in text) and len(text) > 1:
        return int("".join(str(_DIGITS[ch]) for ch in text))  # 二〇二四: digit by digit
    total, section, digit, last = 0, 0, 0, 0    # last: the unit just written, for an elided one (两万五)
    for ch in text:
        if ch in _DIGITS:
            digit, last = _DIGITS[ch], (0 if ch in "零〇" else last)
        elif ch in _SMALL:
            section += (digit or 1) * _SMALL[ch]
            digit, last = 0, _SMALL[ch]
        elif ch in _BIG:
            section += digit * last // 10 if last >= 100 else digit
            total = (total + section) * _BIG[ch] if _BIG[ch] > 10_000 else total + section * _BIG[ch]
            section, digit, last = 0, 0, _BIG[ch]
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return total + section + (digit * last // 10 if last >= 100 else digit)


def to_decimal(digits: str) -> Decimal:
    """Digits as written (Arabic with separators, or Chinese) to an exact Decimal.

    >>> to_decimal("1,234"), to_decimal("27.65"), to_decimal("一千二百"), to_decimal("九十八点五")
    (Decimal('1234'), Decimal('27.65'), Decimal('1200'), Decimal('98.5'))
    """
    if "点" in digits:
        whole, frac = digits.split("点", 1)
        return Decimal(cn_integer(whole)) + Decimal("0." + "".join(str(_DIGITS[ch]) for ch in frac))
    if digits[0].isdigit():
        try:
            return Decimal(digits.replace(",", ""))
        except InvalidOperation:
            raise ValueError(f"not a number: {digits!r}") from None
    return Decimal(cn_integer(digits))


def plain(value: Decimal) -> int | float:
    """An int when the value is whole, else a float."""
    return int(value) if value == value.to_integral_value() else float(value)


def cn_neighbours(text: str) -> tuple[int, int] | None:
    """Two neighbouring digits written together mean "two or three": 两三 -> (2, 3), 七八 -> (7, 8).

    A unit after the pair scales both: 五六十 -> (50, 60), 三四百 -> (300, 400).

    >>> cn_neighbours("两三"), cn_neighbours("三四"), cn_neighbours("二〇"), cn_neighbours("三十"), cn_neighbours("五六十")
    ((2, 3), (3, 4), None, None, (50, 60))
    """
    scale = 1
    if len(text) == 3 and text[2] in _SMALL:
        text, scale = text[:2], _SMALL[text[2]]
    if len(text) == 2 and text[0] in _DIGITS and text[1] in _DIGITS:
        a, b = _DIGITS[text[0]], _DIGITS[text[1]]
        if a and b == a + 1:
            return a * scale, b * scale
    return None
