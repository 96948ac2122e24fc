"""Where the article ends, as its own decision: simulated on out-of-sample verdicts.

    nice python bench/bp_estimate.py [EVAL_DIR] --on-train --cache DIR     # the fits, once
    nice python bench/bp_end.py [EVAL_DIR] --cache DIR [--tail-share S] [--dump FILE]  # ~1 min

The seventh boilerplate round found that furniture kept below the article costs more
characters than any other class. This bench asks whether a decision about the article's
*end* (its last body line), taken after the line model, the blocks and the islands, would
carry to sites nothing was tuned on. For every scenario of `bp_estimate.py --on-train`
(site 3-fold on three assignments, not Scrapinghub -> Scrapinghub, not WCXB news -> WCXB
news, dev -> train) it re-analyses the test pages with the cached fit (so `reader
analyze`'s verdicts, out of sample) and keeps each line's p(boilerplate), then scores,
with the benchmark's scorer:

* `oracle end` / `oracle start`: every line after the gold's last body line (before its
  first) marked furniture: what a perfect boundary would gain, the ceiling;
* `end model (dev)`: a learned end boundary, stacked: for each body verdict below the
  anchor (the last prose line, p < 0.2 and 80+ characters, of the page's largest block of
  body verdicts), a logistic regression over its log-odds, length, sentence end, how many
  non-body and sure-furniture lines (p >= 0.95) lie between it and the anchor, whether an
  end marker ("Related", "Comments", "Share", "Tags", "Newsletter", "Advertisement", ...)
  was passed, the body characters left below, its position, says "past the article's end";
  the cut is the suffix of body verdicts with the largest sum of chars^0.5 x (q - THR),
  at most SHARE of the page's body characters, and the lines below it become furniture.
  Trained on the out-of-fold verdicts of the dev pages outside the test fold (for the
  folds), outside the target source and its sites (cross-source), all dev (-> train);
* `end model (train)`: the same model trained on the train split's verdicts instead (the
  committed model's, out of sample there; for the train pages themselves, on the other
  half of their sites);
* `start model (dev)`: the same for where the article starts (body verdicts above the
  main block's first prose line, nearest first; also whether above or below the headline);
* `header rule`: with `--tail-share 0`, the kept rule (`article_end.py`) and variants: the
  share 0.1 / 0.2 / 0.3, the header list without its calls to action;
* `above the headline`: the body verdicts above the chosen headline made furniture (at
  most SHARE of the body);
* `continuity`: a stretch of up to G furniture verdicts between two body lines of 80+
  characters, none sure (p < P), none a pattern line or a corpus repeat, made body.

The verdicts are the current pipeline's: since the eighth round they include the rule that
was kept, the body under a header that closes the article (`reader/marks/article_end.py`);
`--tail-share 0` gives the verdicts without it. The models above are fitted here with numpy
(bench only); none of them is in `reader` (none carried to WCXB news).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import math
import re
import sys
from multiprocessing import get_context
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import bp_estimate as be  # noqa: E402

from reader.marks import analyze, article_end  # noqa: E402
from reader.marks import boilerplate as bp  # noqa: E402
from reader.marks import train_boilerplate as tb  # noqa: E402
from reader.marks.furniture import furniture_lines  # noqa: E402
from reader.marks.repeated import repeated_lines  # noqa: E402
from reader.marks.text import ends_sentence, text_line_keys  # noqa: E402

GROUPS = {"folds": ("kfold0", "kfolda", "kfoldb"), "->SH": ("->scrapinghub",),
          "->WCXB": ("->wcxb-news",), "dev->train": ("dev->train",)}
SALT = {"kfold0": "", "kfolda": "a", "kfoldb": "b"}
END_MARK = re.compile(
    r"\b(related|comments?|share|tags?|topics|about the author|newsletter|subscribe|"
    r"advertisement|more from|more stories|recommended|read more|follow us|copyright|"
    r"rights reserved|popular|trending|you may also|sponsored)\b|\u00a9", re.I)
ANCHOR_P = 0.2  # the anchor: the last line of the main block under this p and 80+ chars
SURE = 0.95  # a furniture verdict this sure counts as a wall between article and below


def page_verdicts(job: tuple[str, list[str], list[str]]) -> tuple[str, dict]:
    """Re-analyse a scenario's test pages with its cached fit: per page the non-blank line
    indexes, p(boilerplate), the final boilerplate lines, title, pattern lines, repeats."""
    label, train_names, test_names = job
    by = {d.name: d for d in be.DEV + be.TRAIN_TEST}
    key = hashlib.sha1(json.dumps([be.CODE, be.SETTINGS, train_names]).encode()).hexdigest()
    cached = be.CACHE / f"{key}.json" if be.CACHE else None
    if cached and cached.is_file():
        w1, stages = json.loads(cached.read_text(encoding="utf-8"))
    else:
        train = [by[n] for n in train_names] + be.STAGE1
        w1, stages = tb.fit(train, tb.corpus_repeated(train))
        if cached:
            cached.write_text(json.dumps([w1, stages]), encoding="utf-8")
    bp.use_weights(w1, stages)
    test = [by[n] for n in test_names]
    rep = repeated_lines(d.text for d in test)
    out = {}
    for d in test:
        m = analyze(d.text, repeated=rep)
        keys = text_line_keys(d.text)
        found = furniture_lines(d.text, d.lines, keys)
        idx, _rows, k2, p = bp.analyze_lines(d.lines, rep, keys, found)
        out[d.name] = {"idx": idx, "p": p, "marked": m.boilerplate_lines,
                       "title": m.title_line, "certain": sorted(found.certain | found.teasers),
                       "rep": [k in rep for k in k2]}
    return label, out


def end_rows(r: dict, lines: list[str]) -> list[tuple[int, list[float], int]]:
    """(line number, features, characters) of each body verdict below the anchor."""
    idx, p, m = r["idx"], r["p"], set(r["marked"])
    isb = [idx[k] + 1 not in m and idx[k] + 1 != r["title"] for k in range(len(idx))]
    body = [k for k in range(len(idx)) if isb[k]]
    if not body:
        return []
    ch = [len(lines[i].strip()) for i in idx]
    tot = sum(ch[k] for k in body) or 1
    blocks: list[list[int]] = []
    last = -10
    for k in body:
        if k - last - 1 <= 2 and blocks:
            blocks[-1].append(k)
        else:
            blocks.append([k])
        last = k
    main = max(blocks, key=lambda b: sum(ch[k] for k in b))
    strong = [k for k in main if p[k] < ANCHOR_P and ch[k] >= 80]
    anchor = strong[-1] if strong else main[-1]
    after = sum(ch[k] for k in body if k > anchor)
    page = sum(ch) or 1
    out = []
    marker = nonbody = sure = cum = 0
    prev = anchor
    for k in range(anchor + 1, len(idx)):
        s = lines[idx[k]].strip()
        if not isb[k]:
            nonbody += 1
            sure += p[k] >= SURE
            marker |= bool(len(s) < 60 and END_MARK.search(s))
            continue
        lp = math.log(max(p[k], 1e-4) / max(1 - p[k], 1e-4))
        f = [lp, math.log(1 + ch[k]), float(ends_sentence(s)), math.log(1 + nonbody),
             math.log(1 + sure), float(marker), after / tot, cum / (after or 1),
             math.log(1 + k - prev - 1), float(r["rep"][k]), float(bool(END_MARK.search(s))),
             sum(ch[:k]) / page]
        cum += ch[k]
        out.append((idx[k] + 1, f, ch[k]))
        prev = k
    return out


def start_rows(r: dict, lines: list[str]) -> list[tuple[int, list[float], int]]:
    """The same for the article's start: each body verdict above the first prose line of
    the main block, nearest first (features mirrored; and above / below the headline)."""
    idx, p, m, t = r["idx"], r["p"], set(r["marked"]), r["title"]
    isb = [idx[k] + 1 not in m and idx[k] + 1 != t for k in range(len(idx))]
    body = [k for k in range(len(idx)) if isb[k]]
    if not body:
        return []
    ch = [len(lines[i].strip()) for i in idx]
    tot = sum(ch[k] for k in body) or 1
    blocks: list[list[int]] = []
    last = -10
    for k in body:
        if k - last - 1 <= 2 and blocks:
            blocks[-1].append(k)
        else:
            blocks.append([k])
        last = k
    main = max(blocks, key=lambda b: sum(ch[k] for k in b))
    strong = [k for k in main if p[k] < ANCHOR_P and ch[k] >= 80]
    anchor = strong[0] if strong else main[0]
    tk = next((k for k in range(len(idx)) if idx[k] + 1 == t), None)
    before = sum(ch[k] for k in body if k < anchor)
    page = sum(ch) or 1
    out = []
    nonbody = sure = cum = 0
    prev = anchor
    for k in range(anchor - 1, -1, -1):
        s = lines[idx[k]].strip()
        if not isb[k]:
            nonbody += 1
            sure += p[k] >= SURE
            continue
        lp = math.log(max(p[k], 1e-4) / max(1 - p[k], 1e-4))
        f = [lp, math.log(1 + ch[k]), float(ends_sentence(s)), math.log(1 + nonbody),
             math.log(1 + sure), before / tot, cum / (before or 1), math.log(1 + prev - k - 1),
             float(r["rep"][k]), float(tk is not None and k < tk),
             float(tk is not None and k > tk), sum(ch[:k]) / page]
        cum += ch[k]
        out.append((idx[k] + 1, f, ch[k]))
        prev = k
    return out


def dataset(pages: dict, names: list[str], docs: dict, start: bool = False) -> tuple:
    """Rows, past-the-end labels (after the gold's last body line; with `start`, before
    its first) and weights."""
    x, y, w = [], [], []
    for n in names:
        labels = docs[n].labels
        body = [i for i, v in labels.items() if v == "body"]
        if not body:
            continue
        lo, hi = min(body), max(body)
        rows = (start_rows if start else end_rows)(pages[n], docs[n].lines)
        for ln, f, c in rows:
            x.append(f)
            y.append(1.0 if (ln < lo if start else ln > hi) else 0.0)
            w.append(c ** 0.75 + 3)
    return np.array(x), np.array(y), np.array(w)


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float = 1e-2) -> tuple:
    """Weighted L2 logistic regression by Newton steps (deterministic)."""
    mu, sd = x.mean(0), x.std(0) + 1e-9
    z = np.hstack([np.ones((len(x), 1)), (x - mu) / sd])
    beta = np.zeros(z.shape[1])
    w = w / w.mean()
    pen = np.diag(np.r_[0.0, np.ones(len(beta) - 1)])
    for _ in range(100):
        q = 1 / (1 + np.exp(-z @ beta))
        g = z.T @ (w * (q - y)) / len(y) + l2 * (pen @ beta)
        h = (z * (w * q * (1 - q))[:, None]).T @ z / len(y) + l2 * pen
        step = np.linalg.solve(h, g)
        beta -= step
        if np.abs(step).max() < 1e-9:
            break
    return mu, sd, beta


def cut(model: tuple, r: dict, lines: list[str], thr: float, share: float,
        start: bool = False) -> set[int]:
    """The body verdicts below the chosen end (above the chosen start) to mark furniture."""
    rows = (start_rows if start else end_rows)(r, lines)
    if not rows:
        return set()
    mu, sd, beta = model
    x = np.array([f for _, f, _ in rows])
    q = 1 / (1 + np.exp(-np.hstack([np.ones((len(x), 1)), (x - mu) / sd]) @ beta))
    m = set(r["marked"])
    btot = sum(len(lines[i].strip()) for i in r["idx"] if i + 1 not in m)
    best, start, acc, tail = 0.0, None, 0.0, 0
    for j in range(len(rows) - 1, -1, -1):
        acc += rows[j][2] ** 0.5 * (q[j] - thr)
        tail += rows[j][2]
        if tail > share * btot:
            break
        if acc > best:
            best, start = acc, j
    return set() if start is None else {ln for ln, _, _ in rows[start:]}


def continuity(r: dict, lines: list[str], gap: int, pmax: float) -> set[int]:
    """Furniture verdicts to make body: short stretches between two paragraphs."""
    idx, p, m = r["idx"], r["p"], set(r["marked"])
    cert = set(r["certain"])
    isb = [idx[k] + 1 not in m for k in range(len(idx))]
    ch = [len(lines[i].strip()) for i in idx]
    out: set[int] = set()
    k = 0
    while k < len(idx):
        if isb[k]:
            k += 1
            continue
        j = k
        while j < len(idx) and not isb[j]:
            j += 1
        if k > 0 and j < len(idx) and j - k <= gap and ch[k - 1] >= 80 and ch[j] >= 80 and all(
                p[t] < pmax and idx[t] not in cert and not r["rep"][t] for t in range(k, j)):
            out.update(idx[t] + 1 for t in range(k, j))
        k = j
    return out


def header_rule(r: dict, lines: list[str], share: float, headers: re.Pattern) -> set[int]:
    """`article_end.tail_below_header` with another share or header list (line numbers)."""
    idx, m, t = r["idx"], set(r["marked"]), r["title"]
    saved = article_end.TAIL_SHARE, article_end.END_HEADER
    article_end.TAIL_SHARE, article_end.END_HEADER = share, headers
    try:
        out = article_end.tail_below_header(
            [i + 1 not in m and i + 1 != t for i in idx], [lines[i].strip() for i in idx],
            r["p"])
    finally:
        article_end.TAIL_SHARE, article_end.END_HEADER = saved
    return {idx[k] + 1 for k in out}


# the header list without the calls to action (newsletter, subscribe, sponsored, ...)
SECTION_HEADERS = re.compile(
    r"^(related|more|recommended|comments?|share|tags?|topics|about the author|you may also|"
    r"read more|popular|trending|most (read|popular))\b", re.I)


def above_title(r: dict, lines: list[str], share: float) -> set[int]:
    """Body verdicts above the chosen headline (line numbers), when they hold at most
    `share` of the page's body characters."""
    t = r["title"]
    if t is None:
        return set()
    body = [i + 1 for i in r["idx"] if i + 1 not in set(r["marked"]) and i + 1 != t]
    above = [i for i in body if i < t]
    total = sum(len(lines[i - 1].strip()) for i in body)
    if not above or sum(len(lines[i - 1].strip()) for i in above) > share * total:
        return set()
    return set(above)


def _fold(site: str, salt: str) -> int:
    return int(hashlib.sha1((salt + site).encode()).hexdigest(), 16) % 3


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("eval_dir", nargs="?", default=str(REPO.parent / "shared" / "eval"))
    ap.add_argument("--cache", metavar="DIR", help="bp_estimate.py's fitted weights (reused)")
    ap.add_argument("--dump", metavar="FILE", help="also write the per-page verdicts (JSON)")
    ap.add_argument("--tail-share", type=float, default=None,
                    help="`article_end.TAIL_SHARE` for the verdicts (0: without the rule)")
    args = ap.parse_args(argv)
    ev = Path(args.eval_dir)
    if args.tail_share is not None:
        article_end.TAIL_SHARE = args.tail_share
    if not (ev / "boilerplate" / "train" / "gold.jsonl").is_file():
        print(f"bp_end: no benchmark with a train split at {ev}", file=sys.stderr)
        return 2
    if args.cache:
        be.CACHE = Path(args.cache)
        be.CACHE.mkdir(parents=True, exist_ok=True)
    be.SETTINGS[:] = [tb.STAGE1_SPLITS, tb.TRAIN_SHARE, None, None, None, "", None, False,
                      bp.NEUTRAL_LISTS, tb.FIT_NEUTRAL, tb.TITLE_WEIGHT, bp.SETTLED_Z,
                      bp.SETTLED_STAGE_Z]
    be.DEV[:] = tb.load_split(ev, "dev")
    be.STAGE1[:] = tb.load_stage1_pages(ev)
    held = {d.name for d in be.STAGE1}
    be.TRAIN_TEST[:] = [d for d in tb.load_split(ev, "train") if d.name not in held]
    docs = {d.name: d for d in be.DEV + be.TRAIN_TEST}
    pages: dict[str, dict] = {}
    with get_context("fork").Pool(2) as pool:
        for label, out in pool.map(page_verdicts, be.jobs(), chunksize=1):
            pages.setdefault(label, {}).update(out)
    if args.dump:
        Path(args.dump).write_text(json.dumps(pages), encoding="utf-8")
    sc = be._scorer(ev)
    gold = sc.load_gold(str(ev / "boilerplate" / "dev"))
    gold.update(sc.load_gold(str(ev / "boilerplate" / "train")))
    dev = [d.name for d in be.DEV]

    # the end models, each fitted on pages outside its test set
    models: dict[tuple[str, int], tuple] = {}
    for lab, salt in SALT.items():
        for f in range(3):
            names = [n for n in dev if _fold(docs[n].site, salt) != f]
            models[lab, f] = fit(*dataset(pages[lab], names, docs))
    for tgt, lab in (("scrapinghub", "->scrapinghub"), ("wcxb-news", "->wcxb-news")):
        sites = {docs[n].site for n in dev if docs[n].origin == tgt}
        names = [n for n in dev if docs[n].origin != tgt and docs[n].site not in sites]
        models[lab, 0] = fit(*dataset(pages["kfold0"], names, docs))
    models["dev->train", 0] = fit(*dataset(pages["kfold0"], dev, docs))
    smodels: dict[tuple[str, int], tuple] = {}
    for (lab, f) in models:
        if lab in SALT:
            names = [n for n in dev if _fold(docs[n].site, SALT[lab]) != f]
            smodels[lab, f] = fit(*dataset(pages[lab], names, docs, start=True))
        elif lab == "dev->train":
            smodels[lab, f] = fit(*dataset(pages["kfold0"], dev, docs, start=True))
        else:
            tgt = lab[2:]
            sites = {docs[n].site for n in dev if docs[n].origin == tgt}
            names = [n for n in dev if docs[n].origin != tgt and docs[n].site not in sites]
            smodels[lab, f] = fit(*dataset(pages["kfold0"], names, docs, start=True))
    train_names = list(pages["dev->train"])
    half = {n: _fold(docs[n].site, "") % 2 for n in train_names}
    tmodel = fit(*dataset(pages["dev->train"], train_names, docs))
    thalf = {h: fit(*dataset(pages["dev->train"], [n for n in train_names if half[n] != h],
                             docs)) for h in (0, 1)}

    def dev_model(lab: str, n: str) -> tuple:
        return models[lab, _fold(docs[n].site, SALT[lab])] if lab in SALT else models[lab, 0]

    def start_model(lab: str, n: str) -> tuple:
        return (smodels[lab, _fold(docs[n].site, SALT[lab])] if lab in SALT
                else smodels[lab, 0])

    def train_model(lab: str, n: str) -> tuple:
        return thalf[half[n]] if lab == "dev->train" else tmodel

    def gold_edges(n: str) -> tuple[int, int] | None:
        body = [i for i, v in docs[n].labels.items() if v == "body"]
        return (min(body), max(body)) if body else None

    def oracle(which: str):
        def f(lab: str, n: str, r: dict) -> set[int]:
            e = gold_edges(n)
            if e is None:
                return set(r["marked"])
            lo, hi = e
            extra = {i for i in docs[n].labels
                     if (which == "end" and i > hi) or (which == "start" and i < lo
                                                         and i != r["title"])}
            return set(r["marked"]) | extra
        return f

    variants: list[tuple[str, object]] = [
        ("before", lambda lab, n, r: set(r["marked"])),
        ("oracle end", oracle("end")), ("oracle start", oracle("start"))]
    for src, pick in (("dev", dev_model), ("train", train_model)):
        for thr, share in itertools.product((0.5, 0.7), (0.1, 0.35)):
            variants.append((f"end model ({src}) q>{thr} share {share}",
                             lambda lab, n, r, pick=pick, thr=thr, share=share:
                             set(r["marked"]) | cut(pick(lab, n), r, docs[n].lines, thr, share)))
    for thr, share in itertools.product((0.5, 0.7), (0.05, 0.15)):
        variants.append((f"start model (dev) q>{thr} share {share}",
                         lambda lab, n, r, thr=thr, share=share: set(r["marked"]) | cut(
                             start_model(lab, n), r, docs[n].lines, thr, share, start=True)))
    if article_end.TAIL_SHARE == 0:  # the header rule and its variants on verdicts without it
        for share, (hname, rx) in itertools.product(
                (0.1, 0.2, 0.3), (("all headers", article_end.END_HEADER),
                                  ("section headers", SECTION_HEADERS))):
            variants.append((f"header rule, {hname}, share {share}",
                             lambda lab, n, r, share=share, rx=rx:
                             set(r["marked"]) | header_rule(r, docs[n].lines, share, rx)))
    for share in (0.05, 0.2, 1.0):
        variants.append((f"above the headline, share {share}",
                         lambda lab, n, r, share=share:
                         set(r["marked"]) | above_title(r, docs[n].lines, share)))
    for gap, pmax in ((1, 0.99), (2, 0.95), (2, 0.99)):
        variants.append((f"continuity gap {gap} p<{pmax}",
                         lambda lab, n, r, gap=gap, pmax=pmax:
                         set(r["marked"]) - continuity(r, docs[n].lines, gap, pmax)))
    print("line F1 / char F1 / body kept; folds = mean of the 3 assignments")
    for name, rule in variants:
        cells = []
        for group, labs in GROUPS.items():
            figs = []
            for lab in labs:
                preds = {n: rule(lab, n, r) for n, r in pages[lab].items()}
                mm = sc.score({n: gold[n] for n in preds}, preds)["micro"]
                figs.append((mm["line_f1"], mm["char_f1"], mm["body_retention"]))
            v = [sum(f[i] for f in figs) / len(figs) for i in range(3)]
            cells.append(f"{group} {v[0]:.4f}/{v[1]:.4f}/{v[2]:.4f}")
        print(f"{name:38s} " + "  ".join(cells), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
