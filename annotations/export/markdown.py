"""Markdown for notes apps (Obsidian, Readwise, Zotero): a note people paste as it is.

Layout, chosen for Obsidian's conventions:

* YAML front matter with block-style lists (what Obsidian itself writes) and every string
  double-quoted, so a title with `: ` or `#` cannot break it; `tags` holds the sanitised
  tag names because Obsidian treats that property as the note's tags.
* One `##` section per article; tags as `#hashtags`.
* Each highlight is a blockquote of its exact text followed by its block id on a line of
  its own (Obsidian's form for referencing a quote: `[[note#^hl-1a2b3c4d]]`), then a small
  list with label, note and the link back. Ids come from `Highlight.short_id`, so links made
  to an earlier export keep working.
* Coders: each article section names its coder (when there are several, in the heading
  too, since an article then has one section per coder); memos come as a `### Memo`
  section under their article, project memos as `## Project memo` sections at the top.
"""

from __future__ import annotations

from annotations.export.data import ArticleExport, ExportData, HighlightView, QuoteView
from annotations.export.mdescape import (
    blockquote,
    escape_block,
    escape_inline,
    hashtag,
    link_target,
    yaml_string,
)
from annotations.model import AnchorStatus, Memo

UNATTRIBUTED = "Unattributed"


def render_markdown(data: ExportData) -> str:
    parts = [
        _front_matter(data),
        f"# Annotations: {escape_inline(data.corpus_name)}",
        _summary(data),
    ]
    parts.extend(_project_memo(data, m) for m in data.project_memos)
    if not data.articles:
        parts.append("_Nothing to export._")
    for article in data.articles:
        parts.append(_article(data, article))
    return "\n\n".join(p for p in parts if p) + "\n"


def _front_matter(data: ExportData) -> str:
    tags = [t for t in dict.fromkeys(hashtag(t)[1:] for t in data.tags()) if t]
    lines = [
        "---",
        f"title: {yaml_string('Annotations: ' + data.corpus_name)}",
        f"corpus: {yaml_string(str(data.corpus_root))}",
        f"exported: {yaml_string(data.exported)}",
        f"articles: {data.article_count}",
        f"highlights: {data.highlight_count}",
        f"orphaned: {data.orphaned_count}",
    ]
    if data.coders:
        lines.append("coders:")
        lines.extend(f"  - {yaml_string(c)}" for c in data.coders)
    for key, value in data.filters.items():
        lines.append(f"filter_{key}: {yaml_string(value)}")
    if tags:
        lines.append("tags:")
        lines.extend(f"  - {yaml_string(t)}" for t in tags)
    else:
        lines.append("tags: []")
    lines.append("---")
    return "\n".join(lines)


def _summary(data: ExportData) -> str:
    n, h = data.article_count, data.highlight_count
    text = f"{n} article{'s' * (n != 1)} · {h} highlight{'s' * (h != 1)}"
    if data.orphaned_count:
        text += f" ({data.orphaned_count} orphaned)"
    text += f" · exported {escape_inline(data.exported)}"
    if data.filters:
        text += " · only " + ", ".join(
            f"{key} {escape_inline(value)}" for key, value in data.filters.items()
        )
    return text


def _memo_text(text: str) -> str:
    return "\n".join(escape_block(text))


def _project_memo(data: ExportData, memo: Memo) -> str:
    who = f" ({escape_inline(memo.coder)})" if len(data.coders) > 1 and memo.coder else ""
    return f"## Project memo{who}\n\n{_memo_text(memo.text)}"


def _article(data: ExportData, article: ArticleExport) -> str:
    heading = f"## {escape_inline(article.display_title)}"
    if len(data.coders) > 1 and article.coder:
        heading += f" ({escape_inline(article.coder)})"
    parts = [heading, _article_meta(data, article)]
    if article.memo is not None:
        parts.append(f"### Memo\n\n{_memo_text(article.memo.text)}")
    parts.extend(_highlight(data, article, hv) for hv in article.highlights)
    if article.quotes is not None:
        parts.append(_quotes(article.quotes))
    return "\n\n".join(parts)


def _article_meta(data: ExportData, article: ArticleExport) -> str:
    path = escape_inline(article.path)
    if not article.in_corpus:
        source = f"{path} (missing from the corpus)"
    else:
        source = f"[{path}]({link_target(data.link_to(article))})"
        if article.unreadable:
            source += f" (unreadable: {escape_inline(article.unreadable)})"
    items = [f"- **Source:** {source}"]
    if article.coder:
        items.append(f"- **Coder:** {escape_inline(article.coder)}")
    for key, value in article.metadata.items():
        items.append(f"- **{key.capitalize()}:** {escape_inline(value)}")
    tags = " ".join(t for t in (hashtag(t) for t in article.tags) if t)
    if tags:
        items.append(f"- **Tags:** {tags}")
    items.append(f"- **Status:** {escape_inline(article.status)}")
    return "\n".join(items)


def _highlight(data: ExportData, article: ArticleExport, hv: HighlightView) -> str:
    h = hv.highlight
    items: list[str] = []
    if hv.missing:
        items.append("- **Orphaned:** the article is no longer in the corpus")
    elif hv.orphaned:
        items.append("- **Orphaned:** this passage is no longer found in the article")
    elif h.status == AnchorStatus.FUZZY.value:
        score = f" (score {h.score:.2f})" if h.score is not None else ""
        items.append(f"- **Anchor:** found again approximately{score}")
    if h.label:
        items.append(f"- **Label:** {escape_inline(h.label)}")
    if hv.quote_kind:
        who = escape_inline(hv.speaker) if hv.speaker else "speaker not named"
        items.append(f"- **Quotation:** {escape_inline(hv.quote_kind)} \u2014 {who}")
    if h.note.strip():
        note = escape_block(h.note)
        items.append(f"- **Note:** {note[0]}")
        items.extend(f"  {ln}" if ln else "" for ln in note[1:])
    items.append("- " + _location(data, article, hv))
    return "\n\n".join([blockquote(h.exact), f"^{h.short_id}", "\n".join(items)])


def _location(data: ExportData, article: ArticleExport, hv: HighlightView) -> str:
    h = hv.highlight
    bits = []
    if article.in_corpus:
        bits.append(f"[source]({link_target(data.link_to(article))})")
    else:
        bits.append("source missing")
    if hv.line is not None:
        bits.append(f"line {hv.line}")
    chars = f"chars {h.start}\u2013{h.end}"
    if hv.orphaned:
        chars += " (last known)"
    bits.append(chars)
    return " \u00b7 ".join(bits)


def _quotes(quotes: list[QuoteView]) -> str:
    """Quotations grouped by speaker, in order of each speaker's first quotation."""
    groups: dict[str, list[QuoteView]] = {}
    for q in quotes:
        groups.setdefault((q.speaker or "").strip() or UNATTRIBUTED, []).append(q)
    if UNATTRIBUTED in groups:  # unattributed last: the named speakers are what people scan for
        groups[UNATTRIBUTED] = groups.pop(UNATTRIBUTED)
    parts = ["### Quotations"]
    if not groups:
        parts.append("_No quotations detected._")
    for speaker, qs in groups.items():
        parts.append(f"**{escape_inline(speaker)}**")
        parts.append(
            "\n".join(
                f"- {escape_inline(q.text)} \u00b7 line {q.line} \u00b7 _{escape_inline(q.kind)}_"
                for q in qs
            )
        )
    return "\n\n".join(parts)
