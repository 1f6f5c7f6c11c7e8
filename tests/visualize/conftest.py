"""Fixtures of the page tests: the hand-made world (plus a hostile document) served by a real
uvicorn on a free loopback port, and one headless Chromium for the whole session."""
from __future__ import annotations

import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(TESTS / "analysis"), str(TESTS / "bench")]

from graph_page import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from page_driver import Tab  # noqa: E402
from world import build_store  # noqa: E402


@pytest.fixture(scope="session")
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("pages-world"), with_hostile=True)


@pytest.fixture(scope="session")
def base_url(hostile_store: Path) -> Iterator[str]:
    """A real server in a thread, on a socket bound before it starts (no port race)."""
    import uvicorn

    from zonekg.api.app import create_app
    from zonekg.api.settings import Settings

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(Settings(store=hostile_store, workers=1)), log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(15)
    sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Closed when the module's tests end, not the session's: between its calls Playwright's
    sync API leaves this thread marked as running its event loop, so every later test in the
    same pytest run that starts a loop of its own (``run_until_complete``) would fail. (Not
    "package": this folder has no ``__init__.py``, so that scope would last the session.)"""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (tests/run-all.sh does)")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def tab(browser: object) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    page = context.new_page()
    recorded = Tab(page)
    page.on("request", lambda request: recorded.requests.append(request.url))
    page.on("pageerror", lambda error: recorded.errors.append(str(error)))
    yield recorded
    context.close()
