"""Item 5 — concurrent readers: 20 gradio_client clients ask 200 questions in total against the running
chat (the `/ask` endpoint, docs/api.md); every answer must equal the single-user answer for that
question (text and citation ids) and no request may fail. Throughput and p95 latency are printed.
A second test hammers one in-process Retriever from 8 threads (the server serialises /ask through
Gradio's queue, so this is where concurrent reads of one loaded index really happen).

Reuses `qa_app_url` (the chat over the shared index) from tests/conftest.py.
"""

from __future__ import annotations

import random
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

pytestmark = [
    pytest.mark.model,
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore:.*no_silent_downcasting"),
    pytest.mark.filterwarnings("ignore:The copy keyword is deprecated"),
]

CLIENTS = 20
TOTAL = 200
QUESTIONS = [
    "Which bank is Russia's largest?",
    "How many points does the peace plan have?",
    "What security guarantees does Ukraine want?",
    "Where did the sixth round of talks take place?",
    "What did the US announce on 16 March 2022?",
    "Who wrote the commentary on the indispensable role of the US and Europe?",
    "What is the role of Turkey in the negotiations?",
    "Why does diplomacy need pressure?",
    "What sanctions were imposed on Russian banks?",
    "Does Ukraine want to join NATO?",
    "What does neutrality mean for Ukraine?",
    "What is the boiling point of mercury on Venus?",  # abstains
    "Which documents are indexed?",
    "What happened in Istanbul on 29 March?",
    "How did Europe respond to the invasion?",
    "What weapons did the West send to Ukraine?",
    "Who is Riccardo Alcaro?",
    "What is the IAI?",
    "What are the conditions for a ceasefire?",
    "What did Zelensky propose?",
]
SECONDS_LIMIT = 600


def _key(result: dict) -> tuple:
    return (result["text"], tuple(c["id"] for c in result["citations"]), result["abstained"])


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def test_twenty_clients_two_hundred_questions_same_answers(qa_app_url, qa_outbound) -> None:
    from gradio_client import Client

    single = Client(qa_app_url, verbose=False)
    expected = {}
    single_latency = []
    for question in QUESTIONS:
        t = time.perf_counter()
        expected[question] = _key(single.predict(question, None, api_name="/ask"))
        single_latency.append(time.perf_counter() - t)
    # Each client gets 10 questions; every question is asked 10 times in all, in shuffled order.
    rng = random.Random(5)
    work = [q for q in QUESTIONS for _ in range(TOTAL // len(QUESTIONS))]
    rng.shuffle(work)
    per_client = [work[i::CLIENTS] for i in range(CLIENTS)]

    latencies: list[float] = []
    errors: list[str] = []
    mismatches: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(CLIENTS)

    def run(questions: list[str]) -> None:
        try:
            client = Client(qa_app_url, verbose=False)
        except Exception as exc:  # noqa: BLE001 - counted, reported
            with lock:
                errors.append(f"connect: {type(exc).__name__}: {exc}")
            start.abort()
            return
        start.wait(timeout=120)
        for question in questions:
            t = time.perf_counter()
            try:
                got = _key(client.predict(question, None, api_name="/ask"))
            except Exception as exc:  # noqa: BLE001 - counted, reported
                with lock:
                    errors.append(f"{question!r}: {type(exc).__name__}: {exc}")
                continue
            seconds = time.perf_counter() - t
            with lock:
                latencies.append(seconds)
                if got != expected[question]:
                    mismatches.append(f"{question!r}: {got[0][:80]!r} {got[1]} != {expected[question][0][:80]!r} "
                                      f"{expected[question][1]}")

    t0 = time.perf_counter()
    with ThreadPoolExecutor(CLIENTS) as pool:
        list(pool.map(run, per_client, timeout=SECONDS_LIMIT))
    wall = time.perf_counter() - t0
    done = len(latencies)
    print(f"\n[concurrency] {CLIENTS} gradio_client clients, {TOTAL} /ask questions ({len(QUESTIONS)} distinct x "
          f"{TOTAL // len(QUESTIONS)}): {done} answered in {wall:.1f} s = {done / wall:.1f} questions/s; latency "
          f"p50 {statistics.median(latencies):.2f} s, p95 {_pct(latencies, 0.95):.2f} s, max {max(latencies):.2f} s; "
          f"errors {len(errors)}, answers differing from the single-user answer {len(mismatches)}; "
          f"single user: p50 {statistics.median(single_latency):.2f} s")
    assert errors == [], errors[:5]
    assert mismatches == [], mismatches[:5]
    assert done == TOTAL
    assert qa_outbound() == []


def test_one_retriever_read_by_many_threads_gives_single_thread_answers(built_index) -> None:
    """Answer, retrieve and follow-ups from 8 threads at once over one loaded Retriever."""
    import qa
    from qa.retrieval.retriever import Retriever

    retriever = Retriever(built_index.index)
    history = [{"role": "user", "content": QUESTIONS[0]}, {"role": "assistant", "content": "Sberbank [1]"}]
    cases = [(q, None) for q in QUESTIONS] + [("And which one is the second largest?", history)]

    def ask(case):
        question, hist = case
        a = qa.answer(question, history=hist, retriever=retriever)
        hits = retriever.retrieve(question, k=10, history=hist)
        return (a.text, tuple(c.id for c in a.citations), tuple((p.id, p.score) for p in hits))

    expected = {i: ask(case) for i, case in enumerate(cases)}
    jobs = [i for i in range(len(cases)) for _ in range(8)]
    random.Random(9).shuffle(jobs)
    fresh = Retriever(built_index.index)  # cold caches: the threads race to fill them
    retriever = fresh
    t0 = time.perf_counter()
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda i: (i, ask(cases[i])), jobs, timeout=SECONDS_LIMIT))
    wall = time.perf_counter() - t0
    wrong = [i for i, got in results if got != expected[i]]
    print(f"\n[concurrency] one Retriever, 8 threads, {len(jobs)} answer+retrieve calls from cold caches in "
          f"{wall:.1f} s ({len(jobs) / wall:.1f} calls/s); results differing from single-thread: {len(wrong)}")
    assert wrong == []
