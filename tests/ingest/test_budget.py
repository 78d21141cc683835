"""Reading PDF and HTML with a time budget: the same paragraphs as load(), the same reasons for bad
files, and a file that takes longer than the budget is abandoned with a reason, not waited for."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, slow_pdf
from qa.errors import DocumentError
from qa.ingest.budget import BudgetedLoader
from qa.ingest.loaders import load


def test_budgeted_loader_reads_pdf_html_and_text_as_load_does(tmp_path: Path) -> None:
    html = tmp_path / "page.html"
    html.write_text("<html><head><title>T</title></head><body><h1>Head</h1><p>One &#xD800; two.</p></body></html>",
                    encoding="utf-8")
    with BudgetedLoader(60) as loader:
        for path in (FIXTURES / "two_pages.pdf", html, FIXTURES / "notes.md"):
            assert loader.load(path) == load(path)


def test_budgeted_loader_gives_the_same_reason_for_a_bad_file() -> None:
    with BudgetedLoader(60) as loader, pytest.raises(DocumentError) as info:
        loader.load(FIXTURES / "corrupt.pdf")
    with pytest.raises(DocumentError) as direct:
        load(FIXTURES / "corrupt.pdf")
    assert str(info.value) == str(direct.value)


def test_a_pdf_over_the_time_budget_is_abandoned_and_the_next_file_still_loads(tmp_path: Path) -> None:
    slow = slow_pdf(tmp_path / "slow.pdf", 200_000)
    assert slow.stat().st_size < 10_000
    with BudgetedLoader(2) as loader:
        with pytest.raises(DocumentError, match=r"slow\.pdf took more than 2 s to read"):
            loader.load(slow)
        assert loader.load(FIXTURES / "two_pages.pdf") == load(FIXTURES / "two_pages.pdf")


def test_a_small_slow_pdf_still_loads_within_the_budget(tmp_path: Path) -> None:
    path = slow_pdf(tmp_path / "lines.pdf", 50)
    with BudgetedLoader(60) as loader:
        raw = loader.load(path)
    assert raw == load(path) and "a" in raw.blocks[0].text
