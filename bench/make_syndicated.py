"""Build a synthetic corpus of syndicated copies, with the true groups, from labelled pages.

    python bench/make_syndicated.py DEST [--source DIR] [--stories 40] [--seed 1]

Pages come from the boilerplate benchmark (`../shared/eval/boilerplate/dev` by default),
whose gold labels say which lines are furniture, title and body. A *story* is one page's
body. Each story is published 2 to 4 times: once as its own page, and as copies wrapped in
another page's furniture (its header lines before the title, its footer lines after the
body), under a changed headline, with a light edit (a sentence added, a sentence cut, or
both). The remaining pages (the two project seeds among them: two different opinion
pieces) are written as they are: distinct articles.

Writes DEST/*.txt (a corpus `reader dupes` reads) and DEST/truth.json:
`{"groups": [[id, ...], ...], "articles": N}` (singletons left out).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# `../shared` beside a checkout; two levels up from a worktree under `wt/`
DEFAULT_SOURCE = next(
    (p for p in (REPO.parent / "shared", REPO.parent.parent / "shared") if p.is_dir()),
    REPO.parent / "shared",
) / "eval" / "boilerplate" / "dev"

ADDED = (
    "This article was first published by a partner newspaper and is republished here.",
    "The story has been updated with a response from officials, who declined to comment.",
    "Readers can send their questions on the matter to the newsroom by email.",
    "An earlier version of this story misstated the date of the meeting.",
    "Our correspondent contributed reporting from the capital.",
)
HEADLINE_FORMS = (
    "Opinion: {t}",
    "{t} | Wire",
    "UPDATED: {t}",
    "{short} — analysis",
    "Why {lower}",
    "{short}, experts say",
)


@dataclass
class Page:
    name: str
    lines: list[str]
    labels: dict[int, str]  # 1-based line number → label

    def _numbers(self, label: str) -> list[int]:
        return sorted(n for n, lab in self.labels.items() if lab == label)

    @property
    def title(self) -> str:
        t = self._numbers("title")
        return self.lines[t[0] - 1].strip() if t else self.lines[0].strip()

    @property
    def body(self) -> list[str]:
        return [self.lines[n - 1] for n in self._numbers("body")]

    @property
    def header(self) -> list[str]:
        content = self._numbers("title") + self._numbers("body")
        first = min(content) if content else 1
        return [self.lines[n - 1] for n in self._numbers("boilerplate") if n < first]

    @property
    def footer(self) -> list[str]:
        body = self._numbers("body")
        last = max(body) if body else 0
        return [self.lines[n - 1] for n in self._numbers("boilerplate") if n > last]


def load_pages(source: Path) -> list[Page]:
    gold = {}
    for line in (source / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            g = json.loads(line)
            gold[g["file"]] = {int(k): v for k, v in g["labels"].items()}
    pages = []
    for name in sorted(gold):
        path = source / name
        if path.is_file():
            lines = path.read_text(encoding="utf-8").split("\n")
            pages.append(Page(name, lines, gold[name]))
    return pages


def headline(title: str, rng: random.Random) -> str:
    words = title.split()
    short = " ".join(words[: max(3, len(words) * 2 // 3)])
    form = rng.choice(HEADLINE_FORMS)
    return form.format(t=title, short=short, lower=title[:1].lower() + title[1:])


def edit(body: list[str], rng: random.Random) -> list[str]:
    """A sentence added, a sentence cut, or both."""
    out = list(body)
    what = rng.choice(("add", "cut", "both"))
    if what in ("cut", "both") and len(out) > 2:
        i = rng.randrange(len(out))
        sentences = out[i].split(". ")
        if len(sentences) > 1:
            del sentences[rng.randrange(len(sentences))]
            out[i] = ". ".join(sentences)
        else:
            del out[i]
    if what in ("add", "both"):
        out.insert(rng.randrange(len(out) + 1), rng.choice(ADDED))
    return out


def page_text(header: list[str], title: str, body: list[str], footer: list[str]) -> str:
    blocks = [*header, title, *body, *footer]
    return "\n\n".join(b for b in blocks if b.strip()) + "\n"


def build(source: Path, dest: Path, stories: int, seed: int, min_body_words: int = 120,
          pages_limit: int | None = None) -> dict[str, object]:
    rng = random.Random(seed)
    pages = load_pages(source)
    if not pages:
        raise SystemExit(f"no labelled pages in {source}")
    dest.mkdir(parents=True, exist_ok=True)
    groups: list[list[str]] = []
    rest = list(pages)
    rng.shuffle(rest)
    if pages_limit is not None:
        rest = rest[:pages_limit]
    usable = [p for p in rest if sum(len(b.split()) for b in p.body) >= min_body_words]
    chosen = usable[:stories]
    chosen_names = {p.name for p in chosen}
    wrappers = [p for p in rest if p.header or p.footer]
    for n, story in enumerate(chosen):
        ids = []
        name = f"s{n:03d}_0.txt"
        (dest / name).write_text("\n".join(story.lines), encoding="utf-8")
        ids.append(name)
        for c in range(1, rng.randint(2, 4)):
            wrap = rng.choice([w for w in wrappers if w.name != story.name])
            text = page_text(wrap.header, headline(story.title, rng), edit(story.body, rng),
                             wrap.footer)
            name = f"s{n:03d}_{c}.txt"
            (dest / name).write_text(text, encoding="utf-8")
            ids.append(name)
        groups.append(ids)
    distinct = 0
    for page in rest:
        if page.name not in chosen_names:
            (dest / f"d_{page.name}").write_text("\n".join(page.lines), encoding="utf-8")
            distinct += 1
    total = sum(len(g) for g in groups) + distinct
    truth = {"groups": groups, "articles": total, "source": str(source), "seed": seed}
    (dest / "truth.json").write_text(json.dumps(truth, indent=1), encoding="utf-8")
    return truth


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dest", type=Path, help="output folder")
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE,
                    help="labelled pages (default: the dev split)")
    ap.add_argument("--stories", type=int, default=40, help="stories to syndicate")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pages", type=int, help="use only this many pages (a small set)")
    args = ap.parse_args(argv)
    truth = build(args.source, args.dest, args.stories, args.seed, pages_limit=args.pages)
    print(f"{truth['articles']} articles, {len(truth['groups'])} true groups in {args.dest}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
