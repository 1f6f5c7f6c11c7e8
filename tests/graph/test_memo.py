"""Answers memoised per store generation: computed once, recomputed after a write, and many
clients asking at once wait for one computation."""
from __future__ import annotations

import threading
import time

from zonekg.graph.memo import GenerationMemo


def test_an_answer_is_computed_once_per_generation() -> None:
    generation, calls = [0], []
    memo = GenerationMemo(lambda: generation[0])

    def compute() -> int:
        calls.append(generation[0])
        return generation[0] * 10

    assert memo.get("q", compute) == memo.get("q", compute) == 0
    generation[0] = 1
    assert memo.get("q", compute) == 10
    assert calls == [0, 1]


def test_concurrent_askers_share_one_computation() -> None:
    memo = GenerationMemo(lambda: 0)
    calls: list[int] = []
    answers: list[int] = []

    def compute() -> int:
        calls.append(1)
        time.sleep(0.2)
        return 42

    threads = [threading.Thread(target=lambda: answers.append(memo.get("q", compute))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [42] * 8 and len(calls) == 1


def test_least_recently_used_answers_go_first() -> None:
    memo = GenerationMemo(lambda: 0, max_answers=2)
    memo.get("a", lambda: 1)
    memo.get("b", lambda: 2)
    memo.get("a", lambda: 0)  # touches a
    memo.get("c", lambda: 3)  # evicts b
    assert memo.get("a", lambda: -1) == 1
    assert memo.get("b", lambda: -2) == -2


def test_a_waiter_gives_up_after_its_wait_and_unkept_answers_are_computed_again() -> None:
    memo = GenerationMemo(lambda: 0, keep=lambda value: value < 10)
    started, release = threading.Event(), threading.Event()

    def slow() -> int:
        started.set()
        release.wait(10)
        return 1

    computing = threading.Thread(target=memo.get, args=("q", slow))
    computing.start()
    started.wait(10)
    try:
        memo.get("q", lambda: 2, wait=0.05)
        raise AssertionError("the waiter should have given up")
    except TimeoutError:
        pass
    release.set()
    computing.join(10)
    assert memo.get("q", lambda: 3) == 1  # kept
    calls: list[int] = []
    assert memo.get("big", lambda: calls.append(1) or 50) == 50
    assert memo.get("big", lambda: calls.append(1) or 50) == 50
    assert len(calls) == 2  # not kept: computed each time


def test_a_peek_finds_only_an_answer_kept_at_the_current_generation() -> None:
    generation = [0]
    memo = GenerationMemo(lambda: generation[0])
    assert memo.peek("q") is None  # nothing computed: a peek computes nothing
    memo.get("q", lambda: "kept")
    assert memo.peek("q") == "kept"
    generation[0] = 1
    assert memo.peek("q") is None  # before any get has seen the new generation
