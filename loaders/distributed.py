"""Reading and extraction on a dask.distributed cluster (the optional ``dask`` extra).

Extraction is per document and needs no store, so it scales out: each file's bytes go to a
worker, which reads, extracts and maps it exactly as ``zonekg ingest`` does in its own
processes, and the results stream back to the single writer as they finish. The file is sent,
not its path, so workers need not share the machine's file system.

``scheduler`` is ``local:N`` (a LocalCluster of N worker processes started here, one thread
each: extraction holds the GIL) or the address of a running scheduler (``tcp://host:8786``).
"""
from __future__ import annotations

import tempfile
from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from zonekg.graph.errors import InvalidRequest
from zonekg.loaders.limits import DocumentLimits
from zonekg.loaders.pipeline import Outcome, prepare_or_reason
from zonekg.loaders.sandbox import IN_FLIGHT_PER_WORKER

if TYPE_CHECKING:  # dask is an optional extra, imported when a cluster is asked for
    from dask.distributed import Client


def prepare_content(name: str, content: bytes, limits: DocumentLimits) -> Outcome:
    """:func:`~zonekg.loaders.pipeline.prepare_or_reason` for a file sent as its bytes."""
    with tempfile.TemporaryDirectory(prefix="zonekg-") as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        _, prepared, reason = prepare_or_reason(path, limits)
    return Path(name), prepared, reason


@contextmanager
def _client(scheduler: str) -> Iterator[Client]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise InvalidRequest("--scheduler needs dask: install zonekg with its extra, pip install 'zonekg[dask]'") from None
    if scheduler.startswith("local:"):
        workers = int(scheduler.removeprefix("local:"))
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            yield client
    else:
        with Client(scheduler) as client:
            yield client


def on_cluster(files: list[Path], scheduler: str, limits: DocumentLimits) -> Iterator[Outcome]:
    """Each file's outcome, prepared on the cluster, as they finish; a bounded number of files
    is in flight (per worker), so memory here does not grow with the corpus. The limits a
    reader checks as it reads (characters, nesting, unpacked size) hold on the workers; time
    and memory are the cluster's to bound (a dask worker's ``memory_limit``)."""
    from dask.distributed import as_completed

    with _client(scheduler) as client:
        slots = max(1, len(client.scheduler_info().get("workers", {}))) * IN_FLIGHT_PER_WORKER
        pending = iter(files)
        running = as_completed()
        sent: dict[Hashable, Path] = {}  # by future key

        def send_next() -> Iterator[Outcome]:
            """Send the next readable file; a file that cannot be read here is an outcome at once."""
            for path in pending:
                try:
                    content = path.read_bytes()
                except OSError as exc:
                    yield path, None, f"cannot be read ({exc.strerror or exc})"
                    continue
                future = client.submit(prepare_content, path.name, content, limits, pure=False)
                sent[future.key] = path
                running.add(future)
                return

        for _ in range(slots):
            yield from send_next()
        for future in running:
            _, prepared, reason = future.result()
            yield sent.pop(future.key), prepared, reason
            yield from send_next()
