"""The codebook screen (C): labels as a tree with their highlight counts, and the keys that
grow it: add, rename, delete, merge, parent; plus the label picker (L) of the article.

The work is done by `annotations.codebook_ops`: the codebook transforms are pure, the
highlights move through the store as one undoable change (`relabel`), and only once that
change is saved is the codebook file written, so a failed save never leaves the codebook
renamed with the highlights still under the old name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from annotations import codebook_ops as ops
from annotations.errors import AnnotationInputError
from annotations.model import Codebook, TagDef
from annotations.tags import tag_too_long
from reader.errors import UserError
from reader.palette import colour_map
from reader.tui.commands import bindings_for
from reader.tui.label_picker import LabelPicker, _safe
from reader.tui.screens import ChoiceScreen, PromptScreen
from reader.tui.widgets.option_list import MotionOptionList
from reader.wording import plural

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp

HINT = ("a add · r rename · d delete · m merge into… · p parent… · t add tag · "
        "L picks a label in the article · esc closes")


def pick_label(app: ReaderApp) -> None:
    """L in the article: any label, by name; then as a digit key would."""
    from reader.tui import annotate

    if app.current is None:
        app.notify("open an article first (enter)", severity="warning")
        return
    if not app.codebook.labels:
        app.notify("the codebook has no labels yet (C adds one)", severity="warning")
        return

    def chosen(name: str | None) -> None:
        label = app.codebook.label(name) if name else None
        if label is not None:
            annotate.apply_label(app, label)

    app.push_screen(LabelPicker("Label", app.codebook), chosen)


def open_codebook(app: ReaderApp) -> None:
    app.push_screen(CodebookScreen(app))


def save_codebook(app: ReaderApp, codebook: Codebook, message: str) -> None:
    """Adopt `codebook` in the app, write codebook.toml, keep the store's copy in step."""
    from annotations.codebook import save_codebook as write

    app.codebook = codebook
    try:
        write(app.corpus.root, codebook)
    except (OSError, UserError) as exc:
        app.notify(f"codebook not saved: {exc}", severity="error", timeout=10)
        return
    store = app.store.store
    if store is not None and not app.store.readonly and store.codebook() is not None:
        app.store.change(app, "set_codebook", codebook)
    app.refresh_annotations()
    app.notify(message, timeout=3)


class CodebookScreen(ModalScreen[None]):
    BINDINGS = bindings_for("codebook")

    def __init__(self, app: ReaderApp) -> None:
        super().__init__()
        self.reader = app

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Codebook", classes="dialog-title")
            yield MotionOptionList(id="codebook-labels", classes="list-dialog")
            yield Static(id="codebook-tags")
            yield Static(Text(HINT), classes="dialog-hint")

    def on_mount(self) -> None:
        self._fresh()
        self.refill()
        self.query_one(OptionList).focus()

    def _fresh(self) -> bool:
        """Re-read codebook.toml before showing or editing it: a colleague's app on the
        shared corpus, `reader import FILE.qdc` or an editor may have changed it since this
        app read it, and the next edit here wrote the old list back over their labels."""
        from annotations.codebook import codebook_path, load_codebook

        root = self.reader.corpus.root
        if not codebook_path(root).is_file():
            return True  # never written, or removed: the app's codebook stands
        try:
            disk = load_codebook(root)
        except UserError as exc:  # broken now (someone is editing it?): never written over
            self.reader.notify(f"{exc}; no codebook change until it is fixed",
                               severity="error", timeout=10)
            return False
        if disk != self.reader.codebook:
            self.reader.codebook = disk
            self.reader.refresh_annotations()
            self.reader.notify("codebook.toml was changed by someone else: this is their "
                               "version", timeout=5)
            if self.is_mounted:
                self.refill()
        return True

    # -- display ------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        store = self.reader.store.store
        return ops.label_counts(store) if store is not None else {}

    def refill(self, keep: str | None = None) -> None:
        codebook = self.reader.codebook
        counts = self.counts()
        options = self.query_one(OptionList)
        current = keep or self.selected()
        options.clear_options()
        colours = colour_map(codebook.labels)  # the colours the highlights are drawn in
        for label, depth in ops.tree_rows(codebook):
            row = Text(f"{label.key or ' '}  " + ("  └ " if depth else ""))
            row.append("■ ", style=_safe(colours.get(label.name, label.colour)))
            row.append(label.name, style="bold")
            row.append(f"  ({counts.get(label.name, 0)})", style="dim")
            if label.description:
                row.append(f"  {label.description}", style="dim")
            options.add_option(Option(row, id=label.name))
        stray = sorted(n for n in counts if n and codebook.label(n) is None)
        for name in stray:  # labels used by highlights but missing from the codebook
            row = Text(f"   ? {name}  ({counts[name]})  not in the codebook", style="italic")
            options.add_option(Option(row, id=name))
        names = [options.get_option_at_index(i).id for i in range(options.option_count)]
        if names:
            options.highlighted = names.index(current) if current in names else 0
        tags = ", ".join(t.name for t in codebook.tags) or "none"
        self.query_one("#codebook-tags", Static).update(
            Text(f"Tags (digits in the tag prompt): {tags}")
        )

    def selected(self) -> str | None:
        options = self.query_one(OptionList)
        if options.highlighted is None or not options.option_count:
            return None
        return options.get_option_at_index(options.highlighted).id

    def _adopt(self, codebook: Codebook, message: str, keep: str | None = None) -> None:
        save_codebook(self.reader, codebook, message)
        if self.is_attached:
            self.refill(keep)

    def _apply(
        self, build: Callable[[], Codebook], mapping: dict[str, str], what: str,
        keep: str | None = None,
    ) -> None:
        """Check the new codebook, move the highlights (if any), then save it."""
        try:
            codebook = build()
        except AnnotationInputError as exc:
            self.reader.notify(str(exc), severity="error")
            return
        moving = sum(n for name, n in self.counts().items() if name in mapping)
        if not moving:
            self._adopt(codebook, what, keep)
            return

        def saved(count: Any) -> None:
            self._adopt(codebook, f"{what}: {plural(count, 'highlight')} moved (u undoes them)",
                        keep)

        self.reader.store.change(self.reader, ops.relabel, mapping, what, then=saved)

    # -- actions ------------------------------------------------------------------------

    def action_add(self) -> None:
        if not self._fresh():
            return
        def done(value: str | None) -> None:
            if not value or not value.strip():
                return
            parts = [p.strip() for p in value.split(",")]
            self._apply(
                lambda: ops.add_label(self.reader.codebook, parts[0],
                                      parts[1] if len(parts) > 1 else "yellow",
                                      ", ".join(parts[2:])),
                {}, f"label {parts[0]!r} added", keep=parts[0],
            )

        self.app.push_screen(
            PromptScreen("New label: name, colour, description",
                         hint="e.g.  source, blue, Who the story relies on"),
            done,
        )

    def action_add_tag(self) -> None:
        if not self._fresh():
            return
        def done(value: str | None) -> None:
            name = " ".join((value or "").split())
            if not name:
                return
            cb = self.reader.codebook
            if any(t.name == name for t in cb.tags):
                self.reader.notify(f"there is already a tag {name!r}", severity="warning")
                return
            if problem := tag_too_long(name):
                self.reader.notify(problem, severity="error")
                return
            self._adopt(Codebook(cb.labels, [*cb.tags, TagDef(name)]), f"tag {name!r} added")

        self.app.push_screen(PromptScreen("New quick tag name"), done)

    def _label(self) -> str | None:
        name = self.selected()
        if name is None:
            self.reader.notify("the codebook has no labels yet (a adds one)", severity="warning")
        return name

    def action_rename(self) -> None:
        if not self._fresh():
            return
        old = self._label()
        if old is None:
            return

        def done(value: str | None) -> None:
            new = " ".join((value or "").split())
            if not new or new == old:
                return
            self._apply(lambda: self._renamed(old, new), {old: new},
                        f"label {old!r} renamed to {new!r}", keep=new)

        self.app.push_screen(PromptScreen(f"Rename label {old!r}", old), done)

    def _renamed(self, old: str, new: str) -> Codebook:
        cb = self.reader.codebook
        if cb.label(old) is None:  # a stray label: only its highlights move
            ops.check_name(cb, new)
            return cb
        return ops.rename_label(cb, old, new)

    def action_delete(self) -> None:
        if not self._fresh():
            return
        name = self._label()
        if name is None:
            return
        n = self.counts().get(name, 0)
        cb = self.reader.codebook

        def build() -> Codebook:
            return ops.delete_label(cb, name) if cb.label(name) else cb

        if not n:
            choices = [("delete", f"Delete {name!r} (no highlight has it)"), ("cancel", "Cancel")]
        else:
            choices = [
                ("keep", f"Delete {name!r}; keep its {plural(n, 'highlight')}, unlabelled"),
                ("move", f"Delete {name!r}; move its {plural(n, 'highlight')} to another label…"),
                ("cancel", "Cancel"),
            ]

        def moved(target: str | None) -> None:
            if target:
                self._apply(build, {name: target},
                            f"label {name!r} deleted, its highlights now {target!r}")

        def chosen(choice: str | None) -> None:
            if choice == "delete":
                self._apply(build, {}, f"label {name!r} deleted")
            elif choice == "keep":
                self._apply(build, {name: ""}, f"label {name!r} deleted")
            elif choice == "move":
                self.app.push_screen(
                    LabelPicker(f"Move the {plural(n, 'highlight')} of {name!r} to", cb,
                                counts=self.counts(), exclude=[name]),
                    moved,
                )

        self.app.push_screen(
            ChoiceScreen(f"Delete label {name!r}: {plural(n, 'highlight')}", choices), chosen)

    def action_merge(self) -> None:
        if not self._fresh():
            return
        name = self._label()
        if name is None:
            return
        n = self.counts().get(name, 0)
        cb = self.reader.codebook

        def build(target: str) -> Codebook:
            return ops.merge_labels(cb, name, target) if cb.label(name) else cb

        def target_chosen(target: str | None) -> None:
            if not target:
                return

            def confirmed(choice: str | None) -> None:
                if choice == "merge":
                    self._apply(lambda: build(target), {name: target},
                                f"label {name!r} merged into {target!r}", keep=target)

            self.app.push_screen(
                ChoiceScreen(
                    f"Merge {name!r} into {target!r}?",
                    [("merge", f"Merge: its {plural(n, 'highlight')} become {target!r}; "
                               f"{name!r} leaves the codebook"), ("cancel", "Cancel")],
                ),
                confirmed,
            )

        self.app.push_screen(
            LabelPicker(f"Merge {name!r} ({plural(n, 'highlight')}) into", cb, counts=self.counts(),
                        exclude=[name]),
            target_chosen,
        )

    def action_parent(self) -> None:
        if not self._fresh():
            return
        name = self._label()
        cb = self.reader.codebook
        if name is None or cb.label(name) is None:
            return
        children = [lab.name for lab in cb.labels if lab.parent == name]
        exclude = [name, *children, *(lab.name for lab in cb.labels if lab.parent)]

        def chosen(parent: str | None) -> None:
            if parent is None:
                return
            where = f"under {parent!r}" if parent else "at the top level"
            self._apply(lambda: ops.set_parent(cb, name, parent), {},
                        f"label {name!r} now {where}", keep=name)

        self.app.push_screen(
            LabelPicker(f"Put {name!r} under", cb, extra=[("", "(top level)")], exclude=exclude),
            chosen,
        )
