"""Every error jcreport reports, with its exit code and one-line message.

Each kind of failure has its own exit code (documented in the README), so scripts can tell a
missing file from an undecodable one. They are ``click.ClickException`` subclasses: the CLI prints
``Error: <message>`` on one line and exits with the code, never with a traceback.
"""
from __future__ import annotations

import click


class JcreportError(click.ClickException):
    """Base class: ``kind`` names the failure in batch error lines, ``exit_code`` is its exit code."""

    kind = "error"
    exit_code = 1

    def __init__(self, path: str | None, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}" if path else problem)

    def __reduce__(self):
        """Pickle with both arguments, so errors cross into worker processes and back."""
        return (type(self), (self.path, self.problem))


class InputNotFound(JcreportError):
    kind, exit_code = "not_found", 3


class InputIsDirectory(JcreportError):
    kind, exit_code = "is_directory", 4


class EmptyInput(JcreportError):
    kind, exit_code = "empty", 5


class BinaryInput(JcreportError):
    kind, exit_code = "binary", 6


class UndecodableInput(JcreportError):
    kind, exit_code = "undecodable", 7


class LexiconError(JcreportError):
    kind, exit_code = "lexicon", 8


class OutputError(JcreportError):
    kind, exit_code = "output", 9


class UnreadableInput(JcreportError):
    kind, exit_code = "unreadable", 10


class UnsupportedFormat(JcreportError):
    """A format jcreport cannot read (legacy .doc, images, unknown binary types)."""

    kind, exit_code = "unsupported_format", 11


class NoTextLayer(JcreportError):
    """A document with no extractable text (a scanned PDF, an HTML page with no body text)."""

    kind, exit_code = "no_text", 12


class BrokenDocument(JcreportError):
    """A .docx, .pdf or archive member that is truncated or corrupt."""

    kind, exit_code = "broken_document", 13


class DocumentTooLarge(JcreportError):
    kind, exit_code = "too_large", 14


class DocumentTimeout(JcreportError):
    kind, exit_code = "timeout", 15


class ArchiveError(JcreportError):
    """An archive that is unreadable or breaks the limits against archive bombs."""

    kind, exit_code = "archive", 16


class BackendUnavailable(JcreportError):
    """An optional backend (a tokenizer such as hanlp or jieba, an executor such as dask, opencc)
    whose extra is not installed, or whose local model folder is missing or unreadable."""

    kind, exit_code = "backend", 17


class DatabaseMismatch(JcreportError):
    """A SQLite output written by another schema version of jcreport (PRAGMA user_version)."""

    kind, exit_code = "database", 18


EXIT_CODES = {
    cls.kind: cls.exit_code
    for cls in (InputNotFound, InputIsDirectory, EmptyInput, BinaryInput, UndecodableInput,
                LexiconError, OutputError, UnreadableInput, UnsupportedFormat, NoTextLayer,
                BrokenDocument, DocumentTooLarge, DocumentTimeout, ArchiveError, BackendUnavailable,
                DatabaseMismatch)
}


# How each exit code reads in --help (every command's epilog lists the codes it can give).
EXIT_HELP = {0: "ok", 1: "some documents failed (batch)", 2: "usage error", 3: "no such file", 4: "a directory",
             5: "empty input", 6: "binary input", 7: "undecodable text", 8: "bad lexicon", 9: "cannot write output",
             10: "unreadable file", 11: "unsupported format", 12: "no text layer", 13: "broken document",
             14: "too large", 15: "timed out", 16: "bad archive",
             17: "backend not installed or model folder unusable", 18: "database of another schema version", 130: "interrupted (Ctrl-C)",
             143: "terminated (SIGTERM)"}


def exit_codes_epilog(codes: list[int]) -> str:
    """The epilog listing ``codes`` (click keeps a \\b paragraph as written)."""
    return "\b\nExit codes:\n" + "\n".join(f"  {c:>3}  {EXIT_HELP[c]}" for c in codes)
