"""What the right pane says about an article before and while it is read.

The header is four rows (five when a narrow pane needs three for the title): the title,
wrapped so a title the list had to cut is readable in full here, the facts, the tags. It
follows the list's cursor while the list has focus, so the full title of the highlighted
row is always on screen. Before the first article is opened the article pane shows a
start card instead of nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from reader.textlayout import cell_width, sanitize
from reader.wording import plural  # the one rule for counts (`header.plural` for old callers)

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp

TITLE_ROWS = 3  # a narrow pane wraps a long title to three rows rather than cut it
MIN_ROWS = 4  # the header's usual height: two title rows, facts, tags


def wrap_title(title: str, width: int, rows: int = TITLE_ROWS) -> list[str]:
    """The title in at most `rows` rows of `width` cells, cut with … only if it must be."""
    words = title.split()
    out: list[str] = []
    line = ""
    for i, word in enumerate(words):
        candidate = f"{line} {word}" if line else word
        if len(candidate) <= width:
            line = candidate
            continue
        if line:
            out.append(line)
        line = word
        if len(out) == rows - 1:
            rest = " ".join(words[i:])
            out.append(rest if len(rest) <= width else rest[: max(0, width - 1)] + "…")
            return out
    if line:
        out.append(line[:width] if len(line) <= width else line[: width - 1] + "…")
    return out or [""]


def header_text(app: ReaderApp, index: int, width: int, marks: object | None,
                opened: bool) -> Text:
    """Title rows, facts, tags of article `index`; `marks` only for the open article."""
    article = app.corpus.articles[index]
    title = " ".join(sanitize(article.display_title).split())
    header = Text()
    if index in getattr(app, "first_line_titles", ()):  # not yet the headline: say so
        from reader.tui.provisional import header_title

        header.append(header_title(app)[:width], style="dim italic")
        header.append("\n")
    else:
        for row in wrap_title(title, width):
            header.append(row, style="bold")
            header.append("\n")
    meta = [p for p in (getattr(article, "source", None), getattr(article, "date", None),
                        getattr(article, "url", None)) if p]
    if meta:  # source · date · url, from a JSON Lines record or a sidecar
        row = Text()
        for j, part in enumerate(meta):
            if j:
                row.append(" · ", style="dim")
            row.append(sanitize(part), style="italic" if part is article.url else "")
        row.truncate(width, overflow="ellipsis")
        header.append_text(row)
        header.append("\n")
    facts = Text(f"{article.words or 0:,} words", style="dim")
    status = app.store.status(article.id)
    facts.append(f" · {status}", style="green" if status == "done" else "dim")
    found = app.store.highlights(article.id)
    # one whose text changed on disk is not drawn: say so, not "1 highlight" to look for
    lost = sum(1 for h in found if getattr(h, "status", "") == "orphaned")
    if len(found) - lost:
        facts.append(f" · {plural(len(found) - lost, 'highlight')}", style="dim")
    if lost:
        facts.append(f" · {lost:,} lost (O)", style="bold")
    memo = getattr(app.store, "memo", None)
    if memo is not None and memo(article.id) is not None:
        facts.append(" · memo", style="dim")
    if opened:
        quotes = getattr(marks, "article_quotes", None)  # not those on boilerplate lines
        if quotes is not None:
            facts.append(f" · {plural(len(quotes), 'quotation')}", style="dim")
            if not getattr(app, "repeated_ready", True):  # re-marked when the evidence arrives
                facts.append(" · lines repeated across the corpus: counting…",
                             style="dim italic")
        else:
            facts.append(" · finding boilerplate and quotations…", style="dim italic")
    else:
        facts.append(" · enter opens", style="dim italic")
    facts.append(f" · {sanitize(article.id)}", style="dim")  # a file name may hold escapes
    facts.truncate(width, overflow="ellipsis")
    header.append_text(facts)
    tags = app.store.tags(article.id)
    if tags:
        header.append("\n")
        header.append_text(tag_row(tags, width))
    return header


def tag_row(tags: list[str], width: int) -> Text:
    """The tags as badges on one row; those that do not fit are counted, `+N (t)`
    (the tag prompt lists them all), never cut without a sign."""
    badges = [f" #{sanitize(t)} " for t in tags]
    row = Text()
    used = 0
    for i, badge in enumerate(badges):
        rest = len(badges) - i - 1
        more = len(f"+{rest} (t)") if rest else 0
        if used + cell_width(badge) + 1 + more > width:
            row.append(f"+{len(badges) - i} (t)", style="bold")
            return row
        row.append(badge, style="bold reverse")
        row.append(" ")
        used += cell_width(badge) + 1
    return row


def readable_count(app: ReaderApp) -> int:
    """The articles there are to read: a file found unreadable only once read stays in
    the list (⚠, so it can be found) but counts under "not loaded", not as an article."""
    corpus = app.corpus
    return len(corpus.articles) - sum(1 for s in corpus.skipped if s.id in corpus._index)


def start_card(app: ReaderApp) -> Text:
    """What the article pane shows before an article is opened: where to start."""
    n = readable_count(app)
    done = app.store.done_count()
    where = sanitize((app.corpus.single_file or app.corpus.root).name)
    card = Text()
    card.append(f"{where}\n", style="bold")
    card.append(f"{plural(n, 'article')} · {done:,} done\n\n", style="dim")
    rows = (
        ("j k", "move in the list"),
        ("enter", "open the article"),
        ("/", "search: words tag: is: …"),
        ("t d x", "tag · done · skip"),
        ("F", "full-width reading"),
        ("?", "every key · ^p palette"),
    )
    for keys, what in rows:
        card.append(f"  {keys:<6}", style="bold")
        card.append(f" {what}\n")
    return card
