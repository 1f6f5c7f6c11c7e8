"""Guessing the write token is limited per client: past the allowed wrong credentials within the
window, that client's writes get 429 with ``Retry-After`` (its guesses are not compared any
more) while other clients write as before; tokens are compared in constant time (the same work
whatever the guess's length or scheme). Any number of wrong tokens was answered 401 at once."""
from __future__ import annotations

import hashlib
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from api_corpus import TOKEN, bearer
from zonekg.api import auth, lockout

NOTHING = "DELETE DATA { GRAPH <urn:zonekg-test:none> { <urn:a> <urn:b> <urn:c> } }"
"""An update that changes nothing: 204 when the token is accepted."""


def _update(client: TestClient, headers: dict[str, str]) -> int:
    return client.post("/sparql", content=NOTHING,
                       headers={"Content-Type": "application/sparql-update", **headers}).status_code


def _other(client: TestClient, address: str) -> TestClient:
    """A client from another address to the same running app."""
    return TestClient(client.app, client=(address, 50000))


@pytest.fixture()
def guarded(fresh_app: Callable[..., TestClient]) -> TestClient:
    return fresh_app(token=TOKEN, auth_failures=3, auth_window=60)


def test_past_the_limit_a_client_gets_429_even_with_the_right_token(guarded: TestClient) -> None:
    assert [_update(guarded, bearer(f"guess{i}")) for i in range(3)] == [401] * 3
    refused = guarded.post("/sparql", content=NOTHING,
                           headers={"Content-Type": "application/sparql-update", **bearer("guess3")})
    assert refused.status_code == 429
    assert refused.headers["content-type"] == "application/problem+json"
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert _update(guarded, bearer()) == 429
    upload = guarded.post("/api/documents", files={"file": ("a.txt", "高新区管委会")}, headers=bearer())
    assert upload.status_code == 429
    assert _update(_other(guarded, "192.0.2.7"), bearer()) == 204
    assert guarded.get("/api/health").status_code == 200  # reads are not writes


def test_no_credential_is_no_guess_and_the_right_token_clears_the_count(guarded: TestClient) -> None:
    assert [_update(guarded, {}) for _ in range(5)] == [401] * 5
    assert [_update(guarded, bearer("guess")) for _ in range(2)] == [401] * 2
    assert _update(guarded, bearer()) == 204
    assert [_update(guarded, bearer("guess")) for _ in range(3)] == [401] * 3
    assert _update(guarded, {"Authorization": f"Basic {TOKEN}"}) == 429  # any wrong credential counts


def test_the_count_is_of_the_window_alone(fresh_app: Callable[..., TestClient]) -> None:
    """Failures older than the window no longer count (on the lockout's own clock, moved by
    hand: a slept window made the test depend on how fast the requests ran)."""
    client = fresh_app(token=TOKEN, auth_failures=2, auth_window=60)
    now = [1000.0]
    client.app.state.service.lockout.clock = lambda: now[0]
    assert [_update(client, bearer("guess")) for _ in range(3)] == [401, 401, 429]
    now[0] += 59.9
    assert _update(client, bearer()) == 429  # still inside the window
    now[0] += 0.2
    assert _update(client, bearer()) == 204


def test_the_remembered_clients_are_bounded(guarded: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """A flood of addresses pushes out the quietest, never grows without end."""
    monkeypatch.setattr(lockout, "MAX_CLIENTS", 4)
    assert [_update(guarded, bearer("guess")) for _ in range(2)] == [401, 401]
    for i in range(4):
        _update(_other(guarded, f"192.0.2.{i}"), bearer("guess"))
    assert [_update(guarded, bearer("guess")) for _ in range(3)] == [401, 401, 401]  # forgotten


def test_tokens_are_compared_in_constant_time(guarded: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every credential costs one comparison of two SHA-256 digests: the same length whatever
    was sent (compare_digest itself shows a length difference in its time), and made even
    for the wrong scheme."""
    compared: list[tuple[int, int]] = []
    real = auth.hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        compared.append((len(a), len(b)))
        return real(a, b)

    monkeypatch.setattr(auth.hmac, "compare_digest", spy)
    sent = [bearer("x"), bearer("y" * len(TOKEN)), {"Authorization": f"Basic {TOKEN}"}, bearer()]
    assert [_update(_other(guarded, f"198.51.100.{i}"), h) for i, h in enumerate(sent)] == [401, 401, 401, 204]
    assert compared == [(hashlib.sha256().digest_size,) * 2] * len(sent)
