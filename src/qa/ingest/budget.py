"""Reading documents with a time budget: PDF and HTML files are read by a child process that is
stopped when one file takes longer than the budget, so one small crafted file (a 37 KB PDF page
took 400 s in pypdf) cannot stall `qa index`.

Text and Markdown are read in this process: their loaders are linear in the file size, which
discovery has already bounded. The child is a plain `python -c` process reading one path per line
and answering one JSON line (no multiprocessing: it would import the caller's main script again).
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
from pathlib import Path
from types import TracebackType

from qa.errors import DocumentError
from qa.ingest.loaders import Block, RawDocument, load
from qa.settings import MAX_LOAD_SECONDS

# The loaders whose run time a crafted file of a few KB can blow up.
BUDGETED_SUFFIXES = (".pdf", ".html", ".htm")
_START_SECONDS = 120.0  # for the child to import its parsers, on a loaded machine
_CHILD = "from qa.ingest.budget import serve; serve()"


class BudgetedLoader:
    """`load()` with at most `seconds` per PDF or HTML document; use it as a context manager.

    A file over the budget raises DocumentError (the build skips it with that reason) and the
    child reading it is killed; the next file starts a new child.
    """

    def __init__(self, seconds: float = MAX_LOAD_SECONDS) -> None:
        if not seconds > 0:
            raise ValueError(f"the time budget must be positive, not {seconds!r}")
        self.seconds = seconds
        self._child: subprocess.Popen | None = None

    def __enter__(self) -> BudgetedLoader:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def load(self, path: Path) -> RawDocument:
        """The document's paragraphs; raises DocumentError saying why a file cannot be used."""
        if path.suffix.lower() not in BUDGETED_SUFFIXES or os.name != "posix":  # select() needs POSIX pipes
            return load(path)
        child = self._child or self._start()
        try:
            child.stdin.write(json.dumps(str(path)).encode("ascii") + b"\n")
            child.stdin.flush()
        except OSError as exc:
            self.close()
            raise DocumentError(f"{path} could not be read: the reader process ended ({exc})") from exc
        line = self._reply(child, self.seconds)
        if line is None:
            self.close()
            raise DocumentError(
                f"{path} took more than {self.seconds:g} s to read and was abandoned (a damaged or crafted file?)"
            )
        if not line:
            code = self.close()
            raise DocumentError(f"{path} could not be read: the reader process ended (exit code {code})")
        reply = json.loads(line)
        if "error" in reply:
            raise DocumentError(reply["error"])
        return RawDocument([Block(text, page, heading) for text, page, heading in reply["blocks"]], reply["found"])

    def close(self) -> int | None:
        """Stop the child, if one runs; returns its exit code."""
        child, self._child = self._child, None
        if child is None:
            return None
        if child.poll() is None:
            child.kill()
        child.wait()
        for stream in (child.stdin, child.stdout):
            try:
                stream.close()
            except OSError:
                pass  # the pipe broke with the child
        return child.returncode

    def _start(self) -> subprocess.Popen:
        root = str(Path(__file__).resolve().parents[2])  # the folder holding the qa package
        paths = [root, *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
        child = subprocess.Popen([sys.executable, "-c", _CHILD], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        self._child = child
        if self._reply(child, _START_SECONDS) != b"ready\n":
            code = self.close()
            raise DocumentError(f"the process that reads PDF and HTML files did not start (exit code {code})")
        return child

    @staticmethod
    def _reply(child: subprocess.Popen, seconds: float) -> bytes | None:
        """The child's next line (b"" when it ended), or None when none came within `seconds`."""
        ready, _, _ = select.select([child.stdout], [], [], seconds)
        return child.stdout.readline() if ready else None


def serve() -> None:
    """The child: read a JSON path per line from stdin, answer one JSON line per document on stdout."""
    import logging

    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # whatever a parser prints goes to stderr, never into the replies
    sys.stdout = sys.stderr
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:  # imported before "ready", so that the budget counts only the reading of each file
        import bs4  # noqa: F401
        import pypdf  # noqa: F401
    except ImportError:
        pass  # the loader says what is missing when a file needs it

    replies.write(b"ready\n")
    replies.flush()
    for line in sys.stdin.buffer:
        path = Path(json.loads(line))
        try:
            raw = load(path)
            reply = {"blocks": [[b.text, b.page, b.heading] for b in raw.blocks], "found": raw.found_meta}
        except DocumentError as exc:
            reply = {"error": str(exc)}
        except Exception as exc:  # a parser bug on one file must not end the build
            reply = {"error": f"{path} could not be read: {type(exc).__name__}: {exc}"}
        replies.write(json.dumps(reply).encode("ascii") + b"\n")
        replies.flush()
