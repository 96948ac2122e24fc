"""End to end: `reader serve` in a real headless Chromium (Debian's chromium + chromedriver).

Each test starts the installed console script on a free loopback port, loads the page,
presses keys in xterm's input as a user would, and checks the result with the CLI
(`reader annotations --json`), the way a colleague's work would later be read.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import SEED_TITLES
from tests.e2e.browser import Served, Tab, isolated_env, make_browser, require_chromium
from tests.e2e.tmux import reader_script

FIRST, SECOND = "000_4f563db4c078cd2b.txt", "004_598cb5278b402db9.txt"


@pytest.fixture(scope="module")
def driver():  # type: ignore[no-untyped-def]
    require_chromium()
    browser = make_browser()
    yield browser
    browser.quit()


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    return isolated_env(home)


@pytest.fixture
def close_extra_tabs(driver):  # type: ignore[no-untyped-def]
    """Leave the module's browser with one blank tab, whatever a test opened."""
    yield
    handles = driver.window_handles
    for handle in handles[1:]:
        driver.switch_to.window(handle)
        driver.close()
    driver.switch_to.window(handles[0])
    driver.get("about:blank")


def saved_tags(corpus: Path, env: dict[str, str]) -> dict[str, list[str]]:
    out = subprocess.run(
        [reader_script(), "annotations", str(corpus), "--json"],
        capture_output=True, text=True, env=env,
    )
    assert out.returncode == 0, out.stderr
    return {a["article"]: a["tags"] for a in json.loads(out.stdout)["articles"] if a["tags"]}


def tag(tab: Tab, name: str) -> None:
    tab.press("t", until="Tags for")
    tab.keys(name)
    tab.press("\n", until=f"#{name}")


def test_tag_in_the_browser_is_saved(driver, close_extra_tabs, seeds_copy, env) -> None:  # type: ignore[no-untyped-def]
    served = Served(seeds_copy, env)
    try:
        assert served.url in served.ready_line  # the URL is printed
        tab = Tab.open(driver, served.url, new=False)
        tab.wait_for(lambda s: SEED_TITLES[0][:30] in s)
        startup = time.monotonic() - served.started
        print(f"\nreader serve: launch to first title in the browser: {startup:.2f} s")
        tag(tab, "browser-tag")
        if shot := os.environ.get("READER_BROWSER_SCREENSHOT"):  # screenshots/browser.png
            tab.press("\n", until="Trump")  # open the article, for the picture
            time.sleep(1.0)  # let the last frame paint
            driver.save_screenshot(shot)
        assert saved_tags(seeds_copy, env) == {FIRST: ["browser-tag"]}
    finally:
        served.stop()


def test_two_tabs_tag_two_articles_and_both_are_kept(  # type: ignore[no-untyped-def]
    driver, close_extra_tabs, seeds_copy, env
) -> None:
    served = Served(seeds_copy, env)
    try:
        one = Tab.open(driver, served.url, new=False)
        one.wait_for(lambda s: SEED_TITLES[0][:30] in s)
        two = Tab.open(driver, served.url, new=True)
        two.wait_for(lambda s: SEED_TITLES[0][:30] in s)
        # Both app processes have read the store before either writes: two writers.
        tag(one, "from-tab-one")
        two.press("j", until="Opinion")  # the second article
        tag(two, "from-tab-two")
        assert saved_tags(seeds_copy, env) == {FIRST: ["from-tab-one"], SECOND: ["from-tab-two"]}
    finally:
        served.stop()


def test_coder_given_to_serve_is_who_the_tabs_work_as(  # type: ignore[no-untyped-def]
    driver, close_extra_tabs, seeds_copy, env
) -> None:
    served = Served(seeds_copy, env, "--coder", "alice")
    try:
        tab = Tab.open(driver, served.url, new=False)
        tab.wait_for(lambda s: SEED_TITLES[0][:30] in s)
        tag(tab, "alices-tag")
    finally:
        served.stop()
    assert saved_tags(seeds_copy, {**env, "READER_CODER": "alice"}) == {FIRST: ["alices-tag"]}
    assert saved_tags(seeds_copy, {**env, "READER_CODER": "bob"}) == {}


def test_article_markup_and_escapes_stay_inert(driver, close_extra_tabs, tmp_path, env) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "hostile"
    corpus.mkdir()
    (corpus / "evil.txt").write_text(
        "Evil [bold]X[/bold] headline\n\nBody \x1b]0;PWNED-TITLE\x07 and "
        "\x1b]8;;https://evil.example\x07a link\x1b]8;;\x07 end.\n",
        encoding="utf-8",
    )
    served = Served(corpus, env)
    try:
        tab = Tab.open(driver, served.url, new=False)
        tab.wait_for(lambda s: "Evil [bold]X[/bold] headline" in s)  # markup shown as text
        tab.keys("\n")
        seen = tab.wait_for(lambda s: "PWNED-TITLE" in s)
        assert "␛]0;PWNED-TITLE␇" in seen  # the escape is drawn as visible symbols
        assert "\x1b]0;PWNED" not in seen and "evil.example\x07" not in seen
        assert "PWNED" not in driver.title
    finally:
        served.stop()


def test_ctrl_c_with_an_open_tab_stops_server_and_app(  # type: ignore[no-untyped-def]
    driver, close_extra_tabs, seeds_copy, env
) -> None:
    served = Served(seeds_copy, env)
    try:
        tab = Tab.open(driver, served.url, new=False)
        tab.wait_for(lambda s: SEED_TITLES[0][:30] in s)
        status, out, err = served.interrupt()
        assert status == 0, err
        assert "stopped" in out
        assert "Traceback" not in out + err, out + err
        deadline = time.monotonic() + 10
        while served.group_alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not served.group_alive()  # the tab's app process is gone too
    finally:
        served.stop()
