"""Convert one Item into a result: a Report (as a JSON-ready dict), a skip, or an error.

Runs in a worker process (or in-process with -j 1), or in a Dask worker's thread (the settings are
then installed on each worker under a run's name, see dask_executor.py). Whatever goes wrong with one document becomes
a recorded error line, so one bad file never stops the run: the known failures as their
JcreportError kind, a document over the time limit as ``timeout``, anything unexpected as
``internal`` with its message.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DocumentTooLarge, JcreportError, UnreadableInput
from ..doc import doc_id_of
from ..formats import read_document
from ..lexicons import Lexicon
from ..pipeline import extract
from ..render import shape_sentences
from ..tokenize import DEFAULT
from .deadline import Expired, expired, time_limit
from .inputs import Item, Limits
from .sqlite import rows as sqlite_rows


@dataclass
class Settings:
    """What every worker needs: set once in the parent before the pool forks, or shipped to each Dask
    worker once (pickled; the lexicon travels loaded, so workers need no lexicon files)."""

    limits: Limits = field(default_factory=Limits)
    lexicon: Lexicon | None = None
    tokenizer: str = DEFAULT
    skip: frozenset[tuple[str, str]] = frozenset()     # (path, doc_id) already in every output
    emit_text: Path | None = None
    sqlite_rows: bool = False                           # build the SQLite rows here, in the worker
    sentences: str = "text"                             # --sentences text | span | none


SETTINGS = Settings()
INSTALLED: dict[str, Settings] = {}                     # a Dask worker's settings, by the name of their run


def read_bytes(item: Item, limits: Limits) -> bytes:
    """The document's bytes: read already from an archive, or read here from its file (size checked first)."""
    if item.data is not None:
        return item.data
    path = Path(item.file)
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise DocumentTooLarge(item.path, f"{size} bytes, more than the limit of {limits.max_bytes}")
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableInput(item.path, f"cannot read: {exc.strerror or exc}") from None


def error_result(path: str, kind: str, message: str) -> dict:
    line = {"error": {"path": path, "kind": kind, "message": message}}
    return {"status": "error", "path": path, "json": json.dumps(line, ensure_ascii=False, separators=(",", ":"))}


def convert_installed(name: str, item: Item) -> dict:
    """convert() with the settings installed on this worker under ``name``."""
    settings = INSTALLED.get(name)
    if settings is None:
        return error_result(item.path, "backend", f"{item.path}: this worker has no settings for run {name}")
    return convert(item, settings)


def convert(item: Item, settings: Settings | None = None) -> dict:
    """The result of one document (see module doc); never raises."""
    s = settings or SETTINGS
    if item.error is not None:
        return error_result(item.path, item.error.kind, item.error.message)
    try:
        with time_limit(s.limits.timeout, item.path):
            doc = read_document(read_bytes(item, s.limits), item.path)
            doc_id = doc_id_of(doc.text)
            if (item.path, doc_id) in s.skip:          # already done: decided on the bytes, not extracted again
                return {"status": "skipped", "path": item.path, "doc_id": doc_id}
            report = extract(doc.text, path=item.path, encoding=doc.encoding, format=doc.format,
                             lexicon=s.lexicon, tokenizer=s.tokenizer)
    except JcreportError as exc:
        return error_result(item.path, exc.kind, exc.message)
    except Expired:                                    # landed outside the limit's own handling
        late = expired(item.path, s.limits.timeout)
        return error_result(item.path, late.kind, late.message)
    except (Exception, MemoryError) as exc:  # noqa: BLE001 - one document's failure is recorded, the run goes on
        return error_result(item.path, "internal", f"{item.path}: {type(exc).__name__}: {exc}")
    if s.emit_text is not None:
        try:
            (s.emit_text / f"{report.doc_id.split(':')[1]}.txt").write_text(doc.text, encoding="utf-8")
        except OSError as exc:                         # an unwritable --emit-text folder: this document's error
            return error_result(item.path, "output", f"{s.emit_text}: cannot write the text: {exc.strerror or exc}")
    records = len(report.metrics) + len(report.case_counts) + len(report.measures) + len(report.campaigns)
    if s.sentences == "text" and not s.sqlite_rows:  # the common case: pydantic's serializer, no dict
        text = report.model_dump_json()
        rows = None
    else:
        line = report.model_dump(mode="json")
        rows = sqlite_rows(line, with_sentences=s.sentences != "none") if s.sqlite_rows else None
        text = json.dumps(shape_sentences(line, s.sentences), ensure_ascii=False, separators=(",", ":"))
    return {"status": "ok", "path": item.path, "doc_id": report.doc_id, "chars": len(doc.text), "records": records,
            "json": text, "rows": rows}
