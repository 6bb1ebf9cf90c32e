"""Consistency checks over the figures of a document; findings become ``warnings``."""
from __future__ import annotations

from ..doc import Doc
from .figures import Figure, is_basis_period


def _label(doc: Doc, fig: Figure) -> str:
    return f"{doc.text(fig.start, fig.end)}@{doc.pos.source(fig.start)}"


def breakdown(doc: Doc, figs: list[Figure], words: list[str]) -> list[str]:
    """A 其中 breakdown whose parts exceed the total stated before it."""
    out = []
    for i, total in enumerate(figs):
        if total.number.value is None or total.change is not None:
            continue
        nxt = figs[i + 1] if i + 1 < len(figs) else None
        if nxt is None or nxt.sentence != total.sentence:
            continue
        between = doc.norm[total.end:nxt.start]
        if not any(w in between for w in words):
            continue
        parts = []
        for j in range(i + 1, len(figs)):             # a sentence's figures are contiguous: stop where it ends
            f = figs[j]
            if f.sentence != total.sentence:
                break
            if f.change is None and f.number.unit == total.number.unit and f.number.kind == total.number.kind == "count":
                parts.append(f)
        values = [p.number.value for p in parts]
        if parts and None not in values and sum(values) > total.number.value:
            out.append(f"{total.section or '-'}: 其中 parts {'+'.join(_label(doc, p) for p in parts)} sum to "
                       f"{sum(values):g}, more than the stated total {_label(doc, total)}")
    return out


def changes(doc: Doc, figs: list[Figure]) -> list[str]:
    """A stated change (同比上升30%) that contradicts the two values it compares."""
    out = []
    by_sentence: dict[tuple[int, int], list[Figure]] = {}
    for f in figs:
        by_sentence.setdefault(f.sentence, []).append(f)
    for fig in figs:
        if fig.change is None or fig.refers_to is None or fig.number.unit not in ("%", "个百分点"):
            continue
        cur = figs[fig.refers_to]
        prev = next((f for f in by_sentence[fig.sentence] if f is not cur and f.change is None
                     and f.number.unit == cur.number.unit and is_basis_period(doc, f)), None)
        if prev is None or None in (cur.number.value, prev.number.value, fig.number.value) or not prev.number.value:
            continue
        if fig.number.unit == "%":
            actual = (cur.number.value - prev.number.value) / prev.number.value * 100
        else:
            actual = cur.number.value - prev.number.value
        stated = fig.number.value if fig.change.direction == "up" else -fig.number.value
        if abs(actual - stated) > max(0.5, abs(stated) * 0.05):
            out.append(f"{fig.section or '-'}: stated change {_label(doc, fig)} ({fig.change.direction}) does not match "
                       f"{_label(doc, prev)} -> {_label(doc, cur)} ({actual:+.2f})")
    return out


def redacted(figs: list[Figure]) -> list[str]:
    n = sum(f.number.redacted for f in figs)
    return [f"{n} redacted number{'s' if n != 1 else ''} (value null)"] if n else []
