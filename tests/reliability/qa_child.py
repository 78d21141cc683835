"""Run `qa` (qa.app.cli.main) in a child process, optionally instrumented for the reliability tests.

    python tests/reliability/qa_child.py [--phase-markers] [--fake-encoder] -- index --corpus C --index I

--phase-markers  print "QA-PHASE <name> <monotonic time>" lines to stderr (flushed) when the build
                 starts embedding, ends embedding, starts writing index files, and commits the
                 manifest, so a test can SIGKILL the build inside a given phase.
--fake-encoder   replace the model's forward pass (not its tokenizer, which chunking needs) with a
                 cheap deterministic vector per text. Used only to measure the memory of indexing a
                 file far too large to embed for real on a CI machine; everything else is the real
                 indexer.

Nothing here changes what is written to the index folder, except the vectors under --fake-encoder.
Not a test module (no test_ prefix): pytest does not collect it.
"""

from __future__ import annotations

import os
import sys
import time


def _marker(name: str, detail: str = "") -> None:
    sys.stderr.write(f"QA-PHASE {name} {time.monotonic():.6f} {detail}\n")
    sys.stderr.flush()


def _install_markers() -> None:
    from qa.embed import encoder as embed
    from qa.index import store

    encode = embed.Encoder.encode

    def marked_encode(self, texts, *args, **kwargs):
        texts = list(texts)
        big = len(texts) > 1  # the indexer's call; single texts are query-time calls
        if big:
            _marker("embed-start", f"n={len(texts)}")
        try:
            return encode(self, texts, *args, **kwargs)
        finally:
            if big:
                _marker("embed-end")

    embed.Encoder.encode = marked_encode

    write_bytes = store.write_bytes
    state = {"writing": False}

    def marked_write_bytes(path, data):
        if not state["writing"] and not str(getattr(path, "name", path)).startswith(".manifest"):
            state["writing"] = True
            _marker("write-start", str(path))
        return write_bytes(path, data)

    store.write_bytes = marked_write_bytes

    commit = store.commit_manifest

    def marked_commit(index_dir, manifest):
        _marker("commit-start")
        commit(index_dir, manifest)
        _marker("commit-end")

    store.commit_manifest = marked_commit


def _install_fake_encoder() -> None:
    import hashlib

    import numpy as np

    from qa.embed import encoder as embed

    def fake_encode(self, texts, batch_size: int = 32, progress: bool = False, on_step=None):
        texts = list(texts)
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        for i, text in enumerate(texts):
            seed = int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")
            out[i] = np.random.default_rng(seed).standard_normal(self.dimension, dtype=np.float32)
        out /= np.linalg.norm(out, axis=1, keepdims=True)
        if on_step is not None:  # the embedding cache saves as the encoder goes
            on_step(list(range(len(texts))), out)
        return out

    embed.Encoder.encode = fake_encode


def main(argv: list[str]) -> int:
    if "--" not in argv:
        raise SystemExit("usage: qa_child.py [--phase-markers] [--fake-encoder] -- QA-ARGS...")
    split = argv.index("--")
    options, qa_args = argv[:split], argv[split + 1 :]
    if "--fake-encoder" in options:
        _install_fake_encoder()
    if "--phase-markers" in options:
        _install_markers()
    from qa.app.cli import main as qa_main

    return qa_main(qa_args)


if __name__ == "__main__":
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    sys.exit(main(sys.argv[1:]))
