"""The HanLP tokenizer backend (``pip install 'jcreport[hanlp]'``): a HanLP
``TransformerTaggingTokenizer`` loaded from a local model folder, never downloaded.

A model folder is what HanLP's trainer saves (config.json, vocabs.json, model.pt) plus, in its
``encoder`` subfolder, the transformer's config and vocabulary (``scripts/train_hanlp_tiny.py``
makes one). The encoder is loaded from that subfolder whatever path the model was trained at, so a
folder can be moved or copied; only its config is read (the weights are in model.pt).

HanLP drops whitespace and may split or normalize characters, so the text is segmented in pieces
(runs of non-space text, cut at a clause mark before ``PIECE_CHARS``) and the words are cut out of
the text by the offsets HanLP reports: the words always concatenate to the text exactly, and
whitespace and anything HanLP skipped become tokens of their own. The lexicons' domain words go to
HanLP's ``dict_force`` (matched on the input before the model, so a domain word is one token
wherever it occurs, the way jieba's user dictionary keeps it whole).

``hanlp`` (and torch, transformers) are imported only when a backend is built.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import BackendUnavailable
from .tokens import Tokens

ENV = "JCREPORT_HANLP_MODEL"
CLASSPATH = "hanlp.components.tokenizers.transformer.TransformerTaggingTokenizer"
PIECE_CHARS = 126                               # the length the tiny model is trained on (a BERT takes 510)
_RUN = re.compile(r"\S+")
_CUT = re.compile(r"[。！？；，、：,;:!?]")


def check_model(folder: str | Path) -> Path:
    """The model folder, or BackendUnavailable naming what is wrong with it."""
    path = Path(folder)
    if not path.is_dir():
        raise BackendUnavailable(str(path), "no such HanLP model folder")
    config = path / "config.json"
    try:
        classpath = json.loads(config.read_text(encoding="utf-8")).get("classpath")
    except (OSError, ValueError, AttributeError) as exc:
        raise BackendUnavailable(str(path), f"not a HanLP model folder: cannot read config.json "
                                            f"({getattr(exc, 'strerror', None) or exc})") from None
    if classpath != CLASSPATH:
        raise BackendUnavailable(str(path), f"not a HanLP tokenizer model: its classpath is {classpath!r}, "
                                            f"jcreport reads {CLASSPATH.rsplit('.', 1)[1]}")
    for name in ("model.pt", "vocabs.json", "encoder/config.json"):
        if not (path / name).is_file():
            raise BackendUnavailable(str(path), f"incomplete HanLP model folder: no {name}")
    return path


def load_model(folder: str | Path):
    """The HanLP tokenizer component saved in ``folder``, on the CPU, without any download."""
    path = check_model(folder)
    try:
        from hanlp.components.tokenizers.transformer import TransformerTaggingTokenizer
    except ImportError as exc:
        raise BackendUnavailable(None, f"tokenizer hanlp is not installed ({exc}): "
                                       "pip install 'jcreport[hanlp]'") from None
    component = TransformerTaggingTokenizer()
    try:
        component.load(str(path), devices=-1, verbose=False, transformer=str(path / "encoder"))
    except Exception as exc:  # noqa: BLE001 - any failure to build the model is this folder's problem
        first = (str(exc).strip().splitlines() or [""])[0]
        raise BackendUnavailable(str(path), f"cannot load the HanLP model: {type(exc).__name__}: {first}") from None
    component.config.output_spans = True
    return component


def pieces(text: str, limit: int = PIECE_CHARS) -> Iterator[tuple[int, str]]:
    """``(start, piece)`` for the runs of non-space text, a run longer than ``limit`` cut after its
    last clause mark within the limit (else at the limit)."""
    for run in _RUN.finditer(text):
        start, end = run.span()
        while end - start > limit:
            window = text[start:start + limit]
            marks = [m.end() for m in _CUT.finditer(window)]
            cut = marks[-1] if marks else limit
            yield start, window[:cut]
            start += cut
        yield start, text[start:end]


def align(text: str, spans: Iterable[tuple[int, int]]) -> list[str]:
    """The words of ``text`` cut at the given ``(start, end)`` spans; every gap between them (a
    whitespace character, or what the model skipped) is a word of its own per whitespace character,
    so the words concatenate to ``text``. Overlapping or empty spans are clipped."""
    words: list[str] = []
    pos = 0

    def gap(upto: int) -> None:
        rest = text[pos:upto]
        for run in re.finditer(r"\s|\S+", rest):
            words.append(run.group())

    for start, end in spans:
        start, end = max(start, pos), min(end, len(text))
        if end <= start:
            continue
        if start > pos:
            gap(start)
        words.append(text[start:end])
        pos = end
    gap(len(text))
    return words


class HanLPTokenizer:
    """A HanLP model folder as a jcreport tokenizer."""

    name = "hanlp"

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self._model = load_model(folder)
        self._words: set[str] = set()

    def add_words(self, words: Iterable[str]) -> None:
        self._words.update(w for w in words if w and not w.isspace())
        self._model.dict_force = set(self._words) or None

    def tokenize(self, text: str) -> Tokens:
        found = list(pieces(text))
        spans: list[tuple[int, int]] = []
        if found:
            results = self._model([p for _, p in found])
            for (offset, piece), words in zip(found, results):
                spans.extend((offset + b, offset + e) for _, b, e in words)
        return Tokens.from_words(align(text, spans))
