"""Markdown structure and escaping, checked by parsing the output with markdown-it-py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from annotations.export import collect_for, render
from annotations.export.mdescape import (
    blockquote,
    escape_inline,
    hashtag,
    strip_controls,
    yaml_string,
)
from annotations.model import ArticleState, Highlight
from reader.corpus import scan

from .helpers import NOW, SEEDS, MemoryStore, fake_analyze, fixed_store

HOSTILE_LINES = [
    "[bold]Breaking[/bold] \x1b[31mred\x1b[0m news",
    "# heading in the article",
    "---",
    "<script>alert('x')</script> and <b>bold</b>",
    "```python",
    "`tick` and ``double``",
    "[[wikilink]] and ![[embed]] and [^1] and [x](http://evil.example)",
    "| a | b |",
    "|---|---|",
    "- list item",
    "* star item",
    "+ plus item",
    "1. ordered",
    "2) ordered too",
    "> quoted",
    "===",
    "    indented code",
    "%%comment%% ==mark== $5 and $10 ~~strike~~ #hashtag",
    "&amp; &copy; entity",
    "trailing block id ^abc123",
    "***",
    "_ _ _",
    "~~~",
    "[ref]: http://example.com",
    "\u202eevil bidi",
]
HOSTILE = "\n".join(HOSTILE_LINES)


def md() -> MarkdownIt:
    """CommonMark plus GFM tables and strikethrough: what Obsidian adds to the parse."""
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def split_front_matter(text: str) -> tuple[dict[str, object], str]:
    """Parse the front matter this exporter writes (JSON scalars, block lists) strictly."""
    lines = text.split("\n")
    assert lines[0] == "---"
    end = lines.index("---", 1)
    fm: dict[str, object] = {}
    key = None
    for line in lines[1:end]:
        if line.startswith("  - "):
            assert key is not None and isinstance(fm[key], list)
            fm[key].append(json.loads(line[4:]))  # type: ignore[union-attr]
            continue
        m = re.fullmatch(r"([a-z_]+):(?: (.*))?", line)
        assert m, f"bad front matter line {line!r}"
        key, value = m.group(1), m.group(2)
        fm[key] = [] if value is None else json.loads(value)
    return fm, "\n".join(lines[end + 1 :])


def walk(tokens: list[Token]) -> list[Token]:
    out = []
    for t in tokens:
        out.append(t)
        if t.children:
            out.extend(walk(t.children))
    return out


def plain(tokens: list[Token]) -> str:
    """Visible text of already-flattened tokens (inline containers are skipped)."""
    return "".join(
        t.content if t.type in ("text", "text_special") else "\n" if t.type == "softbreak" else ""
        for t in tokens
    )


def test_seed_export_structure(pinned_titles: None) -> None:
    data = collect_for("md", scan(SEEDS), fixed_store(), now=NOW, analyze=fake_analyze)
    text = render("md", data)
    fm, body = split_front_matter(text)
    assert fm["articles"] == 3 and fm["highlights"] == 6 and fm["orphaned"] == 2
    assert fm["tags"] == ["relevant", "follow-up", "North-Korea-US", "tag-2024"]
    tokens = md().parse(body)
    types = [t.type for t in tokens]
    # title, project memo, three articles (one with its memo)
    assert types.count("heading_open") == 1 + 1 + 3 + 1
    assert [t.tag for t in tokens if t.type == "heading_open"] == [
        "h1", "h2", "h2", "h3", "h2", "h2"
    ]
    assert types.count("blockquote_open") == 6
    assert not {"html_block", "html_inline", "hr", "fence", "code_block"} & set(types)
    for hl in fixed_store().hls:
        assert f"\n^{hl.short_id}\n" in body


def test_block_ids_are_stable(pinned_titles: None) -> None:
    def ids() -> list[str]:
        data = collect_for("md", scan(SEEDS), fixed_store(), analyze=fake_analyze)
        return re.findall(r"^\^(hl-[0-9a-f]{8})$", render("md", data), re.M)

    assert ids() == ids() and len(ids()) == 6


@pytest.fixture
def hostile_corpus(tmp_path: Path) -> Path:
    root = tmp_path / 'news: "x" #y'
    (root / "sub dir").mkdir(parents=True)
    (root / "sub dir" / "a (1).txt").write_text(HOSTILE, encoding="utf-8")
    return root


def test_hostile_text_cannot_break_structure(hostile_corpus: Path) -> None:
    corpus = scan(hostile_corpus)
    aid = corpus.articles[0].id
    store = MemoryStore(
        states=[ArticleState(aid, ["a tag/with: stuff", "[[x]]", "123"], "done")],
        hls=[Highlight.create(aid, HOSTILE, 0, len(HOSTILE), "label # | [x]", HOSTILE)],
    )
    data = collect_for("md", corpus, store, now=NOW, analyze=fake_analyze)
    data.articles[0].title = HOSTILE_LINES[0] + " # " + HOSTILE_LINES[3]
    text = render("md", data)
    assert "\x1b" not in text and "\u202e" not in text

    fm, body = split_front_matter(text)
    assert fm["corpus"] == str(hostile_corpus)
    assert fm["title"] == 'Annotations: news: "x" #y'
    assert fm["tags"] == ["a-tag-with-stuff", "x", "tag-123"]

    tokens = md().parse(body)
    types = [t.type for t in walk(tokens)]
    assert [t.tag for t in tokens if t.type == "heading_open"] == ["h1", "h2"]
    assert types.count("blockquote_open") == 1
    forbidden = {
        "html_block",
        "html_inline",
        "hr",
        "fence",
        "code_block",
        "code_inline",
        "table_open",
        "s_open",
        "em_open",
        "image",
        "ordered_list_open",
    }
    assert not forbidden & set(types)
    # the only links are the two this exporter writes (source, link back)
    assert types.count("link_open") == 2

    quote_open = types.index("blockquote_open")
    quote_close = types.index("blockquote_close")
    inside = walk(tokens)[quote_open:quote_close]
    assert {t.type for t in inside} <= {
        "blockquote_open",
        "paragraph_open",
        "paragraph_close",
        "inline",
        "text",
        "text_special",
        "softbreak",
    }
    shown = plain(inside).split("\n")
    expected = [" ".join(strip_controls(ln).split()) for ln in HOSTILE_LINES]
    assert [" ".join(s.split()) for s in shown] == expected

    heading = next(t for t in tokens if t.type == "inline" and t.map and "Breaking" in t.content)
    assert (
        plain(walk([heading]))
        == "[bold]Breaking[/bold] red news # <script>alert('x')</script> and <b>bold</b>"
    )

    # Obsidian syntax markdown-it does not know: never left unescaped in article text
    quote_src = body[body.index("\n> ") + 1 : body.index("\n\n^hl-")]
    for line in quote_src.split("\n"):
        assert not re.search(r"(?<!\\)(\[\[|%%|==|\$|\^|#|~~)", line), line


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab _*#>-+=`~<>[]()!|\\&$%^:;.1\"'") + ["\u00e9"])))
def test_escaped_line_renders_literally(s: str) -> None:
    escaped = escape_inline(s)
    tokens = md().parse(escaped)
    want = " ".join(s.split())
    if not want:
        return
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"], escaped
    assert " ".join(plain(walk(tokens)).split()) == want


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("a #>-=`*\n[]<")), max_size=12), max_size=6))
def test_blockquote_is_one_block(parts: list[str]) -> None:
    text = "\n".join(parts)
    tokens = md().parse(blockquote(text))
    assert tokens[0].type == "blockquote_open" and tokens[-1].type == "blockquote_close"
    assert [t.type for t in tokens].count("blockquote_open") == 1
    assert {t.type for t in tokens} <= {
        "blockquote_open",
        "blockquote_close",
        "paragraph_open",
        "paragraph_close",
        "inline",
    }


def test_yaml_string_escapes_what_yaml_forbids() -> None:
    s = 'a: "b" # c\n\x85\x7f\u2028\ufeff\U0001f600'
    out = yaml_string(s)
    assert out.startswith('"') and "\n" not in out and "\x7f" not in out and "\u2028" not in out
    assert json.loads(out) == s


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("follow up", "#follow-up"),
        ("North Korea/US", "#North-Korea-US"),
        ("2024", "#tag-2024"),
        ("économie", "#économie"),
        ("#already", "#already"),
        ("!!!", ""),
        ("a  --  b", "#a-b"),
    ],
)
def test_hashtag(tag: str, expected: str) -> None:
    assert hashtag(tag) == expected
