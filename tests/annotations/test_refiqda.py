"""REFI-QDA: the .qdpx project and the .qdc codebook, ours and other tools'."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from annotations.codebook import load_codebook, save_codebook
from annotations.codebook_ops import add_label
from annotations.model import Codebook
from annotations.refiqda import PROJECT_NS, export_qdpx, render_qdc
from annotations.refiqda_import import import_qdpx, read_qdc, read_qdpx
from annotations.store import ALL, AnnotationStore
from reader.corpus import open_corpus

from .coding import S2, two_coders
from .helpers import ALPHA

GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
NS = {"q": PROJECT_NS}


def _export(corpus_dir: Path, out: Path) -> Path:
    corpus = open_corpus(corpus_dir, read=False)
    with AnnotationStore.open(corpus_dir / "annotations.json", readonly=True) as store:
        export_qdpx(corpus, store, load_codebook(corpus_dir), out)
    return out


def _everything(store: AnnotationStore) -> tuple[list, list, list]:
    hs = sorted((h.to_dict() for h in store.highlights(coder=ALL)), key=lambda d: d["id"])
    states = sorted(
        (s.article, s.coder, sorted(s.tags), s.status)
        for s in store.article_states(coder=ALL)
    )
    memos = sorted((m.to_dict() for m in store.memos(coder=ALL)), key=lambda d: d["id"])
    return hs, states, memos


def test_export_then_import_gives_back_every_record(corpus_dir: Path, tmp_path: Path) -> None:
    two_coders(corpus_dir)
    qdpx = _export(corpus_dir, tmp_path / "out.qdpx")
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    for name in ("alpha.txt", "beta.txt"):
        shutil.copy(corpus_dir / name, fresh / name)
    corpus = open_corpus(fresh, read=False)
    with AnnotationStore.open(fresh / "annotations.json", coder="carol") as store:
        report, _ = import_qdpx(corpus, store, qdpx)
        assert not report.conflicts and not report.invalid
        got = _everything(store)
    with AnnotationStore.open(corpus_dir / "annotations.json", readonly=True) as store:
        want = _everything(store)
    assert got == want
    assert len(got[0]) == 6 and len(got[2]) == 2  # the fixture's highlights and memos
    # the codes came along into the new corpus's codebook, the tags with them
    codebook = load_codebook(fresh)
    assert {"claim", "evidence", "opinion", "actor"} <= {lab.name for lab in codebook.labels}
    # importing the same file again adds nothing
    with AnnotationStore.open(fresh / "annotations.json", coder="carol") as store:
        again, _ = import_qdpx(corpus, store, qdpx)
    assert not again.changed and not again.conflicts


def test_project_xml_parses_and_every_reference_resolves(corpus_dir: Path, tmp_path: Path) -> None:
    two_coders(corpus_dir)
    with zipfile.ZipFile(_export(corpus_dir, tmp_path / "out.qdpx")) as z:
        root = ET.fromstring(z.read("project.qde"))
        names = set(z.namelist())
        assert root.tag == f"{{{PROJECT_NS}}}Project"
        users = {u.get("guid"): u.get("name") for u in root.iterfind(".//q:Users/q:User", NS)}
        codes = {c.get("guid"): c.get("name") for c in root.iterfind(".//q:CodeBook//q:Code", NS)}
        notes = {n.get("guid") for n in root.iterfind("./q:Notes/q:Note", NS)}
        variables = {v.get("guid") for v in root.iterfind("./q:Variables/q:Variable", NS)}
        sources = list(root.iterfind("./q:Sources/q:TextSource", NS))
        assert sorted(users.values()) == ["ann", "bob"]
        assert {s.get("name") for s in sources} == {"alpha.txt", "beta.txt"}
        guids = [el.get("guid") for el in root.iter() if el.get("guid") is not None]
        assert len(guids) == len(set(guids)) and all(GUID.match(g) for g in guids)
        for el in root.iter():
            for attr in ("creatingUser", "modifyingUser"):
                if el.get(attr) is not None:
                    assert el.get(attr) in users
        for ref in root.iter(f"{{{PROJECT_NS}}}CodeRef"):
            assert ref.get("targetGUID") in codes
        for ref in root.iter(f"{{{PROJECT_NS}}}NoteRef"):
            assert ref.get("targetGUID") in notes
        for ref in root.iter(f"{{{PROJECT_NS}}}VariableRef"):
            assert ref.get("targetGUID") in variables
        for src in sources:
            path = src.get("plainTextPath")
            assert path.startswith("internal://")
            text = z.read("Sources/" + path.removeprefix("internal://")).decode("utf-8")
            for sel in src.iterfind("q:PlainTextSelection", NS):
                start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
                assert 0 <= start < end <= len(text)
    assert names >= {"project.qde"}
    # the tags are codings of whole sources, under the "reader tags" code
    alpha = next(s for s in sources if s.get("name") == "alpha.txt")
    refs = [c.find("q:CodeRef", NS) for c in alpha.iterfind("q:Coding", NS)]
    whole = [codes[r.get("targetGUID")] for r in refs]
    assert sorted(whole) == ["follow-up", "relevant", "relevant"]


def _other_tool_qdpx(path: Path, origin: str, text: str, start: int, end: int) -> Path:
    """A project as another tool writes it: Windows line ends, braces around guids, a note
    on a selection, a category with a code under it, a source-level coding."""
    user, code, cat, note = (
        "{5D2B49D0-9562-4DD3-9EE3-CE2B965E413C}",
        "1B594544-2954-4B67-86FF-FB552F090BA8",
        "2B594544-2954-4B67-86FF-FB552F090BA8",
        "0F758EEB-D61D-4E91-B250-79861C3869A6",
    )
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="{origin}">
 <Users><User guid="{user}" name="Dana"/></Users>
 <CodeBook><Codes>
  <Code guid="{cat}" name="Stance" isCodable="false" color="#FF0000">
   <Code guid="{code}" name="Support" isCodable="true"><Description>agrees</Description></Code>
  </Code>
 </Codes></CodeBook>
 <Sources>
  <TextSource guid="8E7FDDFE-DB36-48DC-B464-80C3A4DECD90" name="alpha"
    plainTextPath="internal://8E7FDDFE-DB36-48DC-B464-80C3A4DECD90.txt">
   <PlainTextSelection guid="D61907B2-D0D4-48DC-B8B7-5E4F7AE5FAA6" startPosition="{start}"
     endPosition="{end}" creatingUser="{user}" creationDateTime="2021-01-15T23:37:54Z">
    <Coding guid="7A7E80CA-ED8C-4006-86B3-731E36BACA19" creatingUser="{user}">
     <CodeRef targetGUID="{code}"/></Coding>
    <NoteRef targetGUID="{note}"/>
   </PlainTextSelection>
   <Coding guid="7A7E80CA-ED8C-4006-86B3-731E36BACA20" creatingUser="{user}">
    <CodeRef targetGUID="{cat}"/></Coding>
  </TextSource>
 </Sources>
 <Notes><Note guid="{note}" creatingUser="{user}">
  <PlainTextContent>Memo on the tax cut</PlainTextContent></Note></Notes>
</Project>"""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("project.qde", qde.encode("utf-8"))
        z.writestr("Sources/8E7FDDFE-DB36-48DC-B464-80C3A4DECD90.txt", text.encode("utf-8"))
    return path


@pytest.mark.parametrize("origin", ["MAXQDA 2022", "ATLAS.ti 23"])
def test_a_project_from_another_tool_with_windows_line_ends(
    corpus_dir: Path, tmp_path: Path, origin: str
) -> None:
    crlf = ALPHA.replace("\n", "\r\n")
    start = crlf.index(S2)
    if origin.startswith("ATLAS"):  # ATLAS.ti counts "\r\n" as one character
        start = ALPHA.index(S2)
    qdpx = _other_tool_qdpx(tmp_path / "other.qdpx", origin, crlf, start, start + len(S2))
    corpus = open_corpus(corpus_dir, read=False)
    bundle = read_qdpx(qdpx, corpus, "me")
    [h] = bundle.highlights
    assert (h.article, h.label, h.coder, h.exact, h.status) == (
        "alpha.txt", "Support", "Dana", S2, "exact"
    )
    assert ALPHA[h.start : h.end] == S2
    assert h.note == "Memo on the tax cut"
    assert h.created == "2021-01-15T23:37:54Z"
    assert [(s.article, s.coder, s.tags) for s in bundle.states] == [
        ("alpha.txt", "Dana", ["Stance"])
    ]
    labels = {lab.name: lab for lab in bundle.codebook.labels}
    assert labels["Support"].parent == "Stance" and labels["Support"].description == "agrees"
    assert not bundle.memos  # the only note belongs to the selection


def test_a_source_whose_text_changed_is_found_again_and_unknown_ones_kept(
    corpus_dir: Path, tmp_path: Path
) -> None:
    older = "An earlier version.\n" + ALPHA
    start = older.index(S2)
    qdpx = _other_tool_qdpx(tmp_path / "o.qdpx", "QualCoder", older, start, start + len(S2))
    [h] = read_qdpx(qdpx, open_corpus(corpus_dir, read=False), "me").highlights
    assert h.status == "moved" and ALPHA[h.start : h.end] == S2
    (corpus_dir / "alpha.txt").unlink()
    bundle = read_qdpx(qdpx, open_corpus(corpus_dir, read=False), "me")
    assert [h.status for h in bundle.highlights] == ["orphaned"]
    assert any("not an article of this corpus" in w for w in bundle.warnings)


def test_codebook_qdc_round_trip(tmp_path: Path) -> None:
    codebook = add_label(Codebook.default(), "source", "blue", "who is quoted", "actor")
    codebook = add_label(codebook, "x & <y>", "#aa00ff")
    path = tmp_path / "book.qdc"
    path.write_bytes(render_qdc(codebook))
    root = ET.fromstring(path.read_bytes())
    assert root.tag == "{urn:QDA-XML:codebook:1.0}CodeBook"
    back = read_qdc(path)

    def shape(cb: Codebook) -> list[tuple[str, str, str, str]]:
        return [(lab.name, lab.colour, lab.parent, lab.description) for lab in cb.labels]

    assert shape(back) == shape(codebook)
    assert [t.name for t in back.tags] == [t.name for t in codebook.tags]


def test_cli_export_and_import(reader_cli, corpus_dir: Path, tmp_path: Path) -> None:
    two_coders(corpus_dir)
    out = tmp_path / "p.qdpx"
    done = reader_cli("export", corpus_dir, "--format", "qdpx", "-o", out)
    assert done.returncode == 0, done.stderr
    assert "2 texts, 6 highlights" in done.stderr
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(corpus_dir / "alpha.txt", other / "alpha.txt")
    shutil.copy(corpus_dir / "beta.txt", other / "beta.txt")
    save_codebook(other, Codebook.default())
    done = reader_cli("import", other, out)
    assert done.returncode == 0, done.stderr
    with AnnotationStore.open(corpus_dir / "annotations.json", readonly=True) as source:
        records = sum(
            len(x)
            for x in (source.highlights(coder=ALL), source.article_states(coder=ALL),
                      source.memos(coder=ALL))
        )
    assert done.stdout.strip() == f"added {records}, unchanged 0, conflicts 0"
    again = reader_cli("import", other, out)
    assert again.stdout.strip() == f"added 0, unchanged {records}, conflicts 0"
    with AnnotationStore.open(other / "annotations.json", readonly=True) as store:
        assert store.coders() == ["ann", "bob"]
    bad = tmp_path / "bad.qdpx"
    bad.write_text("not a zip", encoding="utf-8")
    done = reader_cli("import", other, bad)
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    only = reader_cli("export", corpus_dir, "--format", "qdpx", "--coder", "ann", "-o", out)
    assert only.returncode == 0, only.stderr
    with zipfile.ZipFile(out) as z:
        root = ET.fromstring(z.read("project.qde"))
    assert [u.get("name") for u in root.iterfind(".//q:Users/q:User", NS)] == ["ann"]
    done = reader_cli("export", corpus_dir, "--format", "qdpx")
    assert done.returncode == 2 and "-o FILE.qdpx" in done.stderr
    done = reader_cli("export", corpus_dir, "--format", "qdc")
    assert done.returncode == 0 and "urn:QDA-XML:codebook:1.0" in done.stdout
