"""Syndicated copies in the app: a badge per group, one row per group, tags copied across.

Finding the groups reads and analyses the whole corpus (about 15 ms an article), so it runs
as `reader dupes --json` in a child process: all cores, no GIL taken from the UI, and the
same groups the command prints. It starts on the first use of `=` (or of the copy command)
and the list shows `≡N` (N: the group's size) on every copy once it is done.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from textual import work

from reader.wording import plural

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp


@dataclass
class DupeState:
    """The groups as article indices; `collapsed` shows one row per group."""

    group_of: dict[int, int] = field(default_factory=dict)  # article index → group number
    members: list[list[int]] = field(default_factory=list)  # group number → indices in order
    collapsed: bool = False
    running: bool = False
    ready: bool = False
    then: list[str] = field(default_factory=list)  # actions waiting for the groups
    proc: subprocess.Popen[str] | None = None  # the running `reader dupes`

    def badge(self, index: int) -> str | None:
        g = self.group_of.get(index)
        return None if g is None else f"≡{len(self.members[g])}"

    def collapse(self, indices: list[int]) -> list[int]:
        """The visible indices with each group's later copies left out."""
        if not self.collapsed or not self.group_of:
            return indices
        seen: set[int] = set()
        out = []
        for i in indices:
            g = self.group_of.get(i)
            if g is not None:
                if g in seen:
                    continue
                seen.add(g)
            out.append(i)
        return out


def state(app: ReaderApp) -> DupeState:
    found = getattr(app, "_dupes", None)
    if found is None:
        found = DupeState()
        app._dupes = found  # type: ignore[attr-defined]
    return found


def dupes_command(app: ReaderApp) -> list[str]:
    """The `reader dupes` call for the app's corpus, as the app was started."""
    corpus = app.corpus
    path = corpus.single_file or corpus.root
    cmd = [sys.executable, "-m", "reader", "dupes", str(path), "--json",
           "--max-size", str(app.max_bytes / 1024 / 1024)]
    text_field = getattr(app, "text_field", None)
    if text_field:
        cmd += ["--text-field", text_field]
    return cmd


def _ensure(app: ReaderApp, then: str) -> bool:
    """True when the groups are known; else start finding them and run `then` after."""
    s = state(app)
    if s.ready:
        return True
    s.then.append(then)
    if not s.running:
        s.running = True
        app.notify("Finding syndicated copies (reader dupes)…", timeout=3)
        find_groups(app)
    return False


@work(thread=True, exclusive=True, group="dupes")
def find_groups(app: ReaderApp) -> None:
    from textual.worker import get_current_worker

    worker = get_current_worker()
    try:
        proc = subprocess.Popen(dupes_command(app), stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True)
    except OSError as exc:
        app.call_from_thread(_failed, app, f"cannot run reader dupes: {exc}")
        return
    groups: list[list[str]] = []
    assert proc.stdout is not None
    state(app).proc = proc
    with proc:
        for line in proc.stdout:
            if worker.is_cancelled:
                proc.kill()
                return
            with contextlib.suppress(ValueError, KeyError, TypeError):
                groups.append(list(json.loads(line)["articles"]))
    state(app).proc = None
    if worker.is_cancelled:
        return
    if proc.returncode != 0:
        app.call_from_thread(_failed, app, "reader dupes failed; run it in a terminal to see why")
        return
    app.call_from_thread(_found, app, groups)


def stop(app: ReaderApp) -> None:
    """Kill a `reader dupes` still running (the app is quitting)."""
    proc = state(app).proc
    if proc is not None and proc.poll() is None:
        with contextlib.suppress(OSError):
            proc.kill()


def _failed(app: ReaderApp, message: str) -> None:
    s = state(app)
    s.running, s.then = False, []
    app.notify(message, severity="error")


def _found(app: ReaderApp, groups: list[list[str]]) -> None:
    s = state(app)
    where = app.corpus._index
    s.group_of, s.members = {}, []
    for ids in groups:
        idx = [where[a] for a in ids if a in where]
        if len(idx) < 2:
            continue
        for i in idx:
            s.group_of[i] = len(s.members)
        s.members.append(idx)
    s.running, s.ready = False, True
    copies = sum(len(m) for m in s.members)
    if s.members:
        app.notify(f"{plural(len(s.members), 'group')} of syndicated copies "
                   f"({plural(copies, 'article')})", timeout=4)
    elif "collapse" not in s.then:  # (`=` says it in its own words)
        app.notify("no syndicated copies in this corpus", timeout=4)
    waiting, s.then = s.then, []
    for action in waiting:
        ACTIONS[action](app)
    app.query_one("#list").refresh()


def toggle_collapse(app: ReaderApp) -> None:
    """`=`: one row per group of copies, or every copy again."""
    if not _ensure(app, "collapse"):
        return
    s = state(app)
    if not s.members and not s.collapsed:  # ("one row per group (0 groups)": nothing did)
        app.notify("no syndicated copies in this corpus: every article is its own row",
                   timeout=3)
        return
    s.collapsed = not s.collapsed
    app.apply_filter()
    if s.collapsed:
        app.notify(f"one row per group of copies ({plural(len(s.members), 'group')})",
                   timeout=2)
    else:
        app.notify("every copy shown", timeout=2)


def copy_tags(app: ReaderApp) -> None:
    """Give every copy in the article's group the tags this copy has."""
    if not _ensure(app, "copy_tags"):
        return
    from reader.tui.annotate import _target_article

    article_id = _target_article(app)
    if article_id is None:
        return
    s = state(app)
    index = app.corpus._index.get(article_id)
    g = s.group_of.get(index) if index is not None else None
    if g is None:
        app.notify(f"{article_id} has no syndicated copies", severity="warning")
        return
    tags = app.store.tags(article_id)
    if not tags:
        app.notify(f"{article_id} has no tags to copy", severity="warning")
        return
    others = [app.corpus.articles[i].id for i in s.members[g] if i != index]

    def redraw(_: Any = None) -> None:
        app.refresh_annotations()

    changed = 0
    for other in others:
        missing = [t for t in tags if t not in app.store.tags(other)]
        if missing and app.store.change(app, "add_tags", other, missing, then=redraw):
            changed += 1
    app.notify(f"tags {', '.join(tags)} copied to {changed} of {len(others)} copies",
               timeout=3)


ACTIONS = {"collapse": toggle_collapse, "copy_tags": copy_tags}
