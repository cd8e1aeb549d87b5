"""Threads: the core runs without the GIL, and threads give the results one thread gives."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import gloss
from conftest import ARTICLES


def test_threads_give_the_same_results_as_one():
    inputs = [p.read_bytes() for p in ARTICLES] * 4
    alone = [gloss.analyze(b) for b in inputs]
    files = [gloss.to_article_file(b, created="2026-01-02T03:04:05.000Z") for b in inputs[:8]]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(gloss.analyze, inputs)) == alone
        made = pool.map(
            lambda b: gloss.to_article_file(b, created="2026-01-02T03:04:05.000Z"), inputs[:8]
        )
        assert list(made) == files
        assert list(pool.map(gloss.main_text, inputs)) == [gloss.main_text(b) for b in inputs]


def _other_thread_ran(big: str) -> tuple[bool, str]:
    """Analyses `big` on a thread while this one notes the time in a loop: whether this
    thread ran over at least half of the call (it could not if the core held the GIL)."""
    window: dict[str, float] = {}
    started = threading.Event()

    def work():
        started.set()
        window["start"] = time.perf_counter()
        gloss.analyze_json(big)
        window["end"] = time.perf_counter()

    worker = threading.Thread(target=work)
    seen = []
    worker.start()
    started.wait()
    while worker.is_alive():
        seen.append(time.perf_counter())
    worker.join()
    start, end = window["start"], window["end"]
    inside = [t for t in seen if start < t < end]
    covered = (inside[-1] - inside[0]) / (end - start) if len(inside) > 1 else 0.0
    return covered >= 0.5, f"the call took {end - start:.3f} s; this thread ran over {covered:.0%} of it"


def test_the_gil_is_released_while_the_core_works():
    """While one thread analyses a long article, another runs Python code all along. Tried
    up to three times, so that a busy machine pausing this thread does not fail it."""
    text = max((p.read_text(encoding="utf-8") for p in ARTICLES if p.suffix == ".txt"), key=len)
    big = "\n\n".join([text] * (2_000_000 // len(text)))
    said = []
    for _ in range(3):
        ran, why = _other_thread_ran(big)
        said.append(why)
        if ran:
            return
    raise AssertionError("; ".join(said))
