"""Reading REFI-QDA files (`.qdpx` projects, `.qdc` codebooks) back, ours or another tool's.

What becomes what (the reverse of `annotations.refiqda`, see its docstring):

- a `PlainTextSelection` becomes one highlight per label `Coding` (none: an unlabelled
  highlight); its `Description` and the text of its `NoteRef` notes become the note;
- a `Coding` of a code under "reader tags", on a whole `TextSource` or on a selection,
  becomes a tag; a `Coding` of any other code directly on a `TextSource` (another tool's
  whole-document coding) becomes a tag named after the code;
- a note referenced from a `TextSource` becomes that coder's memo on the article; notes
  referenced from the `Project`, or from nothing, become the coder's project memo (several
  are joined, each under its name);
- the coder of a record is the `User` named by its `creatingUser`; records without a known
  user are the importing coder's.

Offsets: the standard counts characters of the source's plain text. Sources written with
Windows line ends count "\\r\\n" as two characters there, except in ATLAS.ti's files (which
count it as one, as QualCoder's importer notes); the offsets are mapped onto the text with
"\\n" line ends that the reader uses. Sources are matched to articles by name (the article
id, with or without ".txt"); when the corpus text differs from the file's, highlights are
found again by their quote, as after an edit (`annotations.anchoring`). A source with no
such article keeps its highlights as orphans, never dropped.
"""

from __future__ import annotations

import bisect
import re
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from annotations.anchoring import reanchored
from annotations.model import (
    Anchor,
    AnchorStatus,
    ArticleState,
    Codebook,
    Highlight,
    Label,
    Memo,
    TagDef,
    content_hash,
    now_iso,
)
from annotations.refiqda import STATUS_VARIABLE, TAGS_CODE, guid_for
from annotations.tags import label_too_long, tag_too_long
from reader.corpus import ArticleError, Corpus, decode, read_article
from reader.errors import UserError
from reader.wording import plural

_GUID = re.compile(r"^\{?([0-9a-fA-F-]{32,36})\}?$")


def id_of_guid(guid: str) -> str:
    """The reader id of a guid: the uuid's hex (the inverse of `guid_of_id`)."""
    m = _GUID.match(guid.strip())
    if m:
        try:
            return uuid.UUID(m.group(1)).hex
        except ValueError:
            pass
    return uuid.uuid5(uuid.NAMESPACE_URL, guid).hex


def _strip_namespaces(root: ET.Element) -> ET.Element:
    """Local names only: files say `urn:QDA-XML:project:1.0` (or an older version)."""
    for el in root.iter():
        if isinstance(el.tag, str) and "}" in el.tag:
            el.tag = el.tag.split("}", 1)[1]
    return root


def _parse(data: bytes, where: str) -> ET.Element:
    try:
        return _strip_namespaces(ET.fromstring(data))
    except ET.ParseError as exc:
        raise UserError(f"{where}: not valid XML ({exc})") from exc


def _child_text(el: ET.Element, tag: str) -> str:
    child = el.find(tag)
    return (child.text or "") if child is not None else ""


# -- codebook -------------------------------------------------------------------------------


@dataclass(slots=True)
class CodeInfo:
    name: str
    parent: str  # the top-level ancestor's name ("" at the top)
    codable: bool
    colour: str | None
    description: str
    is_tag: bool


def read_codes(codes_el: ET.Element | None) -> dict[str, CodeInfo]:
    """guid -> code, walking nested codes; deeper levels hang from their top-level code."""
    out: dict[str, CodeInfo] = {}
    if codes_el is None:
        return out
    taken: dict[str, str] = {}

    def walk(el: ET.Element, top: str, under_tags: bool) -> None:
        for code in el.findall("Code"):
            guid = (code.get("guid") or "").strip()
            raw = code.get("name") or guid
            is_tags_group = not top and (raw == TAGS_CODE or guid == guid_for("code", TAGS_CODE))
            name = raw
            if not under_tags and not is_tags_group and taken.get(name, guid) != guid:
                name = f"{top}/{raw}" if top else f"{raw} ({guid[:8]})"
            taken.setdefault(name, guid)
            colour = code.get("color")
            out[guid] = CodeInfo(
                name=name,
                parent=top,
                codable=(code.get("isCodable") or "true").strip().lower() not in ("false", "0"),
                colour=colour.lower() if colour else None,
                description=_child_text(code, "Description"),
                is_tag=under_tags,
            )
            if is_tags_group:
                out[guid].is_tag = False
                walk(code, "", True)
            else:
                walk(code, top or name, under_tags)

    walk(codes_el, "", False)
    return out


def _colour_name(hex_colour: str | None) -> str:
    """A hex colour back to the Rich name the export made it from, else the hex itself."""
    if not hex_colour:
        return "yellow"
    from rich.color import ANSI_COLOR_NAMES, Color

    for name in ANSI_COLOR_NAMES:
        t = Color.parse(name).get_truecolor()
        if f"#{t.red:02x}{t.green:02x}{t.blue:02x}" == hex_colour.lower():
            return name
    return hex_colour.lower()


def codebook_from_codes(codes: dict[str, CodeInfo], where: str = "") -> Codebook:
    """The codes as labels and quick tags. A code name too long for a label or tag refuses
    the whole file (`where` names it) before anything is merged, as the tag box
    and the codebook refuse it."""
    for info in codes.values():
        if info.name == TAGS_CODE:
            continue
        problem = (tag_too_long if info.is_tag else label_too_long)(info.name)
        if problem:
            raise UserError(f"{where}: {problem}" if where else problem)
    labels = []
    tags = []
    for info in codes.values():
        if info.is_tag:
            tags.append(TagDef(info.name))
        elif info.name != TAGS_CODE:
            labels.append(Label(info.name, "", _colour_name(info.colour), info.description,
                                **({"parent": info.parent} if _has_parent_field() else {})))
    return Codebook(labels, tags)


def _has_parent_field() -> bool:
    return "parent" in Label.__dataclass_fields__


def read_qdc(path: str | Path) -> Codebook:
    """A `.qdc` codebook file as a Codebook (labels, and tags from "reader tags")."""
    root = _parse(_read_bytes(path), str(path))
    if root.tag != "CodeBook":
        raise UserError(f"{path} is not a REFI-QDA codebook (root <{root.tag}>)")
    return codebook_from_codes(read_codes(root.find("Codes")), str(path))


def _read_bytes(path: str | Path) -> bytes:
    p = Path(path).expanduser()
    try:
        return p.read_bytes()
    except FileNotFoundError as exc:
        raise UserError(f"no such file: {path}") from exc
    except IsADirectoryError as exc:
        raise UserError(f"{path} is a folder") from exc
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from exc


# -- project --------------------------------------------------------------------------------


@dataclass(slots=True)
class QdpxBundle:
    highlights: list[Highlight] = field(default_factory=list)
    states: list[ArticleState] = field(default_factory=list)
    memos: list[Memo] = field(default_factory=list)
    codebook: Codebook = field(default_factory=Codebook)
    warnings: list[str] = field(default_factory=list)
    origin: str = ""


def crlf_mapper(raw: str, one_char_crlf: bool) -> Any:
    """raw-text position -> position in the text with "\\n" line ends."""
    if one_char_crlf:
        return lambda p: p
    pairs = [m.start() for m in re.finditer("\r\n", raw)]
    return lambda p: p - bisect.bisect_left(pairs, p - 1)


@dataclass(slots=True)
class _Note:
    name: str
    text: str
    user: str
    created: str
    updated: str


class _Reader:
    def __init__(self, zf: zipfile.ZipFile, root: ET.Element, corpus: Corpus, coder: str) -> None:
        self.zf = zf
        self.root = root
        self.corpus = corpus
        self.coder = coder
        self.bundle = QdpxBundle(origin=root.get("origin") or "")
        self.atlas = "ATLAS" in self.bundle.origin.upper()
        users = root.find("Users")
        self.users = {
            (u.get("guid") or "").strip(): (u.get("name") or u.get("id") or u.get("guid") or "")
            for u in (users.findall("User") if users is not None else [])
        }
        codebook = root.find("CodeBook")
        self.codes = read_codes(codebook.find("Codes") if codebook is not None else None)
        self.bundle.codebook = codebook_from_codes(self.codes, self.zf.filename or "")
        variables = root.find("Variables")
        self.status_vars = {
            (v.get("guid") or "").strip(): (v.get("name") or "")[len(STATUS_VARIABLE):]
            for v in (variables.findall("Variable") if variables is not None else [])
            if (v.get("name") or "").startswith(STATUS_VARIABLE)
        }
        self.notes = {
            (n.get("guid") or "").strip(): self._note(n)
            for n in (root.find("Notes").findall("Note") if root.find("Notes") is not None else [])
        }
        self.used_notes: set[str] = set()
        self.states: dict[tuple[str, str], ArticleState] = {}
        self.zip_names = {n.lower(): n for n in zf.namelist()}
        self.ids_by_name: dict[str, str] | None = None

    def who(self, guid: str | None) -> str:
        name = self.users.get((guid or "").strip(), "")
        return name.strip() or self.coder

    def _note(self, n: ET.Element) -> _Note:
        text = _child_text(n, "PlainTextContent")
        if not text and n.get("plainTextPath"):
            text = self._internal(n.get("plainTextPath") or "") or ""
        created = n.get("creationDateTime") or now_iso()
        return _Note(n.get("name") or "", decode(text.encode("utf-8")).text if text else "",
                     (n.get("creatingUser") or n.get("modifyingUser") or "").strip(),
                     created, n.get("modifiedDateTime") or created)

    def _internal(self, path: str) -> str | None:
        """The text of an `internal://NAME` file (in `Sources/`, any case)."""
        if not path.startswith("internal://"):
            return None
        name = path[len("internal://"):].lstrip("/")
        for candidate in (f"sources/{name}", name):
            real = self.zip_names.get(candidate.lower())
            if real is not None:
                raw = self.zf.read(real)
                text = raw.decode("utf-8-sig", errors="replace")
                return text[1:] if text.startswith("\ufeff") else text
        return None

    def article_id(self, name: str) -> tuple[str, bool]:
        """(article id, in the corpus) for a source name."""
        for candidate in (name, f"{name}.txt"):
            if self.corpus.get(candidate) is not None:
                return candidate, True
        if self.ids_by_name is None:
            self.ids_by_name = {}
            for a in self.corpus.articles:
                base = a.id.rsplit("/", 1)[-1]
                self.ids_by_name.setdefault(base, a.id)
                self.ids_by_name.setdefault(base.removesuffix(".txt"), a.id)
        found = self.ids_by_name.get(name) or self.ids_by_name.get(name.removesuffix(".txt"))
        return (found, True) if found else (name, False)

    def state(self, article: str, coder: str) -> ArticleState:
        key = (article, coder)
        if key not in self.states:
            self.states[key] = ArticleState(article, coder=coder)
        return self.states[key]

    def add_tag(self, article: str, coder: str, tag: str, when: str | None) -> None:
        st = self.state(article, coder)
        if tag not in st.tags:
            st.tags.append(tag)
        if when:
            st.updated = when

    def source(self, src: ET.Element) -> None:
        name = src.get("name") or src.get("guid") or "source"
        raw = _child_text(src, "PlainTextContent")
        if not raw:
            raw = self._internal(src.get("plainTextPath") or "") or ""
        if not raw:
            self.bundle.warnings.append(
                f"source {name!r}: no plain text in the file (path {src.get('plainTextPath')!r});"
                " its codings are left out"
            )
            return
        mapped = crlf_mapper(raw, self.atlas)
        text = decode(raw.encode("utf-8")).text
        aid, present = self.article_id(name)
        ours = self._corpus_text(aid) if present else None
        if not present:
            self.bundle.warnings.append(
                f"source {name!r} is not an article of this corpus; its highlights are kept "
                "as orphans"
            )
        for sel in src.findall("PlainTextSelection"):
            self.selection(sel, aid, text, ours, mapped, present)
        for coding in src.findall("Coding"):
            code = self.codes.get(_ref(coding, "CodeRef"))
            if code is not None:
                self.add_tag(aid, self.who(coding.get("creatingUser")), code.name,
                             coding.get("creationDateTime"))
        for ref in src.findall("NoteRef"):
            self.memo_ref(aid, (ref.get("targetGUID") or "").strip())
        for value in src.findall("VariableValue"):
            coder = self.status_vars.get(_ref(value, "VariableRef"))
            status = _child_text(value, "TextValue").strip()
            if coder and status in ("todo", "done", "skipped"):
                self.state(aid, coder).status = status

    def _corpus_text(self, aid: str) -> str | None:
        article = self.corpus.get(aid)
        try:
            return read_article(article, max(article.size, 1) + 1024 * 1024).text  # type: ignore[union-attr]
        except ArticleError as exc:  # unreadable: its highlights stay, as orphans
            self.bundle.warnings.append(f"{aid}: cannot be read ({exc}); highlights orphaned")
            return None

    def selection(
        self, sel: ET.Element, aid: str, text: str, ours: str | None, mapped: Any, present: bool
    ) -> None:
        guid = (sel.get("guid") or "").strip()
        try:
            start = mapped(int(sel.get("startPosition") or ""))
            end = mapped(int(sel.get("endPosition") or ""))
        except ValueError:
            self.bundle.warnings.append(f"{aid}: selection {guid} has no valid positions; skipped")
            return
        start, end = max(0, min(start, end)), min(len(text), max(start, end))
        if start >= end:
            self.bundle.warnings.append(f"{aid}: selection {guid} is empty; skipped")
            return
        created = sel.get("creationDateTime") or now_iso()
        updated = sel.get("modifiedDateTime") or created
        note_parts = [_child_text(sel, "Description").strip()]
        for ref in sel.findall("NoteRef"):
            target = (ref.get("targetGUID") or "").strip()
            if target in self.notes:
                self.used_notes.add(target)
                note_parts.append(self.notes[target].text.strip())
        note = "\n\n".join(p for p in note_parts if p)
        labels: list[tuple[str, str]] = []  # (label, coder)
        tagged = False
        for coding in sel.findall("Coding"):
            target = _ref(coding, "CodeRef")
            code = self.codes.get(target)
            coder = self.who(coding.get("creatingUser") or sel.get("creatingUser"))
            if code is None:
                self.bundle.warnings.append(
                    f"{aid}: selection {guid} is coded with {target or 'no code'}, which is "
                    "not in the codebook; kept unlabelled"
                )
            elif code.is_tag:
                self.add_tag(aid, coder, code.name, coding.get("creationDateTime"))
                tagged = True
            else:
                labels.append((code.name, coder))
        if not labels and tagged:
            return  # a whole-text tag written as a selection
        if not labels:
            labels = [("", self.who(sel.get("creatingUser")))]
        for i, (label, coder) in enumerate(labels):
            hid = id_of_guid(guid) if i == 0 else uuid.uuid5(uuid.NAMESPACE_URL, guid + label).hex
            self.bundle.highlights.append(
                _highlight(hid, aid, text, ours, start, end, label, note, coder, created,
                           updated, present)
            )

    def memo_ref(self, article: str, guid: str) -> None:
        note = self.notes.get(guid)
        if note is None:
            self.bundle.warnings.append(f"{article or 'project'}: note {guid} is not in the file")
            return
        self.used_notes.add(guid)
        self._memo(article, guid, note)

    def _memo(self, article: str, guid: str, note: _Note) -> None:
        coder = self.who(note.user)
        for m in self.bundle.memos:
            if m.article == article and m.coder == coder:
                m.text = f"{m.text}\n\n{note.name}\n{note.text}".strip()
                return
        self.bundle.memos.append(
            Memo(id_of_guid(guid), article, note.text, coder, note.created, note.updated)
        )

    def run(self) -> QdpxBundle:
        sources = self.root.find("Sources")
        for src in sources.findall("TextSource") if sources is not None else []:
            self.source(src)
        skipped = 0 if sources is None else len(sources) - len(sources.findall("TextSource"))
        if skipped:
            self.bundle.warnings.append(
                f"{plural(skipped, 'source')} that are not text (pictures, PDF, audio, "
                "video) skipped"
            )
        for ref in self.root.findall("NoteRef"):
            self.memo_ref("", (ref.get("targetGUID") or "").strip())
        for guid, note in self.notes.items():
            if guid not in self.used_notes:
                self._memo("", guid, note)
        self.bundle.states = list(self.states.values())
        return self.bundle


def _ref(el: ET.Element, tag: str) -> str:
    ref = el.find(tag)
    return (ref.get("targetGUID") or "").strip() if ref is not None else ""


def _highlight(
    hid: str, aid: str, src: str, ours: str | None, start: int, end: int, label: str,
    note: str, coder: str, created: str, updated: str, present: bool,
) -> Highlight:
    """A highlight on the corpus text: at the same offsets when the texts agree, else found
    again by its quote; kept as an orphan when the article is not in the corpus."""
    base = ours if ours == src else src
    a = Anchor.at(base, start, end)
    h = Highlight(hid, aid, start, end, a.exact, a.prefix, a.suffix, a.content_hash, label,
                  note, created, updated, coder=coder)
    if ours is not None and ours != src:
        h, _ = reanchored(h, ours, content_hash(ours))
    elif not present or ours is None:
        h.status, h.score = AnchorStatus.ORPHANED.value, 0.0
    return h


def read_qdpx(path: str | Path, corpus: Corpus, coder: str) -> QdpxBundle:
    """Everything a `.qdpx` holds that the reader can keep, as model objects."""
    p = Path(path).expanduser()
    _read_bytes(p)  # the same one-line errors for a missing file or a folder
    try:
        zf = zipfile.ZipFile(p)
    except zipfile.BadZipFile as exc:
        raise UserError(f"{path} is not a .qdpx (not a zip file)") from exc
    with zf:
        qde = [n for n in zf.namelist() if n.lower().endswith(".qde") and "/" not in n.strip("/")]
        if not qde:
            raise UserError(f"{path} holds no project.qde: not a REFI-QDA project")
        name = "project.qde" if "project.qde" in qde else qde[0]
        root = _parse(zf.read(name), f"{path}:{name}")
        if root.tag != "Project":
            raise UserError(f"{path}: {name} is not a REFI-QDA project (root <{root.tag}>)")
        return _Reader(zf, root, corpus, coder).run()


def import_codebook(corpus_root: Path, theirs: Codebook) -> list[str]:
    """Add the labels and tags only `theirs` has to the corpus codebook (codebook.toml);
    nothing of ours changes. Returns notes for the user."""
    from annotations.codebook import load_codebook, save_codebook
    from annotations.codebook_ops import merge_codebooks

    merged, labels, tags = merge_codebooks(load_codebook(corpus_root), theirs)
    if not labels and not tags:
        return []
    path = save_codebook(corpus_root, merged)
    parts = []
    if labels:
        more = "…" if len(labels) > 5 else ""
        parts.append(f"{plural(len(labels), 'label')} ({', '.join(labels[:5])}{more})")
    if tags:
        parts.append(plural(len(tags), "tag"))
    return [f"codebook: added {' and '.join(parts)} to {path}"]


def import_qdpx(corpus: Corpus, store: Any, path: str | Path) -> tuple[Any, list[str]]:
    """Merge a `.qdpx` into `store` (one undoable change, ids kept, nothing overwritten:
    the rules of `reader import`) and its codes into the corpus codebook."""
    bundle = read_qdpx(path, corpus, store.coder)
    notes = list(bundle.warnings)
    report = store.merge(bundle.highlights, bundle.states, [], bundle.memos)
    notes.extend(import_codebook(corpus.root, bundle.codebook))
    return report, notes
