"""One Markdown note per article (`reader export --format md --split DIR`), for people who
keep one note per source in Obsidian (or Logseq, Foam, Zettlr).

Each note is named after the article's title (made file-name safe, with a short suffix
when two titles collide) and holds:

* YAML front matter: title, article id, source (a `file://` URI, which Obsidian opens in
  the system's app, and the path relative to the corpus), status, tags (the property
  Obsidian reads as the note's tags), highlights, exported;
* the memo on the article, when there is one;
* each highlight as in the one-file export: the quoted passage, its block id (`^hl-…`,
  so `[[note#^hl-…]]` links to it), label, quotation, note, line and a link back.

An `index.md` lists every note as a `[[wikilink]]`, the link form Obsidian resolves by
note name anywhere in the vault. Notes are written atomically, with the umask's
permissions, and a re-export overwrites the notes it wrote before (same names); from the
command line, a note edited since it was written is kept (`notes_edited`).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from annotations.export.data import ArticleExport, ExportData
from annotations.export.markdown import _highlight
from annotations.export.mdescape import escape_block, escape_inline, hashtag, yaml_string

_UNSAFE = re.compile(r'[\\/:*?"<>|#^\[\]\x00-\x1f]+')
MAX_NAME = 80


def note_name(article: ArticleExport) -> str:
    """A file-name (and wikilink) safe name from the title; the id when the title is empty."""
    base = _UNSAFE.sub(" ", article.display_title)
    base = " ".join(base.split()).strip(" .")[:MAX_NAME].rstrip(" .")
    base = base or _UNSAFE.sub("-", article.id).strip("-.") or "article"
    return base + " (article)" if base.casefold() == "index" else base  # index.md is ours


def _unique(names: list[str], ids: list[str], coders: list[str]) -> list[str]:
    """Names made distinct where two notes share a title: by the coder (an article is
    exported once per coder), then by a short hash of the article id."""
    def counts(xs: list[str]) -> dict[str, int]:
        seen: dict[str, int] = {}
        for n in xs:
            seen[n.casefold()] = seen.get(n.casefold(), 0) + 1
        return seen

    seen = counts(names)
    names = [f"{n} ({_UNSAFE.sub('-', c)})" if seen[n.casefold()] > 1 and c else n
             for n, c in zip(names, coders, strict=True)]
    seen = counts(names)
    return [f"{n} ({hashlib.sha1(aid.encode()).hexdigest()[:6]})" if seen[n.casefold()] > 1
            else n for n, aid in zip(names, ids, strict=True)]


def memo_of(data: ExportData, article: ArticleExport) -> str:
    """The article's memo text ("" when none): from the export data when it carries memos."""
    memo = getattr(article, "memo", None)
    if isinstance(memo, str):
        return memo
    texts = getattr(memo, "text", None)
    if isinstance(texts, str):
        return texts
    for m in getattr(data, "memos", None) or []:
        if getattr(m, "article", None) == article.id and getattr(m, "text", ""):
            return str(m.text)
    return ""


def render_note(data: ExportData, article: ArticleExport) -> str:
    """The note for one article."""
    source_uri = article.file.absolute().as_uri() if article.file is not None else ""
    tags = [t for t in dict.fromkeys(hashtag(t)[1:] for t in article.tags) if t]
    front = [
        "---",
        f"title: {yaml_string(article.display_title)}",
        f"article: {yaml_string(article.id)}",
        f"source: {yaml_string(source_uri or article.path)}",
        f"path: {yaml_string(article.path)}",
        f"corpus: {yaml_string(data.corpus_name)}",
        f"status: {yaml_string(article.status)}",
    ]
    if getattr(article, "coder", ""):
        front.append(f"coder: {yaml_string(article.coder)}")
    if tags:
        front.append("tags:")
        front.extend(f"  - {yaml_string(t)}" for t in tags)
    else:
        front.append("tags: []")
    front += [f"highlights: {len(article.highlights)}",
              f"exported: {yaml_string(data.exported)}", "---"]
    parts = ["\n".join(front), f"# {escape_inline(article.display_title)}"]
    facts = []
    if source_uri:
        facts.append(f"- **Source:** [{escape_inline(article.path)}](<{source_uri}>)")
    else:
        facts.append(f"- **Source:** {escape_inline(article.path)} (missing from the corpus)")
    facts.append(f"- **Status:** {escape_inline(article.status)}")
    hashtags = " ".join(t for t in (hashtag(t) for t in article.tags) if t)
    if hashtags:
        facts.append(f"- **Tags:** {hashtags}")
    parts.append("\n".join(facts))
    memo = memo_of(data, article)
    if memo.strip():
        parts.append("## Memo\n\n" + "\n".join(escape_block(memo)))
    if article.highlights:
        parts.append("## Highlights")
        parts.extend(_highlight(data, article, hv) for hv in article.highlights)
    return "\n\n".join(parts) + "\n"


def render_index(data: ExportData, names: list[str]) -> str:
    lines = [
        "---",
        f"title: {yaml_string('Annotations: ' + data.corpus_name)}",
        f"exported: {yaml_string(data.exported)}",
        f"articles: {len(names)}",
        "---",
        "",
        f"# Annotations: {escape_inline(data.corpus_name)}",
        "",
    ]
    for article, name in zip(data.articles, names, strict=True):
        n = len(article.highlights)
        lines.append(f"- [[{name}]] · {escape_inline(article.status)} · "
                     f"{n} highlight{'s' if n != 1 else ''}")
    return "\n".join(lines) + "\n"


def write_notes(data: ExportData, folder: Path, write: Any,
                kept: list[Path] | None = None) -> list[Path]:
    """Write every article's note and `index.md` into `folder`; `write(path, text)` writes
    one file (atomically). Returns the notes' paths (without the index).

    With `kept` (the CLI), a note the user edited since the last export is left as it is
    and added to `kept` (see `annotations.export.notes_edited`); without it (the app,
    after the user said "Replace them") every note is written."""
    from annotations.export.notes_edited import (
        MANIFEST,
        digest,
        edited,
        read_manifest,
        render_manifest,
    )

    folder.mkdir(parents=True, exist_ok=True)
    names = _unique([note_name(a) for a in data.articles], [a.id for a in data.articles],
                    [getattr(a, "coder", "") or "" for a in data.articles])
    manifest = read_manifest(folder)
    now = dict(manifest)
    written = []

    def put(path: Path, text: str) -> bool:
        if kept is not None and edited(path, text, manifest):
            kept.append(path)
            return False
        write(path, text)
        now[path.name] = digest(text)
        return True

    for article, name in zip(data.articles, names, strict=True):
        path = folder / f"{name}.md"
        if put(path, render_note(data, article)):
            written.append(path)
    put(folder / "index.md", render_index(data, names))
    write(folder / MANIFEST, render_manifest(now))
    return written


def export_notes(
    corpus: Any,
    store: Any,
    folder: str | Path,
    *,
    article: str | None = None,
    tag: str | None = None,
    label: str | None = None,
    quotes: bool = False,
    now: str | None = None,
    analyze: Any = None,
    coders: Any = None,
    kept: list[Path] | None = None,
) -> tuple[ExportData, list[Path]]:
    """Collect as the one-file Markdown export does and write one note per article."""
    from annotations.export import collect_for, write_atomic
    from annotations.export.data import EmptyStore

    target = Path(folder).expanduser()
    if target.exists() and not target.is_dir():
        from reader.errors import UserError

        raise UserError(f"{folder} is a file; --split needs a folder")
    data = collect_for("md", corpus, store if store is not None else EmptyStore(),
                       article=article, tag=tag, label=label, quotes=quotes,
                       link_base=target.absolute(), now=now, analyze=analyze, coders=coders)
    return data, write_notes(data, target, write_atomic, kept)
