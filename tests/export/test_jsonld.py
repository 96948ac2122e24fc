"""JSON-LD: the required fields of the W3C Web Annotation Data Model."""

from __future__ import annotations

import json
import re

from annotations.export import collect_for, render
from annotations.export.jsonld import CONTEXT, urn
from reader.corpus import scan

from .helpers import NOW, SEEDS, fake_analyze, fixed_store

URN = re.compile(r"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
PURPOSES = {"tagging", "commenting", "classifying", "describing", "assessing"}


def doc() -> dict:
    data = collect_for("jsonld", scan(SEEDS), fixed_store(), now=NOW, analyze=fake_analyze)
    return json.loads(render("jsonld", data))


def test_collection_follows_the_model() -> None:
    d = doc()
    assert d["@context"] == CONTEXT
    assert d["type"] == "AnnotationCollection"
    assert URN.match(d["id"])
    page = d["first"]  # the embedded-page form of the model's Example 40
    assert page["type"] == "AnnotationPage" and URN.match(page["id"])
    assert page["startIndex"] == 0
    # highlights + tagged articles + memos (one article's, the project's)
    # + articles with a status other than todo
    assert d["total"] == len(page["items"]) == 6 + 3 + 2 + 2


def test_every_annotation_is_valid() -> None:
    seen = set()
    for anno in doc()["first"]["items"]:
        assert anno["@context"] == CONTEXT
        assert anno["type"] == "Annotation"
        assert URN.match(anno["id"]) and anno["id"] not in seen
        seen.add(anno["id"])
        assert anno["target"]["source"].startswith("file:///")
        for body in anno.get("body", []):
            assert body["type"] == "TextualBody"
            assert isinstance(body["value"], str) and body["value"]
            assert body["purpose"] in PURPOSES
        if anno["motivation"] == "highlighting":
            assert anno["created"] and anno["modified"]
            sel = {s["type"]: s for s in anno["target"]["selector"]}
            quote = sel["TextQuoteSelector"]
            assert {"exact", "prefix", "suffix"} <= quote.keys()
            if "TextPositionSelector" in sel:
                pos = sel["TextPositionSelector"]
                assert 0 <= pos["start"] < pos["end"]
        elif anno["motivation"] == "assessing":
            assert [b["purpose"] for b in anno["body"]] == ["assessing"]
            assert anno["body"][0]["value"].startswith("status: ")
        elif anno["motivation"] == "commenting":  # a memo: one comment on a text or corpus
            assert [b["purpose"] for b in anno["body"]] == ["commenting"]
        else:
            assert anno["motivation"] == "tagging"
            assert all(b["purpose"] == "tagging" for b in anno["body"])
        assert anno["creator"] == {"type": "Person", "name": "ann"}  # every item's coder


def test_highlight_fields_map_to_bodies_and_selectors() -> None:
    items = {a["id"]: a for a in doc()["first"]["items"]}
    anno = items[urn("a1a1a1a1000000000000000000000001")]
    purposes = {b["purpose"]: b["value"] for b in anno["body"]}
    assert purposes == {"classifying": "claim", "commenting": "Check: is it *really* on again?"}
    text = (SEEDS / "000_4f563db4c078cd2b.txt").read_text(encoding="utf-8")
    sel = {s["type"]: s for s in anno["target"]["selector"]}
    pos, quote = sel["TextPositionSelector"], sel["TextQuoteSelector"]
    assert text[pos["start"] : pos["end"]] == quote["exact"]
    orphan = items[urn("c3c3c3c3000000000000000000000003")]
    assert [s["type"] for s in orphan["target"]["selector"]] == ["TextQuoteSelector"]


def test_ids_are_stable() -> None:
    assert [a["id"] for a in doc()["first"]["items"]] == [a["id"] for a in doc()["first"]["items"]]
    assert urn("not-a-uuid") == urn("not-a-uuid")
