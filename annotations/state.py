"""The store's in-memory image: tables of plain dicts plus per-article indexes.

Records are never mutated in place, only replaced, so a fold can snapshot the tables with a
shallow copy and serialise them while new changes keep arriving. The indexes keep the app's
per-article questions O(highlights of that article) at 50k annotations.

A change is a list of ops, `["put", table, key, record]` or `["del", table, key]`. Both are
idempotent, which is what makes replaying a journal over a file that already contains part
of it harmless.
"""

from __future__ import annotations

from typing import Any

from annotations.schema import TABLES, Tables, empty_tables

Op = list[Any]
INDEXED = ("highlights", "corrections", "articles", "memos")


def put(table: str, key: str, record: dict[str, Any]) -> Op:
    return ["put", table, key, record]


def delete(table: str, key: str) -> Op:
    return ["del", table, key]


def _with_text_tags(record: dict[str, Any]) -> dict[str, Any]:
    """An article state whose tags are all text. `reader import` once merged `"tags":
    [null, 5]` as it was, and every later import, export and tag of that store ended in a
    traceback; such entries are no tag, so they are left out (and the next save drops
    them from the file)."""
    tags = record.get("tags")
    if isinstance(tags, list) and all(isinstance(t, str) and t for t in tags):
        return record
    kept = [t for t in tags if isinstance(t, str) and t] if isinstance(tags, list) else []
    return {**record, "tags": kept}


class State:
    def __init__(self, tables: Tables | None = None) -> None:
        self.tables: Tables = empty_tables()
        # article id -> ordered set of record keys (of every coder), for the INDEXED tables
        self.by_article: dict[str, dict[str | None, dict[str, None]]] = {t: {} for t in INDEXED}
        for name, records in (tables or {}).items():
            for key, record in records.items():
                self._put(name, key, record)

    def get(self, table: str, key: str) -> dict[str, Any] | None:
        return self.tables[table].get(key)

    def keys_for(self, table: str, article: str | None) -> list[str]:
        return list(self.by_article[table].get(article, ()))

    def _put(self, table: str, key: str, record: dict[str, Any]) -> None:
        if table not in self.tables:
            return  # a newer version's table in a journal entry: ignored (store is read-only)
        if table == "articles":
            record = _with_text_tags(record)
        if table in INDEXED:
            old = self.tables[table].get(key)
            if old is not None and old.get("article") != record.get("article"):
                self._unindex(table, key, old.get("article"))
            self.by_article[table].setdefault(record.get("article"), {})[key] = None
        self.tables[table][key] = record

    def _unindex(self, table: str, key: str, article: str | None) -> None:
        keys = self.by_article[table].get(article)
        if keys is not None:
            keys.pop(key, None)
            if not keys:
                del self.by_article[table][article]

    def _delete(self, table: str, key: str) -> None:
        if table not in self.tables:
            return
        old = self.tables[table].pop(key, None)
        if old is not None and table in INDEXED:
            self._unindex(table, key, old.get("article"))

    def apply(self, ops: list[Op]) -> None:
        for op in ops:
            if op[0] == "put":
                self._put(op[1], op[2], op[3])
            elif op[0] == "del":
                self._delete(op[1], op[2])

    def snapshot(self) -> Tables:
        """A consistent copy, cheap because records are replaced, never edited."""
        return {name: dict(self.tables[name]) for name in TABLES}

    def count(self) -> int:
        return sum(len(t) for t in self.tables.values())
