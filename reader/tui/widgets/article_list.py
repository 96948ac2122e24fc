"""The article list: a Line API widget that renders only the rows on screen.

ListView, OptionList and DataTable build a widget or a row object per item; at 100,000
articles that takes seconds before the first frame. Here the list is an array of indices
into the app's entries, and `render_line` formats the one row asked for, so start-up,
scrolling and filtering cost the same at 100 articles and at 100,000.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.textlayout import cell_width, sanitize
from reader.tui.commands import bindings_for
from reader.tui.list_hints import hint, hint_bindings, mapped_elsewhere
from reader.tui.widgets.scrolling import scroll_row_into_view, set_virtual_size

STATUS_MARK = {"done": "✓", "skipped": "–", "todo": " "}
WORDS_FROM = 44  # list width (cells) from which the words column shows


def fit_badges(tags: Sequence[str], room: int) -> str:
    """Tag badges in the cells the whole title leaves: as many as fit, then `+N`.

    The title comes first: badges take only cells the title does not need. When not even
    one badge fits, a short ` #+N` (N tags) still says there are tags (the header above
    the article lists them in full for the row under the cursor).
    """
    if not tags:
        return ""
    badges = [f" #{sanitize(t)}" for t in tags]
    if cell_width("".join(badges)) <= room:
        return "".join(badges)
    out = ""
    for i, badge in enumerate(badges):
        if cell_width(out + badge) + len(f" +{len(badges) - i - 1}") > room:
            rest = len(badges) - i
            return out + f" +{rest}" if out else f" #+{rest}"
        out += badge
    return out


class ArticleList(ScrollView, can_focus=True):
    """Rows of (status, title, tag badges, words); `entries` is owned by the app."""

    COMPONENT_CLASSES = {
        "article-list--cursor",
        "article-list--words",
        "article-list--tag",
        "article-list--done",
        "article-list--pending",
        "article-list--share",
    }
    BINDINGS = [*bindings_for("list"), *hint_bindings()]  # (article keys say where they work)

    # repaint=False: watch_cursor repaints just the rows that changed
    cursor: reactive[int] = reactive(0, always_update=True, init=False, repaint=False)

    class Highlighted(Message):
        def __init__(self, index: int | None) -> None:
            self.index = index
            super().__init__()

    class Opened(Message):
        def __init__(self, index: int) -> None:
            self.index = index
            super().__init__()

    def __init__(
        self,
        title_of: Callable[[int], str],
        words_of: Callable[[int], int | None],
        tags_of: Callable[[int], Sequence[str]],
        status_of: Callable[[int], str],
        share_of: Callable[[int], float | None] = lambda i: None,
        *,
        meta_of: Callable[[int], tuple[str | None, str | None, str | None]] | None = None,
        badge_of: Callable[[int], str | None] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._title_of = title_of
        self._words_of = words_of
        self._tags_of = tags_of
        self._status_of = status_of
        self._share_of = share_of
        self._meta_of = meta_of
        self._badge_of = badge_of
        self.indices: list[int] = []
        self._named: list[tuple[object, ...]] = []  # (refresh_if_renamed)
        self.show_share = False
        # keyword in context after the title, where the row has room (reader.tui.search)
        self.snippet_of: Callable[[int], str | None] | None = None
        # rows whose title is a stand-in, not yet the headline: drawn dim and italic
        self.provisional_of: Callable[[int], bool] | None = None

    # -- data ---------------------------------------------------------------

    def set_visible(self, indices: list[int], keep: int | None = None) -> None:
        """Show these entry indices; keep the cursor on entry `keep` if it is still there."""
        self.indices = indices
        set_virtual_size(self, Size(self.size.width, len(indices)))
        pos = 0
        if keep is not None:
            try:
                pos = indices.index(keep)
            except ValueError:
                pos = 0
        self.cursor = pos
        self.refresh()

    @property
    def current(self) -> int | None:
        if 0 <= self.cursor < len(self.indices):
            return self.indices[self.cursor]
        return None

    def refresh_entry(self, index: int | None = None) -> None:
        """Redraw after titles, tags or statuses changed (cheap: only the screen)."""
        self.refresh()

    def refresh_if_renamed(self) -> None:
        """Redraw when a row on screen has another title, word count or share than at
        the last call: a background pass naming articles asks every half second, and repainting
        an unchanged screen then costs a frame that typing or moving waits behind."""
        top = int(self.scroll_offset.y)
        rows = self.indices[top : top + max(1, self.size.height)]
        share = self._share_of if self.show_share else lambda i: None
        seen = [(i, self._title_of(i), self._words_of(i), share(i)) for i in rows]
        if seen != self._named:
            self._named = seen
            self.refresh()

    # -- rendering ----------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        row = int(self.scroll_offset.y) + y
        if row >= len(self.indices) or width <= 0:
            return Strip.blank(width, self.rich_style)
        index = self.indices[row]
        base = self.rich_style
        is_cursor = row == self.cursor
        if is_cursor:
            cursor_style = self.get_component_rich_style("article-list--cursor", partial=True)
            if not self.has_focus:
                cursor_style = Style(bgcolor=cursor_style.bgcolor, dim=False)
            base = base + cursor_style
        status = self._status_of(index)
        words = self._words_of(index)
        right_parts: list[tuple[str, Style]] = []
        if self.show_share:
            share = self._share_of(index)
            if share is not None:
                right_parts.append(
                    (
                        f"{share * 100:3.0f}%▒ ",
                        self.get_component_rich_style("article-list--share", partial=True),
                    )
                )
        if width >= WORDS_FROM:  # a narrow list gives the words' cells to the title
            words_text = f"{words:>6,}" if words is not None else "     …"
            right_parts.append(
                (words_text, self.get_component_rich_style("article-list--words", partial=True))
            )
        if self._meta_of is not None:
            columns = meta_columns(self._meta_of(index), width - 2 - 1 - sum(
                cell_width(t) for t, _ in right_parts))
            if columns:
                style = self.get_component_rich_style("article-list--words", partial=True)
                right_parts.insert(0, (columns, style))
        right_width = sum(cell_width(t) for t, _ in right_parts)
        title = sanitize(self._title_of(index))
        mark = STATUS_MARK.get(status, " ")
        mark_style = self.get_component_rich_style(
            "article-list--done" if status == "done" else "article-list--pending", partial=True
        )
        tags = list(self._tags_of(index))
        badge = self._badge_of(index) if self._badge_of is not None else None
        tag_style = self.get_component_rich_style("article-list--tag", partial=True)
        avail = max(0, width - 2 - right_width - 1)
        tag_text = fit_badges(tags, avail - cell_width(title) - (len(badge) + 1 if badge else 0))
        if badge:  # syndicated copies: the group's size, before the tags
            tag_text = f" {badge}" + tag_text
        title_room = avail - cell_width(tag_text)
        if cell_width(title) > title_room:
            title = _crop(title, max(0, title_room - 1)) + "…"
        tags_cells = cell_width(tag_text)
        stand_in = self.provisional_of is not None and self.provisional_of(index)
        left = [
            Segment(mark + " ", base + mark_style),
            Segment(title, base + Style(dim=True, italic=True) if stand_in else base),
        ]
        if tags_cells:
            left.append(Segment(tag_text, base + tag_style))
        used = 2 + cell_width(title) + tags_cells
        room = width - used - right_width - 3
        if self.snippet_of is not None and room >= 20:
            snip = self.snippet_of(index)
            if snip:
                snip = _crop(" · " + sanitize(snip), room + 3)
                left.append(Segment(snip, base + Style(dim=True, italic=True)))
                used += cell_width(snip)
        pad = max(0, width - used - right_width)
        segments = left + [Segment(" " * pad, base)]
        segments += [Segment(t, base + s) for t, s in right_parts]
        return Strip(segments).crop(0, width)

    # -- movement -----------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        n = len(self.indices)
        if n and not 0 <= new < n:
            self.cursor = max(0, min(new, n - 1))
            return
        top = int(self.scroll_offset.y)
        self.scroll_to_show(new)
        if old != new and int(self.scroll_offset.y) == top:
            self.refresh_line(old)  # no scroll: repaint the two rows the cursor left and
            self.refresh_line(new)  # reached, not the whole screen
        else:
            self.refresh()
        self.post_message(self.Highlighted(self.current))

    def scroll_to_show(self, row: int) -> None:
        scroll_row_into_view(self, row, self.size.height)

    def show_cursor_centred(self) -> None:
        """Bring a cursor set from afar (the last session's place) a third of the way down.

        Set before the first layout, the cursor was scrolled to the least, onto the list's
        last row; a jump shows what comes after it too (as `scroll_row_into_view`'s
        `recentre` does for the article).
        """
        self.scroll_to(y=max(0, self.cursor - max(1, self.size.height) // 3),
                       animate=False, immediate=True)
        self.refresh()

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.indices))
        self.scroll_to_show(self.cursor)

    # Focus only changes how the cursor row looks: repaint that row, not the whole list
    # (Textual's default repaints the widget, a full-screen frame on every pane switch).
    def _on_focus(self, event: events.Focus) -> None:
        event.prevent_default()  # not Widget._on_focus: it repaints everything
        self.has_focus = True
        self.refresh_line(self.cursor)
        if self.parent is not None:
            self.parent.post_message(events.DescendantFocus(self))

    def _on_blur(self, event: events.Blur) -> None:
        event.prevent_default()
        self.has_focus = False
        self.refresh_line(self.cursor)
        if self.parent is not None:
            self.parent.post_message(events.DescendantBlur(self))

    def action_cursor_down(self) -> None:
        if self.cursor < len(self.indices) - 1:
            self.cursor += 1

    def action_cursor_up(self) -> None:
        if self.cursor > 0:
            self.cursor -= 1

    def action_page_down(self) -> None:
        self.cursor = min(len(self.indices) - 1, self.cursor + max(1, self.size.height - 1))

    def action_page_up(self) -> None:
        self.cursor = max(0, self.cursor - max(1, self.size.height - 1))

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = max(0, len(self.indices) - 1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A hint gives way to a key the user's keymap gave to some command."""
        if action == "article_hint" and parameters:
            return not mapped_elsewhere(str(parameters[0]),
                                        getattr(self.app, "user_keymap", None) or {})
        return True

    def action_article_hint(self, command_id: str) -> None:
        """An article key pressed on the list: say where it works (`reader.tui.list_hints`)."""
        self.app.notify(hint(command_id, getattr(self.app, "current", None) is not None),
                        timeout=3)

    def action_open(self) -> None:
        if self.current is not None:
            self.post_message(self.Opened(self.current))

    def on_click(self, event) -> None:  # type: ignore[no-untyped-def]
        row = int(self.scroll_offset.y) + event.y
        if 0 <= row < len(self.indices):
            self.cursor = row
            if event.chain >= 2:
                self.action_open()


TITLE_ROOM = 24  # cells the title keeps before any metadata column is shown
META_WIDTHS = (("source", 14), ("date", 10), ("url", 30))


def meta_columns(meta: tuple[str | None, str | None, str | None], room: int) -> str:
    """Source, date and URL columns that fit beside a title of at least TITLE_ROOM cells.

    The columns yield to the title: at a narrow width the URL goes first, then the date,
    then the source. Widths are fixed, so the columns line up whatever the row.
    """
    source, date, url = meta
    if not (source or date or url):
        return ""
    values = {"source": source or "", "date": (date or "")[:10], "url": url or ""}
    out = ""
    for name, w in META_WIDTHS:
        if room - cell_width(out) - (w + 1) < TITLE_ROOM:
            break
        value = sanitize(values[name])
        value = value if cell_width(value) <= w else _crop(value, w - 1) + "…"
        out += " " + value + " " * (w - cell_width(value))
    return out + " " if out else ""


def _crop(text: str, cells: int) -> str:
    if cell_width(text) <= cells:
        return text
    out, used = [], 0
    for ch in text:
        w = cell_width(ch)
        if used + w > cells:
            break
        out.append(ch)
        used += w
    return "".join(out)
