"""One list of commands drives the key bindings, the footer, the palette and the help screen.

Each command has a stable id (the binding id), so a user can remap any key in
`keymap.toml` without the help screen or the palette going out of date.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

from reader.filtering import OPERATORS


@dataclass(frozen=True, slots=True)
class Command:
    id: str
    keys: str  # comma-separated Textual key names
    action: str  # action name on the widget of `scope`
    title: str  # short, for the footer and the palette
    help: str  # one sentence for the help screen and the palette
    group: str
    scope: str = "app"  # "app", "list" or "article"
    footer: bool = False
    palette: bool = True
    display: str | None = None  # key as shown, when the key name is unreadable


COMMANDS: tuple[Command, ...] = (
    # -- app ------------------------------------------------------------------
    Command("app.help", "question_mark,f1", "help", "Help", "Show every key and command", "App",
            footer=True, display="?"),
    Command("app.quit", "q", "quit", "Quit", "Quit (annotations are already saved)", "App",
            footer=True),
    Command("app.filter", "slash", "focus_filter", "Filter",
            # generated from the grammar (reader.filtering.OPERATORS): never out of date
            "Search the corpus: " + ", ".join(syntax for syntax, _ in OPERATORS)
            + " (list ranked, count shown)",
            "App", footer=True, display="/"),
    Command("app.find", "f", "find_in_article", "Find",
            "Find words in the open article (n / N: next / previous match)", "App"),
    Command("app.switch", "tab", "switch_pane", "Switch pane",
            "Move between the list and the article", "App", palette=False),
    Command("app.list_pane", "F", "toggle_list", "Full width",
            "Hide or show the article list: full-width reading", "View"),
    Command("app.boilerplate", "b", "toggle_boilerplate", "Boilerplate",
            "Hide or show the dimmed boilerplate lines", "View", footer=True),
    Command("app.share", "percent_sign", "toggle_share", "Boilerplate share",
            "Show each article's boilerplate share in the list", "View", display="%"),
    Command("app.skipped", "S", "show_skipped", "Files not loaded",
            "List the files that were not loaded and why", "View"),
    Command("app.tag", "t", "tag_prompt", "Tag", "Add or remove tags on the article", "Annotate",
            footer=True),
    Command("app.next_todo", "n", "next_todo", "Next to do",
            "Go to the next article that is not done; in an article with search matches lit: "
            "the next match", "Session", footer=True),
    Command("app.prev_todo", "N", "prev_todo", "Previous to do",
            "Go to the previous article that is not done; in an article with search matches "
            "lit: the previous match", "Session"),
    Command("app.done", "d", "mark_done", "Done",
            "Mark the article done and open the next to do (again: back to to do)", "Session",
            footer=True),
    Command("app.skip", "x", "mark_skipped", "Skip",
            "Mark the article skipped and open the next to do", "Session"),
    Command("app.undo", "u", "undo", "Undo", "Undo the last annotation change", "Annotate",
            footer=True),
    Command("app.redo", "ctrl+r", "redo", "Redo", "Redo the change last undone", "Annotate"),
    Command("app.orphans", "O", "orphans", "Orphans",
            "List highlights that lost their place after an article changed", "Annotate"),
    Command("app.conflicts", "I", "import_conflicts", "Import conflicts",
            "Read what `reader import` set aside: each record both sides changed, ours "
            "(kept) and the imported version (annotations.json.conflicts)", "Annotate"),
    Command("app.codebook", "C", "codebook", "Codebook",
            "The codebook: add, rename, delete or merge labels, put a label under another, "
            "add tags", "Annotate"),
    Command("app.adjudicate", "J", "adjudicate", "Adjudicate",
            "List the units the coders disagree on and settle each into the adjudicator "
            "coder (gold)", "Annotate"),
    Command("app.export", "E", "export", "Export",
            "Export annotations to Markdown, JSON, JSON-LD, CSV, clean text or REFI-QDA",
            "App"),
    Command("app.memo", "m", "memo", "Memo",
            "Write the memo of the article (your notes on it, beside the codes)", "Annotate"),
    Command("app.project_memo", "M", "project_memo", "Project memo",
            "Write the memo of the whole project", "Annotate"),
    Command("app.coder", "U", "switch_coder", "Switch coder",
            "Work as another coder: show their work, record changes as theirs",
            "Annotate"),
    Command("app.passages", "P", "passages", "Coded passages",
            "Every highlight of the corpus grouped by label; enter jumps to it", "Corpus"),
    Command("app.overview", "V", "overview", "Overview",
            "Counts per tag, label and status, boilerplate shares and the most quoted "
            "speakers as bars; enter filters the list", "Corpus"),
    Command("app.collapse_copies", "equals_sign", "collapse_copies", "Collapse copies",
            "Show one row per group of syndicated copies (≡N: N copies), or every copy",
            "View", display="="),
    Command("app.copy_tags", "plus", "copy_tags_to_copies", "Tags to copies",  # (not plus_sign)
            "Copy this article's tags to its syndicated copies", "Annotate", display="+"),
    # -- list -----------------------------------------------------------------
    Command("list.down", "j,down", "cursor_down", "Down", "Next article", "List", "list",
            palette=False),
    Command("list.up", "k,up", "cursor_up", "Up", "Previous article", "List", "list",
            palette=False),
    Command("list.open", "enter,l,right", "open", "Open", "Open the article", "List", "list",
            footer=True, palette=False),
    Command("list.first", "g,home", "first", "Top", "First article", "List", "list",
            palette=False),
    Command("list.last", "G,end", "last", "Bottom", "Last article", "List", "list",
            palette=False),
    Command("list.page_down", "pagedown,space", "page_down", "Page down", "Page down", "List",
            "list", palette=False),
    Command("list.page_up", "pageup", "page_up", "Page up", "Page up", "List", "list",
            palette=False),
    # -- article --------------------------------------------------------------
    Command("article.back", "h,left", "back", "List", "Back to the list", "Article", "article",
            palette=False),
    Command("article.down", "j,down", "cursor_down", "Down", "Cursor down a line", "Article",
            "article", palette=False),
    Command("article.up", "k,up", "cursor_up", "Up", "Cursor up a line", "Article", "article",
            palette=False),
    Command("article.page_down", "space,pagedown", "page_down", "Page down",
            "Scroll a page down", "Article", "article", palette=False),
    Command("article.page_up", "pageup", "page_up", "Page up", "Scroll a page up", "Article",
            "article", palette=False),
    Command("article.top", "g,home", "top", "Top", "Top of the article", "Article", "article",
            palette=False),
    Command("article.bottom", "G,end", "bottom", "Bottom", "End of the article", "Article",
            "article", palette=False),
    Command("article.next_sentence", "right_parenthesis", "next_sentence", "Next sentence",
            "Cursor to the next sentence", "Article", "article", palette=False, display=")"),
    Command("article.prev_sentence", "left_parenthesis", "prev_sentence", "Previous sentence",
            "Cursor to the previous sentence", "Article", "article", palette=False,
            display="("),
    Command("article.next_paragraph", "right_curly_bracket", "next_paragraph", "Next paragraph",
            "Cursor to the next paragraph", "Article", "article", palette=False, display="}"),
    Command("article.prev_paragraph", "left_curly_bracket", "prev_paragraph",
            "Previous paragraph", "Cursor to the previous paragraph", "Article", "article",
            palette=False, display="{"),
    Command("article.next_word", "w", "next_word", "Next word",
            "Cursor (or the selection's moving end) one word on", "Article", "article",
            palette=False),
    Command("article.prev_word", "W", "prev_word", "Previous word",
            "Cursor (or the selection's moving end) one word back", "Article", "article",
            palette=False),
    Command("article.next_quote", "right_square_bracket", "next_quote", "Next quotation",
            "Cursor to the next quotation", "Article", "article", palette=False, display="]"),
    Command("article.prev_quote", "left_square_bracket", "prev_quote", "Previous quotation",
            "Cursor to the previous quotation", "Article", "article", palette=False,
            display="["),
    Command("article.next_highlight", "greater_than_sign", "next_highlight", "Next highlight",
            "Cursor to the next highlight", "Article", "article", palette=False, display=">"),
    Command("article.prev_highlight", "less_than_sign", "prev_highlight",
            "Previous highlight", "Cursor to the previous highlight", "Article", "article",
            palette=False, display="<"),
    Command("article.select", "v", "toggle_selection", "Select",
            "Start or end a selection at the cursor", "Select", "article", footer=True),
    Command("article.swap_end", "o", "swap_selection_end", "Other end",
            "Move the other end of the selection", "Select", "article", palette=False),
    Command("article.select_sentence", "s", "select_sentence", "Sentence",
            "Select the sentence at the cursor", "Select", "article"),
    Command("article.select_paragraph", "p", "select_paragraph", "Paragraph",
            "Select the paragraph at the cursor", "Select", "article"),
    Command("article.select_quote", "quotation_mark", "select_quote", "Quotation",
            "Select the quotation at the cursor", "Select", "article", display='"'),
    Command("article.clear", "escape", "clear_selection", "Clear",
            "Clear the selection", "Select", "article", palette=False),
    Command("article.label", "1,2,3,4,5,6,7,8,9", "app.label_key", "Highlight",
            "Highlight the selection (else the quotation or sentence at the cursor) with label "
            "1-9; on a highlight: relabel",
            "Annotate", "article", palette=False, display="1-9"),
    Command("article.pick_label", "L", "app.pick_label", "Label…",
            "Pick any label by name (type part of it) and highlight with it, or relabel the "
            "highlight at the cursor", "Annotate", "article"),
    Command("article.note", "a", "app.edit_note", "Note",
            "Add or edit the note of the highlight (enter: new line; ctrl+s saves)",
            "Annotate", "article", footer=True),
    Command("article.delete", "delete,D", "app.delete_highlight", "Delete",
            "Delete the highlight at the cursor", "Annotate", "article"),
    Command("article.toggle_line", "z", "app.toggle_line", "Body/boilerplate",
            "Correct the line at the cursor: body ↔ boilerplate (lines with its text, and "
            "of its template on the site, follow); on the headline it asks first; again on "
            "a line you corrected: takes that back", "Correct", "article"),
    Command("article.line_everywhere", "Z", "app.line_everywhere", "Boilerplate everywhere",
            "Mark this line as boilerplate in every article of the corpus", "Correct",
            "article"),
    Command("article.corrections", "R", "app.list_corrections", "Corrections",
            "List the corrections acting on this article (any session, any coder); enter "
            "removes one", "Correct", "article"),
    Command("article.quote_kind", "K", "app.quote_kind", "Quote kind",
            "Switch the quotation at the cursor between speech and term", "Correct", "article"),
    Command("article.quote_speaker", "A", "app.quote_speaker", "Speaker",
            "Correct the speaker of the quotation at the cursor", "Correct", "article"),
    Command("article.quote_reject", "X", "app.quote_reject", "Not a quote",
            "Reject the quotation at the cursor", "Correct", "article"),
)

# -- team coding screens (`reader.tui.codebook_screen`, `reader.tui.adjudication_screen`) --
COMMANDS += (
    Command("codebook.add", "a", "add", "Add", "Codebook: add a label (name, colour, description)",
            "Codebook", "codebook", footer=True, palette=False),
    Command("codebook.rename", "r", "rename", "Rename",
            "Codebook: rename the label; its highlights (every coder's) follow", "Codebook",
            "codebook", footer=True, palette=False),
    Command("codebook.delete", "d,delete", "delete", "Delete",
            "Codebook: delete the label; says how many highlights it has, which stay "
            "unlabelled or move to another label", "Codebook", "codebook", footer=True,
            palette=False),
    Command("codebook.merge", "m", "merge", "Merge",
            "Codebook: merge the label into another (its highlights become the other's)",
            "Codebook", "codebook", footer=True, palette=False),
    Command("codebook.parent", "p", "parent", "Parent",
            "Codebook: put the label under another (one level) or back at the top",
            "Codebook", "codebook", palette=False),
    Command("codebook.add_tag", "t", "add_tag", "Add tag", "Codebook: add a quick tag",
            "Codebook", "codebook", palette=False),
    Command("codebook.close", "escape,q", "dismiss", "Close", "Codebook: close", "Codebook",
            "codebook", palette=False),
    Command("adjudicate.coder", "1,2,3,4,5,6,7,8,9", "take", "Coder N",
            "Adjudication: take coder N's version into the adjudicator's (gold) work",
            "Adjudication", "adjudicate", palette=False, display="1-9"),
    Command("adjudicate.both", "b", "take_both", "Both",
            "Adjudication: take every coder's version (the tag, each coder's highlight)",
            "Adjudication", "adjudicate", footer=True, palette=False),
    Command("adjudicate.neither", "n", "take_neither", "Neither",
            "Adjudication: take no coder's version (no tag, no highlight of that label there)",
            "Adjudication", "adjudicate", footer=True, palette=False),
    Command("adjudicate.open", "enter", "open", "Open",
            "Adjudication: open the article at the unit, to read it in context", "Adjudication",
            "adjudicate", palette=False),
    Command("adjudicate.undo", "u", "undo", "Undo", "Adjudication: undo the last decision",
            "Adjudication", "adjudicate", palette=False),
    Command("adjudicate.close", "escape,q", "app.pop_screen", "Back",
            "Adjudication: back to the reader", "Adjudication", "adjudicate", palette=False),
)

# -- the corpus views (`reader.tui.passages_screen`, `reader.tui.overview_screen`) --------
COMMANDS += (
    Command("passages.open", "enter", "open", "Open",
            "Coded passages: open the passage in its article", "Coded passages", "passages",
            footer=True, palette=False),
    Command("passages.label", "l", "pick_label", "Label",
            "Coded passages: show one label only (or all)", "Coded passages", "passages",
            footer=True, palette=False),
    Command("passages.tag", "t", "pick_tag", "Tag",
            "Coded passages: show passages of articles with one tag (or all)",
            "Coded passages", "passages", footer=True, palette=False),
    Command("passages.coder", "c", "pick_coder", "Coder",
            "Coded passages: show one coder's passages (or everyone's)", "Coded passages",
            "passages", footer=True, palette=False),
    Command("passages.export", "e", "export", "Export",
            "Coded passages: export what is shown to Markdown or CSV", "Coded passages",
            "passages", footer=True, palette=False),
    Command("passages.close", "escape,q", "close", "Back",
            "Coded passages: back to the reader", "Coded passages", "passages",
            footer=True, palette=False),
    Command("overview.filter", "enter", "filter", "Filter list",
            "Overview: filter the article list to the row's articles", "Overview",
            "overview", footer=True, palette=False),
    Command("overview.quotes", "s", "quotations", "Quotations",
            "Overview: on a speaker row, list the speaker's quotations in context",
            "Overview", "overview", footer=True, palette=False),
    Command("overview.refresh", "r", "refresh", "Refresh",
            "Overview: count again (the speakers fill in as the corpus is analysed)",
            "Overview", "overview", palette=False),
    Command("overview.close", "escape,q", "close", "Back", "Overview: back to the reader",
            "Overview", "overview", footer=True, palette=False),
    Command("quotations.open", "enter", "open", "Open",
            "A speaker's quotations: open the quotation in its article", "Overview",
            "quotations", footer=True, palette=False),
    Command("quotations.close", "escape,q", "close", "Back",
            "A speaker's quotations: back to the overview", "Overview", "quotations",
            footer=True, palette=False),
)

BY_ID = {c.id: c for c in COMMANDS}


def bindings_for(scope: str) -> list[Binding]:
    """Bindings of one scope; the 1-9 label keys become one binding per digit."""
    out: list[Binding] = []
    for c in COMMANDS:
        if c.scope != scope:
            continue
        if c.id == "article.label":
            out.extend(
                Binding(k, f"{c.action}({k})", f"Label {k}", show=False, tooltip=c.help,
                        id=f"article.label_{k}")
                for k in c.keys.split(",")
            )
            continue
        out.append(
            Binding(
            c.keys,
            c.action,
            c.title,
            show=c.footer,
            key_display=c.display,
            tooltip=c.help,
            id=c.id,
            )
        )
    return out
