"""qa: offline question answering over documents, with every claim tied to a cited passage.

    import qa
    passages = qa.retrieve("Which bank is Russia's largest?", k=5)
    answer = qa.answer("And the second largest?", history=[...])

Heavy modules (torch, faiss, onnxruntime, gradio) load on first use, not on import.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from qa.version import __version__  # noqa: E402

_LAZY = {
    "retrieve": "qa.retrieval.retriever",
    "Retriever": "qa.retrieval.retriever",
    "Passage": "qa.retrieval.retriever",
    "answer": "qa.answering.answerer",
    "Answer": "qa.answering.answerer",
    "Support": "qa.answering.answerer",
    "build_index": "qa.index.build",
    "BuildReport": "qa.index.build",
}
# The exception classes are re-exported as they are listed in qa.errors (a light module).
from qa.errors import __all__ as _ERRORS  # noqa: E402

__all__ = ["__version__", *_LAZY, *_ERRORS]

if TYPE_CHECKING:
    from qa.answering.answerer import Answer, Support, answer
    from qa.errors import *  # noqa: F403
    from qa.index.build import BuildReport, build_index
    from qa.retrieval.retriever import Passage, Retriever, retrieve


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    if name in _ERRORS:
        return getattr(import_module("qa.errors"), name)
    raise AttributeError(f"module 'qa' has no attribute {name!r}")
