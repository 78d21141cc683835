"""An embedding cache on disk: passage vectors keyed by the encoder's vector key and the text's hash.

Identical texts are encoded once, and a build that re-chunks (or is run with --rebuild, or was
killed half way) encodes only texts it has not seen. The cache is a folder of plain files beside
the index, one subfolder per vector key (model fingerprint, int8 or not)::

    <index>.embed-cache/<vector key>/hashes.txt   one text hash a line
                                     vectors.npy  float32 (rows, dimension), row i for line i
                                     cache.json   {"format", "key", "rows", "dimension", "sha256"}

cache.json is written last and holds the sha256 of the other two files: a cache whose files do
not match it (a crash between writes, a disk error, an edit) is ignored and rewritten, never read.
It keeps at most CACHE_LIMIT vectors, the most recently used first.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    import numpy as np

    from qa.embed.encoder import Encoder

log = logging.getLogger(__name__)

FORMAT = 1
#: Vectors kept per vector key (about 150 MB at 384 dimensions).
CACHE_LIMIT = 100_000
#: New vectors written to disk at least this often during a long encode (a killed build keeps them).
FLUSH_EVERY = 2048
_FILES = ("hashes.txt", "vectors.npy", "cache.json")


def cache_folder(index_dir: Path) -> Path:
    """The embedding cache beside an index folder: <index>.embed-cache."""
    index_dir = Path(index_dir)
    return index_dir.with_name(index_dir.name + ".embed-cache")


class EmbeddingCache:
    """Vectors by text hash for one vector key, read from and written to `folder`/`key`."""

    def __init__(self, folder: Path, key: str, dimension: int, limit: int = CACHE_LIMIT) -> None:
        self.path = Path(folder) / key
        self.key = key
        self.dimension = dimension
        self.limit = limit
        self._vectors: dict[str, np.ndarray] = {}
        self._used: dict[str, None] = {}  # hashes looked up or added in this run, in order
        self._load()

    def __len__(self) -> int:
        return len(self._vectors)

    def _load(self) -> None:
        import numpy as np

        meta_path = self.path / "cache.json"
        if not meta_path.is_file():
            return
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            hashes_bytes = (self.path / "hashes.txt").read_bytes()
            vectors_bytes = (self.path / "vectors.npy").read_bytes()
            if (meta.get("format") != FORMAT or meta.get("key") != self.key or meta.get("dimension") != self.dimension
                    or meta.get("sha256") != _digest(hashes_bytes, vectors_bytes)):
                raise ValueError("its files do not match cache.json")
            hashes = hashes_bytes.decode("ascii").split()
            import io

            vectors = np.load(io.BytesIO(vectors_bytes), allow_pickle=False)
            if vectors.dtype != np.float32 or vectors.shape != (len(hashes), self.dimension) or meta.get("rows") != len(hashes):
                raise ValueError("its vectors do not match its hash list")
        except (OSError, ValueError, UnicodeDecodeError, AttributeError) as exc:
            log.warning("embedding cache %s ignored (%s); it will be rewritten", self.path, exc)
            return
        self._vectors = dict(zip(hashes, vectors))

    def get(self, hashes: Sequence[str]) -> dict[str, np.ndarray]:
        """The cached vectors of those hashes that are cached."""
        found = {h: self._vectors[h] for h in hashes if h in self._vectors}
        self._used.update(dict.fromkeys(found))
        return found

    def add(self, hashes: Sequence[str], vectors: np.ndarray) -> None:
        for h, v in zip(hashes, vectors):
            self._vectors[h] = v
            self._used[h] = None

    def save(self) -> None:
        """Write the cache (used entries first, then older ones up to the limit); errors are logged, not raised."""
        import io

        import numpy as np

        order = list(self._used) + [h for h in self._vectors if h not in self._used]
        order = order[: self.limit]
        if not order:
            return
        matrix = np.stack([self._vectors[h] for h in order]).astype(np.float32, copy=False)
        buffer = io.BytesIO()
        np.save(buffer, matrix, allow_pickle=False)
        hashes_bytes = ("\n".join(order) + "\n").encode("ascii")
        vectors_bytes = buffer.getvalue()
        meta = {"format": FORMAT, "key": self.key, "rows": len(order), "dimension": self.dimension,
                "sha256": _digest(hashes_bytes, vectors_bytes)}
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            (self.path / "cache.json").unlink(missing_ok=True)  # invalid until all files are in place
            for name, data in (("hashes.txt", hashes_bytes), ("vectors.npy", vectors_bytes),
                               ("cache.json", json.dumps(meta).encode("utf-8"))):
                tmp = self.path / f".{name}.tmp-{os.getpid()}"
                tmp.write_bytes(data)
                os.replace(tmp, self.path / name)
        except OSError as exc:
            log.warning("embedding cache %s not written (%s)", self.path, exc)


def _digest(hashes_bytes: bytes, vectors_bytes: bytes) -> str:
    digest = hashlib.sha256(hashes_bytes)
    digest.update(vectors_bytes)
    return digest.hexdigest()


def embed_cached(encoder: Encoder, texts: Sequence[str], hashes: Sequence[str], folder: Path | None,
                 progress: bool = False) -> np.ndarray:
    """Vectors of `texts` (hashes[i] identifies texts[i]): each distinct text encoded once, those in
    the cache in `folder` not at all; the new vectors are added to the cache. No cache when `folder` is None."""
    import numpy as np

    cache = EmbeddingCache(folder, encoder.vector_key, encoder.dimension) if folder is not None else None
    found = cache.get(hashes) if cache is not None else {}
    todo = list({h: t for h, t in zip(hashes, texts) if h not in found}.items())
    if todo:
        added = [0]

        def keep(rows: list[int], vectors: np.ndarray) -> None:
            cache.add([todo[r][0] for r in rows], vectors)
            added[0] += len(rows)
            if added[0] >= FLUSH_EVERY:  # a build killed later keeps what was encoded so far
                added[0] = 0
                cache.save()

        vectors = encoder.encode([t for _, t in todo], progress=progress, on_step=keep if cache is not None else None)
        found.update(zip((h for h, _ in todo), vectors))
    if cache is not None:
        cache.save()
    if not len(texts):
        return np.zeros((0, encoder.dimension), dtype=np.float32)
    return np.stack([found[h] for h in hashes])
