"""The regex cache (`reader.marks.regex_cache`) gives the patterns `re.compile` gives, and
`reader analyze` prints the same bytes with it cold, warm, broken or off."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reader.marks import regex_cache as rc
from reader.marks import speakers
from tests.conftest import EVAL, ROOT, SEEDS


def _speaker_patterns() -> list[re.Pattern[str]]:
    """Every pattern `speakers.py` compiles: module-level ones and those compiled on first
    use (`@cache` functions without arguments)."""
    out = [v for v in vars(speakers).values() if isinstance(v, re.Pattern)]
    for v in vars(speakers).values():
        if callable(v) and hasattr(v, "cache_info") and getattr(v, "__module__", "") == \
                speakers.__name__:
            try:
                got = v()
            except TypeError:  # (takes arguments: not a lazily compiled pattern)
                continue
            if isinstance(got, re.Pattern):
                out.append(got)
    return out


def test_speakers_compiles_through_the_cache() -> None:
    assert speakers.re is rc
    assert len(_speaker_patterns()) >= 40


def test_rebuilt_patterns_equal_re_compile() -> None:
    """What the cache keeps for a pattern rebuilds exactly `re.compile`'s pattern (code,
    flags, text and groups), for every pattern of `speakers.py` and a few odd ones."""
    extra = [(r"(?P<a>x)(?:y)(z)?", 0), (r"caf\u00e9|NA\u00efVE", re.IGNORECASE),
             (r"^\s*$", re.MULTILINE), (r"(?<![\w'])(?i:the)\b", 0)]
    cases = [(p.pattern, p.flags & ~re.UNICODE) for p in _speaker_patterns()] + extra
    for pattern, flags in cases:
        args = rc.engine_args(pattern, flags)
        import _sre

        rebuilt = _sre.compile(pattern, *args)
        assert rc.same_pattern(rebuilt, re.compile(pattern, flags)), pattern[:80]


def test_a_foreign_entry_falls_back_to_re_compile(monkeypatch: pytest.MonkeyPatch) -> None:
    pattern = r"\bforeign entry (\d+)\b"
    monkeypatch.setattr(rc, "_known", {(pattern, 0): (0, [9999, 1, 2], 0, {}, (None,))})
    got = rc.compile(pattern)
    assert rc.same_pattern(got, re.compile(pattern))
    assert got.search("a foreign entry 42 here").group(1) == "42"


def test_an_unreadable_file_is_no_entry(tmp_path: Path) -> None:
    bad = tmp_path / "x.marshal"
    bad.write_bytes(b"\x00not marshal")
    assert rc._read(bad) == {}
    bad.write_bytes(marshal.dumps([1, 2, 3]))
    assert rc._read(bad) == {}
    assert rc._read(tmp_path / "missing.marshal") == {}


def _corpus() -> Path:
    dev = EVAL / "boilerplate" / "dev"
    return dev if dev.is_dir() else SEEDS


def _analyze(cache: Path, on: bool = True) -> bytes:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "READER_REGEX_CACHE": "1" if on else "0",
           "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "reader", "analyze", str(_corpus()),
                           "--jobs", "1"], env=env, cwd=ROOT, capture_output=True,
                          check=True).stdout


def test_analyze_prints_the_same_cold_warm_broken_and_off(tmp_path: Path) -> None:
    off = _analyze(tmp_path / "off", on=False)
    assert not list((tmp_path / "off").rglob("*.marshal"))  # off: nothing written
    cold = _analyze(tmp_path / "c")
    files = list((tmp_path / "c").rglob("*.marshal"))
    assert len(files) == 1
    entries = rc._read(files[0])
    assert len(entries) >= 40  # (the speakers' patterns the run compiled)
    warm = _analyze(tmp_path / "c")
    files[0].write_bytes(files[0].read_bytes()[:1000])  # a torn file
    broken = _analyze(tmp_path / "c")
    assert off == cold == warm == broken
    assert off.count(b"\n") > 1


def test_nothing_is_learnt_where_nothing_can_be_saved(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache folder that cannot be made (here: its place is a file) costs no second
    compilation per pattern in every run: nothing is learnt, the pattern is `re`'s."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.setenv("READER_REGEX_CACHE", "1")
    monkeypatch.setattr(rc, "_known", {})
    monkeypatch.setattr(rc, "_made", {})
    monkeypatch.setattr(rc, "_writable", None)
    monkeypatch.setattr(rc, "_added", False)

    learnt: list[object] = []
    real = rc.engine_args
    monkeypatch.setattr(rc, "engine_args", lambda *a: learnt.append(a) or real(*a))
    got = rc.compile(r"(?P<year>\d{4})-only-here")
    assert rc.same_pattern(got, re.compile(r"(?P<year>\d{4})-only-here"))
    assert learnt == [] and rc._known == {} and not rc._added


def test_a_forked_worker_learns_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`reader analyze`'s workers are forked from the process that imported the module and
    end without saving: what they learnt would be a second compilation for nothing."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("READER_REGEX_CACHE", "1")
    monkeypatch.setattr(rc, "_writable", None)
    assert rc._can_save()
    monkeypatch.setattr(rc, "_PID", os.getpid() + 1)  # (as seen from a forked child)
    assert not rc._can_save()
