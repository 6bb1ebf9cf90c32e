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
    """
    if text and all(ch in _DIGITS for ch in text) and len(text) > 1:
        return int("".join(str(_DIGITS[ch]) for ch in text))  # 二〇二四: digit by digit
    total, section, digit = 0, 0, 0
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _SMALL:
            section += (digit or 1) * _SMALL[ch]
            digit = 0
        elif ch in _BIG:
            section += digit
            total = (total + section) * _BIG[ch] if _BIG[ch] > 10_000 else total + section * _BIG[ch]
            section, digit = 0, 0
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return total + section + digit


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

    >>> cn_neighbours("两三"), cn_neighbours("三四"), cn_neighbours("二〇"), cn_neighbours("三十")
    ((2, 3), (3, 4), None, None)
    """
    if len(text) == 2 and text[0] in _DIGITS and text[1] in _DIGITS:
        a, b = _DIGITS[text[0]], _DIGITS[text[1]]
        if a and b == a + 1:
            return a, b
    return None
