"""Export paths that would destroy what the export is made from.

`reader export CORPUS -f json -o CORPUS/annotations.json` ("export the annotations to
annotations.json") replaced the annotation file with the export, and the store then
refused to open; `-o news.jsonl` on a JSON Lines corpus replaced the corpus with an empty
export, and `-o ARTICLE.txt` an article with Markdown. An export is a copy of the work:
it may replace an earlier export (that is what `-o` asks for) but never the corpus, the
annotation file, its journal, lock and caches, or the codebook. A new file the corpus
would read (`.txt`, `.jsonl`, a `.txt.json` sidecar, `metadata.csv` inside a corpus
folder) is refused too: the next start would take the export for articles.
"""

from __future__ import annotations

from pathlib import Path

from reader.corpus import Corpus, is_extra
from reader.errors import UserError


def _corpus_reads(corpus: Corpus, target: Path) -> bool:
    """Whether `target` is (or would become) one of the corpus's own files."""
    if corpus.single_file is not None:
        return target == corpus.single_file
    if target != corpus.root and corpus.root not in target.parents:
        return False
    return target.name.lower().endswith(".txt") or is_extra(target.name)


def _reader_file(corpus: Corpus, target: Path, db: Path | None) -> bool:
    """The annotation file and what lives beside it under its name (journal, lock,
    backups, caches, the search index), the codebook, and the hidden JSON Lines indexes."""
    if db is not None:
        db = db.expanduser().absolute()
        if target.parent == db.parent and (target.name == db.name
                                           or target.name.startswith(db.stem + ".")):
            return True
    if target == corpus.root / "codebook.toml":
        return True
    return target.name.startswith(".") and ".reader-" in target.name


def check_export_target(corpus: Corpus, target: str | Path, db: Path | None) -> None:
    """Raise `UserError` (one line, exit 2) when writing `target` would destroy the
    corpus or the annotations it is exported from."""
    path = Path(target).expanduser().absolute()
    try:
        real = path.resolve()  # a link to the annotation file is the annotation file
    except OSError:
        real = path
    for p in {path, real}:
        if _reader_file(corpus, p, db):
            raise UserError(f"{target} is one of reader's own files (the annotations, "
                            "their journal or caches, or the codebook): give another path")
        if _corpus_reads(corpus, p):
            what = "is a file of the corpus" if p.exists() else \
                "would be read as part of the corpus"
            raise UserError(f"{target} {what}: give a path outside it (or another name)")
