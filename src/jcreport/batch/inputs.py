"""Inputs of a batch run, expanded lazily into Items in a deterministic order.

A path is a file, a folder (walked recursively in sorted order, filtered by --glob), a .zip or
.tar/.tar.gz/.tgz archive (members read as streams, never written to disk), or a list file
(--from-list: one path a line). Archive members are checked against limits that stop archive bombs:
member count, member size (read, not trusted from headers) and compression ratio.
"""
from __future__ import annotations

import fnmatch
import tarfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import ArchiveError, DocumentTooLarge, InputNotFound, JcreportError

DOCUMENT_GLOBS = ("*.txt", "*.html", "*.htm", "*.docx", "*.pdf")   # no *.doc: legacy Word is always refused
ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
_COMPRESSED_TARS = (".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
# Members kept for hard links to them (a link is read as its own member): at most this many bytes.
_LINK_CACHE_BYTES = 64_000_000


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 20_000_000          # one document, after decompression
    max_members: int = 100_000           # members of one archive
    max_ratio: float = 100.0             # uncompressed / compressed, per member and per archive
    timeout: float = 60.0                # seconds of extraction per document


@dataclass
class Item:
    """One document to convert: a file the worker reads, or bytes already read from an archive."""

    path: str                            # as shown and recorded: a file path or "archive.zip!/member"
    file: str | None = None
    data: bytes | None = None
    error: JcreportError | None = None   # a problem found while reading the input itself


def is_archive(name: str) -> bool:
    return name.lower().endswith(ARCHIVE_SUFFIXES)


def _matches(path: Path, globs: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(path.name, g) or fnmatch.fnmatch(path.as_posix(), g) for g in globs)


def _walk(folder: Path, globs: tuple[str, ...]) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts):
            if is_archive(path.name) or _matches(path, globs):
                yield path


def _zip_items(path: Path, limits: Limits, globs: tuple[str, ...]) -> Iterator[Item]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        yield Item(str(path), error=ArchiveError(str(path), f"not a readable zip archive ({exc})"))
        return
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        if len(members) > limits.max_members:
            yield Item(str(path), error=ArchiveError(str(path), f"{len(members)} members, more than the limit of {limits.max_members}"))
            return
        for info in members:
            name = f"{path}!/{info.filename}"
            if not _matches(Path(info.filename), globs):
                continue
            if info.file_size > limits.max_bytes:
                yield Item(name, error=DocumentTooLarge(name, f"{info.file_size} bytes, more than the limit of {limits.max_bytes}"))
                continue
            if info.compress_size and info.file_size / info.compress_size > limits.max_ratio:
                yield Item(name, error=ArchiveError(name, f"compression ratio {info.file_size / info.compress_size:.0f}:1 "
                                                          f"above the limit of {limits.max_ratio:.0f}:1 (archive bomb?)"))
                continue
            yield _read_member(name, lambda info=info: archive.open(info), limits)


def _read_member(name: str, opener, limits: Limits) -> Item:
    """Read at most max_bytes + 1 bytes: the size in a header is not trusted."""
    try:
        with opener() as fh:
            data = fh.read(limits.max_bytes + 1)
    except (zipfile.BadZipFile, tarfile.TarError, zlib.error, OSError, EOFError, RuntimeError, ValueError) as exc:
        return Item(name, error=ArchiveError(name, f"unreadable archive member ({exc})"))
    if len(data) > limits.max_bytes:
        return Item(name, error=DocumentTooLarge(name, f"more than the limit of {limits.max_bytes} bytes"))
    return Item(name, data=data)


def _tar_items(path: Path, limits: Limits, globs: tuple[str, ...]) -> Iterator[Item]:
    """Members of a tar archive (plain, gzip, bzip2 or xz), read as a stream. A hard link is its own
    member, with the data of the member it links to. In a compressed archive, a member over the size
    limit ends the reading: going past it would inflate it whole."""
    compressed = max(path.stat().st_size, 1)
    squeezed = path.name.lower().endswith(_COMPRESSED_TARS)
    total = count = 0
    kept: dict[str, bytes] = {}                       # recent members' data, for hard links to them
    kept_bytes = 0
    try:
        with tarfile.open(path, mode="r|*") as archive:
            for member in archive:
                if not (member.isfile() or member.islnk()):
                    continue
                count += 1
                name = f"{path}!/{member.name}"
                if count > limits.max_members:
                    yield Item(name, error=ArchiveError(str(path), f"more than {limits.max_members} members"))
                    return
                if member.islnk():
                    if _matches(Path(member.name), globs):
                        data = kept.get(member.linkname)
                        yield Item(name, data=data) if data is not None else Item(
                            name, error=ArchiveError(name, f"a hard link to {member.linkname}, which was not read"))
                    continue
                if member.size > limits.max_bytes:
                    if _matches(Path(member.name), globs) or squeezed:
                        yield Item(name, error=DocumentTooLarge(name, f"{member.size} bytes, more than the limit of {limits.max_bytes}"))
                    if squeezed:
                        yield Item(str(path), error=ArchiveError(str(path), f"members after {member.name} not read: "
                                                                            "a compressed member over the size limit is not inflated"))
                        return
                    continue
                if not _matches(Path(member.name), globs):
                    continue
                item = _read_member(name, lambda member=member: archive.extractfile(member), limits)
                total += len(item.data or b"")
                if total / compressed > limits.max_ratio and total > limits.max_bytes:
                    yield Item(name, error=ArchiveError(str(path), "compression ratio above the limit (archive bomb?)"))
                    return
                if item.data is not None:
                    kept_bytes += len(item.data) - len(kept.pop(member.name, b""))
                    kept[member.name] = item.data
                    while kept_bytes > _LINK_CACHE_BYTES and len(kept) > 1:
                        kept_bytes -= len(kept.pop(next(iter(kept))))
                yield item
    except (tarfile.TarError, OSError, EOFError) as exc:
        yield Item(str(path), error=ArchiveError(str(path), f"truncated or unreadable tar archive ({exc})"))


def expand(inputs: Iterable[str], globs: tuple[str, ...] = (), limits: Limits = Limits()) -> Iterator[Item]:
    """Items of every input, in order: files as given, folders sorted, archive members in archive order.
    A file reached twice (a folder and a file inside it, a path listed twice, a hard link) is given
    once, where it is first reached."""
    globs = globs or DOCUMENT_GLOBS
    seen: set[tuple[int, int]] = set()
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            for found in _walk(path, globs):
                if _first(found, seen):
                    yield from _one(found, limits, globs)
        elif path.exists():
            if _first(path, seen):
                yield from _one(path, limits, globs)
        else:
            yield Item(raw, error=InputNotFound(raw, "no such file"))


def _first(path: Path, seen: set[tuple[int, int]]) -> bool:
    """Whether this file (device and inode: the same file by any name) is reached for the first time."""
    try:
        st = path.stat()
    except OSError:
        return True
    key = (st.st_dev, st.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True


def _one(path: Path, limits: Limits, globs: tuple[str, ...]) -> Iterator[Item]:
    name = path.name.lower()
    if name.endswith(".zip"):
        yield from _zip_items(path, limits, globs)
    elif is_archive(name):
        yield from _tar_items(path, limits, globs)
    else:
        yield Item(str(path), file=str(path))


def read_list(lines: Iterable[str]) -> Iterator[str]:
    """Paths of a --from-list file: one a line; blank lines and # comments skipped."""
    for line in lines:
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


def count(inputs: Iterable[str], globs: tuple[str, ...] = ()) -> int | None:
    """How many items ``expand`` will give, when that is cheap to know (files, folders, zip
    directories); None when a tar archive is among the inputs (its members are known only by reading it)."""
    globs = globs or DOCUMENT_GLOBS
    total = 0
    for raw in inputs:
        path = Path(raw)
        for found in (_walk(path, globs) if path.is_dir() else [path]):
            name = found.name.lower()
            if name.endswith(".zip"):
                try:
                    with zipfile.ZipFile(found) as archive:
                        total += sum(1 for m in archive.infolist() if not m.is_dir() and _matches(Path(m.filename), globs))
                except (zipfile.BadZipFile, OSError):
                    total += 1
            elif is_archive(name):
                return None
            else:
                total += 1
    return total
