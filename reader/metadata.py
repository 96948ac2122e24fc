"""Article metadata (URL, date, source, given title) and the files that bring it.

JSON Lines records carry their own (`reader.jsonl`). A `.txt` article gets it from a sidecar:

* `NAME.txt.json` beside `NAME.txt`: one JSON object with any of `title`, `url`, `date`
  (or `date_publish`, `published`) and `source` (or `source_domain`, `site`); or
* one `metadata.csv` at the top of the corpus folder: a header row with an `id` column
  (the article id as `reader list` prints it; the `.txt` may be left off) and any of the
  same columns.

A value given closer to the article wins: the record itself, then its `.txt.json`, then
`metadata.csv`; a source that is given nowhere is taken from the URL's host. A sidecar that
cannot be read is listed as skipped with the reason; the article itself still loads.

Dates are kept as written; `date_key` reads the ISO `YYYY-MM-DD` prefix (also from
`YYYY/MM/DD` and a Unix time) that `date:` filters and sorting compare.
"""

from __future__ import annotations

import bisect
import csv
import re
import time
from datetime import UTC, datetime
from pathlib import Path

import orjson

from reader.corpus import Article, Corpus, Skipped

META_FILE = "metadata.csv"
_DATE = re.compile(r"^\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?")


def date_key(value: str | None) -> str | None:
    """`2020-01-05T10:00Z` → `2020-01-05`; `2020/1/5` → `2020-01-05`; `2020-03` stays;
    `20200105` and a Unix time (seconds or milliseconds) are read too; else None."""
    if not value:
        return None
    v = value.strip()
    if v.isdigit() and len(v) > 4:
        if len(v) == 8:
            return f"{v[:4]}-{v[4:6]}-{v[6:]}"
        stamp = int(v) / (1000 if len(v) > 11 else 1)
        try:
            return datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%d")
        except (OverflowError, OSError, ValueError):
            return None
    m = _DATE.match(v)
    if m is None:
        return None
    year, month, day = m.groups()
    out = year
    if month:
        out += f"-{int(month):02d}"
        if day:
            out += f"-{int(day):02d}"
    return out


def filter_keys(articles: list[Article]) -> list[tuple[str | None, str | None]]:
    """(source and URL lower-cased, ISO date) per article: what `site:` and `date:` test."""
    return [
        (f"{a.source or ''} {a.url or ''}".lower() if a.source or a.url else None,
         date_key(a.date))
        for a in articles
    ]


def fill(article: Article, record: dict[str, object]) -> None:
    """Give the article each metadata field it does not have yet."""
    from reader.jsonl import metadata_of

    title, url, date, source = metadata_of(record)
    article.headline = article.headline or title
    article.url = article.url or url
    article.date = article.date or date
    given = record.get("source") or record.get("source_domain") or record.get("site")
    if source and (article.source is None or (given and article.source == _host(article))):
        article.source = source


def _host(article: Article) -> str | None:
    from reader.jsonl import host_of

    return host_of(article.url)


def read_sidecar(path: Path) -> dict[str, object]:
    """The object in a `.txt.json` sidecar; ValueError with the reason when it is not one."""
    try:
        raw = path.read_bytes()
        data = orjson.loads(raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw)  # (Windows)
    except OSError as exc:
        raise ValueError(f"unreadable: {exc.strerror or exc}") from exc
    except orjson.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON ({str(exc).split(':')[0]})") from exc
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    return data


def _delimiter(header: str) -> str:
    """`,`, or the `;` (or tab) the header row is split by: a spreadsheet in a European
    locale saves CSV with semicolons, and `id;title;url` read as one column "had no 'id'
    column"."""
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def read_metadata_csv(path: Path) -> dict[str, dict[str, object]]:
    """Rows of `metadata.csv` by id; ValueError when it has no `id` column."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            delimiter = _delimiter(f.readline())
            f.seek(0)  # (the decoder starts again: a byte-order mark is skipped again)
            reader = csv.DictReader(f, delimiter=delimiter)
            fields = [(name or "").strip().lower() for name in reader.fieldnames or []]
            if "id" not in fields:
                raise ValueError("metadata ignored: no 'id' column in the header row")
            out: dict[str, dict[str, object]] = {}
            for row in reader:
                clean = {(k or "").strip().lower(): (v or "").strip()
                         for k, v in row.items() if isinstance(v, str)}
                key = str(clean.get("id", ""))
                if key:
                    out[key] = {k: v for k, v in clean.items() if v}
            return out
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ValueError(f"metadata ignored: {exc}") from exc


def add_extras(
    corpus: Corpus,
    extras: list[tuple[str, Path]],
    *,
    text_field: str | None,
    max_bytes: int,
    background: float | None,
) -> None:
    """Add JSON Lines records in path order, then apply sidecars and `metadata.csv`."""
    from reader.jsonl import is_jsonl_name, open_indexer

    jsonl = sorted((rel, p) for rel, p in extras if is_jsonl_name(rel))
    sidecars = [(rel, p) for rel, p in extras if rel.lower().endswith(".txt.json")]
    tables = [(rel, p) for rel, p in extras if rel.lower() == META_FILE]
    deadline = None if background is None else time.monotonic() + background
    if jsonl:
        ids = [a.id for a in corpus.articles]
        blocks: list[tuple[int, list[Article]]] = []
        for rel, path in jsonl:
            indexer = open_indexer(path, rel, text_field, max_bytes,
                                   quick=deadline is not None,
                                   beside=corpus.single_file is None)
            if deadline is None:
                indexer.run()
            else:
                # (after a quick start from the saved head, the rest waits for the caller)
                while not indexer.done and not indexer.quick and time.monotonic() < deadline:
                    indexer.step(256)
            found, bad = indexer.take()
            blocks.append((bisect.bisect_left(ids, rel), found))
            corpus.skipped.extend(bad)
            if not indexer.done:
                corpus.pending.append(indexer)
        for pos, found in reversed(blocks):
            corpus.articles[pos:pos] = found
        corpus._index = {a.id: i for i, a in enumerate(corpus.articles)}
    for rel, path in sidecars:
        article = corpus.get(rel[: -len(".json")]) or corpus.get(Path(rel).name[: -len(".json")])
        if article is None:
            continue
        try:
            fill(article, read_sidecar(path))
        except ValueError as exc:
            corpus.skipped.append(Skipped(rel, path, f"metadata ignored: {exc}"))
    for rel, path in tables:
        if rel != META_FILE:
            continue  # only the one at the top of the corpus
        try:
            rows = read_metadata_csv(path)
        except ValueError as exc:
            corpus.skipped.append(Skipped(rel, path, str(exc)))
            continue
        for key, row in rows.items():
            article = corpus.get(key) or corpus.get(key + ".txt")
            if article is not None:
                fill(article, row)
