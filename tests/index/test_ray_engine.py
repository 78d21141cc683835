"""The Ray engine (`qa index --engine ray`) writes the index the local engine writes.

The comparison runs on a local Ray of two workers started by this process, over 300 of the 2022 press releases (converted by benchmarks/convert_press.py into a
temp folder), one build per engine. Without ray installed (pip install 'qa[ray]') the Ray
tests are skipped; the error a user gets without it is tested either way.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from conftest import REPO_ROOT, copy_corpus
from qa.app.cli import main
from qa.errors import InputError
from qa.index import dense, store
from qa.index.build import build_index

PRESS_DATA = Path("/work/shared/data/ru_ua_press_2022")
PRESS_PER_SOURCE = 150  # 150 Putin + 150 Zelenskyy releases
# Held-out questions: written for this test, not taken from the corpus.
QUESTIONS = [
    "What was said about the negotiations in Istanbul?",
    "How will grain be exported from Ukrainian ports?",
    "What sanctions were imposed on Russia?",
    "What did the president say about the Zaporizhzhia nuclear power plant?",
    "Which countries supplied weapons to Ukraine?",
    "What happened in Bucha?",
    "How is the gas transit through Ukraine affected?",
    "What was discussed with the President of France?",
    "When did the special military operation begin?",
    "What help did the European Union promise?",
    "How are the refugees from Mariupol evacuated?",
    "What was decided about the Donetsk and Lugansk people's republics?",
]

#: Least cosine between the two engines' vectors of a passage, by the precision that made them.
SAME_VECTORS = {"fp32": 1e-5, "bf16": 1e-4}

needs_ray = pytest.mark.skipif(
    importlib.util.find_spec("ray") is None, reason="ray is not installed (pip install 'qa[ray]')"
)


def passage_rows(index: Path) -> list[dict]:
    files = store.IndexFiles(index, store.read_manifest(index))
    return [json.loads(line) for line in files.path("passages").read_text(encoding="utf-8").splitlines()]


def vectors(index: Path):
    return dense.vectors_of(store.IndexFiles(index, store.read_manifest(index)).dense())


# ---- without ray, or misused ---------------------------------------------------------------------


def test_ray_engine_without_ray_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture) -> None:
    from qa.index import ray_engine

    monkeypatch.setattr(ray_engine, "find_spec", lambda name: None)
    code = main(["index", "--corpus", str(REPO_ROOT / "corpus"), "--index", str(tmp_path / "index"), "--engine", "ray"])
    err = capsys.readouterr().err
    assert code == 1
    assert "pip install 'qa[ray]'" in err and "Traceback" not in err
    assert not (tmp_path / "index").exists()


def test_an_address_without_the_ray_engine_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="--engine ray"):
        build_index(REPO_ROOT / "corpus", tmp_path / "index", address="127.0.0.1:6379")


def test_an_unknown_engine_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="engine must be"):
        build_index(REPO_ROOT / "corpus", tmp_path / "index", engine="spark")


# ---- on a two-worker Ray cluster -----------------------------------------------------------------


@needs_ray
@pytest.mark.slow
@pytest.mark.model
def test_ray_engine_starts_a_local_ray_and_shuts_it_down(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No address and no RAY_ADDRESS: a Ray for the run only. (First in this file: the tests
    below share a Ray that this process starts.)"""
    import ray

    import numpy as np

    monkeypatch.delenv("RAY_ADDRESS", raising=False)
    monkeypatch.setenv("QA_PRECISION", "fp32")  # float32 vectors agree to 1e-5 however they are batched
    assert not ray.is_initialized()
    corpus = copy_corpus(tmp_path / "corpus")
    report = build_index(corpus, tmp_path / "index", engine="ray")
    assert report.passages > 0 and report.embedded == report.passages
    assert not ray.is_initialized()
    build_index(corpus, tmp_path / "local")
    assert passage_rows(tmp_path / "index") == passage_rows(tmp_path / "local")
    assert store.read_manifest(tmp_path / "index").model.vectors == "fp32"
    a, b = vectors(tmp_path / "local"), vectors(tmp_path / "index")
    assert float(np.min(np.sum(a * b, axis=1))) > 1 - 1e-5


@pytest.fixture(scope="module")
def ray_cluster():
    """A local Ray of two workers (two CPUs) started by this process; the engine runs on it as on
    any cluster it finds already connected, and leaves it running."""
    ray = pytest.importorskip("ray", reason="ray is not installed (pip install 'qa[ray]')")
    from qa.index.ray_engine import start_local_ray

    start_local_ray(num_cpus=2)
    yield ray.get_runtime_context().gcs_address
    ray.shutdown()


@pytest.fixture(scope="module")
def press_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not PRESS_DATA.is_dir():
        pytest.skip(f"the press releases are not in {PRESS_DATA}")
    spec = importlib.util.spec_from_file_location("convert_press", REPO_ROOT / "benchmarks" / "convert_press.py")
    convert_press = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(convert_press)
    out = tmp_path_factory.mktemp("press") / "corpus"
    result = convert_press.convert(PRESS_DATA, out, limit=PRESS_PER_SOURCE)
    assert result["documents"] >= 290
    return out


@pytest.fixture(scope="module")
def press_local(press_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    index = tmp_path_factory.mktemp("press-local") / "index"
    build_index(press_corpus, index)
    return index


@pytest.fixture(scope="module")
def press_ray(press_corpus: Path, ray_cluster: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    index = tmp_path_factory.mktemp("press-ray") / "index"
    report = build_index(press_corpus, index, engine="ray", address=ray_cluster)
    return index, report


@needs_ray
@pytest.mark.slow
@pytest.mark.model
def test_ray_engine_writes_the_passages_and_vectors_of_the_local_engine(press_local: Path, press_ray) -> None:
    import numpy as np

    index, report = press_ray
    local, remote = passage_rows(press_local), passage_rows(index)
    assert report.documents >= 290 and report.embedded == report.passages == len(remote)
    assert [r["id"] for r in remote] == [r["id"] for r in local]
    assert remote == local  # text, offsets, sections and embedding-input hashes too
    a, b = vectors(press_local), vectors(index)
    assert a.shape == b.shape
    ours, theirs = store.read_manifest(index), store.read_manifest(press_local)
    # bfloat16 rounds a passage's products differently in batches of other shapes (the two engines
    # batch differently): its vectors agree to ~3e-5, float32 ones to 1e-6.
    assert float(np.min(np.sum(a * b, axis=1))) > 1 - SAME_VECTORS[theirs.model.vectors]
    assert ours.counts == theirs.counts and ours.corpus.documents == theirs.corpus.documents
    assert ours.model == theirs.model


@needs_ray
@pytest.mark.slow
@pytest.mark.model
def test_ray_index_retrieves_the_same_top_5(press_local: Path, press_ray) -> None:
    from qa.retrieval.retriever import Retriever

    local, remote = Retriever(press_local), Retriever(press_ray[0])
    for question in QUESTIONS:
        assert [p.id for p in remote.retrieve(question, k=5)] == [p.id for p in local.retrieve(question, k=5)], question


@needs_ray
@pytest.mark.slow
@pytest.mark.model
def test_ray_engine_is_incremental_like_the_local_engine(ray_cluster: str, tmp_path: Path) -> None:
    """A changed document: both engines embed the same new passages and reuse the rest."""
    corpus = copy_corpus(tmp_path / "corpus")
    build_index(corpus, tmp_path / "local")
    shutil.copytree(tmp_path / "local", tmp_path / "ray")
    doc = sorted(p for p in corpus.glob("*.txt"))[0]
    doc.write_text(doc.read_text(encoding="utf-8") + "\n\nA paragraph added at the end of the document.\n", encoding="utf-8")
    local = build_index(corpus, tmp_path / "local")
    remote = build_index(corpus, tmp_path / "ray", engine="ray", address=ray_cluster)
    assert 0 < remote.embedded < remote.passages
    assert (remote.embedded, remote.reused, remote.changed) == (local.embedded, local.reused, local.changed)
    assert passage_rows(tmp_path / "ray") == passage_rows(tmp_path / "local")
    again = build_index(corpus, tmp_path / "ray", engine="ray", address=ray_cluster)
    assert again.up_to_date
