#!/usr/bin/env python3
"""The README's screenshots of the network pages, taken the way a reader sees them.

    python tests/tools/screenshots.py STORE OUT_PREFIX [--focus IRI]

serves STORE on a free loopback port, opens the overview, the co-leadership view and a focus
view (``--focus``, else the busiest agency) in Debian's headless Chromium at 1,366×768, waits
until each page has drawn, and writes ``OUT_PREFIX-overview.png`` and so on.

A server-side screenshot needs what the browser tests need: Chromium and a CJK font (Debian
``fonts-noto-cjk`` or ``fonts-wqy-microhei``; ``tests/run-all.sh`` installs them). Without a
CJK font every Chinese character is drawn as an empty box.
"""
from __future__ import annotations

import argparse
import socket
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

VIEWPORT = {"width": 1366, "height": 768}
BENCH = Path(__file__).resolve().parents[1] / "bench"


def serve(store: Path) -> tuple[str, object, threading.Thread]:
    import uvicorn

    from zonekg.api.app import create_app
    from zonekg.api.settings import Settings

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(Settings(store=store, query_timeout=120)), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise SystemExit("the server did not start")
        time.sleep(0.05)
    return f"http://127.0.0.1:{sock.getsockname()[1]}", server, thread


def busiest_agency(base: str) -> str:
    import httpx

    query = """SELECT ?a (COUNT(?p) AS ?n) WHERE { ?p zk:leadAgency ?a } GROUP BY ?a ORDER BY DESC(?n) LIMIT 1"""
    rows = httpx.get(f"{base}/sparql", params={"query": query}, timeout=120).json()["results"]["bindings"]
    return rows[0]["a"]["value"]


def main() -> int:
    sys.path.insert(0, str(BENCH))
    from graph_page import CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("store", type=Path)
    parser.add_argument("out", help="prefix of the PNG files")
    parser.add_argument("--focus", help="entity for the focus view (default: the busiest agency)")
    args = parser.parse_args()
    base, server, thread = serve(args.store)
    try:
        focus = args.focus or busiest_agency(base)
        pages = {"overview": "/graph", "co-leadership": "/graph?view=co-leadership",
                 "focus": f"/graph?focus={quote(focus)}&depth=2"}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, path in pages.items():
                page = browser.new_page(viewport=VIEWPORT)
                page.goto(base + path, timeout=300_000)
                page.wait_for_function("window.zonekgReady !== undefined", timeout=300_000)
                page.screenshot(path=f"{args.out}-{name}.png")
                print(f"wrote {args.out}-{name}.png ({page.evaluate('window.zonekgReady.nodes')} entities)")
                page.close()
            browser.close()
    finally:
        server.should_exit = True
        thread.join(15)
    return 0


if __name__ == "__main__":
    sys.exit(main())
