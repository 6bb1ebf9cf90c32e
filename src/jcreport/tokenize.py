"""Tokenizer interface and its jieba-family backends.

A backend turns text into ``(word, start, end)`` tokens with offsets into that text. ``rjieba``
(jieba-rs: jieba's dictionary and algorithm in Rust) is the default, chosen by measurement
(bench/tokenizers.py: about 18x jieba's throughput on the samples, and 0.2 s to load against 0.9 s).
The two differ only on runs of non-Chinese characters: rjieba keeps ``2023-12-13`` or ``sina.com``
as one token where jieba splits at the punctuation. Every backend owns a private dictionary
(never jieba's global one) to which the lexicons' domain words are added.

``hanlp`` (the extra ``jcreport[hanlp]``, module ``tokenize_hanlp``) segments with a HanLP model
from a local folder: named ``hanlp:FOLDER``, or ``hanlp`` with the folder in ``JCREPORT_HANLP_MODEL``.
A backend that is not installed, or a model folder that is missing or unusable, is
BackendUnavailable (exit 17).
"""
from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from .doc import Doc
from .errors import BackendUnavailable
from .lexicons import Lexicon
from .tokens import Tokens

__all__ = ["Tokens", "Tokenizer", "tokenizer", "run"]


class Tokenizer(Protocol):
    name: str

    def add_words(self, words: Iterable[str]) -> None: ...

    def tokenize(self, text: str) -> Tokens: ...


def _rjieba_class():
    """rjieba's Jieba class without importing the package: its ``__init__`` builds a default
    instance (the whole dictionary) that jcreport never uses, which doubled the start-up cost.
    Falls back to the plain import wherever the extension cannot be loaded on its own."""
    import importlib.machinery
    import importlib.util
    import sys

    if "rjieba" in sys.modules:
        return sys.modules["rjieba"].Jieba
    try:
        spec = importlib.util.find_spec("rjieba")
        origin = Path(spec.origin).parent
        binary = next(p for p in origin.iterdir() if p.name.startswith("rjieba.") and p.suffix in (".so", ".pyd"))
        loader = importlib.machinery.ExtensionFileLoader("rjieba.rjieba", str(binary))
        module = importlib.util.module_from_spec(importlib.util.spec_from_file_location("rjieba.rjieba", binary,
                                                                                        loader=loader))
        loader.exec_module(module)
        return module.Jieba
    except Exception:  # noqa: BLE001 - any packaging quirk: the ordinary import still works
        import rjieba

        return rjieba.Jieba


class RJiebaTokenizer:
    name = "rjieba"

    def __init__(self) -> None:
        self._jieba = _rjieba_class()()

    def add_words(self, words: Iterable[str]) -> None:
        for word in words:
            self._jieba.add_word(word, None, None)

    def tokenize(self, text: str) -> Tokens:
        return Tokens.from_words(self._jieba.cut(text, True))


class JiebaTokenizer:
    name = "jieba"

    def __init__(self) -> None:
        try:
            import jieba
        except ImportError as exc:
            raise BackendUnavailable(None, f"tokenizer jieba is not installed ({exc}): pip install jieba") from None

        jieba.setLogLevel(logging.WARNING)
        self._jieba = jieba.Tokenizer()

    def add_words(self, words: Iterable[str]) -> None:
        for word in words:
            self._jieba.add_word(word)

    def tokenize(self, text: str) -> Tokens:
        return Tokens.from_words(self._jieba.lcut(text, HMM=True))


def _hanlp(folder: str = "") -> Tokenizer:
    from .tokenize_hanlp import ENV, HanLPTokenizer

    folder = folder or os.environ.get(ENV, "")
    if not folder:
        raise BackendUnavailable(None, f"tokenizer hanlp needs a model folder: --hanlp-model DIR or {ENV}=DIR")
    return HanLPTokenizer(folder)


# Each backend is built from the text after its name's colon (hanlp:FOLDER), empty when none.
BACKENDS: dict[str, Callable[..., Tokenizer]] = {"rjieba": RJiebaTokenizer, "jieba": JiebaTokenizer, "hanlp": _hanlp}
DEFAULT = "rjieba"


def spec(name: str, model: str | None = None) -> str:
    """The tokenizer named ``name`` with a model folder (hanlp only): ``hanlp:/abs/folder``."""
    return f"{name}:{os.path.abspath(model)}" if name == "hanlp" and model else name


@lru_cache(maxsize=8)
def tokenizer(name: str, lex: Lexicon) -> Tokenizer:
    """A backend by name (``rjieba``, ``jieba``, ``hanlp`` or ``hanlp:FOLDER``) with the lexicon's
    domain words added (built once per lexicon)."""
    backend, _, arg = name.partition(":")
    if backend not in BACKENDS or (arg and backend != "hanlp"):
        raise ValueError(f"unknown tokenizer {name!r}; choose from {', '.join(BACKENDS)} (or hanlp:FOLDER)")
    tok = BACKENDS[backend](arg) if arg else BACKENDS[backend]()
    tok.add_words(lex.domain_words())
    return tok


def run(doc: Doc, tok: Tokenizer) -> None:
    """Reads ``norm``; writes ``tokens`` (offsets into the source, as norm has the same offsets)."""
    doc.tokens = tok.tokenize(doc.norm)
