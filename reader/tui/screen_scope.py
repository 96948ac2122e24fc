"""Which of the app's keys act only on the reading screen.

The app's bindings stay live under every screen Textual stacks on top of the reader
(dialogs are modal and stop them; the overview, coded passages, a speaker's quotations and
adjudication are full screens and did not). So `d` in the overview marked the article
behind it done and opened the next one, `b` toggled boilerplate nobody could see, `n`
moved to another article: work changed out of sight, with counts on the screen that no
longer matched. These actions act on the open article or the list, so they run only when
the reading screen is the one shown; the corpus views and dialogs (help, export, the
codebook, the other views) stay reachable from anywhere, and `/` closes the views and
searches.
"""

from __future__ import annotations

READING_ONLY: frozenset[str] = frozenset({
    "find_in_article", "switch_pane", "toggle_list", "toggle_boilerplate",
    "toggle_share", "tag_prompt", "next_todo", "prev_todo", "mark_done", "mark_skipped",
    "undo", "redo", "memo", "collapse_copies", "copy_tags_to_copies",
})


def allowed(action: str, on_reading_screen: bool) -> bool:
    """False for an article or list action while another screen covers the reader."""
    return on_reading_screen or action not in READING_ONLY


def palette_refusal(command_title: str, scope: str, action: str,
                    on_reading_screen: bool) -> str | None:
    """What to tell a coder who picks an article command in the palette over a corpus
    view (it would act on the article hidden behind it), or None when it may run."""
    if on_reading_screen or (scope == "app" and allowed(action, False)):
        return None
    return f"{command_title}: in the reader only (esc goes back to it)"
