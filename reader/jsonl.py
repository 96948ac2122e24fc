"""JSON Lines corpora: one article per line, as scrapers and archives write them.

news-please, trafilatura's JSON output and CC-News dumps write one JSON object per line
with the text and, often, a URL, a date and a source. A record's text is its `text`
field, else `maintext`, else `content`, else `body` (`--text-field` names another); the
optional `id`, `title`, `url`, `date` (or `date_publish`, `published`) and `source` (or
`source_domain`, `site`; else the URL's host) become the article's metadata.

Identity: `FILE#ID` when the record has an id, else `FILE#LINE` (1-based), where FILE is
the file's path in the corpus. Appending records changes neither, so annotations stay
attached; an edit of one record leaves every other record's id alone too. When an explicit
id equals the number of a line without one (`"id": 7` and line 7), the earlier of the two
keeps `FILE#7` and the later one is `FILE#id:7` (the record with the id) or `FILE#line:7`
(the line without): never one id for two records, and never a record skipped for it.

A record is read by seeking to its offset, so a 2 GB file never has to be held in memory.
The offsets come from one pass over the file (the *index*), which is saved beside it as a
hidden `.NAME.reader-index` file (else in the user cache folder) and reused while the file
is unchanged; a file that holds no article, or that is opened alone as the corpus, keeps its
index in the user cache folder only (see `JsonlIndexer._save_paths`); when the file only
grew, only the new tail is indexed. The app indexes a large file in the background and
lists records as they are found. A `.jsonl.gz` is decompressed once, during that pass, into
a plain copy in the user cache folder that records are read from (beside the file, hidden,
only when the cache cannot be written).

A bad record (invalid JSON, not an object, no text, a duplicate id) is skipped with its
line number and reason, as bad files are.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import os
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

import orjson

from reader.corpus import Article, ArticleError, Skipped

TEXT_FIELDS = ("text", "maintext", "content", "body")
DATE_FIELDS = ("date", "date_publish", "published")
SOURCE_FIELDS = ("source", "source_domain", "site")
INDEX_VERSION = 3  # 2: an explicit id equal to another record's line number is kept
# 3: a byte-order mark before the first record and lone surrogate escapes are read, so
# indexes that skipped those records are made again
HEAD_ROWS = 2000  # records in the head file a warm start reads before the first frame
CHECK_BYTES = 64 * 1024  # head and tail of the indexed part, checked before reusing an index


def is_jsonl_name(name: str) -> bool:
    low = name.lower()
    return low.endswith(".jsonl") or low.endswith(".jsonl.gz")


@dataclass(frozen=True, slots=True)
class RecordRef:
    """Where one record's bytes are: picklable, so worker processes can read it."""

    path: str  # the plain file holding the line (the decompressed copy for .gz)
    offset: int
    length: int
    crc: int  # of the line's bytes: a record that moved or changed is refused, not misread
    field: str  # the text field found when indexing


class BadRecord(ValueError):
    """A line that is not an article; the message is the reason shown to the user."""


def _text_of(value: Any) -> str | None:
    return value if isinstance(value, str) and value and not value.isspace() else None


def _scalar(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (str, int, float)):
        s = " ".join(str(value).split())
        return s or None
    return None


def host_of(url: str | None) -> str | None:
    """`https://www.example.com/x` → `example.com` (the source when none is given)."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def metadata_of(record: dict[str, Any]) -> tuple[str | None, str | None, str | None, str | None]:
    """(title, url, date, source) from a record or a sidecar, each None when absent."""
    title = _scalar(record.get("title"))
    url = _scalar(record.get("url"))
    date = next((d for d in (_scalar(record.get(k)) for k in DATE_FIELDS) if d), None)
    source = next((s for s in (_scalar(record.get(k)) for k in SOURCE_FIELDS) if s), None)
    return title, url, date, source or host_of(url)


BOM = b"\xef\xbb\xbf"  # UTF-8's byte-order mark, which Windows tools put first in a file
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _replace_lone(value: Any) -> Any:
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_replace_lone(v) for v in value]
    if isinstance(value, dict):
        return {_replace_lone(k): _replace_lone(v) for k, v in value.items()}
    return value


def _with_lone_surrogates(raw: bytes, error: orjson.JSONDecodeError) -> Any:
    """A record orjson refuses only for a lone surrogate escape (`\\ud83d`: an emoji a
    scraper cut in half), read with U+FFFD for it: one character for one, so offsets
    hold. It was skipped whole as invalid JSON. Anything else raises BadRecord."""
    reason = f"invalid JSON ({str(error).split(':')[0]})"
    if b"\\u" not in raw or "surrogate" not in str(error):
        raise BadRecord(reason) from error
    import json

    try:
        return _replace_lone(json.loads(raw))
    except (ValueError, RecursionError):
        raise BadRecord(reason) from error


def parse_record(raw: bytes, text_field: str | None) -> tuple[dict[str, Any], str]:
    """The record and the name of its text field; BadRecord says why not."""
    try:
        record = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        record = _with_lone_surrogates(raw, exc)
    if not isinstance(record, dict):
        raise BadRecord(f"not a JSON object (a {type(record).__name__})")
    if text_field is not None:
        if text_field not in record:
            raise BadRecord(f"no {text_field!r} field")
        if _text_of(record[text_field]) is None:
            raise BadRecord(f"the {text_field!r} field is empty or not a string")
        return record, text_field
    for name in TEXT_FIELDS:
        if _text_of(record.get(name)) is not None:
            return record, name
    raise BadRecord("no text (none of the fields " + ", ".join(TEXT_FIELDS) + ")")


def record_text(value: str) -> str:
    """A record's text as the app holds it: `\\n` line ends, no BOM (as for `.txt`)."""
    if value.startswith("\ufeff"):
        value = value[1:]
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def read_record(ref: RecordRef, max_bytes: int) -> str:
    """The text of one record, or ArticleError with the reason to show."""
    if ref.length > max_bytes:
        raise ArticleError("record larger than the size cap")
    try:
        with open(ref.path, "rb") as f:
            f.seek(ref.offset)
            raw = f.read(ref.length)
    except OSError as exc:
        raise ArticleError(f"unreadable: {exc.strerror or exc}") from exc
    if len(raw) != ref.length or zlib.crc32(raw) != ref.crc:
        raise ArticleError("the file changed since it was indexed; reopen the corpus")
    try:
        record, name = parse_record(raw, ref.field)
    except BadRecord as exc:
        raise ArticleError(str(exc)) from exc
    return record_text(record[name])


# -- the index -------------------------------------------------------------------------

# a row: [line, offset, length, crc, field, id, title, url, date, source]
Row = list[Any]


def _hidden(path: Path, suffix: str) -> Path:
    return path.with_name(f".{path.name}.{suffix}")


def _fallback(path: Path, suffix: str) -> Path:
    """In the user cache folder, for a corpus in a read-only folder."""
    from reader.cache_places import user_cache

    digest = hashlib.sha1(str(path).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return user_cache("jsonl", f"{digest}.{suffix}")


def _open_plain_copy(source: Path) -> tuple[Path, IO[bytes]]:
    """Where a `.jsonl.gz` is decompressed to, opened for writing: the user cache folder
    (a cache), beside the file only when the cache cannot be written. Beside it, a hidden
    copy three or four times the size of the file appeared in the user's data folder,
    the folder they had compressed to save space (and that their backups and sync tools
    copy); one left there by an earlier version is removed once its replacement exists."""
    cached, beside = _fallback(source, "reader-plain"), _hidden(source, "reader-plain")
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        copy = open(cached, "wb")  # noqa: SIM115 (kept open across steps)
    except OSError:
        return beside, open(beside, "wb")  # noqa: SIM115
    with contextlib.suppress(OSError):
        beside.unlink(missing_ok=True)
    return cached, copy


def _old_plain(source: Path, plain: Path) -> bool:
    """A plain copy an earlier version left beside the file, while the cache can take it:
    index again, into the cache."""
    if plain != _hidden(source, "reader-plain"):
        return False
    folder = _fallback(source, "reader-plain").parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


def _head_path(index: Path) -> Path:
    return index.with_name(index.name.replace("reader-index", "reader-head"))


def _write(path: Path, payload: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(payload)
    os.replace(tmp, path)


def _crc_range(path: Path, start: int, length: int) -> int:
    with open(path, "rb") as f:
        f.seek(max(0, start))
        return zlib.crc32(f.read(max(0, length)))


@dataclass
class JsonlIndexer:
    """Indexes one JSON Lines file, all at once (`run`) or a batch at a time (`step`)."""

    source: Path
    rel: str
    text_field: str | None
    max_bytes: int
    rows: list[Row] = field(default_factory=list)
    bad: list[tuple[int, str]] = field(default_factory=list)
    done: bool = False
    end: int = 0  # bytes of the source (decompressed, for .gz) indexed so far
    line: int = 0  # lines indexed so far
    _ids: dict[str, int] = field(default_factory=dict)
    _stream: IO[bytes] | None = None
    _copy: IO[bytes] | None = None
    _plain: Path | None = None
    _size: int = 0
    _mtime_ns: int = 0
    _delivered: int = 0
    _bad_delivered: int = 0
    _quick: bool = False
    _open_line: tuple[int, int] | None = None  # (offset, line) of a last line with no newline
    beside: bool = True  # may the index be saved beside the file (see `_save_paths`)

    @property
    def gz(self) -> bool:
        return self.source.name.lower().endswith(".gz")

    @property
    def quick(self) -> bool:
        """Started from the saved head only; the next `step` reads the whole index."""
        return self._quick

    @property
    def plain(self) -> Path:
        return self._plain or self.source

    # -- reuse -------------------------------------------------------------------

    def _index_paths(self) -> list[Path]:
        return [_hidden(self.source, "reader-index"), _fallback(self.source, "reader-index")]

    def load_saved(self, quick: bool = False) -> None:
        """Take a saved index when it still describes the file (or a prefix of it).

        With `quick`, only the head file (the first HEAD_ROWS records) is read when the
        file is unchanged: the first screen needs no more, and parsing a 100,000-record
        index takes longer than the app may take to start. The next `step` reads the rest.
        """
        st = self.source.stat()
        self._size, self._mtime_ns = st.st_size, st.st_mtime_ns
        if quick and self._adopt_head(st):
            return
        for path in self._index_paths():
            try:
                data = orjson.loads(path.read_bytes())
            except (OSError, orjson.JSONDecodeError):
                continue
            if self._adopt(data, st):
                if self.done and path not in self._save_paths():
                    self.save()  # (an index an earlier version left beside it: moved)
                return

    def _adopt_head(self, st: os.stat_result) -> bool:
        for path in self._index_paths():
            try:
                data = orjson.loads(_head_path(path).read_bytes())
            except (OSError, orjson.JSONDecodeError):
                continue
            if not (
                isinstance(data, dict)
                and data.get("version") == INDEX_VERSION
                and data.get("field") == self.text_field
                and data.get("max_bytes") == self.max_bytes
                and data.get("size") == st.st_size
                and data.get("mtime_ns") == st.st_mtime_ns
                and isinstance(data.get("rows"), list)
            ):
                continue
            if self.gz:
                plain = Path(str(data.get("plain", "")))
                if not plain.is_file() or _old_plain(self.source, plain):
                    continue
                self._plain = plain
            self.rows = data["rows"]
            self.bad = [(int(n), str(why)) for n, why in data.get("bad", [])]
            self._quick = True
            return True
        return False

    def _finish_quick(self) -> None:
        """After a quick start: the whole saved index, else index from the start. Either
        way the head's records come first again, so what `take` handed out stays right."""
        self._quick = False
        self.rows, self.bad, self._ids, self.end, self.line = [], [], {}, 0, 0
        self._plain = None
        with contextlib.suppress(OSError):
            self.load_saved()

    def _adopt(self, data: Any, st: os.stat_result) -> bool:
        if not (
            isinstance(data, dict)
            and data.get("version") == INDEX_VERSION
            and data.get("field") == self.text_field
            and data.get("max_bytes") == self.max_bytes
            and isinstance(data.get("rows"), list)
        ):
            return False
        end, line = int(data.get("end", 0)), int(data.get("line", 0))
        if self.gz:
            plain = Path(str(data.get("plain", "")))
            if not (data.get("size") == st.st_size and data.get("mtime_ns") == st.st_mtime_ns
                    and plain.is_file() and plain.stat().st_size >= end
                    and not _old_plain(self.source, plain)):
                return False
            self._plain = plain
            full = True
        elif data.get("size") == st.st_size and data.get("mtime_ns") == st.st_mtime_ns:
            full = True
        elif st.st_size > end and end > 0:  # grown: the old part must be unchanged
            try:
                head = _crc_range(self.source, 0, min(CHECK_BYTES, end))
                tail = _crc_range(self.source, max(0, end - CHECK_BYTES), min(CHECK_BYTES, end))
            except OSError:
                return False
            if head != data.get("head") or tail != data.get("tail"):
                return False
            full = False
        else:
            return False
        self.rows = [r for r in data["rows"] if r[1] < end]
        self.bad = [(int(n), str(why)) for n, why in data.get("bad", []) if n <= line]
        self.end, self.line = end, line
        self._ids = {(r[5] if r[5] is not None else str(r[0])):
                     (r[0] if r[5] is not None else -r[0]) for r in self.rows}
        # unchanged: done, unless a last line without its newline is to be read again
        self.done = full and (self.gz or end == st.st_size)
        return True

    def save(self) -> None:
        """Write the index beside the file (else in the user cache); failure only costs time."""
        if self.gz:
            end, line, rows = self.end, self.line, self.rows
        else:
            # a last line without its newline may yet be completed by an append: re-read it
            end, line, rows = self._complete_part()
        try:
            head = _crc_range(self.plain, 0, min(CHECK_BYTES, end))
            tail = _crc_range(self.plain, max(0, end - CHECK_BYTES), min(CHECK_BYTES, end))
        except OSError:
            return
        payload = orjson.dumps({
            "version": INDEX_VERSION, "field": self.text_field, "max_bytes": self.max_bytes,
            "size": self._size, "mtime_ns": self._mtime_ns, "end": end, "line": line,
            "head": head, "tail": tail,
            "plain": str(self._plain) if self._plain else None,
            "rows": rows, "bad": [[n, why] for n, why in self.bad if n <= line],
        })
        complete = self.gz or end == self._size
        head_rows = rows[:HEAD_ROWS]
        last = head_rows[-1][0] if len(head_rows) == HEAD_ROWS else line
        head_payload = orjson.dumps({
            "version": INDEX_VERSION, "field": self.text_field, "max_bytes": self.max_bytes,
            "size": self._size, "mtime_ns": self._mtime_ns,
            "plain": str(self._plain) if self._plain else None,
            "rows": head_rows, "bad": [[n, why] for n, why in self.bad if n <= last],
        })
        for path in self._save_paths():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                _write(path, payload)
                if complete:
                    _write(_head_path(path), head_payload)
                else:
                    _head_path(path).unlink(missing_ok=True)
            except OSError:
                continue
            if path != _hidden(self.source, "reader-index"):
                self._drop_beside()
            return

    def _save_paths(self) -> list[Path]:
        """Where the index may be written, in order. Beside the file only for a file of
        articles in a folder corpus (the corpus's own place, shared with its other caches);
        a file of no articles (a `gold.jsonl` of labels among the `.txt`) and a file opened
        alone as the corpus (in a Downloads folder, say) are the user's, not the corpus's:
        their indexes go to the user cache folder, or nowhere (indexing again costs time
        only)."""
        if self.beside and self.rows:
            return self._index_paths()
        return [_fallback(self.source, "reader-index")]

    def _drop_beside(self) -> None:
        """An index an earlier version left beside the file, now that the cache holds it."""
        hidden = _hidden(self.source, "reader-index")
        for path in (hidden, _head_path(hidden)):
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)

    def _complete_part(self) -> tuple[int, int, list[Row]]:
        """(end, line, rows) up to the last line that ends with a newline."""
        if self._open_line is None:
            return self.end, self.line, self.rows
        start, line = self._open_line
        rows = self.rows[:-1] if self.rows and self.rows[-1][0] == line else self.rows
        return start, line - 1, rows

    # -- indexing ----------------------------------------------------------------

    def _open(self) -> None:
        if self.gz:
            plain, copy = _open_plain_copy(self.source)
            self._plain, self._copy = plain, copy
            self._stream = gzip.open(self.source, "rb")  # noqa: SIM115
            self.rows, self.bad, self._ids, self.end, self.line = [], [], {}, 0, 0
        else:
            stream = open(self.source, "rb")  # noqa: SIM115
            stream.seek(self.end)
            self._stream = stream

    def step(self, limit: int) -> None:
        """Index up to `limit` more lines; sets `done` (and saves the index) at the end."""
        if self._quick:
            self._finish_quick()
            return
        if self.done:
            return
        if self._stream is None:
            self._open()
        stream, copy = self._stream, self._copy
        assert stream is not None
        offset, line = self.end, self.line
        rows, ids, bad = self.rows, self._ids, self.bad
        text_field, cap, rel = self.text_field, self.max_bytes, self.rel
        n = 0
        try:
            for raw in stream:
                if copy is not None:
                    copy.write(raw)
                line += 1
                start, offset = offset, offset + len(raw)
                self._open_line = None if raw.endswith(b"\n") else (start, line)
                n += 1
                body = raw.rstrip(b"\r\n")
                if start == 0 and body.startswith(BOM):  # a file saved on Windows: the
                    body, start = body[len(BOM):], len(BOM)  # record starts after the mark
                if body.strip():
                    row = self._row(body, start, line, text_field, cap, rel, ids)
                    if isinstance(row, str):
                        bad.append((line, row))
                    else:
                        rows.append(row)
                if n >= limit:
                    break
            else:
                self.done = True
        except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
            bad.append((line + 1, f"unreadable from here on: {exc}"))
            self.done = True
        self.end, self.line = offset, line
        if copy is not None:
            copy.flush()
        if self.done:
            self.close()
            self.save()

    @staticmethod
    def _row(body: bytes, start: int, line: int, text_field: str | None, cap: int, rel: str,
             ids: dict[str, int]) -> Row | str:
        """The index row of one line, or the reason it is skipped."""
        if len(body) > cap:
            return "record larger than the size cap"
        try:
            record, name = parse_record(body, text_field)
        except BadRecord as exc:
            return str(exc)
        rid = _scalar(record.get("id"))
        key = rid if rid is not None else str(line)
        first = ids.get(key)
        if first is not None and (rid is None or first < 0):
            # an explicit id and an earlier line's number (or the reverse): both are kept,
            # the later one under a form of its own, so no id changes when lines are added
            key = f"id:{rid}" if rid is not None else f"line:{line}"
            rid, first = key, ids.get(key)
        if first is not None:  # the same explicit id twice
            return f"duplicate id {key!r} (first on line {abs(first)})"
        ids[key] = line if rid is not None else -line  # (negative: a line-number id)
        title, url, date, source = metadata_of(record)
        return [line, start, len(body), zlib.crc32(body), name, rid, title, url, date, source]

    def run(self) -> None:
        while not self.done:
            self.step(50_000)

    def close(self) -> None:
        for f in (self._stream, self._copy):
            if f is not None:
                f.close()
        self._stream = self._copy = None

    # -- results -----------------------------------------------------------------

    def article(self, row: Row) -> Article:
        line, offset, length, crc, name, rid, title, url, date, source = row
        return Article(
            f"{self.rel}#{rid if rid is not None else line}",
            self.source,
            length,
            crc,
            headline=title,
            record=RecordRef(str(self.plain), offset, length, crc, name),
            url=url,
            date=date,
            source=source,
        )

    def take(self) -> tuple[list[Article], list[Skipped]]:
        """The articles and skipped records found since the last call."""
        rows = self.rows[self._delivered :]
        self._delivered = len(self.rows)
        if not self.rows and not self.done:
            # no article yet: hold the skipped lines back, so a file that turns out to hold
            # no article at all (a labels file beside the .txt) is named once, not per line
            return [], []
        bad = self.bad[self._bad_delivered :]
        self._bad_delivered = len(self.bad)
        if not self.rows and len(bad) > 1 and all(why.startswith("no text") for _, why in bad):
            return [], [Skipped(self.rel, self.source,
                                f"not an article file: none of its {len(bad)} records has a "
                                f"text field ({', '.join(TEXT_FIELDS)}; --text-field names "
                                "another)")]
        return [self.article(r) for r in rows], [
            Skipped(f"{self.rel} line {n}", self.source, why) for n, why in bad
        ]


def open_indexer(
    source: Path, rel: str, text_field: str | None, max_bytes: int, *, quick: bool = False,
    beside: bool = True,
) -> JsonlIndexer:
    """An indexer for `source`, primed with its saved index when that is still good (with
    `quick`, its head only: see `JsonlIndexer.load_saved`). `beside=False` for a file
    opened alone as the corpus: its index is kept in the user cache folder."""
    indexer = JsonlIndexer(source, rel, text_field, max_bytes, beside=beside)
    with contextlib.suppress(OSError):
        indexer.load_saved(quick=quick)
    return indexer
