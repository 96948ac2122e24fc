"""Headline-only estimates on sites nothing was tuned on (issue 16, item 4), fast enough to
judge one ranker feature at a time.

    python bench/headline_sites.py [EVAL_DIR] [--train-weight=W ...] [--misses]
                                   [--show=PAGE ...] [--refresh]

The headline ranker reads the boilerplate model's probabilities, so each scenario first
fits the boilerplate model exactly as `bench/estimate_marks.py` does (on the scenario's
dev training pages: the committed boilerplate model is trained on dev only) and keeps, for
every dev page and every page of the train split, what that model makes of it (cached in
`$TMPDIR/reader-headline-sites/`, keyed by the boilerplate code and weights; `--refresh`
recomputes). Then, for each training-data choice, the ranker is fitted on the scenario's
training pages (headline features recomputed from the current `headline.py`) and the
test pages' headlines are picked the way `reader analyze` picks them (furniture lines
skipped, the second of two adjacent copies). Scenarios:

* **site 3-fold**: dev pages in 3 folds by web domain (the folds of `estimate_marks.py`);
  train-split pages of a test fold's sites are left out of its training data;
* **cross-source**: not Scrapinghub -> Scrapinghub, not WCXB news -> WCXB news (no test
  site in training);
* **train pages**: the train split's pages of each site fold, headlines picked by that
  fold's models (843 pages of guides, blogs and reviews no model or rule was made from:
  less noisy than 130 dev pages, though of another kind).

Training data per run (`--train-weight W`, repeatable; default `0,1`): dev pages at weight
1 and the train split's pages at weight W (0: dev only); `--train-weight=only` trains the
ranker on the train split alone. `--misses` prints each out-of-fold miss of the first
choice with the chosen and the gold line, for sorting by type; `--show=PAGE` the best
candidates of a test page with their scores and features.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.marks import _weights  # noqa: E402
from reader.marks import boilerplate as bp  # noqa: E402
from reader.marks import headline as hl  # noqa: E402
from reader.marks import train_boilerplate as tb  # noqa: E402
from reader.marks import train_headline as th  # noqa: E402
from reader.marks.features import text_features  # noqa: E402
from reader.marks.furniture import furniture_lines  # noqa: E402
from reader.marks.repeated import repeated_lines  # noqa: E402
from reader.marks.text import text_line_keys  # noqa: E402

K = 3
# features left out (zeroed) for an ablation: HEADLINE_DROP=first_copy,dek_pair
DROP = frozenset(hl.TITLE_FEATURES.index(n)
                 for n in os.environ.get("HEADLINE_DROP", "").split(",") if n)


def fold_of(site: str, k: int = K) -> int:
    return int(hashlib.sha1(site.encode()).hexdigest(), 16) % k


def scenarios(dev: list[tb.Doc], train: list[tb.Doc]
              ) -> list[tuple[str, list, list, list, list]]:
    """(name, boilerplate/ranker dev training pages, train-split pages allowed, test dev
    pages, test train-split pages)."""
    out = []
    for f in range(K):
        out.append((f"fold{f}", [d for d in dev if fold_of(d.site) != f],
                    [d for d in train if fold_of(d.site) != f],
                    [d for d in dev if fold_of(d.site) == f],
                    [d for d in train if fold_of(d.site) == f]))
    for target in ("scrapinghub", "wcxb-news"):
        test = [d for d in dev if d.origin == target]
        sites = {d.site for d in test}
        out.append((f"->{target}", [d for d in dev if d.origin != target and d.site not in sites],
                    [d for d in train if d.site not in sites], test, []))
    return out


class LazyRows:
    """The text feature rows of a page's non-blank lines, computed when read (the headline
    reads a few dozen of a page's rows; keeping them all for 5 scenarios costs gigabytes)."""

    def __init__(self, lines: list[str], idx: list[int]):
        self.lines, self.idx = lines, idx
        self.rows: dict[int, tuple] = {}

    def __len__(self) -> int:
        return len(self.idx)

    def __getitem__(self, k: int) -> tuple:
        r = self.rows.get(k)
        if r is None:
            r = self.rows[k] = tuple(text_features(self.lines[self.idx[k]].strip()))
        return r


def page_input(doc: tb.Doc, repeated: frozenset[str]) -> tuple:
    """What the headline ranker needs of a page under the installed boilerplate model
    (without the feature rows: `LazyRows` recomputes them)."""
    keys_all = text_line_keys(doc.text)
    idx, _, keys, p_bp = bp.analyze_lines(doc.lines, repeated, keys_all)
    furn = furniture_lines(doc.text, doc.lines, keys_all).certain
    return (idx, None, keys, p_bp, frozenset(furn))


def _cache_key() -> str:
    # (the modules whose code decides the cached probabilities and furniture lines)
    names = ("boilerplate.py", "_weights.py", "train_boilerplate.py", "features.py",
             "furniture.py", "repeated.py", "text.py")
    src = b"".join((Path(bp.__file__).with_name(n)).read_bytes() for n in names)
    return hashlib.sha1(src).hexdigest()[:12]


def build(eval_dir: Path, refresh: bool) -> dict:
    """Per scenario: the page inputs of its training and test pages (cached)."""
    cache = Path(os.environ.get("TMPDIR", tempfile.gettempdir())) / "reader-headline-sites"
    cache.mkdir(exist_ok=True)
    path = cache / f"{_cache_key()}.pkl"
    if path.is_file() and not refresh:
        with open(path, "rb") as f:
            return pickle.load(f)
    dev = tb.load_split(eval_dir, "dev")
    train = tb.load_split(eval_dir, "train")
    out: dict = {"dev": dev, "train": train, "scen": []}
    saved = (list(_weights.STAGE1), [list(s) for s in _weights.STAGES])
    for name, dtr, ttr, test, test_tr in scenarios(dev, train):
        t0 = time.perf_counter()
        bp.use_weights(*tb.fit(dtr, tb.corpus_repeated(dtr)))
        rep_dev = tb.corpus_repeated(dtr)
        rep_train = tb.corpus_repeated(ttr)
        rep_test = repeated_lines(d.text for d in test)
        inp = {}
        for d in dtr:
            inp[d.name] = page_input(d, rep_dev)
        for d in ttr:
            inp[d.name] = page_input(d, rep_train)
        test_inp = {d.name: page_input(d, rep_test) for d in test}
        rep_test_tr = tb.corpus_repeated(test_tr)
        test_inp.update((d.name, page_input(d, rep_test_tr)) for d in test_tr)
        out["scen"].append((name, [d.name for d in dtr], [d.name for d in ttr],
                            [d.name for d in test], inp, test_inp, [d.name for d in test_tr]))
        print(f"built {name} ({time.perf_counter() - t0:.0f} s)", file=sys.stderr, flush=True)
    bp.use_weights(*saved)
    with open(path, "wb") as f:
        pickle.dump(out, f, protocol=pickle.HIGHEST_PROTOCOL)
    return out


def rows_of(doc: tb.Doc, inp: tuple) -> tuple[list[int], list[list[float]], int]:
    idx, _, keys, p_bp, _ = inp
    rows1 = LazyRows(doc.lines, idx)
    cands, rows = hl.title_rows(doc.lines, idx, rows1, p_bp, keys)
    if DROP:
        rows = [[0.0 if j in DROP else v for j, v in enumerate(r)] for r in rows]
    gold = next(ln for ln, lab in doc.labels.items() if lab == "title")
    pos = next((j for j, k in enumerate(cands) if idx[k] + 1 == gold), -1)
    return cands, rows, pos


def pick(doc: tb.Doc, inp: tuple, cands: list[int], rows: list[list[float]],
         w: list[float]) -> int | None:
    """The 1-based headline line `reader analyze` would choose (no corrections)."""
    idx, _, keys, _, furn = inp
    scored = sorted(zip((sum(a * b for a, b in zip(w, r, strict=True)) for r in rows), cands,
                        strict=True), reverse=True)
    for _, k in scored:
        n = idx[k] + 1
        if n - 1 in furn:
            continue
        if k + 1 < len(idx) and keys[k + 1] == keys[k]:
            n = idx[k + 1] + 1
        return n
    return None


def run(data: dict, tw: str, misses: bool, show: frozenset[str] = frozenset()
        ) -> dict[str, tuple[int, int]]:
    by = {d.name: d for d in data["dev"] + data["train"]}
    res: dict[str, tuple[int, int]] = {}
    kf_ok = kf_n = 0
    tr_ok = tr_n = 0
    for name, dtr, ttr, test, inp, test_inp, test_tr in data["scen"]:
        names = [] if tw == "only" else list(dtr)
        if tw == "only" or float(tw) > 0:
            names += ttr
        pages, pw = [], []
        for n in names:
            d = by[n]
            _, rows, pos = rows_of(d, inp[n])
            pages.append((rows, pos))
            wt = 1.0 if d.split == "dev" else (1.0 if tw == "only" else float(tw))
            pw.append(wt * (th.SEED_WEIGHT if th.is_seed(d) else 1.0))
        w = th.train(pages, weights=pw)
        ok = 0
        for n in test:
            d = by[n]
            cands, rows, _ = rows_of(d, test_inp[n])
            got = pick(d, test_inp[n], cands, rows, w)
            gold = next(ln for ln, lab in d.labels.items() if lab == "title")
            ok += got == gold
            if n in show:
                scores = [sum(a * b for a, b in zip(w, r, strict=True)) for r in rows]
                idx, _, _, p_bp, _ = test_inp[n]
                print(f"== {name} {n} gold {gold}")
                for k, r, sc in sorted(zip(cands, rows, scores, strict=True),
                                       key=lambda t: -t[2])[:8]:
                    feats = " ".join(f"{f}={v:.2f}" for f, v in zip(hl.TITLE_FEATURES, r,
                                                                   strict=True) if v)
                    print(f"  {sc:6.2f} L{idx[k] + 1} p={p_bp[k]:.2f} "
                          f"{d.lines[idx[k]].strip()[:60]!r}\n         {feats}")
            if misses and got != gold:
                g = d.lines[got - 1].strip()[:70] if got else None
                print(f"  MISS {name} {n} gold {gold}: {d.lines[gold - 1].strip()[:70]!r}"
                      f"\n       got  {got}: {g!r}")
        res[name] = (ok, len(test))
        for n in test_tr:
            d = by[n]
            cands, rows, _ = rows_of(d, test_inp[n])
            gold = next(ln for ln, lab in d.labels.items() if lab == "title")
            tr_ok += pick(d, test_inp[n], cands, rows, w) == gold
            tr_n += 1
        if name.startswith("fold"):
            kf_ok, kf_n = kf_ok + ok, kf_n + len(test)
    res["kfold"] = (kf_ok, kf_n)
    res["train pages"] = (tr_ok, tr_n)
    return res


def main(argv: list[str]) -> int:
    if "-h" in argv or "--help" in argv:
        print(__doc__)
        return 0
    args = [a for a in argv if not a.startswith("--")]
    eval_dir = Path(args[0]) if args else REPO.parent / "shared" / "eval"
    if not (eval_dir / "boilerplate" / "train" / "gold.jsonl").is_file():
        print(f"no benchmark with a train split at {eval_dir}", file=sys.stderr)
        return 2
    tws = [a.split("=", 1)[1] for a in argv if a.startswith("--train-weight=")] or ["0", "1"]
    data = build(eval_dir, "--refresh" in argv)
    print(f"{'train weight':>12s} {'site 3-fold':>16s} {'->scrapinghub':>16s} "
          f"{'->wcxb-news':>16s} {'train pages':>16s}")
    for tw in tws:
        t0 = time.perf_counter()
        show = frozenset(a.split("=", 1)[1] for a in argv if a.startswith("--show="))
        r = run(data, tw, "--misses" in argv, show)
        cells = " ".join(f"{r[k][0] / r[k][1]:.3f} ({r[k][0]:3d}/{r[k][1]:3d})"
                         for k in ("kfold", "->scrapinghub", "->wcxb-news", "train pages"))
        print(f"{tw:>12s} {cells}   ({time.perf_counter() - t0:.0f} s)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
