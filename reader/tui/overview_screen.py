"""The overview screen: the corpus's counts as bars, each row a way into the list.

Rich bars in an OptionList rather than a plot widget: every bar is a row the cursor can
rest on (enter filters the list to its articles, `s` on a speaker lists the quotations),
and a text bar stays legible at 80x24 where a plot's axes take half the room. The counts
come from `reader.overview.build_overview`; the speakers from the quotations the
background pass found (`ReaderApp.quotes`), so they fill in while it runs (`r` recounts).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.corpus import ArticleError, read_article
from reader.overview import Overview, QuoteInContext, Row, bar, build_overview, quotations_of
from reader.textlayout import cell_width, sanitize
from reader.tui import corpus_views
from reader.tui.commands import bindings_for
from reader.tui.widgets.scope_keybar import ScopeKeyBar

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp

LABEL_WIDTH = 24
COUNT_WIDTH = 7


class OverviewScreen(Screen[None]):
    BINDINGS = bindings_for("overview")
    DEFAULT_CSS = """
    OverviewScreen #overview-title { height: 1; background: $panel; padding: 0 1; }
    OverviewScreen #overview { height: 1fr; border: none; padding: 0 1; }
    OverviewScreen #overview > .option-list--option-disabled { color: $accent; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.overview: Overview | None = None
        self.rows: dict[str, Row] = {}
        self._width = 0

    @property
    def reader(self) -> ReaderApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(id="overview-title")
        yield OptionList(id="overview")
        yield ScopeKeyBar("overview")

    def on_mount(self) -> None:
        self.action_refresh()
        self.query_one(OptionList).focus()

    def on_resize(self) -> None:
        if self.overview is not None and self.size.width != self._width:
            self._draw()

    # -- data -------------------------------------------------------------------

    def action_refresh(self) -> None:
        app = self.reader
        store = app.store.store
        ids = [a.id for a in app.corpus.articles]
        if store is not None:  # the current coder's work, as the list shows it
            states, highlights, corrections = (store.article_states(), store.highlights(),
                                               store.corrections())
        else:
            states, highlights, corrections = [], [], []
        self.overview = build_overview(ids, states, highlights, list(app.shares),
                                       app.quotes.copy(), corrections)
        self._draw()

    def _draw(self) -> None:
        ov = self.overview
        assert ov is not None
        self._width = self.size.width
        bar_width = max(8, self._width - LABEL_WIDTH - COUNT_WIDTH - 8)
        lst = self.query_one(OptionList)
        keep = lst.highlighted
        options: list[Option] = []
        self.rows = {}
        for s, (title, rows) in enumerate(ov.sections()):
            options.append(Option(Text(sanitize(title), style="bold"), disabled=True))
            if not rows:
                options.append(Option(Text("  (none yet)", style="dim"), disabled=True))
            most = max((r.count for r in rows), default=0)
            for r, row in enumerate(rows):
                key = f"{s}:{r}"
                self.rows[key] = row
                label = sanitize(row.label)
                if cell_width(label) > LABEL_WIDTH:
                    label = label[: LABEL_WIDTH - 1] + "…"
                line = Text("  ")
                line.append(label + " " * max(0, LABEL_WIDTH - cell_width(label)))
                line.append(f"{row.count:>{COUNT_WIDTH},} ", style="bold")
                line.append(bar(row.count, most, bar_width), style=_style(row.kind))
                options.append(Option(line, id=key))
        lst.clear_options()
        lst.add_options(options)
        first = next((i for i, o in enumerate(options) if not o.disabled), None)
        if keep is not None and keep < len(options) and not options[keep].disabled:
            lst.highlighted = keep
        elif first is not None:
            lst.highlighted = first
        share = ""
        if ov.mean_share is not None:
            # (short: the title fits 80 columns; the band section says "of characters")
            share = f" · boilerplate {ov.mean_share:.0%}"
        coder = getattr(self.reader.store, "coder", None)
        who = f" · coder {sanitize(coder)}" if coder else ""
        self.query_one("#overview-title", Static).update(Text(
            f"Overview · {ov.articles:,} articles{who} · {ov.analysed:,} analysed{share}",
            style="bold"))

    def current(self) -> Row | None:
        lst = self.query_one(OptionList)
        if lst.highlighted is None:
            return None
        return self.rows.get(lst.get_option_at_index(lst.highlighted).id or "")

    # -- actions ----------------------------------------------------------------

    @on(OptionList.OptionSelected)
    def selected(self) -> None:
        self.action_filter()

    def action_filter(self) -> None:
        row = self.current()
        if row is None:
            return
        app = self.reader
        self.dismiss()
        # tags, statuses and labels in the `/` language, so the box shows the filter and it
        # can be refined; a speaker and a share band by the row's own articles (the index's
        # `speaker:` matches words of names, which would count other rows' articles too)
        query = None
        if row.kind == "status":
            query = f"is:{row.value}"
        elif row.kind in ("tag", "label") and row.value and '"' not in row.value:
            value = row.value if row.value.isalnum() or (
                not any(c.isspace() or c in '():' for c in row.value)) else f'"{row.value}"'
            query = f"{row.kind}:{value}"
        if query is not None:
            corpus_views.filter_by_query(app, query)
        else:
            what = {"tag": "tag", "label": "label", "share": "boilerplate",
                    "speaker": "quoting"}.get(row.kind, row.kind)
            name = row.label.strip() if row.kind == "share" else row.label
            corpus_views.filter_by_ids(app, row.articles, f"{what} {name}")

    def action_quotations(self) -> None:
        row = self.current()
        if row is None or row.kind != "speaker":
            self.app.notify("put the cursor on a speaker row first", severity="warning")
            return
        self.app.push_screen(QuotationsScreen(row.value))

    def action_close(self) -> None:
        self.dismiss()


def _style(kind: str) -> str:
    return {"status": "green", "tag": "magenta", "label": "yellow", "share": "blue",
            "speaker": "cyan"}.get(kind, "white")


class QuotationsScreen(Screen[None]):
    """One speaker's quotations across the corpus, each in its sentence's context."""

    BINDINGS = bindings_for("quotations")
    DEFAULT_CSS = """
    QuotationsScreen #quotations-title { height: 1; background: $panel; padding: 0 1; }
    QuotationsScreen #quotations { height: 1fr; border: none; padding: 0 1; }
    """

    def __init__(self, speaker: str) -> None:
        super().__init__()
        self.speaker = speaker
        self.found: list[QuoteInContext] = []

    @property
    def reader(self) -> ReaderApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(Text(f"Quotations of {sanitize(self.speaker)} · finding…", style="bold"),
                     id="quotations-title")
        yield OptionList(id="quotations")
        yield ScopeKeyBar("quotations")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.find()

    @work(thread=True, exclusive=True, group="quotations")
    def find(self) -> None:
        app = self.reader
        store = app.store.store
        corrections = store.corrections() if store is not None else []

        def read(article_id: str) -> str | None:
            a = app.corpus.get(article_id)
            if a is None:
                return None
            try:
                return read_article(a, app.max_bytes).text
            except ArticleError:
                return None

        found = quotations_of(self.speaker, app.quotes.copy(), read, corrections,
                              order=[a.id for a in app.corpus.articles])
        self.app.call_from_thread(self._show, found)

    def _show(self, found: list[QuoteInContext]) -> None:
        self.found = found
        options = []
        for i, q in enumerate(found):
            title = corpus_views.title_of(self.reader, q.article) or q.article
            row = Text()
            row.append(sanitize(title), style="dim")
            row.append(f" · line {q.line}\n", style="dim")
            row.append("  …" + sanitize(q.before[-120:]) + " ")
            row.append(sanitize(q.quote), style="bold")
            row.append(" " + sanitize(q.after[:120]) + "…")
            options.append(Option(row, id=str(i)))
        lst = self.query_one(OptionList)
        lst.clear_options()
        lst.add_options(options)
        if options:
            lst.highlighted = 0
        n = len(found)
        self.query_one("#quotations-title", Static).update(Text(
            f"Quotations of {sanitize(self.speaker)} · {n} in "
            f"{len({q.article for q in found})} articles · enter opens", style="bold"))

    @on(OptionList.OptionSelected)
    def selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        lst = self.query_one(OptionList)
        if lst.highlighted is None or not self.found:
            return
        q = self.found[int(lst.get_option_at_index(lst.highlighted).id or 0)]
        app = self.reader
        # back to the reader: this screen and the overview under it
        while len(app.screen_stack) > 1:
            app.pop_screen()
        corpus_views.jump_to(app, q.article, q.start)

    def action_close(self) -> None:
        self.dismiss()

