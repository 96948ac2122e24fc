"""Kill -9 the annotation store at random moments; count unreadable stores and lost saves.

    /work/venv/bin/python bench/crash_trials.py                 # 300 kill trials + 3 x 2 writers
    /work/venv/bin/python bench/crash_trials.py --trials 60 --rounds 1   # quicker

Kill trials: a child process saves as fast as it can (highlights, tags, note edits, with a
fold every few saves so kills also land inside folds and journal trims) and writes each
acknowledgement to a pipe only after the store method returned. The parent kills it with
SIGKILL after a random delay, reopens the store and checks that it opens, that the TinyDB
file parses, and that every acknowledged change is there. Each series of trials starts
from a version-0 file, so kills also land inside the migration, and continues on what the
previous killed child left (torn journal lines, stale temp files).

Two writers: two processes save concurrently into one store (same article, so tag updates
are read-modify-writes of one record) and fold often; afterwards every save of both must be
there. POSIX only (fork, SIGKILL).
"""

from __future__ import annotations

import argparse
import os
import random
import select
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import orjson  # noqa: E402

from annotations.storage import OrjsonStorage  # noqa: E402
from annotations.store import AnnotationStore  # noqa: E402

TEXT = "The council approved the budget on Monday after a long debate about flood defences. " * 20
ARTICLES = [f"a{i}.txt" for i in range(5)]
V0_DOCS = {
    "_default": {
        "1": {"article": "a0.txt", "tags": ["legacy"]},
        "2": {"id": "legacy-hl", "article": "a1.txt", "start": 4, "end": 11, "text": "council"},
    }
}


def child_saves(path: Path, seed: int, fold_every: int, limit: int, ack_fd: int) -> None:
    """Save forever (until killed), acknowledging each save after the method returned."""
    rng = random.Random(seed)
    store = AnnotationStore.open(path, fold_every=fold_every, lock_timeout=60)
    mine: list[str] = []
    for i in range(limit):
        kind = rng.random()
        article = rng.choice(ARTICLES)
        if kind < 0.45 or not mine:
            start = rng.randrange(0, len(TEXT) - 50)
            h = store.add_highlight(
                article, TEXT, start, start + rng.randrange(5, 50), note=f"n{seed}-0"
            )
            mine.append(h.id)
            ack = f"h {h.id}"
        elif kind < 0.8:
            tag = f"t{seed}-{i}"
            store.add_tags(article, [tag])
            ack = f"t {article} {tag}"
        elif kind < 0.97:
            hid = rng.choice(mine)
            store.update_highlight(hid, note=f"n{seed}-{i}")
            ack = f"n {hid} {i}"
        else:
            store.compact()
            continue
        os.write(ack_fd, (ack + "\n").encode())


def run_child(fn, *args) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Fork a child running fn(*args, ack_fd); returns (pid, read end of the ack pipe)."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(r)
        code = 0
        try:
            fn(*args, w)
        except BaseException as exc:  # pragma: no cover - reported through the exit code
            print(f"child error: {exc!r}", file=sys.stderr)
            code = 1
        finally:
            os._exit(code)
    os.close(w)
    return pid, r


def read_until(fd: int, deadline: float | None, chunks: list[bytes]) -> bool:
    """Collect pipe output until the deadline (or EOF); True at EOF."""
    while True:
        timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            return False
        data = os.read(fd, 65536)
        if not data:
            return True
        chunks.append(data)


def verify(path: Path, acks: list[str]) -> tuple[bool, int]:
    """(readable, number of acknowledged changes missing) for the store at `path`."""
    try:
        if path.exists():
            OrjsonStorage(path).read()  # the TinyDB file alone must always parse
        store = AnnotationStore.open(path, readonly=True)
    except Exception as exc:
        print(f"  unreadable: {exc}")
        return False, len(acks)
    lost = 0
    try:
        for line in acks:
            kind, *rest = line.split()
            if kind == "h":
                ok = store.highlight(rest[0]) is not None
            elif kind == "t":
                ok = rest[1] in store.tags(rest[0])
            else:
                h = store.highlight(rest[0])
                ok = h is not None and int(h.note.rsplit("-", 1)[1]) >= int(rest[1])
            if not ok:
                lost += 1
                print(f"  lost acknowledged change: {line}")
        if store.highlight("legacy-hl") is None or "legacy" not in store.tags("a0.txt"):
            lost += 1
            print("  lost the migrated version-0 records")
    finally:
        store.close()
    return True, lost


def kill_trials(base: Path, trials: int, max_delay: float, series: int, seed: int) -> None:
    rng = random.Random(seed)
    unreadable = lost = acked = mid_fold = torn = 0
    path = base / "x" / "annotations.json"
    acks: list[str] = []
    t0 = time.monotonic()
    for trial in range(trials):
        if trial % series == 0:  # a fresh store, starting from a version-0 file
            folder = base / f"series-{trial // series}"
            folder.mkdir()
            path = folder / "annotations.json"
            path.write_bytes(orjson.dumps(V0_DOCS))
            acks = []
        fold_every = rng.choice([5, 20, 100])
        pid, r = run_child(child_saves, path, trial, fold_every, 100_000)
        chunks: list[bytes] = []
        read_until(r, time.monotonic() + rng.uniform(0, max_delay), chunks)
        os.kill(pid, signal.SIGKILL)
        read_until(r, None, chunks)  # what was acknowledged before the kill is in the pipe
        os.close(r)
        os.waitpid(pid, 0)
        new = b"".join(chunks).decode().splitlines()
        mid_fold += any(".tmp-" in p.name for p in path.parent.iterdir())
        jpath = path.with_name(path.name + ".journal")
        torn += (
            jpath.exists() and not jpath.read_bytes().endswith(b"\n") and jpath.stat().st_size > 0
        )
        acks.extend(new)
        acked += len(new)
        readable, missing = verify(path, acks)
        unreadable += not readable
        lost += missing
    elapsed = time.monotonic() - t0
    print(
        f"kill -9 trials: {trials} trials, {acked} acknowledged saves, "
        f"{unreadable} unreadable states, {lost} lost acknowledged saves ({elapsed:.0f} s)"
    )
    print(
        f"  the kill landed inside a fold (temp file left) in {mid_fold} trials, "
        f"inside a journal append (torn last line) in {torn}"
    )


def writer(path: Path, seed: int, saves: int, fold_every: int, ack_fd: int) -> None:
    store = AnnotationStore.open(path, fold_every=fold_every, lock_timeout=60)
    for i in range(saves):
        if i % 2:
            store.add_tags("shared.txt", [f"w{seed}-{i}"])
            os.write(ack_fd, f"t shared.txt w{seed}-{i}\n".encode())
        else:
            h = store.add_highlight("shared.txt", TEXT, i, i + 20, note=f"n{seed}-{i}")
            os.write(ack_fd, f"h {h.id}\n".encode())
    store.close()


def two_writers(base: Path, rounds: int, saves: int) -> None:
    lost_total = 0
    for rnd in range(rounds):
        folder = base / f"writers-{rnd}"
        folder.mkdir()
        path = folder / "annotations.json"
        path.write_bytes(orjson.dumps(V0_DOCS))
        children = [run_child(writer, path, w, saves, 50) for w in range(2)]
        acks: list[str] = []
        failed = 0
        for pid, r in children:
            chunks: list[bytes] = []
            read_until(r, None, chunks)
            os.close(r)
            _, status = os.waitpid(pid, 0)
            failed += os.waitstatus_to_exitcode(status) != 0
            acks.extend(b"".join(chunks).decode().splitlines())
        readable, lost = verify(path, acks)
        lost_total += lost + (len(acks) < 2 * saves) * (2 * saves - len(acks))
        print(
            f"two writers, round {rnd + 1}: 2 x {saves} saves, {len(acks)} acknowledged, "
            f"{lost} lost, {'readable' if readable else 'UNREADABLE'}, "
            f"{failed} writer(s) failed"
        )
    print(f"two writers: {rounds} rounds, {lost_total} lost writes")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trials", type=int, default=300, help="kill -9 trials (default 300)")
    parser.add_argument(
        "--max-delay", type=float, default=0.25, help="longest wait before the kill, seconds"
    )
    parser.add_argument(
        "--series", type=int, default=30, help="trials per store before starting a fresh one"
    )
    parser.add_argument("--rounds", type=int, default=3, help="two-writer rounds")
    parser.add_argument("--saves", type=int, default=200, help="saves per writer")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", help="folder to run in (default: a temp folder)")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="crash-trials-", dir=args.dir))
    print(f"folder: {base}")
    try:
        kill_trials(base, args.trials, args.max_delay, args.series, args.seed)
        two_writers(base, args.rounds, args.saves)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
