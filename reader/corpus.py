"""Finding and decoding the articles of a corpus.

A corpus is a folder of `.txt` files (searched recursively, ordered by path) or a single
`.txt` file; JSON Lines files (`.jsonl`, `.jsonl.gz`) in the folder, or given alone, add
one article per record (see `reader.jsonl`). Scraped text arrives in every state: BOMs,
CRLF, cp1252, UTF-16, NUL-filled binaries that were renamed `.txt`, empty files and
multi-gigabyte dumps. None of those may stop the rest of the corpus from loading, so every
bad file becomes a `Skipped` entry with a reason a person understands, and decoding never
raises.

Scanning only stats files (names, sizes, mtimes); reading happens per article, so a
100,000-article corpus can show its first screen before any text is read.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader.errors import UserError

if TYPE_CHECKING:
    from reader.jsonl import JsonlIndexer, RecordRef

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
ANNOTATIONS_FILE = "annotations.json"


class ArticleError(Exception):
    """An article that cannot be shown; the message is the reason given to the user."""


@dataclass(slots=True)
class Article:
    """One `.txt` file or JSON Lines record. `title` and `words` are filled once read.

    For a record, `path` is its JSON Lines file, `record` says where its bytes are, `size`
    is the record's length and `mtime_ns` a CRC of its bytes (so the summary cache keyed
    on them stays valid when other records are appended). `headline`, `url`, `date` and
    `source` are the metadata the record or a `.txt` sidecar gave (see `reader.metadata`).
    """

    id: str
    path: Path
    size: int
    mtime_ns: int
    title: str | None = None
    words: int | None = None
    lossy: bool = False
    headline: str | None = None
    record: RecordRef | None = None
    url: str | None = None
    date: str | None = None
    source: str | None = None

    @property
    def display_title(self) -> str:
        return self.headline or self.title or self.id


@dataclass(frozen=True, slots=True)
class Skipped:
    id: str
    path: Path
    reason: str


@dataclass(frozen=True, slots=True)
class Decoded:
    """Article text as the app holds it: no BOM, `\\n` line ends.

    `lossy` is True when the bytes were not valid UTF-8 and a fallback decoding was used;
    offsets into `text` are what annotations and `reader analyze` refer to.
    """

    text: str
    encoding: str
    lossy: bool = False


@dataclass(slots=True)
class Corpus:
    """The articles found under `root`; `single_file` is set for a one-file corpus."""

    root: Path
    articles: list[Article]
    skipped: list[Skipped] = field(default_factory=list)
    single_file: Path | None = None
    _index: dict[str, int] = field(default_factory=dict, repr=False)
    # JSON Lines files still being indexed (scan(background=True)); see `extend`
    pending: list[JsonlIndexer] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._index = {a.id: i for i, a in enumerate(self.articles)}

    def get(self, article_id: str) -> Article | None:
        i = self._index.get(article_id)
        return None if i is None else self.articles[i]

    def article(self, article_id: str) -> Article:
        """The article with this id, or a UserError naming it."""
        found = self.get(article_id)
        if found is None:
            raise self.not_found(article_id)
        return found

    def not_found(self, article_id: str) -> UserError:
        """The error for an unknown id, naming the article meant where one is evident (an
        id is the file's path in the corpus, ".txt" and all: "000_trump" for
        "000_trump.txt" is a slip worth a hint, not a guess acted on)."""
        msg = f"no article {article_id!r} in the corpus {self.root}"
        want = article_id.removesuffix(".txt")
        close = [a.id for a in self.articles if a.id.removesuffix(".txt") == want]
        if not close:
            close = [a.id for a in self.articles if want and a.id.startswith(want)][:4]
        if not close:
            import difflib

            close = difflib.get_close_matches(article_id, list(self._index), n=3)
        if close:
            msg += " (did you mean " + " or ".join(repr(c) for c in close[:3]) + "?)"
        return UserError(msg)

    @property
    def default_db_path(self) -> Path:
        """Where annotations live unless `--db` says otherwise."""
        if self.single_file is not None:
            return self.single_file.with_name(self.single_file.name + ".annotations.json")
        return self.root / ANNOTATIONS_FILE

    def extend(self, articles: list[Article]) -> None:
        """Add articles found later (records of a JSON Lines file indexed in the background)."""
        start = len(self.articles)
        self.articles.extend(articles)
        for i, a in enumerate(articles, start):
            self._index[a.id] = i

    def finish_pending(self) -> None:
        """Index the rest of every JSON Lines file now (the commands want it all)."""
        while self.pending:
            indexer = self.pending.pop(0)
            indexer.run()
            found, bad = indexer.take()
            self.extend(found)
            self.skipped.extend(bad)

    def remove_article(self, article: Article, reason: str) -> None:
        """Move an article that turned out unreadable to the skipped list."""
        self.articles = [a for a in self.articles if a.id != article.id]
        self._index = {a.id: i for i, a in enumerate(self.articles)}
        self.skipped.append(Skipped(article.id, article.path, reason))


def decode(data: bytes) -> Decoded:
    """Decode article bytes; never raises.

    UTF-8 (with or without BOM) first, then UTF-16 when a BOM says so, then cp1252, which
    accepts nearly every byte; the last resort is UTF-8 with replacement characters.
    """
    if data.startswith(codecs.BOM_UTF8):
        data, bom = data[len(codecs.BOM_UTF8) :], True
    else:
        bom = False
    encoding = "utf-8-sig" if bom else "utf-8"
    lossy = False
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        lossy = True
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text, encoding = data.decode("utf-16", errors="replace"), "utf-16"
        else:
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text, encoding = data.decode("utf-8", errors="replace"), "utf-8 (replaced)"
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(text, encoding, lossy)


def looks_binary(data: bytes) -> bool:
    """A NUL byte anywhere means binary, unless a UTF-16 BOM explains it.

    The whole file is already in memory and the search is a memchr (well under a
    millisecond a megabyte), so there is no reason to look at the first block only: a NUL
    at byte 5,000 or 500,000 is as much a sign of a PDF, a database or a corrupt file.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in data


def read_text(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """Read and decode one article, or raise ArticleError with the reason to show."""
    try:
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except IsADirectoryError as exc:
        raise ArticleError("is a folder") from exc
    except PermissionError as exc:
        raise ArticleError("unreadable: permission denied") from exc
    except OSError as exc:
        raise ArticleError(f"unreadable: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise ArticleError(f"larger than the {_human(max_bytes)} size cap")
    if looks_binary(data):
        raise ArticleError("binary file (contains NUL bytes)")
    decoded = decode(data)
    # nothing, only spaces, or a byte-order mark alone (`isspace` copies nothing)
    if not decoded.text or decoded.text.isspace():
        raise ArticleError("empty file")
    return decoded


def locator(article: Article) -> str | RecordRef:
    """What a worker process needs to read the article: its path, or its record's place."""
    return article.record if article.record is not None else str(article.path)


def read_located(where: str | os.PathLike[str] | RecordRef, max_bytes: int = DEFAULT_MAX_BYTES
                 ) -> Decoded:
    """Read a `.txt` path or a JSON Lines record (see `locator`); ArticleError says why not."""
    if isinstance(where, (str, os.PathLike)):
        return read_text(Path(where), max_bytes)
    from reader.jsonl import read_record

    return Decoded(read_record(where, max_bytes), "utf-8")


def read_article(article: Article, max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """The decoded text of an article, whatever holds it; ArticleError says why not."""
    return read_located(locator(article), max_bytes)


def first_line_title(text: str) -> str:
    """The first non-blank line, trimmed: the title until headline detection says better."""
    for line in text.split("\n", 50):
        stripped = line.strip()
        if stripped:
            return stripped[:300]
    return ""


def count_words(text: str) -> int:
    return len(text.split())


def summarize(article: Article, text: str, title: str | None = None) -> None:
    """Fill the listing fields of an article from its text."""
    article.title = title if title is not None else first_line_title(text)
    article.words = count_words(text)


def _human(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:g} {unit}" if unit == "bytes" else f"{n:.0f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return str(n)


def _walk(
    root: str,
    prefix: str = "",
    seen: set[tuple[int, int]] | None = None,
    extras: list[tuple[str, os.DirEntry[str]]] | None = None,
) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """Depth-first over `*.txt` as (id: path under the corpus with `/`, entry), skipping
    hidden files and folders (.git, caches). Ids are built by string joins, not relpath:
    at 100,000 files that is the difference between 30 ms and half a second. Each folder
    is entered once, so a symlink back up the tree is not a loop. JSON Lines files, `.txt`
    metadata sidecars and `metadata.csv` files go to `extras` (see `is_extra`)."""
    if seen is None:
        try:
            st = os.stat(root)
            seen = {(st.st_dev, st.st_ino)}
        except OSError:
            return
    try:
        with os.scandir(root) as it:
            entries = list(it)
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=True):
                st = entry.stat(follow_symlinks=True)
                key = (st.st_dev, st.st_ino)
                if key in seen:
                    continue
                seen.add(key)
                yield from _walk(entry.path, prefix + name + "/", seen, extras)
            elif name.lower().endswith(".txt"):
                yield prefix + name, entry
            elif extras is not None and is_extra(name):
                extras.append((prefix + name, entry))
        except OSError:
            continue


def is_extra(name: str) -> bool:
    """A file scan notes besides `.txt`: JSON Lines, a sidecar, `metadata.csv`."""
    low = name.lower()
    return (
        low.endswith((".jsonl", ".jsonl.gz", ".txt.json")) or low == "metadata.csv"
    )


def scan(
    path: str | os.PathLike[str],
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    lazy_stat_over: int | None = None,
    text_field: str | None = None,
    background: float | None = None,
) -> Corpus:
    """List the articles of a corpus (see `_scan`), JSON Lines records and metadata included.

    JSON Lines files are indexed here, from their saved index when it is fresh. With
    `background` (seconds), indexing stops after about that long and the rest is left in
    `corpus.pending` for the caller to finish (`Corpus.finish_pending`, or the app's
    indexing thread), so a 2 GB file does not delay the first frame.
    """
    extras: list[tuple[str, Path]] = []
    corpus = _scan(path, max_bytes, lazy_stat_over=lazy_stat_over, extras=extras)
    if extras:
        from reader.metadata import add_extras

        add_extras(corpus, extras, text_field=text_field, max_bytes=max_bytes,
                   background=background)
    return corpus


def _scan(
    path: str | os.PathLike[str],
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    lazy_stat_over: int | None = None,
    extras: list[tuple[str, Path]],
) -> Corpus:
    """List the articles of a corpus from file metadata alone (no article is read).

    With `lazy_stat_over`, a folder of more files than that is listed from names alone:
    articles get size and mtime_ns -1 and nobody is skipped here; the caller stats each
    file later (the app's indexer does, and reports empty, oversized and unreadable files
    as it reads them). Stat-ing 100,000 files costs a quarter of a second before the
    first frame otherwise.

    Raises UserError when the path does not exist or is not a folder or `.txt` file.
    """
    p = Path(path).expanduser()
    if not p.exists():
        raise UserError(f"no such file or folder: {path}")
    if not_utf8(str(p.resolve())):  # caches, the search index and exports record it
        raise UserError(f"the path {printable_name(str(p.resolve()))} is not UTF-8: rename "
                        "the folder (or copy the corpus elsewhere) to open it")
    articles: list[Article] = []
    skipped: list[Skipped] = []

    def add(file_path: Path, rel: str, stat: os.stat_result | None) -> None:
        if stat is None:
            skipped.append(Skipped(rel, file_path, "unreadable: cannot stat"))
        elif stat.st_size == 0:
            skipped.append(Skipped(rel, file_path, "empty file"))
        elif stat.st_size > max_bytes:
            skipped.append(Skipped(rel, file_path, f"larger than the {_human(max_bytes)} size cap"))
        elif not readable(stat, file_path):
            skipped.append(Skipped(rel, file_path, "unreadable: permission denied"))
        else:
            articles.append(Article(rel, file_path, stat.st_size, stat.st_mtime_ns))

    euid = os.geteuid() if hasattr(os, "geteuid") else None

    def readable(stat: os.stat_result, file_path: Path) -> bool:
        """os.access, but from the mode bits when they settle it (one syscall less a file)."""
        if euid is not None:
            mode = stat.st_mode
            if euid == 0 or (mode & 0o400 if stat.st_uid == euid else mode & 0o044 == 0o044):
                return True
        return os.access(file_path, os.R_OK)

    if p.is_file() and is_extra(p.name) and not p.name.lower().endswith(".txt.json"):
        extras.append((p.name, p.resolve()))
        return Corpus(p.parent.resolve(), articles, skipped, single_file=p.resolve())
    if p.is_file():
        root = p.parent.resolve()
        side = p.with_name(p.name + ".json")
        if side.is_file():
            extras.append((side.name, side.resolve()))
        try:
            stat = p.stat()
        except OSError:
            stat = None
        if not_utf8(p.name):
            skipped.append(Skipped(printable_name(p.name), p.resolve(), NOT_UTF8))
        else:
            add(p.resolve(), p.name, stat)
        return Corpus(root, articles, skipped, single_file=p.resolve())
    if not p.is_dir():
        raise UserError(f"not a folder or a .txt file: {path}")
    root = p.resolve()
    found_extras: list[tuple[str, os.DirEntry[str]]] = []
    found = list(_walk(str(root), extras=found_extras))
    found_extras = _named_in_utf8(found_extras, skipped)  # (a .jsonl's ids hold its name)
    extras.extend((rel, Path(entry.path)) for rel, entry in found_extras)
    found.sort(key=lambda item: item[0])
    found = _named_in_utf8(found, skipped)
    make_path = _path_maker(root, found[0] if found else None)
    append = articles.append
    if lazy_stat_over is not None and len(found) > lazy_stat_over:
        for rel, entry in found:
            append(Article(rel, make_path(rel, entry), -1, -1))
        return Corpus(root, articles, skipped)
    for rel, entry in found:  # the common case inline: this loop runs once per article
        try:
            stat = entry.stat(follow_symlinks=True)
        except OSError:
            stat = None
        file_path = make_path(rel, entry)
        if stat is not None and 0 < stat.st_size <= max_bytes and (
            euid == 0 or readable(stat, file_path)
        ):
            append(Article(rel, file_path, stat.st_size, stat.st_mtime_ns))
        else:
            add(file_path, rel, stat)
    return Corpus(root, articles, skipped)


NOT_UTF8 = "its name is not UTF-8 (rename the file to read it)"


def not_utf8(rel: str) -> bool:
    """A name the file system gave in bytes that are not UTF-8 (Python holds them as
    surrogate escapes): no cache, index, annotation file or export can write it."""
    if rel.isascii():  # (the common case, without encoding 100,000 names)
        return False
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def printable_name(rel: str) -> str:
    """The name with each byte that is not UTF-8 shown as U+FFFD, to say which file."""
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _named_in_utf8(found: list[tuple[str, os.DirEntry[str]]], skipped: list[Skipped]
                   ) -> list[tuple[str, os.DirEntry[str]]]:
    """`found` without the files whose path under the corpus is not UTF-8, which go to
    `skipped` with the reason (their id could never be saved: the app crashed on one)."""
    bad = [item for item in found if not_utf8(item[0])]
    if not bad:
        return found
    for rel, entry in bad:
        skipped.append(Skipped(printable_name(rel), Path(entry.path), NOT_UTF8))
    return [item for item in found if not not_utf8(item[0])]


def _path_maker(root: Path, sample: tuple[str, os.DirEntry[str]] | None):  # type: ignore[no-untyped-def]
    """A fast `Path(entry.path)` for scan: on Python 3.11 building a Path parses the string
    (about 4 µs, 0.4 s at 100,000 files), so the parts are joined directly; from 3.12 on
    parsing is lazy and plain `Path` is used. Checked once against `Path` before use."""
    import sys

    def plain(rel: str, entry: os.DirEntry[str]) -> Path:
        return Path(entry.path)

    from_parts = getattr(type(root), "_from_parsed_parts", None)
    if sample is None or sys.version_info[:2] != (3, 11) or from_parts is None:
        return plain
    drv, top, parts = root._drv, root._root, list(root._parts)  # type: ignore[attr-defined]

    def fast(rel: str, entry: os.DirEntry[str]) -> Path:
        return from_parts(drv, top, parts + rel.split("/"))  # type: ignore[no-any-return]

    try:
        ok = fast(*sample) == plain(*sample) and str(fast(*sample)) == str(plain(*sample))
    except Exception:
        ok = False
    return fast if ok else plain


def open_corpus(
    path: str | os.PathLike[str],
    max_bytes: int = DEFAULT_MAX_BYTES,
    read: bool = True,
    text_field: str | None = None,
) -> Corpus:
    """Scan a corpus and, with `read`, read every article to fill titles and word counts.

    Articles that turn out binary or unreadable move to `skipped`. Raises UserError when
    nothing readable is left, so every command fails the same way on an empty folder.
    """
    corpus = scan(path, max_bytes, text_field=text_field)
    if read:
        from reader.titles import title_of

        for article in list(corpus.articles):
            try:
                decoded = read_article(article, max_bytes)
            except ArticleError as exc:
                corpus.remove_article(article, str(exc))
                continue
            summarize(article, decoded.text, title_of(decoded.text))
            article.lossy = decoded.lossy
    if not corpus.articles:
        from reader.unread_files import skipped_note, unread_note

        detail = skipped_note(corpus.skipped) if corpus.skipped else unread_note(path)
        raise UserError(f"no articles (.txt files or JSON Lines records) in {path}{detail}")
    return corpus


def bundled_corpus() -> Path:
    """The two seed articles shipped inside the package."""
    return Path(__file__).resolve().parent / "seeds"
