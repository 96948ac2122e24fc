"""W3C Web Annotation (JSON-LD): for annotation tools, Hypothesis-style servers, archives.

Shape (https://www.w3.org/TR/annotation-model/, §5 "Collections", Example 40): one
`AnnotationCollection` with `total` and its single `AnnotationPage` embedded as `first`,
the page holding the annotations in `items`. Every annotation also carries `@context` so
it stays valid when someone copies one item out of the collection.

* a highlight is an Annotation with motivation `highlighting`; its label is a TextualBody
  with purpose `classifying`, its note one with purpose `commenting`; the target's
  selectors are a TextQuoteSelector (exact/prefix/suffix, which re-finds the passage in an
  edited copy) and a TextPositionSelector (code-point offsets, as the model counts them;
  left out for an orphaned highlight, whose offsets no longer mean anything);
* article tags belong to the whole article, so each tagged article gets one Annotation
  with motivation `tagging`, a TextualBody per tag with purpose `tagging`, and the file
  itself as target; a status other than todo is one more, motivation `assessing`;
* a highlight inside a quotation has a `describing` body naming its kind and speaker;
* memos are Annotations with motivation `commenting` and one TextualBody with purpose
  `commenting`: an article's memo targets the article's file, the project memo the corpus.

Every annotation made by a coder names them as its `creator` (a `Person` with `name`), so
the coders of a study stay apart in any tool that reads the collection.

Ids are `urn:uuid:` built from the highlight's UUID (or a name-based UUID), so the same
annotation has the same id in every export.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from annotations.export.data import ArticleExport, ExportData, HighlightView
from annotations.model import Memo

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_NAMESPACE = uuid.UUID("6f1b7c52-3d0e-4b7a-9a57-2f0c1d2e8a41")  # this app's uuid5 namespace


def urn(key: str) -> str:
    """`urn:uuid:` for a stored id: the id itself when it is a UUID, else a stable uuid5."""
    try:
        return uuid.UUID(hex=key).urn
    except ValueError:
        return uuid.uuid5(_NAMESPACE, key).urn


def source_iri(data: ExportData, article: ArticleExport) -> str:
    """A `file:` IRI for the article (JSON-LD wants absolute IRIs)."""
    path = article.file
    if path is None:
        root = data.corpus_root if data.corpus_root.is_dir() else data.corpus_root.parent
        path = root / article.path
    iri = Path(path).absolute().as_uri()
    if "#" in article.id and not article.id.lower().endswith(".txt"):  # a JSON Lines record
        from urllib.parse import quote

        iri += "#" + quote(article.id.rsplit("#", 1)[1], safe="")
    return iri


def target(data: ExportData, article: ArticleExport) -> dict[str, Any]:
    """The article as a target; `scope` is the web page a record's text was taken from."""
    out: dict[str, Any] = {"source": source_iri(data, article)}
    if article.url:
        out["scope"] = article.url
    return out


def creator(coder: str) -> dict[str, Any]:
    """`{"creator": ...}` for an annotation by `coder`, nothing for an unattributed one."""
    return {"creator": {"type": "Person", "name": coder}} if coder else {}


def _textual(value: str, purpose: str) -> dict[str, str]:
    return {"type": "TextualBody", "value": value, "purpose": purpose, "format": "text/plain"}


def highlight_annotation(data: ExportData, article: ArticleExport, hv: HighlightView) -> dict:
    h = hv.highlight
    bodies = []
    if h.label:
        bodies.append(_textual(h.label, "classifying"))
    if h.note:
        bodies.append(_textual(h.note, "commenting"))
    if hv.quote_kind:  # the passage lies in a quotation: whose, and what kind
        who = f"speaker: {hv.speaker}" if hv.speaker else "speaker not named"
        bodies.append(_textual(f"{hv.quote_kind} quotation, {who}", "describing"))
    selectors: list[dict[str, Any]] = [
        {"type": "TextQuoteSelector", "exact": h.exact, "prefix": h.prefix, "suffix": h.suffix}
    ]
    if not hv.orphaned:
        selectors.append({"type": "TextPositionSelector", "start": h.start, "end": h.end})
    anno: dict[str, Any] = {
        "@context": CONTEXT,
        "id": urn(h.id),
        "type": "Annotation",
        "motivation": "highlighting",
        **creator(h.coder),
        "created": h.created,
        "modified": h.updated,
    }
    if bodies:
        anno["body"] = bodies
    anno["target"] = target(data, article) | {"selector": selectors}
    return anno


def tagging_annotation(data: ExportData, article: ArticleExport) -> dict[str, Any]:
    anno: dict[str, Any] = {
        "@context": CONTEXT,
        "id": urn(f"tags:{article.coder}:{article.id}" if article.coder else f"tags:{article.id}"),
        "type": "Annotation",
        "motivation": "tagging",
        **creator(article.coder),
    }
    if article.updated:
        anno["modified"] = article.updated
    anno["body"] = [_textual(t, "tagging") for t in article.tags]
    anno["target"] = target(data, article)
    return anno


def status_annotation(data: ExportData, article: ArticleExport) -> dict[str, Any]:
    """The coder's verdict on the whole article (done, skipped) as an `assessing` note."""
    anno: dict[str, Any] = {
        "@context": CONTEXT,
        "id": urn(f"status:{article.coder}:{article.id}" if article.coder
                  else f"status:{article.id}"),
        "type": "Annotation",
        "motivation": "assessing",
        **creator(article.coder),
    }
    if article.updated:
        anno["modified"] = article.updated
    anno["body"] = [_textual(f"status: {article.status}", "assessing")]
    anno["target"] = {"source": source_iri(data, article)}
    return anno


def memo_annotation(memo: Memo, source: str) -> dict[str, Any]:
    return {
        "@context": CONTEXT,
        "id": urn(memo.id),
        "type": "Annotation",
        "motivation": "commenting",
        **creator(memo.coder),
        "created": memo.created,
        "modified": memo.updated,
        "body": [_textual(memo.text, "commenting")],
        "target": {"source": source},
    }


def corpus_iri(data: ExportData) -> str:
    return Path(data.corpus_root).absolute().as_uri()


def collection(data: ExportData) -> dict[str, Any]:
    items: list[dict[str, Any]] = [
        memo_annotation(m, corpus_iri(data)) for m in data.project_memos
    ]
    for article in data.articles:
        if article.tags:
            items.append(tagging_annotation(data, article))
        if article.status != "todo":
            items.append(status_annotation(data, article))
        items.extend(highlight_annotation(data, article, hv) for hv in article.highlights)
        if article.memo is not None:
            items.append(memo_annotation(article.memo, source_iri(data, article)))
    doc: dict[str, Any] = {
        "@context": CONTEXT,
        # from the corpus's name, not its absolute path: the same export on another
        # machine (or a moved checkout) keeps its id
        "id": urn(f"collection:{data.corpus_root.name}"),
        "type": "AnnotationCollection",
        "label": f"reader annotations: {data.corpus_name}",
        "generated": data.exported,
        "total": len(items),
    }
    if items:  # the model: a collection SHOULD have `first` when it has annotations
        doc["first"] = {
            "id": urn(f"page:{data.corpus_root.name}:0"),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        }
    return doc


def render_jsonld(data: ExportData) -> str:
    return json.dumps(collection(data), ensure_ascii=False, indent=2) + "\n"
