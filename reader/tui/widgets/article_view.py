"""The article pane: wrapped text with marks, highlights, a cursor and a selection.

A Line API widget (like toolong's log view): the article is wrapped into `Row`s of
offsets once per width, and `render_line` styles only the rows on screen. Styling is
layered: line kind (boilerplate dim, headline bold) < quotation < highlight < selection <
cursor, so a label colour is always visible over the detection marks.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader import motion
from reader.textlayout import Row, _char_cells, layout, sanitize
from reader.tui.commands import bindings_for
from reader.tui.widgets.scrolling import scroll_row_into_view, set_virtual_size

MAX_WIDTH = 100


@dataclass(frozen=True, slots=True)
class Span:
    """A styled range; `kind` is "quote-speech", "quote-term" or "highlight"."""

    start: int
    end: int
    kind: str
    colour: str = ""
    ref: object = None


class ArticleView(ScrollView, can_focus=True):
    COMPONENT_CLASSES = {
        "article-view--boilerplate",
        "article-view--title",
        "article-view--speech",
        "article-view--term",
        "article-view--cursor",
        "article-view--cursor-line",
        "article-view--selection",
        "article-view--overlap",
        "article-view--match",
    }
    BINDINGS = bindings_for("article")

    class CursorMoved(Message):
        def __init__(self, offset: int) -> None:
            self.offset = offset
            super().__init__()

    class Back(Message):
        pass

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = ""
        self.display_text = ""
        self.line_kinds: Sequence[str] = ()
        self.quotes: list[Span] = []
        self.highlight_spans: list[Span] = []
        self.match_spans: list[Span] = []  # search matches (reader.tui.search)
        self.rows: list[Row] = []
        self._row_starts: list[int] = []
        self.cursor = 0
        self._anchor: int | None = None  # the fixed end of the selection, while selecting
        self.hide_boilerplate = False
        self._wrap_width = 0
        self._mouse_down = False

    # -- content ------------------------------------------------------------

    def show(
        self,
        text: str,
        line_kinds: Sequence[str],
        quotes: Sequence[Span],
        highlights: Sequence[Span],
    ) -> None:
        self.text = text
        self.display_text = sanitize(text)
        self.line_kinds = line_kinds
        self.quotes = sorted(quotes, key=lambda s: s.start)
        self.highlight_spans = sorted(highlights, key=lambda s: (s.start, s.end))
        had_matches = bool(self.match_spans)
        self.match_spans = []
        self.cursor = 0
        self._anchor = None  # (the CursorMoved below tells the app, once)
        self._relayout(force=True)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.post_message(self.CursorMoved(self.cursor))
        if had_matches:
            self._keys_changed()

    def set_highlights(self, highlights: Sequence[Span]) -> None:
        self.highlight_spans = sorted(highlights, key=lambda s: (s.start, s.end))
        self.refresh()
        self._tell_app()  # the status line names the highlight at the cursor

    def set_matches(self, matches: Sequence[Span]) -> None:
        """Light these search matches (n / N jump between them)."""
        had = bool(self.match_spans)
        self.match_spans = sorted(matches, key=lambda s: (s.start, s.end))
        self.refresh()
        if had != bool(self.match_spans):
            self._keys_changed()

    def key_descriptions(self) -> dict[str, str]:
        """What the key bar should call keys whose meaning this view changes: with
        matches lit, `n`/`N` jump between them, not to the next article to do."""
        if not self.match_spans:
            return {}
        return {"app.next_todo": "Next match", "app.prev_todo": "Previous match"}

    def _keys_changed(self) -> None:
        if self.is_mounted:
            self.screen.refresh_bindings()  # the key bar asks key_descriptions again

    def _tell_app(self) -> None:
        """Have the app redraw the status line (cursor, quotation, highlight, selection)."""
        if self.is_mounted:
            self.app.post_message(self.CursorMoved(self.cursor))  # straight to the app

    def set_line_kinds(self, line_kinds: Sequence[str], quotes: Sequence[Span]) -> None:
        self.line_kinds = line_kinds
        self.quotes = sorted(quotes, key=lambda s: s.start)
        self._relayout(force=True)

    def set_hide_boilerplate(self, hide: bool) -> None:
        if hide == self.hide_boilerplate:
            return  # show() and set_line_kinds() already laid out with this setting
        self.hide_boilerplate = hide
        self._relayout(force=True)

    def _hidden(self) -> frozenset[int]:
        if not self.hide_boilerplate:
            return frozenset()
        return frozenset(i for i, k in enumerate(self.line_kinds) if k == "boilerplate")

    def _relayout(self, force: bool = False) -> None:
        width = max(10, min(MAX_WIDTH, self.scrollable_content_region.width - 1))
        if not force and width == self._wrap_width:
            return
        self._wrap_width = width
        self.rows = layout(self.display_text, width, self._hidden()) if self.text else []
        self._row_starts = [r.start for r in self.rows]
        set_virtual_size(self, Size(width, len(self.rows)))
        if self.rows and self.hide_boilerplate:
            # keep the cursor on a visible row
            self.cursor = self.rows[self.row_of(self.cursor)].start if not self._visible(
                self.cursor
            ) else self.cursor
        self.scroll_cursor_into_view()
        self.refresh()

    def _visible(self, offset: int) -> bool:
        if not self.rows:
            return True
        row = self.rows[self.row_of(offset)]
        return row.start <= offset <= row.end

    def on_resize(self) -> None:
        self._relayout()

    # -- geometry -----------------------------------------------------------

    def row_of(self, offset: int) -> int:
        if not self._row_starts:
            return 0
        i = bisect.bisect_right(self._row_starts, offset) - 1
        return max(0, min(i, len(self.rows) - 1))

    def offset_at(self, x: int, y: int) -> int:
        index = int(self.scroll_offset.y) + y
        if not self.rows:
            return 0
        index = max(0, min(index, len(self.rows) - 1))
        row = self.rows[index]
        cells = 0
        for pos in range(row.start, row.end):
            w = _char_cells(self.display_text[pos])
            if cells + w > x:
                return pos
            cells += w
        return max(row.start, row.end - 1) if row.end > row.start else row.start

    def scroll_cursor_into_view(self, recentre: bool = True) -> None:
        if not self.rows:
            return
        scroll_row_into_view(
            self, self.row_of(self.cursor), self.scrollable_content_region.height,
            recentre=recentre,
        )

    @property
    def selection(self) -> tuple[int, int] | None:
        if self.anchor is None:
            return None
        a, b = sorted((self.anchor, self.cursor))
        return (a, b) if b > a else None

    # -- rendering ----------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        index = int(self.scroll_offset.y) + y
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        row = self.rows[index]
        strip = Strip(self._row_segments(row, index), None)
        return strip.extend_cell_length(width, self.rich_style)

    def _line_style(self, line: int) -> Style:
        kind = self.line_kinds[line] if line < len(self.line_kinds) else "body"
        if kind == "boilerplate":
            return self.get_component_rich_style("article-view--boilerplate", partial=True)
        if kind == "title":
            return self.get_component_rich_style("article-view--title", partial=True)
        return Style()

    def _spans_in(self, spans: list[Span], start: int, end: int) -> list[Span]:
        return [s for s in spans if s.start < end and s.end > start]

    def _row_segments(self, row: Row, index: int) -> list[Segment]:
        base = self.rich_style + self._line_style(row.line)
        s, e = row.start, row.end
        cur = self.cursor
        cursor_index = self.row_of(cur)
        cursor_row = cursor_index == index
        # the whole line (paragraph) under the cursor is lit, every row of it: `z`, `p`
        # and the other line keys act on all of it, not on the screen row the cursor is on
        if self.has_focus and row.line == self.rows[cursor_index].line:
            base = base + self.get_component_rich_style("article-view--cursor-line", partial=True)
        quotes = self._spans_in(self.quotes, s, e)
        hls = self._spans_in(self.highlight_spans, s, e)
        found = self._spans_in(self.match_spans, s, e) if self.match_spans else []
        sel = self.selection
        points = {s, e}
        for span in (*quotes, *hls, *found):
            points.add(max(s, min(e, span.start)))
            points.add(max(s, min(e, span.end)))
        if sel:
            points.add(max(s, min(e, sel[0])))
            points.add(max(s, min(e, sel[1])))
        if cursor_row and s <= cur < e:
            points.add(cur)
            points.add(cur + 1)
        ordered = sorted(points)
        segments: list[Segment] = []
        text = self.display_text
        speech = self.get_component_rich_style("article-view--speech", partial=True)
        term = self.get_component_rich_style("article-view--term", partial=True)
        overlap = self.get_component_rich_style("article-view--overlap", partial=True)
        selection_style = self.get_component_rich_style("article-view--selection", partial=True)
        cursor_style = self.get_component_rich_style("article-view--cursor", partial=True)
        match_style = (self.get_component_rich_style("article-view--match", partial=True)
                       if found else Style())
        for a, b in zip(ordered, ordered[1:], strict=False):
            if a >= b:
                continue
            style = base
            for q in quotes:
                if q.start <= a < q.end:
                    style = style + (speech if q.kind == "quote-speech" else term)
            covering = [h for h in hls if h.start <= a < h.end]
            if covering:
                style = style + Style(bgcolor=covering[-1].colour or "yellow", color="black")
                if len(covering) > 1:
                    style = style + overlap
            if found and any(m.start <= a < m.end for m in found):
                style = style + match_style
            if sel and sel[0] <= a < sel[1]:
                style = style + selection_style
            if cursor_row and a == cur and self.has_focus:
                style = style + cursor_style
            chunk = text[a:b].rstrip("\n")
            if chunk:
                segments.append(Segment(chunk, style))
        if cursor_row and self.has_focus and (cur >= e):
            segments.append(Segment(" ", base + cursor_style))
        return segments

    def _ends_line(self, offset: int) -> bool:
        return offset >= len(self.text) or self.text[offset] == "\n"

    # -- cursor -------------------------------------------------------------

    def move_cursor(
        self, offset: int, *, select: bool | None = None, direction: int = 1,
        recentre: bool = True,
    ) -> None:
        offset = max(0, min(offset, len(self.text)))
        # with boilerplate hidden the cursor never rests on a hidden line (after `z` made
        # its line boilerplate, a re-open put it back there): on to the next visible text
        offset = self._skip_hidden(offset, direction)
        self.cursor = offset
        self.scroll_cursor_into_view(recentre)
        self.refresh()
        self._tell_app()

    def _row_move(self, delta: int) -> None:
        if not self.rows:
            return
        r = self.row_of(self.cursor)
        col = self.cursor - self.rows[r].start
        target = max(0, min(len(self.rows) - 1, r + delta))
        step = 1 if delta > 0 else -1
        while 0 < target < len(self.rows) - 1 and self.rows[target].start == self.rows[target].end:
            target += step  # blank lines are not worth a keypress
        row = self.rows[target]  # line and page moves scroll the least, never recentre
        self.move_cursor(min(row.start + col, max(row.start, row.end - 1)), recentre=False)

    def action_cursor_down(self) -> None:
        self._row_move(1)

    def action_cursor_up(self) -> None:
        self._row_move(-1)

    def action_page_down(self) -> None:
        self._row_move(max(1, self.scrollable_content_region.height - 2))

    def action_page_up(self) -> None:
        self._row_move(-max(1, self.scrollable_content_region.height - 2))

    def action_top(self) -> None:
        self.move_cursor(self.rows[0].start if self.rows else 0)
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_bottom(self) -> None:
        self.move_cursor(self.rows[-1].start if self.rows else 0)

    def action_back(self) -> None:
        self.post_message(self.Back())

    def action_next_sentence(self) -> None:
        self.move_cursor(self._skip_hidden(motion.next_sentence(self.text, self.cursor), 1))

    def action_prev_sentence(self) -> None:
        self.move_cursor(self._skip_hidden(motion.prev_sentence(self.text, self.cursor), -1),
                         direction=-1)

    def action_next_paragraph(self) -> None:
        self.move_cursor(self._skip_hidden(motion.next_paragraph(self.text, self.cursor), 1))

    def action_prev_paragraph(self) -> None:
        self.move_cursor(self._skip_hidden(motion.prev_paragraph(self.text, self.cursor), -1),
                         direction=-1)

    def action_next_word(self) -> None:
        if self.anchor is not None and self.cursor >= self.anchor:
            self.move_cursor(motion.word_end(self.text, self.cursor))
        else:
            self.move_cursor(motion.next_word(self.text, self.cursor))

    def action_prev_word(self) -> None:
        self.move_cursor(motion.prev_word(self.text, self.cursor), direction=-1)

    def _skip_hidden(self, offset: int, direction: int) -> int:
        """Motions land on visible text only while boilerplate is hidden."""
        if not self.hide_boilerplate or not self.rows or self._visible(offset):
            return offset
        r = self.row_of(offset)
        if offset < self.rows[0].start:  # hidden lines at the very top
            return self.rows[0].start
        if direction > 0 and r + 1 < len(self.rows):
            return self.rows[r + 1].start
        return self.rows[r].start

    def boilerplate_lines_in(self, start: int, end: int) -> int:
        """How many boilerplate lines (dimmed or hidden) the range [start, end) touches."""
        if end <= start or not self.line_kinds:
            return 0
        first = self.text.count("\n", 0, start)
        last = first + self.text.count("\n", start, max(start, end - 1))
        return sum(1 for n in range(first, last + 1)
                   if n < len(self.line_kinds) and self.line_kinds[n] == "boilerplate")

    def _jump(self, spans: Sequence[Span], forward: bool) -> None:
        if self.hide_boilerplate:  # a quotation in a hidden caption is not a place to land
            spans = [s for s in spans if self._visible(s.start)]
        if forward:
            for s in spans:
                if s.start > self.cursor:
                    self.move_cursor(s.start)
                    return
        else:
            for s in reversed(spans):
                if s.start < self.cursor:
                    self.move_cursor(s.start)
                    return
        self.app.bell()

    def action_next_quote(self) -> None:
        self._jump(self.quotes, True)

    def action_prev_quote(self) -> None:
        self._jump(self.quotes, False)

    def jump_match(self, forward: bool) -> bool:
        """The cursor to the next (previous) search match; False when none is lit."""
        if not self.match_spans:
            return False
        self._jump(self.match_spans, forward)
        return True

    def action_next_highlight(self) -> None:
        self._jump(self.highlight_spans, True)

    def action_prev_highlight(self) -> None:
        self._jump(self.highlight_spans, False)

    # -- selection ----------------------------------------------------------

    @property
    def anchor(self) -> int | None:
        return self._anchor

    @anchor.setter
    def anchor(self, value: int | None) -> None:
        # every way a selection starts or ends (v, escape, s/p/", the mouse) repaints it
        # and tells the app, whose status line says what is selected
        if value != self._anchor:
            self._anchor = value
            self.refresh()
            self._tell_app()

    def select(self, start: int, end: int) -> None:
        self.anchor = start
        self.move_cursor(end)

    def action_toggle_selection(self) -> None:
        self.anchor = self.cursor if self.anchor is None else None

    def action_swap_selection_end(self) -> None:
        if self.anchor is not None:
            self.anchor, cursor = self.cursor, self.anchor
            self.move_cursor(cursor)

    def action_clear_selection(self) -> None:
        if self.anchor is not None:
            self.anchor = None
        else:
            self.post_message(self.Back())

    def action_select_sentence(self) -> None:
        self.select(*motion.sentence_bounds(self.text, self.cursor))

    def action_select_paragraph(self) -> None:
        self.select(*motion.paragraph_bounds(self.text, self.cursor))

    def quote_at_cursor(self) -> Span | None:
        return self.span_at(self.quotes, self.cursor)

    def highlight_at_cursor(self) -> Span | None:
        """The innermost highlight at the cursor: the one keys act on."""
        return self.span_at(self.highlight_spans, self.cursor)

    def action_select_quote(self) -> None:
        q = self.quote_at_cursor()
        if q is None:
            self.app.bell()
            return
        self.select(q.start, q.end)

    def spans_at(self, spans: Sequence[Span], offset: int) -> list[Span]:
        """The spans holding `offset`, innermost first: of a sentence highlighted and a
        few words inside it, the words are what the cursor is on."""
        found = [s for s in spans if s.start <= offset < s.end]
        found.sort(key=lambda s: (s.end - s.start, -s.start))
        return found

    def span_at(self, spans: Sequence[Span], offset: int) -> Span | None:
        """The innermost span holding `offset` (the one a key acts on)."""
        found = self.spans_at(spans, offset)
        return found[0] if found else None

    # -- mouse --------------------------------------------------------------

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if event.button != 1:
            return
        self.focus()
        self._mouse_down = True
        self.capture_mouse()
        offset = self.offset_at(event.x, event.y)
        self.anchor = None
        self.move_cursor(offset)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._mouse_down:
            if self.anchor is None:
                self.anchor = self.cursor
            self.move_cursor(self.offset_at(event.x, event.y) + 1)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._mouse_down:
            self._mouse_down = False
            self.release_mouse()
            if self.anchor is not None and self.anchor == self.cursor:
                self.anchor = None

    def _refresh_cursor_line(self) -> None:
        """Repaint the rows of the line under the cursor (lit while focused)."""
        if not self.rows:
            return
        r = self.row_of(self.cursor)
        line = self.rows[r].line
        first, last = r, r
        while first > 0 and self.rows[first - 1].line == line:
            first -= 1
        while last + 1 < len(self.rows) and self.rows[last + 1].line == line:
            last += 1
        self.refresh_lines(first, last - first + 1)

    # Focus only shows or hides the cursor: repaint its line, not the whole article.
    def _on_focus(self, event: events.Focus) -> None:
        event.prevent_default()  # not Widget._on_focus: it repaints everything
        self.has_focus = True
        self._refresh_cursor_line()
        if self.parent is not None:
            self.parent.post_message(events.DescendantFocus(self))

    def _on_blur(self, event: events.Blur) -> None:
        event.prevent_default()
        self.has_focus = False
        self._refresh_cursor_line()
        if self.parent is not None:
            self.parent.post_message(events.DescendantBlur(self))
