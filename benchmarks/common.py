"""Shared helpers for the benchmark scripts: timing statistics, child processes, question sets.

Every bench_*.py script writes one JSON "section":

    {"area": "...", "figures": [{"name", "value", "unit", "how", "target"}, ...], "details": {...}}

run.py collects the sections into results.json and results.md.
"""

from __future__ import annotations

import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Iterable, Sequence

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
BENCH = Path(__file__).resolve().parent
PYTHON = sys.executable
QA_BIN = str(Path(sys.executable).with_name("qa"))
DEFAULT_CORPUS = ROOT / "corpus"
GOLD = ROOT / "eval" / "gold.jsonl"

if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))


def child_env(**extra: str) -> dict[str, str]:
    """The environment `qa` sets for itself (offline, no tokenizer thread pool), plus extras."""
    env = dict(os.environ)
    env.setdefault("HF_HUB_OFFLINE", "1")
    env.setdefault("TRANSFORMERS_OFFLINE", "1")
    env.setdefault("TOKENIZERS_PARALLELISM", "false")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SRC), env.get("PYTHONPATH", "")) if p)
    env.update(extra)
    return env


def offline_env_in_process() -> None:
    for name, value in (("HF_HUB_OFFLINE", "1"), ("TRANSFORMERS_OFFLINE", "1"), ("TOKENIZERS_PARALLELISM", "false")):
        os.environ.setdefault(name, value)


# ------------------------------------------------------------------------------ statistics


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (numpy's default), q in [0, 100]."""
    data = sorted(values)
    if not data:
        return float("nan")
    if len(data) == 1:
        return float(data[0])
    pos = (len(data) - 1) * q / 100.0
    lo = int(pos)
    hi = min(lo + 1, len(data) - 1)
    return float(data[lo] + (data[hi] - data[lo]) * (pos - lo))


def summary_ms(seconds: Sequence[float]) -> dict[str, float]:
    """p50 / p95 / mean / min / max of durations given in seconds, in milliseconds."""
    ms = [1e3 * s for s in seconds]
    return {
        "n": len(ms),
        "p50_ms": round(percentile(ms, 50), 3),
        "p95_ms": round(percentile(ms, 95), 3),
        "mean_ms": round(statistics.fmean(ms), 3) if ms else float("nan"),
        "min_ms": round(min(ms), 3) if ms else float("nan"),
        "max_ms": round(max(ms), 3) if ms else float("nan"),
    }


def median(values: Iterable[float]) -> float:
    data = list(values)
    return float(statistics.median(data)) if data else float("nan")


# ------------------------------------------------------------------------------ child processes


def run_child(
    cmd: Sequence[str], *, env: dict[str, str] | None = None, cwd: Path | None = None, timeout: float | None = None,
    check: bool = True,
) -> dict[str, Any]:
    """Run a command; its wall time, exit code, peak RSS (ru_maxrss of that child only), output.

    The peak memory comes from os.wait4 on the child's pid, so it is that one process's
    resource.getrusage(RUSAGE_SELF).ru_maxrss, not a maximum over earlier children.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(list(cmd), stdout=out, stderr=err, env=env or child_env(), cwd=cwd)
        deadline = None if timeout is None else started + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if deadline is not None and time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.002)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    result = {
        "cmd": " ".join(str(c) for c in cmd),
        "rc": proc.returncode,
        "wall_s": wall,
        "maxrss_mb": usage.ru_maxrss / 1024.0,  # Linux: kilobytes
        "user_s": usage.ru_utime,
        "sys_s": usage.ru_stime,
        "stdout": stdout,
        "stderr": stderr,
    }
    if check and proc.returncode not in (0,):
        raise RuntimeError(f"command failed ({proc.returncode}): {result['cmd']}\n{stderr[-3000:]}")
    return result


def last_json_line(text: str) -> Any:
    """The last line of stdout that parses as JSON (workers print their result last)."""
    for line in reversed(text.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            try:
                return json.loads(line)
            except json.JSONDecodeError:
                continue
    raise ValueError(f"no JSON result in output:\n{text[-2000:]}")


def json_block(text: str) -> Any:
    """The JSON object printed by `qa index --json` (the whole stdout)."""
    start = text.find("{")
    return json.loads(text[start:])


# ------------------------------------------------------------------------------ sections


def figure(name: str, value: Any, unit: str, how: str, target: str = "") -> dict[str, Any]:
    if isinstance(value, float):
        value = round(value, 4 if abs(value) < 10 else 2)
    return {"name": name, "value": value, "unit": unit, "how": how, "target": target}


def write_section(path: Path | None, section: dict[str, Any]) -> None:
    text = json.dumps(section, indent=2, ensure_ascii=False, default=str)
    if path is None:
        print(text)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n", encoding="utf-8")


def say(*parts: Any) -> None:
    print(*parts, flush=True)


def print_figures(section: dict[str, Any]) -> None:
    for f in section.get("figures", []):
        target = f"   [peer/target: {f['target']}]" if f.get("target") else ""
        say(f"  {f['name']}: {f['value']} {f['unit']}{target}")


# ------------------------------------------------------------------------------ questions

_TEMPLATES = [
    "What does the text say about {p}?",
    "Who is responsible for {p}?",
    "When did {p} happen?",
    "Why is {p} important?",
    "How did {p} change?",
    "{p}",
    "Explain {p}.",
    "What was decided about {p} and what were the consequences for the people involved?",
    "Is there any mention of {p}?",
    "Which country proposed {p}?",
    "Summarise the position on {p} in a few words.",
    "{p}?",
]
_STOP = set(
    "the a an of and or to in on for with by at from as is are was were be been this that these those it its "
    "he she they we you i his her their our your not but also has have had will would can could should may "
    "which who whom what when where why how than then there here so such into about over under after before".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


def gold_questions(path: Path = GOLD) -> list[str]:
    if not path.is_file():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            question = json.loads(line).get("question")
            if question:
                out.append(question)
    return out


def passage_texts(index_dir: Path) -> list[str]:
    from qa.index import store

    return [chunk.text for chunk in store.IndexFiles.open(index_dir, checksums=False).passages()]


def make_questions(texts: Sequence[str], n: int, seed: int = 0, seeds: Sequence[str] = ()) -> list[str]:
    """n distinct, varied questions: the given seed questions first, then templated phrases from texts.

    Phrases are 1-6 content words taken from random passages, put into templates of different
    lengths (a keyword, a short question, a long question), so query lengths vary like real use.
    """
    rng = random.Random(seed)
    out: list[str] = []
    seen: set[str] = set()
    for q in seeds:
        if q not in seen and len(out) < n:
            out.append(q)
            seen.add(q)
    words_per_text = [[w for w in _WORD.findall(t) if w.lower() not in _STOP and len(w) > 2] for t in texts]
    words_per_text = [w for w in words_per_text if len(w) >= 2] or [["document", "question"]]
    attempts = 0
    while len(out) < n and attempts < 50 * n:
        attempts += 1
        words = rng.choice(words_per_text)
        length = rng.choice([1, 2, 2, 3, 3, 4, 5, 6])
        start = rng.randrange(max(1, len(words) - length + 1))
        phrase = " ".join(words[start : start + length])
        q = rng.choice(_TEMPLATES).format(p=phrase)
        if q not in seen:
            out.append(q)
            seen.add(q)
    return out


def ensure_small_index(corpus: Path, index_dir: Path) -> Path:
    """Build (or update) an index of `corpus` in `index_dir` with `qa index`, for the benches that need one."""
    run_child([QA_BIN, "index", "--corpus", str(corpus), "--index", str(index_dir), "--json"])
    return index_dir
