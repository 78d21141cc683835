"""Tests for the runners' shared helpers: scored answer text, report cut-offs, the summary table, settings in reports."""

from __future__ import annotations

from types import SimpleNamespace

from qa.evaluation.common import report_ks, scoring_text, summary_table
from qa.evaluation.metrics import QuestionResult, aggregate


def _reply(text: str, n_citations: int, abstained: bool = False, sentences: tuple[str, ...] = ()):
    support = [SimpleNamespace(sentence=s) for s in sentences]
    return SimpleNamespace(text=text, citations=[object()] * n_citations, abstained=abstained, support=support)


def test_scoring_text_drops_citation_markers_only():
    assert scoring_text(_reply("VTB is second. [1] It was blocked. [2]", 2)) == "VTB is second. It was blocked."
    assert scoring_text(_reply("Signed in 1994. [1]", 1)) == "Signed in 1994."
    # [7] numbers no citation of this answer: it is document text, kept.
    assert scoring_text(_reply("See note [7] here. [1]", 1)) == "See note [7] here."
    assert scoring_text(_reply("I could not find the answer.", 0, abstained=True)) == ""
    assert scoring_text(None) == ""


def test_scoring_text_of_a_multi_document_answer_leaves_out_the_source_labels():
    text = "Alcaro (IAI, 22 March 2022): VTB is second. [1]\n\nThe 1 April 2022 opinion commentary: It was blocked. [2]"
    reply = _reply(text, 2, sentences=("VTB is second.", "It was blocked."))
    assert scoring_text(reply) == "VTB is second. It was blocked."


def test_report_ks():
    assert report_ks(10) == (1, 5, 10)
    assert report_ks(3) == (1, 5, 10)
    assert report_ks(20) == (1, 5, 10, 20)


def test_summary_table_has_overall_and_kind_rows_with_counts():
    results = [
        QuestionResult("a", "factoid", True, "q", (True,), "Sberbank", False, (True,), ("Sberbank",)),
        QuestionResult("b", "weird kind", True, "q", (False, True), "", True, (), ("x",)),
        QuestionResult("c", "unanswerable", False, "q", (False,), "", True, (), ()),
    ]
    table = summary_table(aggregate(results))
    lines = table.splitlines()
    assert lines[0].split()[:2] == ["group", "n"]
    assert any(line.startswith("all") and "3 (2/1)" in line for line in lines)
    assert any(line.startswith("weird kind") and "1 (1/0)" in line for line in lines)
    assert any(line.startswith("unanswerable") and "1 (0/1)" in line for line in lines)
    assert "nDCG@10" in lines[0] and "false-abst" in lines[0]
