"""The adjudication screen (J): every unit the coders disagree on, and keys that settle it
into the adjudicator's work (`annotations.adjudication`).

One row per disagreement: the article, the tag or the label with the start of the
sentence, each coder's value (✓ has it, · has not) and the adjudicator's (— not yet
adjudicated in that article). Keys 1-9 take that coder's version, b both, n neither; the
cursor then moves to the next row. Units are those of `reader agree` (articles every
compared coder marked done), gathered in a worker since it reads the articles.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from annotations.adjudication import BOTH, GOLD, NEITHER, decide, gold_value
from annotations.agreement import Disagreement, disagreements
from annotations.model import one_line
from reader.textlayout import cell_width, sanitize
from reader.tui import corpus_views
from reader.tui.commands import bindings_for
from reader.tui.widgets.option_list import MotionOptionList
from reader.wording import plural

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp

HINT = ("1-9 take that coder's version · b both · n neither · u undo · "
        "enter opens the article there · esc back")


def open_adjudication(app: ReaderApp, adjudicator: str | None = None) -> None:
    from annotations.adjudication import adjudicator_name
    from annotations.comparable_coders import left_out_note, without_idle
    from reader.errors import UserError

    try:
        adjudicator = adjudicator or adjudicator_name()
    except UserError as exc:
        app.notify(f"READER_ADJUDICATOR: {exc}", severity="error")
        return
    store = app.store.store
    if store is None:
        app.notify(app.store.readonly_reason or "no annotation store", severity="error")
        return
    coders = [c for c in store.coders() if c != adjudicator]
    if len(coders) < 2:
        app.notify(
            f"adjudication needs two coders' work (coders: {', '.join(coders) or 'none'})",
            severity="warning",
        )
        return
    coders, idle = without_idle(store, coders)
    if idle:
        app.notify(left_out_note(idle))
    app.push_screen(AdjudicationScreen(app, coders, adjudicator))


def _mark(value: int | None) -> str:
    return "—" if value is None else ("✓" if value else "·")


class AdjudicationScreen(Screen[None]):
    BINDINGS = [
        *(b for b in bindings_for("adjudicate") if b.id != "adjudicate.coder"),
        *(Binding(str(n), f"take({n - 1})", f"Coder {n}", show=False,
                  id=f"adjudicate.coder_{n}") for n in range(1, 10)),
    ]

    def __init__(self, app: ReaderApp, coders: list[str], adjudicator: str = GOLD) -> None:
        super().__init__()
        self.reader = app
        self.coders = coders
        self.adjudicator = adjudicator
        self.gathered: Any = None
        self.rows: list[Disagreement] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="adjudication"):
            yield Static(self._title(), id="adjudication-title", classes="dialog-title")
            yield MotionOptionList(id="adjudication-list")
            yield Static(id="adjudication-detail")
            yield Static(Text(HINT), classes="dialog-hint")

    def _title(self) -> Text:
        who = "  ".join(f"{i}={c}" for i, c in enumerate(self.coders, 1))
        return Text(f"Adjudication → {self.adjudicator}    coders: {who}")

    def on_mount(self) -> None:
        self.query_one("#adjudication-detail", Static).update(Text("reading the articles…"))
        self.gather()

    def on_resize(self) -> None:
        if self.gathered is not None:
            self.refill()  # rows fit the new width

    def others_saved(self) -> None:
        """Another coder saved: gather the units again (refill keeps the cursor's row)."""
        self.gather()

    @work(thread=True, exclusive=True)
    def gather(self) -> None:
        from annotations.agreement_data import gather

        gathered = gather(
            self.reader.corpus,
            self.reader.store.store,
            self.coders,
            labels=[lab.name for lab in self.reader.codebook.labels],
        )
        self.app.call_from_thread(self._gathered, gathered)

    def _gathered(self, gathered: Any) -> None:
        said = self.gathered.warnings if self.gathered is not None else []
        for line in gathered.warnings:  # (e.g. highlights on struck lines, not compared)
            if line not in said:
                self.reader.notify(line, severity="warning", timeout=10)
        self.gathered = gathered
        self.rows = disagreements(gathered.units)
        self.refill()

    def refill(self, keep: int | None = None) -> None:
        options = self.query_one(OptionList)
        at = keep if keep is not None else (options.highlighted or 0)
        options.clear_options()
        store = self.reader.store.store
        settled = 0
        for i, d in enumerate(self.rows):
            gold = gold_value(store, d, self.adjudicator)
            settled += gold is not None
            options.add_option(Option(self._row(d, gold), id=str(i)))
        units = self.gathered.units
        summary = (
            f"{plural(len(self.rows), 'disagreement')} over "
            f"{plural(len(units.articles), 'article')} and "
            f"{plural(len(units.sentences), 'sentence')} done by every coder"
        )
        if not units.articles:  # (a new team read "0 … done by every coder" as a fault)
            summary = ("no article is done by every coder yet: each coder marks the articles "
                       "they finished done (d), then their codes are compared here")
        elif not self.rows:
            summary += ": nothing to adjudicate"
        title = self._title()
        if units.articles:
            summary += f"; {settled} in adjudicated articles"
        title.append(f"\n{summary}", style="dim")
        self.query_one("#adjudication-title", Static).update(title)
        if self.rows:
            options.highlighted = min(at, len(self.rows) - 1)
            options.focus()
        self._detail()

    def _row(self, d: Disagreement, gold: int | None) -> Text:
        """One unit on one row of the list's width: the coders' values and the
        adjudicator's first (what is decided on, never cut or wrapped), then the variable,
        then the passage and the article in what room is left."""
        width = max(40, self.query_one(OptionList).scrollable_content_region.width - 1)
        text = Text()
        for i, v in enumerate(d.values, 1):
            text.append(f"{i}:{_mark(v)}  ")
        text.append(f"{self.adjudicator}:{_mark(gold)}   ", style="bold")
        title = self._title_of(d.article)
        room = width - text.cell_len - 22 - 2
        if d.kind == "tag":
            text.append(f"tag {d.name}"[:22].ljust(22), style="bold")
            if room >= 12:  # the whole article is the unit: its title gets the room
                text.append("  (article) ", style="dim")
                text.append(one_line(title, max(1, room - 10)))
            return text
        label = self.reader.codebook.label(d.name)
        text.append(f"label {d.name}"[:22].ljust(22),
                    style=f"bold {label.colour}" if label else "bold")
        what = one_line(self.gathered.texts.get(d.article, "")[d.start:d.end], 400)
        if room >= 12:
            article = one_line(title, max(1, room // 2))
            passage = max(1, room - cell_width(article) - 2)
            text.append("  " + one_line(what, passage).ljust(passage), style="dim")
            text.append("  " + article)
        return text

    def _title_of(self, article: str) -> str:
        """The article as the list shows it (its title), else its id."""
        corpus = self.reader.corpus
        index = corpus._index.get(article)
        if index is None:
            return article
        return sanitize(corpus.articles[index].display_title) or article

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, _: OptionList.OptionHighlighted) -> None:
        self._detail()

    def current(self) -> Disagreement | None:
        options = self.query_one(OptionList)
        if options.highlighted is None or not self.rows:
            return None
        return self.rows[options.highlighted]

    def _detail(self) -> None:
        d = self.current()
        detail = self.query_one("#adjudication-detail", Static)
        if d is None:
            detail.update(Text(""))
            return
        out = Text()
        name = f"“{one_line(self._title_of(d.article), 60)}” ({d.article})"
        if d.kind == "tag":
            out.append(f"{name}: tag {d.name}\n", style="bold")
        else:
            body = self.gathered.texts.get(d.article, "")[d.start:d.end]
            out.append(f"{name}: label {d.name}\n", style="bold")
            out.append(one_line(body, 400) + "\n")
        for i, (coder, v) in enumerate(zip(self.coders, d.values, strict=True), 1):
            out.append(f"{i} {coder}: {'has it' if v else 'has not'}   ")
        detail.update(out)

    def _decide(self, choice: str | int) -> None:
        d = self.current()
        if d is None or self.gathered is None:
            return
        if isinstance(choice, int) and choice >= len(self.coders):
            self.reader.notify(f"there are {len(self.coders)} coders", severity="warning")
            return
        index = self.query_one(OptionList).highlighted or 0

        def done(_: Any) -> None:
            self.refill(keep=min(index + 1, len(self.rows) - 1))

        self.reader.store.change(self.reader, decide, self.gathered.units, d, choice,
                                 self.adjudicator, then=done)

    def action_take(self, n: int) -> None:
        self._decide(int(n))

    def action_take_both(self) -> None:
        self._decide(BOTH)

    def action_take_neither(self) -> None:
        self._decide(NEITHER)

    @on(OptionList.OptionSelected)
    def _selected(self, _: OptionList.OptionSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        """Back to the reader, in the unit's article with the cursor on the unit."""
        from reader.tui.widgets.article_view import ArticleView

        d = self.current()
        if d is None:
            return
        index = next((i for i, a in enumerate(self.reader.corpus.articles) if a.id == d.article),
                     None)
        if index is None:
            self.reader.notify(f"{d.article} is not in the corpus", severity="warning")
            return
        corpus_views.back_to_reader(self.reader)  # (J may be opened over the overview)
        self.reader.open_article(index)
        view = self.reader.query_one(ArticleView)
        view.move_cursor(d.start or 0)
        view.scroll_to(y=max(0, view.row_of(view.cursor) - 1), animate=False, immediate=True)
        view.focus()

    def action_undo(self) -> None:
        def done(what: Any) -> None:
            self.reader.notify(f"undone: {what}" if what else "nothing to undo", timeout=2)
            self.refill()

        self.reader.store.change(self.reader, "undo", then=done)
