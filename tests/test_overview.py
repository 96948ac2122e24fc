"""The overview's counts, speakers and quotations in context (no terminal needed)."""

from __future__ import annotations

from pathlib import Path

from annotations.model import ArticleState, Correction, Highlight
from reader.overview import (
    QuoteCache,
    bar,
    build_overview,
    quotations_of,
    speaker_rows,
)

TEXT = 'Intro line.\nThe mayor said "we will rebuild the harbour" on Monday.\n'
S, E = TEXT.index('"'), TEXT.rindex('"') + 1


def test_counts_per_tag_label_status_and_share_bands() -> None:
    ids = ["a", "b", "c"]
    states = [ArticleState("a", ["x", "y"], "done"), ArticleState("b", ["x"], "skipped"),
              ArticleState("gone", ["x"], "done")]
    hl = [Highlight.create("a", TEXT, 0, 5, "claim"), Highlight.create("a", TEXT, 6, 9, "claim"),
          Highlight.create("c", TEXT, 0, 5, "")]
    ov = build_overview(ids, states, hl, [0.05, 0.5, None], {})
    assert [(r.label, r.count, r.articles) for r in ov.tags] == [("x", 2, ["a", "b"]),
                                                                  ("y", 1, ["a"])]
    assert {r.label: r.count for r in ov.statuses} == {"todo": 1, "done": 1, "skipped": 1}
    assert {r.label: (r.count, r.articles) for r in ov.labels} == {
        "claim": (2, ["a"]), "(no label)": (1, ["c"])}
    assert [r.count for r in ov.shares] == [1, 0, 1, 0, 0]
    assert ov.mean_share == (0.05 + 0.5) / 2 and ov.analysed == 2


def test_speakers_ranked_with_corrections_applied() -> None:
    quotes = {"a": [[S, E, "Mayor Ann Lee"], [70, 80, "Bo"]], "b": [[1, 9, "Bo"],
                                                                  [20, 30, "Bo"]]}
    rows = speaker_rows(quotes)
    assert [(r.label, r.count, r.articles) for r in rows] == [
        ("Bo", 3, ["a", "b"]), ("Mayor Ann Lee", 1, ["a"])]
    fixes = [
        Correction("1", "quote_speaker", "a", start=S, end=E, value="Ann Lee"),
        Correction("2", "quote_reject", "b", start=1, end=9),
    ]
    rows = speaker_rows(quotes, fixes)
    assert {r.label: r.count for r in rows} == {"Bo": 2, "Ann Lee": 1}


def test_quotations_in_context_and_a_changed_article_is_skipped() -> None:
    quotes = {"a": [[S, E, "Ann Lee"]], "b": [[S, E, "Ann Lee"]]}
    texts = {"a": TEXT, "b": "short"}
    found = quotations_of("ann  lee", quotes, texts.get)
    assert len(found) == 1
    q = found[0]
    assert (q.article, q.line, q.quote) == ("a", 2, '"we will rebuild the harbour"')
    assert q.before == "The mayor said" and q.after == "on Monday."


def test_bar_scales_with_eighths() -> None:
    assert bar(10, 10, 4) == "████"
    assert bar(0, 10, 4) == "" and bar(1, 0, 4) == ""
    assert 0 < len(bar(1, 10, 4)) <= 1


def test_quote_cache_round_trip_and_staleness(tmp_path: Path) -> None:
    class A:
        def __init__(self, id: str, size: int) -> None:
            self.id, self.size, self.mtime_ns = id, size, 7

    cache = QuoteCache(tmp_path / "annotations.quotes.json")
    arts = [A("a", 10), A("b", 20)]
    assert cache.save("ctx", arts, {"a": [[1, 5, "Bo"]], "b": []})
    assert cache.load("ctx", arts) == {"a": [[1, 5, "Bo"]], "b": []}
    assert cache.load("other", arts) == {}  # other corpus evidence: found again
    assert cache.load("ctx", [A("a", 11), A("b", 20)]) == {"b": []}  # a was edited
    (tmp_path / "annotations.quotes.json").write_text("{broken")
    assert cache.load("ctx", arts) == {}


class _Art:
    __slots__ = ("id", "size", "mtime_ns")

    def __init__(self, id: str, size: int, mtime_ns: int = 7) -> None:
        self.id, self.size, self.mtime_ns = id, size, mtime_ns


def test_quote_cache_of_a_large_corpus_is_held_compactly(tmp_path: Path) -> None:
    """The app keeps every article's quotations for the overview: at 100,000 articles
    that must not cost tens of MB (it did: ~630 bytes an article as lists and strings),
    nor spike while the file is read or written."""
    import gc
    import tracemalloc

    n = 20_000
    arts = [_Art(f"f{i // 1000:03d}/a{i:06d}.txt", 1000 + i) for i in range(n)]
    names = [f"Speaker Number{i}" for i in range(500)]
    quotes = {a.id: [[10 * k, 10 * k + 9, names[(i + k) % 500]] for k in range(i % 3)]
              for i, a in enumerate(arts)}
    cache = QuoteCache(tmp_path / "annotations.quotes.json")
    assert cache.save("ctx", arts, quotes)
    gc.collect()
    tracemalloc.start()
    try:
        loaded = cache.load("ctx", arts)
        gc.collect()
        kept, peak = tracemalloc.get_traced_memory()
        assert cache.save("ctx", arts, loaded)
        _, save_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(loaded) == n and [list(r) for r in loaded[arts[4].id]] == quotes[arts[4].id]
    assert kept / n < 150, f"{kept / n:.0f} bytes an article kept"
    assert peak / n < 250, f"{peak / n:.0f} bytes an article at peak while loading"
    assert (save_peak - kept) / n < 250, f"{(save_peak - kept) / n:.0f} bytes while saving"
    assert cache.load("ctx", arts) == loaded  # what was saved reads back the same


def test_quote_cache_written_by_the_previous_version_is_still_read(tmp_path: Path) -> None:
    import orjson

    from reader.cache import detector_stamp

    path = tmp_path / "annotations.quotes.json"
    path.write_bytes(orjson.dumps({"version": 1, "detectors": detector_stamp(), "context": "c",
                                   "entries": {"a": [10, 7, [[1, 5, "Bo"]]], "b": [20, 7, []],
                                               "c": [30, 6, [[1, 2, "Al"]]]}}))
    arts = [_Art("a", 10), _Art("b", 20), _Art("c", 30)]
    got = QuoteCache(path).load("c", arts)
    assert {k: [list(r) for r in v] for k, v in got.items()} == {"a": [[1, 5, "Bo"]], "b": []}
    # (c changed since it was cached: it is analysed again)
    ov = build_overview(["a", "b", "c"], [], [], [None] * 3, got)
    assert [(r.label, r.count) for r in ov.speakers] == [("Bo", 1)] and ov.speakers_known == 2


def test_quote_table_reads_like_the_dict_it_replaces() -> None:
    from reader.quote_table import QuoteTable

    t = QuoteTable({"a": [[S, E, "Ann Lee"], [70, 80, "Bo"]], "b": []})
    snap = t.copy()
    t["c"] = [(1, 2, "Bo")]
    assert "c" in t and "c" not in snap and len(snap) == 2
    assert t["a"] == [(S, E, "Ann Lee"), (70, 80, "Bo")] and t["b"] == []
    assert [r.label for r in speaker_rows(t)] == ["Bo", "Ann Lee"]
    assert quotations_of("ann lee", t, {"a": TEXT}.get)[0].quote.startswith('"we will')


def test_one_speaker_written_two_ways_is_counted_once() -> None:
    """"North Korea said" and "the North Korean government said" (or "North Korean", cut
    short) are one speaker in the overview; names that need judgement stay apart."""
    quotes = {"a": [[1, 9, "North Korea"], [20, 30, "Trump"]],
              "b": [[1, 9, "North Korean"], [20, 30, "Donald Trump"]],
              "c": [[1, 9, "the North Korean government"], [20, 30, "north  Korea"]],
              "d": [[1, 9, "the Electoral Commission"], [20, 30, "Electoral Commission"]]}
    rows = {r.label: (r.count, r.articles) for r in speaker_rows(quotes)}
    assert rows["North Korea"] == (4, ["a", "b", "c"])
    assert not any("Korean" in label for label in rows)
    assert rows["Trump"] == (1, ["a"]) and rows["Donald Trump"] == (1, ["b"])
    assert rows["Electoral Commission"][0] == 2  # "the" or not
    text = "x" * 40
    found = quotations_of("North Korea", quotes, {a: text for a in quotes}.get)
    assert [(q.article, q.start) for q in found] == [("a", 1), ("b", 1), ("c", 1), ("c", 20)]
