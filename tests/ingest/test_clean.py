"""Cleaning the real corpus: every trap listed in shared/corpus/SOURCES.md, and exact offsets."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest

from conftest import DOC_000, DOC_002, REAL_CORPUS
from qa.ingest.clean import CleanDocument, clean, normalize_paragraph
from qa.ingest.discover import DocumentMeta, discover
from qa.index.bm25 import search_text
from qa.ingest.loaders import Block, RawDocument, load, split_paragraphs


@lru_cache(maxsize=None)
def cleaned(doc_id: str) -> CleanDocument:
    source = next(f for f in discover(REAL_CORPUS).files if f.doc_id == doc_id)
    return clean(load(source.path), source.meta)


def seg_text(doc: CleanDocument, seg) -> str:
    return doc.text[seg.start : seg.end]


def of_kind(doc: CleanDocument, kind: str) -> list[str]:
    return [seg_text(doc, s) for s in doc.segments if s.kind == kind]


def from_text(text: str, meta: DocumentMeta | None = None) -> CleanDocument:
    return clean(RawDocument(blocks=split_paragraphs(text)), meta or DocumentMeta("t.txt"))


# ---- 000: the glued metadata line and the section break ----------------------------------------


def test_000_date_line_becomes_metadata_and_leaves_the_text() -> None:
    doc = cleaned(DOC_000)
    assert doc.meta.date == "2022-04-01"
    assert "date 2022-04-01" not in doc.text
    assert "2022-04-01" not in doc.text
    first = doc.segments[0]
    assert first.kind == "body" and first.paragraph == 1
    assert seg_text(doc, first).startswith("So far, Western diplomacy and economic sanctions have failed")
    assert doc.text.startswith("So far, Western diplomacy")


def test_000_date_line_is_found_without_sidecar_metadata() -> None:
    doc = clean(load(REAL_CORPUS / DOC_000), DocumentMeta(DOC_000))
    assert doc.meta.date == "2022-04-01"
    assert doc.text.startswith("So far, Western diplomacy")


def test_000_section_break_is_dropped() -> None:
    doc = cleaned(DOC_000)
    assert "* * *" not in doc.text
    assert "***" not in doc.text
    body = of_kind(doc, "body")
    assert len(body) == 12 and len(doc.segments) == 12
    assert body[3].startswith("The more Russia loses on the battlefield")
    assert [s.paragraph for s in doc.segments] == list(range(1, 13))


def test_000_has_no_title_byline_footnotes_or_boilerplate() -> None:
    doc = cleaned(DOC_000)
    assert {s.kind for s in doc.segments} == {"body"}
    assert doc.meta.title == "Diplomacy needs pressure: the Istanbul talks and Ukraine's 10-point plan"


@pytest.mark.parametrize("line", ["date 2022-04-01", "Date: 2022-04-01", "published 2022-04-01", "DATED: 2022-04-01"])
def test_leading_metadata_line_variants(line: str) -> None:
    doc = from_text(f"{line} So far, Western diplomacy failed.\n\nSecond paragraph.")
    assert doc.meta.date == "2022-04-01"
    assert doc.text == "So far, Western diplomacy failed.\n\nSecond paragraph."


def test_metadata_line_on_its_own_paragraph_is_removed() -> None:
    doc = from_text("date 2022-04-01\n\nThe body starts here.")
    assert doc.meta.date == "2022-04-01"
    assert doc.text == "The body starts here."


def test_sidecar_date_wins_over_the_date_line() -> None:
    doc = from_text("date 2022-04-01 Body text.", DocumentMeta("t.txt", date="2022-04-02"))
    assert doc.meta.date == "2022-04-02"
    assert doc.text == "Body text."


def test_date_in_the_middle_of_a_paragraph_is_kept() -> None:
    doc = from_text("The talks of date 2022-04-01 failed.")
    assert doc.meta.date is None
    assert doc.text == "The talks of date 2022-04-01 failed."


@pytest.mark.parametrize("separator", ["* * *", "***", "---", "- - -", "___", "# # #", "· · ·"])
def test_section_break_variants_are_dropped(separator: str) -> None:
    doc = from_text(f"One paragraph.\n\n{separator}\n\nAnother paragraph.")
    assert doc.text == "One paragraph.\n\nAnother paragraph."


# ---- 002: footnotes printed mid-sentence, escapes, emphasis, back matter ------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The first revolves around the ability of Russian troops to sustain the high losses",
        "the 15-point plan which Russian and Ukrainian diplomats are reportedly discussing",
        "Nor are they ready to give up on the prospect of EU membership one day. As for the contested territories, President Zelensky",
        "Nor can the use of non-conventional weapons",
        "discuss countermeasures against China if indeed the latter throws its lot in with Russia",
        "In truth, there is no prospect for a durable peace unless the United States and Europe join the table.",
        "inserting itself into Russian-Ukrainian diplomacy.",
        "the original objective of subjugating Ukraine.⁷",
        "Refugee flows, involving up to ten million people (over three million of which have already fled the country) are monumental in size.³",
    ],
)
def test_002_sentences_broken_by_footnotes_are_rejoined(sentence: str) -> None:
    doc = cleaned(DOC_002)
    holders = [s for s in doc.segments if sentence in seg_text(doc, s)]
    assert len(holders) == 1, f"{sentence!r} found in {len(holders)} segments"
    assert holders[0].kind == "body"


def test_002_no_body_paragraph_starts_in_lower_case_or_ends_mid_sentence() -> None:
    doc = cleaned(DOC_002)
    for text in of_kind(doc, "body"):
        assert text[0].isupper(), text[:60]
        assert re.search(r"[.!?][\"”’)]?[¹²³⁴⁵⁶⁷⁸⁹⁰]*$", text), text[-60:]


def test_002_each_footnote_is_its_own_segment_with_its_number() -> None:
    doc = cleaned(DOC_002)
    footnotes = [s for s in doc.segments if s.kind == "footnote"]
    assert [s.footnote for s in footnotes] == list(range(1, 18))
    for seg in footnotes:
        text = seg_text(doc, seg)
        marker = str(seg.footnote).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
        assert text.startswith(marker + " "), text[:20]
        assert "\n" not in text
        assert seg.paragraph is None and seg.section is None
    fn14 = seg_text(doc, footnotes[13])
    assert fn14.startswith('¹⁴ Michael D. Shear, "Biden Announces $800 Million in Military Aid to Ukraine"')
    assert "16 March 2022" in fn14
    # Footnote text never leaks into the body.
    for text in of_kind(doc, "body"):
        assert "https://" not in text and "Financial Times" not in text


def test_002_markdown_escapes_are_removed_and_amounts_kept() -> None:
    doc = cleaned(DOC_002)
    assert "\\$" not in doc.text
    assert "\\" not in doc.text
    assert "$800 Million" in doc.text
    assert "$100 Billion" in doc.text


def test_002_emphasis_is_kept_verbatim_but_not_seen_by_retrievers() -> None:
    doc = cleaned(DOC_002)
    assert "through a poorly executed *Blitzkrieg* has morphed" in doc.text
    assert "*Financial Times*" in doc.text
    seen = search_text("through a poorly executed *Blitzkrieg* has morphed.¹")
    assert "*" not in seen and "¹" not in seen
    assert seen.split() == ["through", "a", "poorly", "executed", "Blitzkrieg", "has", "morphed."]


def test_002_title_and_byline_are_recognised() -> None:
    doc = cleaned(DOC_002)
    assert doc.segments[0].kind == "title"
    assert seg_text(doc, doc.segments[0]) == "Russia–Ukraine Talks and the Indispensable Role of the US and Europe"
    assert doc.segments[1].kind == "byline"
    assert seg_text(doc, doc.segments[1]) == "by Riccardo Alcaro"
    assert doc.segments[2].kind == "body"
    assert seg_text(doc, doc.segments[2]).startswith("Vladimir Putin's imperialist war of conquest")


def test_002_title_and_author_fill_missing_metadata() -> None:
    doc = clean(load(REAL_CORPUS / DOC_002), DocumentMeta(DOC_002))
    assert doc.meta.title == "Russia–Ukraine Talks and the Indispensable Role of the US and Europe"
    assert doc.meta.author == "Riccardo Alcaro"


def test_lower_case_byline_is_recognised() -> None:
    doc = from_text("Talks in Istanbul\n\nby Jane Doe and John Smith\n\nThe talks went on.")
    assert [s.kind for s in doc.segments] == ["title", "byline", "body"]
    assert doc.segments[2].section is None


@pytest.mark.parametrize("byline", ["By Jane Doe", "BY JANE DOE", "by Martin van der Pütten"])
def test_capitalised_byline_is_recognised(byline: str) -> None:
    doc = from_text(f"Talks in Istanbul\n\n{byline}\n\nThe talks went on. They ended.\n\nMore text here.")
    assert [s.kind for s in doc.segments] == ["title", "byline", "body", "body"]
    assert all(s.section is None for s in doc.segments)


def test_002_headings_become_section_names() -> None:
    doc = cleaned(DOC_002)
    headings = of_kind(doc, "heading")
    assert headings == [
        "Two variables determining the course of the war",
        "The knots in the Russian-Ukrainian talks",
        "The hardening of the US and Europe's position",
        "The role of the US and Europe in the talks",
    ]
    sections = {}
    for seg in doc.segments:
        if seg.kind == "body":
            sections.setdefault(seg.section, []).append(seg_text(doc, seg))
    assert list(sections) == [None, *headings]
    assert len(sections[None]) == 2
    assert sections[headings[0]][0].startswith("Two main variables are going to impact")
    assert sections[headings[1]][0].startswith("Against this backdrop, the 15-point plan")
    assert sections[headings[2]][0].startswith("Putin's reluctance to ease the military pressure")
    assert sections[headings[3]][0].startswith("In the face of such risks of escalation")
    assert sections[headings[3]][-1].startswith("The war in Ukraine is a catastrophic event")
    for seg in doc.segments:
        if seg.kind in ("heading", "title", "byline"):
            assert seg.paragraph is None


def test_002_author_note_and_back_matter_are_boilerplate() -> None:
    doc = cleaned(DOC_002)
    boiler = of_kind(doc, "boilerplate")
    assert boiler[0].startswith("Riccardo Alcaro is Research Coordinator and Head of Global Actors programme")
    for expected in (
        "22 March 2022",
        "Istituto Affari Internazionali (IAI)",
        "Via dei Montecatini, 17",
        "I-00186 Rome, Italy",
        "Latest IAI COMMENTARIES",
        "- 22 | 05 Franco Passacantando, *A Digital Euro in Search of an Identity*",
    ):
        assert expected in boiler, expected
    assert any(b.startswith("The Istituto Affari Internazionali (IAI) is a private") for b in boiler)
    assert len(boiler) == 21
    for text in of_kind(doc, "body"):
        assert "Research Coordinator" not in text and "Montecatini" not in text and "22 | 1" not in text
    assert of_kind(doc, "body")[-1].endswith("a necessary condition for the establishment of a durable peace.")


def test_002_counts_and_layout_order() -> None:
    doc = cleaned(DOC_002)
    kinds = [s.kind for s in doc.segments]
    assert kinds.count("body") == 21
    assert kinds.count("heading") == 4
    assert kinds.count("footnote") == 17
    order = {"title": 0, "byline": 1, "body": 2, "heading": 2, "footnote": 3, "boilerplate": 4}
    assert [order[k] for k in kinds] == sorted(order[k] for k in kinds)
    numbered = [s.paragraph for s in doc.segments if s.kind in ("body", "boilerplate")]
    assert numbered == list(range(1, len(numbered) + 1))


# ---- offsets -----------------------------------------------------------------------------------


@pytest.mark.parametrize("doc_id", [DOC_000, DOC_002])
def test_segments_tile_the_clean_text_paragraph_by_paragraph(doc_id: str) -> None:
    doc = cleaned(doc_id)
    paragraphs = doc.text.split("\n\n")
    assert [seg_text(doc, s) for s in doc.segments] == paragraphs
    position = 0
    for seg in doc.segments:
        assert seg.start == position
        position = seg.end + 2
    assert doc.segments[-1].end == len(doc.text)
    for text in paragraphs:
        assert text == text.strip() and "\n" not in text and "  " not in text


def test_clean_document_round_trips_through_a_dict() -> None:
    doc = cleaned(DOC_002)
    data = doc.to_dict()
    assert data["text"] == doc.text
    assert data["meta"]["doc_id"] == DOC_002
    assert len(data["segments"]) == len(doc.segments)
    assert data["segments"][0] == {
        "start": 0, "end": len("Russia–Ukraine Talks and the Indispensable Role of the US and Europe"),
        "kind": "title", "paragraph": None, "page": None, "page_end": None, "section": None, "footnote": None,
    }


# ---- synthetic edge cases ----------------------------------------------------------------------


def test_normalize_paragraph() -> None:
    assert normalize_paragraph("  Tops \\$100   Billion\\_ \\*not emphasis\\*\n now ") == "Tops $100 Billion_ *not emphasis* now"
    assert normalize_paragraph("C:\\Users\\x") == "C:\\Users\\x"


def test_bracketed_footnotes_are_recognised() -> None:
    doc = from_text(
        "A long body paragraph that goes on and on about the talks in Istanbul and is cut by the\n\n"
        "[1] A source, 2022.\n\n"
        "[12] Another source.\n\n"
        "page break in the middle of the sentence."
    )
    assert of_kind(doc, "body") == [
        "A long body paragraph that goes on and on about the talks in Istanbul and is cut by the "
        "page break in the middle of the sentence."
    ]
    assert [s.footnote for s in doc.segments if s.kind == "footnote"] == [1, 12]


def test_lower_case_continuation_after_page_break_is_rejoined() -> None:
    doc = from_text("The delegations agreed that the talks would\n\ncontinue next week.\n\nA new paragraph.")
    assert of_kind(doc, "body") == ["The delegations agreed that the talks would continue next week.", "A new paragraph."]


def test_short_unfinished_paragraph_before_upper_case_is_not_glued() -> None:
    doc = from_text("A list follows\n\nThe list item one.\n\nThe list item two.")
    assert "A list follows The list" not in doc.text


def test_copyright_line_late_in_document_starts_boilerplate() -> None:
    body = "\n\n".join(f"Paragraph number {n} of the article, with some words in it." for n in range(10))
    doc = from_text(body + "\n\n© 2022 The Publisher\n\nAll rights reserved.")
    assert of_kind(doc, "boilerplate") == ["© 2022 The Publisher", "All rights reserved."]
    assert len(of_kind(doc, "body")) == 10


def test_date_line_early_in_document_is_not_back_matter() -> None:
    doc = from_text("22 March 2022\n\nThe body follows here with many words.\n\nMore body text here, and more.")
    assert "boilerplate" not in {s.kind for s in doc.segments}


def test_empty_document_gives_empty_clean_text() -> None:
    doc = clean(RawDocument(blocks=[Block("   "), Block("* * *")]), DocumentMeta("e.txt"))
    assert doc.text == "" and doc.segments == ()


def test_html_heading_first_is_the_title() -> None:
    raw = RawDocument(blocks=[Block("Talks", heading=True), Block("Body text.")], found_meta={"title": "Talks"})
    doc = clean(raw, DocumentMeta("x.html"))
    assert [s.kind for s in doc.segments] == ["title", "body"]
