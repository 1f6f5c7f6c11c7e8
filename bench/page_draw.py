"""How long the served network pages take to draw in a browser (Debian's headless Chromium).

The load test times the server's answer; a page is read once it is drawn, which is the
browser's work: parse the embedded graph, lay it out, draw. Each page is opened ``runs`` times
at 1,366×768, and the time from navigation start until the page reports it has drawn and
settled (``window.zonekgReady.ms``) is kept, with the server's part (``responseEnd``).
"""
from __future__ import annotations

import statistics
from urllib.parse import quote

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1366, "height": 768}


def pages(agency: str, zone: str) -> dict[str, str]:
    """The overview, the focus views of the busiest agency and zone of the corpus, the
    co-leadership view and the overview with every kind."""
    return {"overview": "/graph", "focus on an agency": f"/graph?focus={quote(agency)}&depth=2",
            "focus on a zone": f"/graph?focus={quote(zone)}&depth=2", "co-leadership": "/graph?view=co-leadership",
            "every kind": "/graph?kinds=all"}


def draw(base: str, paths: dict[str, str], runs: int = 3) -> dict[str, dict]:
    """Median milliseconds to the server's answer and to drawn, per page."""
    from playwright.sync_api import sync_playwright

    result = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for label, path in paths.items():
            answered, drawn, nodes = [], [], 0
            for _ in range(runs):
                page = browser.new_page(viewport=VIEWPORT)
                response = page.goto(base + path, timeout=120_000)
                if response is None or response.status != 200:
                    result[label] = {"error": response.status if response else "no answer"}
                    page.close()
                    break
                page.wait_for_function("window.zonekgReady !== undefined", timeout=120_000)
                ready = page.evaluate("window.zonekgReady")
                answered.append(page.evaluate("performance.getEntriesByType('navigation')[0].responseEnd"))
                drawn.append(ready["ms"])
                nodes = ready["nodes"]
                page.close()
            if drawn:
                result[label] = {"answer_ms": round(statistics.median(answered)),
                                 "drawn_ms": round(statistics.median(drawn)), "nodes": nodes}
        browser.close()
    return result
