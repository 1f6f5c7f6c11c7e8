"""A live ``zonekg serve`` to attack: a real socket, real processes, real signals.

The suite runs in a short form by default (CI) and in full with ``ZONEKG_HOSTILE=full``, which
uses the sizes of the original reports (100,000 nested elements, 4 M characters).
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import httpx

FULL = os.environ.get("ZONEKG_HOSTILE") == "full"
TOKEN = "hostile-test-token"
SAMPLES = Path(__file__).resolve().parents[2] / "loaders" / "samples"
ZONEKG = str(Path(sys.executable).with_name("zonekg"))


@dataclass
class LiveServer:
    process: subprocess.Popen[str]
    url: str

    def client(self, **options: object) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=options.pop("timeout", 60), **options)  # type: ignore[arg-type]

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1])

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
