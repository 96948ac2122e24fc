"""REFI-QDA exchange (ATLAS.ti, MAXQDA, NVivo, QualCoder...): the `.qdpx` project and the
`.qdc` codebook, written by `reader export --format qdpx|qdc`.

How the reader's records map onto the standard (Project.xsd, QDA-XML 1.0, March 2019):

- every coder is a `User`; every record names its coder's user guid (`creatingUser`);
- the codebook's labels are `Code`s (a child label nested in its parent's `Code`); the tags
  are `Code`s nested under one non-codable code named "reader tags";
- every exported article is a `TextSource` named by its article id, its plain text (the
  text the reader's offsets count in: UTF-8, LF line ends) in `Sources/<guid>.txt`;
- a highlight is a `PlainTextSelection` (characters of that text) with one `Coding` of its
  label (none when unlabelled) and its note as the selection's `Description`;
- a tag is applied to the whole text the way the standard provides for that: a `Coding`
  directly inside the `TextSource` (not a selection), one per coder and tag;
- an article's status per coder is a `VariableValue` of the Text variable
  "reader status: CODER" (done, skipped; todo is left out);
- memos are `Note`s: an article memo is referenced from its `TextSource` (`NoteRef`), the
  project memo from the `Project` (`NoteRef` after `Description`).

Guids are derived from the reader's ids (a highlight's id is its selection's guid, so a
round trip keeps ids) or, for things without an id (users, codes, sources), from their
names, so exporting twice gives the same guids. Reading is in `annotations.refiqda_import`.
"""

from __future__ import annotations

import uuid
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from annotations.model import AnchorStatus, Codebook, Highlight, Label, now_iso, one_line
from reader.corpus import ArticleError, Corpus, read_article
from reader.wording import plural

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
TAGS_CODE = "reader tags"
STATUS_VARIABLE = "reader status: "
ORIGIN = "reader"
_NAMESPACE = uuid.UUID("6f1c1e0e-6a4b-4c8e-9d0e-2f4a7b3c5d10")  # reader's guid namespace


def guid_for(kind: str, name: str) -> str:
    """A stable guid for something the reader names but gives no id (a user, a code...)."""
    return str(uuid.uuid5(_NAMESPACE, f"{kind}:{name}"))


def guid_of_id(record_id: str) -> str:
    """The guid of a record id: a uuid4 hex id becomes that uuid (so import gives the id
    back); any other id gets a stable derived guid."""
    try:
        return str(uuid.UUID(hex=record_id))
    except (ValueError, AttributeError, TypeError):
        return guid_for("id", str(record_id))


def colour_hex(colour: str) -> str | None:
    """A Rich colour name ("yellow", "orange1", "#aabbcc") as #RRGGBB, None if unknown."""
    from rich.color import Color, ColorParseError

    try:
        t = Color.parse(colour).get_truecolor()
    except ColorParseError:
        return None
    return f"#{t.red:02X}{t.green:02X}{t.blue:02X}"


def _el(parent: ET.Element, tag: str, ns: str = PROJECT_NS, **attrs: str | None) -> ET.Element:
    clean = {k: v for k, v in attrs.items() if v is not None and v != ""}
    return ET.SubElement(parent, f"{{{ns}}}{tag}", clean)


def _text_el(parent: ET.Element, tag: str, text: str, ns: str = PROJECT_NS) -> ET.Element:
    el = _el(parent, tag, ns)
    el.text = text
    return el


# -- codebook -------------------------------------------------------------------------------


def label_tree(codebook: Codebook) -> list[tuple[Label, list[Label]]]:
    """Top-level labels with their children (one level; a child whose parent is not a
    label, or is itself a child, is shown at the top level)."""
    names = {lab.name: lab for lab in codebook.labels}
    top = [lab for lab in codebook.labels if not _parent(lab) or _parent(lab) not in names
           or _parent(names[_parent(lab)])]
    top_names = {lab.name for lab in top}
    return [
        (lab, [c for c in codebook.labels if _parent(c) == lab.name and c.name not in top_names])
        for lab in top
    ]


def _parent(label: Label) -> str:
    return getattr(label, "parent", "") or ""


def _code(parent: ET.Element, label: Label, ns: str) -> ET.Element:
    code = _el(
        parent,
        "Code",
        ns,
        guid=guid_for("code", label.name),
        name=label.name,
        isCodable="true",
        color=colour_hex(label.colour),
    )
    if label.description:
        _text_el(code, "Description", label.description, ns)
    return code


def codes_element(parent: ET.Element, codebook: Codebook, tags: Iterable[str], ns: str) -> None:
    """`<Codes>` with every label (children nested) and the tags under "reader tags"."""
    tag_names = list(dict.fromkeys(tags))
    if not codebook.labels and not tag_names:
        return
    codes = _el(parent, "Codes", ns)
    for label, children in label_tree(codebook):
        code = _code(codes, label, ns)
        for child in children:
            _code(code, child, ns)
    if tag_names:
        group = _el(codes, "Code", ns, guid=guid_for("code", TAGS_CODE), name=TAGS_CODE,
                    isCodable="false")
        _text_el(group, "Description", "Article tags of reader: each is coded on whole texts "
                 "(a Coding of the TextSource itself).", ns)
        for t in tag_names:
            _el(group, "Code", ns, guid=guid_for("tag", t), name=t, isCodable="true")


def render_qdc(codebook: Codebook) -> bytes:
    """The codebook as a REFI-QDA codebook file (`.qdc`)."""
    ET.register_namespace("", CODEBOOK_NS)
    root = ET.Element(f"{{{CODEBOOK_NS}}}CodeBook", {"origin": ORIGIN})
    codes_element(root, codebook, [t.name for t in codebook.tags], CODEBOOK_NS)
    if len(root) == 0:
        _el(root, "Codes", CODEBOOK_NS)
    return _bytes(root)


def _bytes(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


# -- project --------------------------------------------------------------------------------


@dataclass(slots=True)
class QdpxResult:
    """What an export wrote, and what it had to leave out (and why)."""

    sources: int = 0
    selections: int = 0
    tag_codings: int = 0
    notes: int = 0
    users: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)


def _coder_filter(coders: Sequence[str] | None) -> Any:
    wanted = set(coders) if coders else None
    return lambda name: wanted is None or name in wanted


def build_project(
    corpus: Corpus,
    store: Any,
    codebook: Codebook,
    *,
    coders: Sequence[str] | None = None,
    now: str | None = None,
) -> tuple[bytes, dict[str, str], QdpxResult]:
    """(project.qde bytes, {zip path: plain text}, result) for the selected coders' work."""
    keep = _coder_filter(coders)
    result = QdpxResult()
    states = [s for s in store.article_states(coder=None) if keep(s.coder)]
    highlights = [h for h in store.highlights(coder=None) if keep(h.coder)]
    memos_fn = getattr(store, "memos", None)
    memos = [m for m in (memos_fn(coder=None) if memos_fn else []) if keep(m.coder)]

    by_article: dict[str, dict[str, list[Any]]] = {}
    for kind, items in (("states", states), ("highlights", highlights), ("memos", memos)):
        for item in items:
            if kind == "states" and not item.tags and item.status == "todo":
                continue
            if kind == "memos" and item.article == "":
                continue
            by_article.setdefault(item.article, {}).setdefault(kind, []).append(item)
    users = sorted({x.coder for x in [*states, *highlights, *memos] if x.coder})
    tag_names = [t.name for t in codebook.tags]
    for s in states:
        tag_names.extend(s.tags)
    labels = Codebook([*codebook.labels], [])
    known = {lab.name for lab in labels.labels}
    for h in highlights:
        if h.label and h.label not in known:
            labels.labels.append(Label(h.label))
            known.add(h.label)

    ET.register_namespace("", PROJECT_NS)
    stamp = now or now_iso()
    root = ET.Element(
        f"{{{PROJECT_NS}}}Project",
        {"name": (corpus.single_file or corpus.root).name, "origin": ORIGIN,
         "creationDateTime": stamp},
    )
    if users:
        users_el = _el(root, "Users")
        for name in users:
            _el(users_el, "User", guid=guid_for("user", name), name=name)
        result.users = users
    codebook_el = ET.Element(f"{{{PROJECT_NS}}}CodeBook")
    codes_element(codebook_el, labels, tag_names, PROJECT_NS)
    if len(codebook_el):
        root.append(codebook_el)
    status_coders = sorted({s.coder for s in states if s.status != "todo"})
    if status_coders:
        variables = _el(root, "Variables")
        for name in status_coders:
            var = _el(variables, "Variable", guid=guid_for("variable", name),
                      name=STATUS_VARIABLE + name, typeOfVariable="Text")
            _text_el(var, "Description", f"reader: the article's status for coder {name} "
                     "(done, skipped; todo when absent)")

    files: dict[str, str] = {}
    order = {a.id: i for i, a in enumerate(corpus.articles)}
    sources_el = ET.Element(f"{{{PROJECT_NS}}}Sources")
    notes: list[Any] = []
    for aid in sorted(by_article, key=lambda a: (order.get(a, len(order)), a)):
        text = _article_text(corpus, aid)
        if text is None:
            n = sum(len(v) for v in by_article[aid].values())
            result.left_out.append(
                f"{aid}: not readable in the corpus; {plural(n, 'record')} left out")
            continue
        guid = guid_for("source", aid)
        files[f"Sources/{guid}.txt"] = text
        source = _el(sources_el, "TextSource", guid=guid, name=aid,
                     plainTextPath=f"internal://{guid}.txt")
        result.sources += 1
        for h in sorted(by_article[aid].get("highlights", []), key=lambda h: (h.start, h.id)):
            if not _in_place(h, text):
                result.left_out.append(
                    f"{aid}: highlight {h.id[:8]} ({h.status}) is not where its text is; left out"
                )
                continue
            _selection(source, h)
            result.selections += 1
        for s in sorted(by_article[aid].get("states", []), key=lambda s: s.coder):
            for t in s.tags:
                coding = _el(source, "Coding", guid=guid_for("tagcoding", f"{aid}\0{s.coder}\0{t}"),
                             creatingUser=_user(s.coder), creationDateTime=s.updated)
                _el(coding, "CodeRef", targetGUID=guid_for("tag", t))
                result.tag_codings += 1
        for m in by_article[aid].get("memos", []):
            _el(source, "NoteRef", targetGUID=guid_of_id(m.id))
            notes.append(m)
        for s in sorted(by_article[aid].get("states", []), key=lambda s: s.coder):
            if s.status != "todo":
                value = _el(source, "VariableValue")
                _el(value, "VariableRef", targetGUID=guid_for("variable", s.coder))
                _text_el(value, "TextValue", s.status)
    if len(sources_el):
        root.append(sources_el)
    project_memos = [m for m in memos if m.article == ""]
    notes.extend(project_memos)
    if notes:
        notes_el = _el(root, "Notes")
        for m in notes:
            what = f"memo on {m.article}" if m.article else "project memo"
            note = _el(notes_el, "Note", guid=guid_of_id(m.id), name=f"{what} ({m.coder})",
                       creatingUser=_user(m.coder), creationDateTime=m.created,
                       modifyingUser=_user(m.coder), modifiedDateTime=m.updated)
            _text_el(note, "PlainTextContent", m.text)
            result.notes += 1
    for m in project_memos:
        _el(root, "NoteRef", targetGUID=guid_of_id(m.id))
    return _bytes(root), files, result


def _user(coder: str) -> str | None:
    return guid_for("user", coder) if coder else None


def _in_place(h: Highlight, text: str) -> bool:
    if h.status == AnchorStatus.ORPHANED.value:
        return False
    return 0 <= h.start < h.end <= len(text) and text[h.start : h.end] == h.exact


def _selection(source: ET.Element, h: Highlight) -> None:
    user = _user(h.coder)
    sel = _el(source, "PlainTextSelection", guid=guid_of_id(h.id), name=one_line(h.exact, 60),
              startPosition=str(h.start), endPosition=str(h.end), creatingUser=user,
              creationDateTime=h.created, modifyingUser=user, modifiedDateTime=h.updated)
    if h.note:
        _text_el(sel, "Description", h.note)
    if h.label:
        coding = _el(sel, "Coding", guid=guid_for("coding", h.id), creatingUser=user,
                     creationDateTime=h.created)
        _el(coding, "CodeRef", targetGUID=guid_for("code", h.label))


def _article_text(corpus: Corpus, aid: str) -> str | None:
    article = corpus.get(aid)
    if article is None:
        return None
    try:
        return read_article(article, max(article.size, 1) + 1024 * 1024).text
    except ArticleError:
        return None


def write_qdpx(path: Path, qde: bytes, files: dict[str, str]) -> None:
    """The zip, written beside `path` and renamed over it (never half a file)."""
    import os
    import tempfile

    from annotations.export import not_a_file

    if not_a_file(path):  # a pipe or a device: written to, not replaced
        with open(path, "wb") as out, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("project.qde", qde)
            for name, text in files.items():
                z.writestr(name, text.encode("utf-8"))
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("project.qde", qde)
            for name, text in files.items():
                z.writestr(name, text.encode("utf-8"))
        from annotations.export import file_mode

        os.chmod(tmp, file_mode())  # a document to share: not mkstemp's 0600
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export_qdpx(
    corpus: Corpus,
    store: Any,
    codebook: Codebook,
    path: str | Path,
    *,
    coders: Sequence[str] | None = None,
    now: str | None = None,
) -> QdpxResult:
    qde, files, result = build_project(corpus, store, codebook, coders=coders, now=now)
    write_qdpx(Path(path).expanduser(), qde, files)
    return result
