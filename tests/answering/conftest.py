"""Shared test data for the answering tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def two_documents() -> dict:
    """Metadata of the corpus's two commentaries, as the index stores it."""
    return {
        "a.txt": {"title": "Diplomacy needs pressure", "author": None, "publisher": None, "date": "2022-04-01",
                  "kind": "opinion commentary"},
        "b.txt": {"title": "Russia–Ukraine Talks", "author": "Riccardo Alcaro", "publisher": "Istituto Affari Internazionali (IAI)",
                  "date": "2022-03-22", "kind": "think-tank commentary"},
    }

