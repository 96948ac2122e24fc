"""Headline-only estimates on sites nothing was tuned on (issue 16, item 4), fast enough to
judge one ranker feature or threshold at a time.

    python bench/headline_sites.py [EVAL_DIR] [--salt=S ...] [--train-weight=W ...]
                                   [--blend=S ...] [--no-pair] [--no-slots] [--misses]
                                   [--show=PAGE ...] [--refresh]

The headline ranker reads the boilerplate model's probabilities, so each scenario first
fits the boilerplate model with `bench/estimate_marks.py`'s own code (`fit_boilerplate`:
the scenario's dev training pages, and the train-split pages that train its stage 1 only,
as `train_boilerplate` and `estimate_marks.py --data dev` do) on that bench's own folds
(`kfold_scenarios`, `cross_scenarios`, `fold_of` with its `SALT`), and keeps what that
model makes of every dev page and every page of the train split (cached in
`$TMPDIR/reader-headline-sites/`, keyed by the boilerplate code and weights, the scenario
and the fold salt; `--refresh` recomputes). Then, for each training-data choice, the
ranker is fitted on the scenario's training pages (headline features recomputed from the
current `headline.py`, page weights as `train_headline`) and each test page's headline is
picked by `headline.pick_line`, the function `reader analyze` picks it with (furniture
lines, the entries of a table of contents, `headline.toc_lines`, and the lines the test
corpus repeats on several pages, `headline.corpus_lines`, skipped; the second of two
adjacent copies). So its figures are
`estimate_marks.py --data dev`'s headline column. Scenarios:

* **site 3-fold**: dev pages in 3 folds by web domain; train-split pages of a test fold's
  sites are left out of its ranker training data (`--train-weight` above 0);
  `--salt=S` (repeatable; `--salt=` is the default assignment) other assignments of the
  sites to the folds, and the mean over them;
* **cross-source**: not Scrapinghub -> Scrapinghub, not WCXB news -> WCXB news (no test
  site in training);
* **train pages**: the train split's pages of each site fold, headlines picked by that
  fold's models (843 pages of guides, blogs and reviews no ranker or rule was made from;
  the 200 that train the boilerplate model's stage 1 are in-sample for that stage only, so
  the 643 others are also counted apart).

Training data per run (`--train-weight W`, repeatable; default `0`): dev pages at their
weight and the train split's pages at weight W (0: dev only, as committed);
`--train-weight=only` trains the ranker on the train split alone. Then, as `train_headline`
makes the committed weights, that ranker is blended with one fitted on the train split's
pages of the scenario's training sites (`--blend=S`, repeatable: the train split's share;
default `train_headline.TRAIN_BLEND`, `--blend=0` the dev ranker alone; those fits are
cached beside the page inputs, keyed by the headline code). The second look at the
ranker's two best candidates (`headline_pair.py`) is then fitted per scenario as
`train_headline.fit_pairs` fits the committed one, on the scenario's training sites only
(the train split's pages of those sites, ranked by the blended ranker, and its dev training
pages ranked out of fold); `--no-pair` leaves it out. Then, as `reader analyze` does, the
pages of one template in each test corpus decide their headlines together
(`headline_slots.site_titles`, eighth round); `--no-slots` leaves that out (the code
before it). `--misses` prints each
out-of-fold miss of the first choice with the chosen and the gold line, for sorting by
type; `--show=PAGE` the best candidates of a test page with their scores and features.
`HEADLINE_DROP=f1,f2` zeroes ranker features (an ablation); `HEADLINE_SET=NAME=V,...` sets
module constants of `headline.py` for the run (a threshold sweep:
`HEADLINE_SET=CONFIDENT=0.4`); `HEADLINE_CORPUS_LINES=0` leaves the corpus's repeated lines
candidates (the code before the seventh round).
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
sys.path.insert(0, str(REPO / "bench"))

import estimate_marks as em  # noqa: E402

from reader.marks import _weights  # noqa: E402
from reader.marks import boilerplate as bp  # noqa: E402
from reader.marks import headline as hl  # noqa: E402
from reader.marks import train_boilerplate as tb  # noqa: E402
from reader.marks import train_headline as th  # noqa: E402
from reader.marks.features import text_features  # noqa: E402
from reader.marks.furniture import furniture_lines  # noqa: E402
from reader.marks.headline_slots import PageHeadline, page_headline, site_titles  # noqa: E402
from reader.marks.repeated import repeated_lines  # noqa: E402
from reader.marks.text import text_line_keys  # noqa: E402

K = 3
# skip the candidates the test corpus repeats on several pages (`headline.corpus_lines`,
# as `analyze` does); HEADLINE_CORPUS_LINES=0: the code before the seventh round
CORPUS_LINES = os.environ.get("HEADLINE_CORPUS_LINES", "1") != "0"
# features left out (zeroed) for an ablation: HEADLINE_DROP=first_copy,dek_pair
DROP = frozenset(hl.TITLE_FEATURES.index(n)
                 for n in os.environ.get("HEADLINE_DROP", "").split(",") if n)
for _item in filter(None, os.environ.get("HEADLINE_SET", "").split(",")):
    _name, _val = _item.split("=", 1)
    if not hasattr(hl, _name):
        raise SystemExit(f"headline.py has no {_name}")
    setattr(hl, _name, type(getattr(hl, _name))(float(_val)))


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


def _code_key() -> str:
    # (the modules whose code decides the cached probabilities and furniture lines, and the
    # bench that fits the model)
    names = ("boilerplate.py", "_weights.py", "train_boilerplate.py", "features.py",
             "furniture.py", "repeated.py", "text.py")
    src = b"".join((Path(bp.__file__).with_name(n)).read_bytes() for n in names)
    src += Path(em.__file__).read_bytes()
    return hashlib.sha1(src).hexdigest()[:12]


def scenario_list(dev: list[tb.Doc], train: list[tb.Doc]) -> list[tuple]:
    """(name, dev training pages, train-split pages allowed in ranker training, test dev
    pages, test train-split pages, salted) from `estimate_marks`' scenarios."""
    out = []
    for f, (name, dtr, test) in enumerate(em.kfold_scenarios(dev, dev, K)):
        out.append((name, dtr, [d for d in train if em.fold_of(d.site, K) != f], test,
                    [d for d in train if em.fold_of(d.site, K) == f], True))
    for name, dtr, test in em.cross_scenarios(dev, dev):
        sites = {d.site for d in test}
        out.append((name, dtr, [d for d in train if d.site not in sites], test, [], False))
    return out


def build(eval_dir: Path, salt: str, refresh: bool) -> dict:
    """Per scenario: the page inputs of its training and test pages (cached per scenario)."""
    cache = Path(os.environ.get("TMPDIR", tempfile.gettempdir())) / "reader-headline-sites"
    cache.mkdir(exist_ok=True)
    em.SALT = salt
    dev = tb.load_split(eval_dir, "dev")
    train = tb.load_split(eval_dir, "train")
    em.STAGE1[:] = tb.load_stage1_pages(eval_dir)
    out: dict = {"dev": dev, "train": train, "scen": [],
                 "stage1": frozenset(d.name for d in em.STAGE1), "cache": cache}
    saved = (list(_weights.STAGE1), [list(s) for s in _weights.STAGES])
    code = _code_key()
    for name, dtr, ttr, test, test_tr, salted in scenario_list(dev, train):
        tag = hashlib.sha1(f"{code} {name} {salt if salted else ''}".encode()).hexdigest()[:16]
        path = cache / f"{tag}.pkl"
        if path.is_file() and not refresh:
            with open(path, "rb") as f:
                out["scen"].append(pickle.load(f))
            continue
        t0 = time.perf_counter()
        em.fit_boilerplate(dtr)
        rep_dev = tb.corpus_repeated(dtr)
        rep_train = tb.corpus_repeated(ttr)
        rep_test = repeated_lines(d.text for d in test)
        inp = {d.name: page_input(d, rep_dev) for d in dtr}
        inp.update((d.name, page_input(d, rep_train)) for d in ttr)
        test_inp = {d.name: page_input(d, rep_test) for d in test}
        rep_test_tr = tb.corpus_repeated(test_tr)
        test_inp.update((d.name, page_input(d, rep_test_tr)) for d in test_tr)
        scen = (name, [d.name for d in dtr], [d.name for d in ttr], [d.name for d in test],
                inp, test_inp, [d.name for d in test_tr])
        with open(path, "wb") as f:
            pickle.dump(scen, f, protocol=pickle.HIGHEST_PROTOCOL)
        out["scen"].append(scen)
        print(f"built {name} ({time.perf_counter() - t0:.0f} s)", file=sys.stderr, flush=True)
    bp.use_weights(*saved)
    out["tag"] = hashlib.sha1(f"{code} {salt}".encode()).hexdigest()[:16]
    return out


def gold_line(doc: tb.Doc) -> int:
    return next(ln for ln, lab in doc.labels.items() if lab == "title")


def rows_of(doc: tb.Doc, inp: tuple) -> tuple[list[int], list[list[float]], int]:
    idx, _, keys, p_bp, _ = inp
    rows1 = LazyRows(doc.lines, idx)
    cands, rows = hl.title_rows(doc.lines, idx, rows1, p_bp, keys)
    if DROP:
        rows = [[0.0 if j in DROP else v for j, v in enumerate(r)] for r in rows]
    gold = gold_line(doc)
    pos = next((j for j, k in enumerate(cands) if idx[k] + 1 == gold), -1)
    return cands, rows, pos


def pick(inp: tuple, cands: list[int], rows: list[list[float]], w: list[float],
         pair_w: list[float] | None = None, lines: list[str] | None = None,
         repeated: frozenset[str] | None = None,
         slots: list[PageHeadline] | None = None) -> int | None:
    """The 1-based headline line `reader analyze` would choose (no corrections; furniture,
    table-of-contents entries and lines the corpus repeats (`repeated`: the test corpus's
    own) skipped, as `analyze` skips them). With `slots`, the page's options for the
    template decision (`headline_slots.page_headline`) are appended to it."""
    idx, _, keys, p_bp, furn = inp
    toc = hl.toc_lines(lines, idx, keys, p_bp, cands) if lines is not None else frozenset()
    if lines is not None and CORPUS_LINES:
        toc |= hl.corpus_lines(lines, idx, keys, p_bp, cands, repeated)
    skip = (lambda k: idx[k] in furn or k in toc)  # noqa: E731
    got = hl.pick_line(idx, keys, cands, rows, w, skip, (), pair_w, lines)
    if slots is not None:
        slots.append(page_headline(idx, keys, cands, rows, w, skip, got))
    return got


def page_rows(doc: tb.Doc, inp: tuple) -> th.PageRows:
    """The page as `train_headline.fit_pairs` reads it."""
    cands, rows, pos = rows_of(doc, inp)
    return th.PageRows(doc.lines, inp[0], inp[2], cands, rows, pos)


def _headline_key() -> str:
    # (what the train-split rankers depend on besides the page inputs)
    src = Path(hl.__file__).read_bytes() + Path(th.__file__).read_bytes()
    env = f"{os.environ.get('HEADLINE_DROP', '')}|{os.environ.get('HEADLINE_SET', '')}"
    return hashlib.sha1(src + env.encode()).hexdigest()[:12]


def train_split_rankers(data: dict) -> dict[str, list[float]]:
    """Per scenario, the ranker fitted on the train split's pages of its training sites
    (what `train_headline.train_split_weights` fits on all of them), cached."""
    by = {d.name: d for d in data["dev"] + data["train"]}
    path = data["cache"] / f"rankers-{_headline_key()}-{data['tag']}.pkl"
    if path.is_file():
        with open(path, "rb") as f:
            return pickle.load(f)
    out = {}
    for name, _, ttr, _, inp, _, _ in data["scen"]:
        pages = [rows_of(by[n], inp[n])[1:] for n in ttr]
        out[name] = th.train(pages, weights=th.page_weights([by[n] for n in ttr]))
    with open(path, "wb") as f:
        pickle.dump(out, f, protocol=pickle.HIGHEST_PROTOCOL)
    return out


def _slot_picks(by: dict, names: list[str], test_inp: dict, w: list[float],
                pair_w: list[float] | None, rep: frozenset[str]) -> dict[str, int | None]:
    """Each page's headline with the template decision (`headline_slots.site_titles`) over
    this test corpus: the pages' own picks, then the lines their template changes."""
    pages: dict[str, PageHeadline] = {}
    got: dict[str, int | None] = {}
    for n in names:
        d = by[n]
        cands, rows, _ = rows_of(d, test_inp[n])
        one: list[PageHeadline] = []
        got[n] = pick(test_inp[n], cands, rows, w, pair_w, d.lines, rep, one)
        pages[n] = one[0]
    got.update(site_titles(pages))
    return got


def run(data: dict, tw: str, misses: bool, show: frozenset[str] = frozenset(),
        share: float = th.TRAIN_BLEND, pair: bool = True,
        slots: bool = False) -> dict[str, tuple[int, int]]:
    by = {d.name: d for d in data["dev"] + data["train"]}
    rankers = train_split_rankers(data) if share else {}
    res: dict[str, tuple[int, int]] = {}
    kf_ok = kf_n = 0
    tr_ok = tr_n = fresh_ok = fresh_n = 0
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
            pw.append(wt * th.page_weights([d])[0])
        w = th.train(pages, weights=pw)
        if share:
            w = th.blend(w, rankers[name], share)
        # the second look, fitted as `train_headline` fits it, on this scenario's training
        # sites only
        pair_w = th.fit_pairs([(by[n], page_rows(by[n], inp[n])) for n in dtr],
                              [page_rows(by[n], inp[n]) for n in ttr], w) if pair else None
        # (the test corpora's repeated lines, as `build` gave them to the boilerplate model)
        rep_test = repeated_lines(by[n].text for n in test)
        rep_test_tr = tb.corpus_repeated([by[n] for n in test_tr])
        ok = 0
        got_of = _slot_picks(by, test, test_inp, w, pair_w, rep_test) if slots else {}
        for n in test:
            d = by[n]
            cands, rows, _ = rows_of(d, test_inp[n])
            got = got_of[n] if slots else pick(test_inp[n], cands, rows, w, pair_w, d.lines,
                                              rep_test)
            gold = gold_line(d)
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
        got_tr = _slot_picks(by, test_tr, test_inp, w, pair_w, rep_test_tr) if slots else {}
        for n in test_tr:
            d = by[n]
            if slots:
                hit = got_tr[n] == gold_line(d)
            else:
                cands, rows, _ = rows_of(d, test_inp[n])
                hit = pick(test_inp[n], cands, rows, w, pair_w, d.lines,
                           rep_test_tr) == gold_line(d)
            tr_ok, tr_n = tr_ok + hit, tr_n + 1
            if n not in data["stage1"]:
                fresh_ok, fresh_n = fresh_ok + hit, fresh_n + 1
        if name.startswith("fold"):
            kf_ok, kf_n = kf_ok + ok, kf_n + len(test)
    res["kfold"] = (kf_ok, kf_n)
    res["train pages"] = (tr_ok, tr_n)
    res["not stage 1"] = (fresh_ok, fresh_n)
    return res


COLUMNS = ("kfold", "not scrapinghub -> scrapinghub", "not wcxb-news -> wcxb-news",
           "train pages", "not stage 1")


def main(argv: list[str]) -> int:
    if "-h" in argv or "--help" in argv:
        print(__doc__)
        return 0
    args = [a for a in argv if not a.startswith("--")]
    eval_dir = Path(args[0]) if args else REPO.parent / "shared" / "eval"
    if not (eval_dir / "boilerplate" / "train" / "gold.jsonl").is_file():
        print(f"no benchmark with a train split at {eval_dir}", file=sys.stderr)
        return 2
    tws = [a.split("=", 1)[1] for a in argv if a.startswith("--train-weight=")] or ["0"]
    shares = [float(a.split("=", 1)[1]) for a in argv
              if a.startswith("--blend=")] or [th.TRAIN_BLEND]
    salts = [a.split("=", 1)[1] for a in argv if a.startswith("--salt=")] or [""]
    show = frozenset(a.split("=", 1)[1] for a in argv if a.startswith("--show="))
    datas = [(s, build(eval_dir, s, "--refresh" in argv)) for s in salts]
    print(f"{'train weight':>12s} {'blend':>5s} {'salt':>4s} {'site 3-fold':>15s} "
          f"{'->scrapinghub':>15s} {'->wcxb-news':>15s} {'train pages':>15s} "
          f"{'not in stage 1':>15s}")
    for tw, share in [(tw, share) for tw in tws for share in shares]:
        sums = [0.0] * len(COLUMNS)
        for salt, data in datas:
            t0 = time.perf_counter()
            r = run(data, tw, "--misses" in argv, show, share, "--no-pair" not in argv,
                    "--no-slots" not in argv)
            for j, k in enumerate(COLUMNS):
                sums[j] += r[k][0] / r[k][1]
            cells = " ".join(f"{r[k][0] / r[k][1]:.3f} ({r[k][0]:3d}/{r[k][1]:3d})"
                             for k in COLUMNS)
            print(f"{tw:>12s} {share:5g} {salt or '-':>4s} {cells}   "
                  f"({time.perf_counter() - t0:.0f} s)", flush=True)
        if len(datas) > 1:
            print(f"{tw:>12s} {share:5g} {'mean':>4s} "
                  + " ".join(f"{v / len(datas):.3f}{'':10s}" for v in sums), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
