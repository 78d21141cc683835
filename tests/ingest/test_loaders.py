"""Loaders: .txt, .md, .html and .pdf into raw paragraphs; every unusable file is a DocumentError
whose message names the file and says why. Also corpus discovery and the metadata sidecar."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import DOC_000, DOC_002, FIXTURES, REAL_CORPUS
from qa.ingest.clean import clean
from qa.ingest.discover import DocumentMeta, discover, file_sha256, read_metadata
from qa.errors import CorpusError, DocumentError, QAError
from qa.ingest.loaders import Block, load, split_paragraphs


def texts(path: Path) -> list[str]:
    return [b.text for b in load(path).blocks]


# ---- plain text and Markdown -----------------------------------------------------------------


def test_txt_paragraphs_split_on_blank_lines_and_wrapped_lines_joined(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("First line\nwrapped here.\n\n  \t\nSecond paragraph.\r\n\r\nThird\r\none.\n", encoding="utf-8")
    raw = load(path)
    assert [b.text for b in raw.blocks] == ["First line wrapped here.", "Second paragraph.", "Third one."]
    assert all(b.page is None and not b.heading for b in raw.blocks)
    assert raw.found_meta == {}


def test_txt_with_utf8_bom_and_old_mac_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffRussia’s talks.\r\rSecond — para.".encode("utf-8"))
    assert texts(path) == ["Russia’s talks.", "Second — para."]


def test_list_items_stay_separate_paragraphs() -> None:
    blocks = split_paragraphs("Intro line:\n- first item\n- second item\n* third\n1. fourth\n2) fifth")
    assert [b.text for b in blocks] == ["Intro line:", "- first item", "- second item", "* third", "1. fourth", "2) fifth"]


def test_real_corpus_files_load(tmp_path: Path) -> None:
    blocks_000 = texts(REAL_CORPUS / DOC_000)
    assert blocks_000[0].startswith("date 2022-04-01 So far, Western diplomacy")
    assert "* * *" in blocks_000
    assert len(blocks_000) == 13  # 12 paragraphs and the section break
    blocks_002 = texts(REAL_CORPUS / DOC_002)
    assert blocks_002[0] == "Russia–Ukraine Talks and the Indispensable Role of the US and Europe"
    assert blocks_002[1] == "by Riccardo Alcaro"


def test_markdown_file_loads_paragraphs() -> None:
    found = texts(FIXTURES / "notes.md")
    assert "The sixth round of talks took place in Istanbul on 29 March 2022." in found
    assert "Ukraine proposed a 10-point plan. It offered neutrality in exchange for security guarantees." in found
    assert "- Crimea: a 15-year timeline." in found and "- Donbas: to be discussed by the presidents." in found


def test_markdown_headings_become_title_and_section_names() -> None:
    doc = clean(load(FIXTURES / "notes.md"), DocumentMeta("notes.md"))
    kinds = {doc.text[s.start : s.end]: s for s in doc.segments}
    assert doc.meta.title == "Notes on the Istanbul Talks"
    assert kinds["Background"].kind == "heading"
    assert kinds["What happens next?"].kind == "heading"
    body = [s for s in doc.segments if s.kind == "body"]
    assert body[-1].section == "What happens next?"
    assert "#" not in doc.text


# ---- HTML ------------------------------------------------------------------------------------


def test_html_drops_scripts_styles_nav_and_decodes_entities() -> None:
    raw = load(FIXTURES / "article.html")
    joined = "\n".join(b.text for b in raw.blocks)
    for hidden in ("SCRIPT_TEXT", "INLINE_SCRIPT_TEXT", "STYLE_TEXT", "color: red", "NAV_TEXT", "NOSCRIPT_TEXT"):
        assert hidden not in joined
    assert [b.text for b in raw.blocks] == [
        "Talks in Istanbul",
        "The delegations met on Tuesday — the sixth round – at Dolmabahçe Palace.",
        "Sanctions",
        "Sberbank is Russia’s largest bank and VTB the second-largest.",
        "First point of the plan.",
        "Second point of the plan.",
    ]
    assert [b.heading for b in raw.blocks] == [True, False, True, False, False, False]
    assert "&" not in joined and "\u00a0" not in joined


def test_html_title_author_and_date_become_metadata() -> None:
    raw = load(FIXTURES / "article.html")
    assert raw.found_meta == {"title": "Talks in Istanbul & After", "author": "Jane Doe", "date": "2022-03-30"}
    doc = clean(raw, DocumentMeta("article.html"))
    assert doc.meta.title == "Talks in Istanbul & After"
    assert doc.meta.author == "Jane Doe"
    assert doc.meta.date == "2022-03-30"
    # Headings become section names of the passages that follow.
    sberbank = next(s for s in doc.segments if doc.text[s.start : s.end].startswith("Sberbank"))
    assert sberbank.kind == "body" and sberbank.section == "Sanctions"


def test_html_sidecar_metadata_wins_over_the_page_title() -> None:
    doc = clean(load(FIXTURES / "article.html"), DocumentMeta("article.html", title="Sidecar title"))
    assert doc.meta.title == "Sidecar title"
    assert doc.meta.author == "Jane Doe"


def test_html_without_block_tags_falls_back_to_body_text(tmp_path: Path) -> None:
    path = tmp_path / "bare.html"
    path.write_text("<html><body>First part of the text.<br><br>Second part.</body></html>", encoding="utf-8")
    assert " ".join(texts(path)) == "First part of the text. Second part."


def test_html_text_in_divs_is_not_lost() -> None:
    joined = " ".join(texts(FIXTURES / "div_article.html"))
    assert "Ukraine gave up the Soviet nuclear weapons based on its soil." in joined
    assert "The Budapest memorandum was signed in 1994." in joined
    assert "Russia later ignored the assurances it had given." in joined


def test_html_text_of_an_outer_list_item_is_not_lost(tmp_path: Path) -> None:
    path = tmp_path / "nested.html"
    path.write_text(
        "<html><body><ul><li>Security guarantees for Ukraine<ul><li>from NATO members</li></ul></li></ul>"
        "<blockquote>Quoted lead-in.<p>Quoted paragraph.</p></blockquote></body></html>",
        encoding="utf-8",
    )
    joined = " ".join(texts(path))
    assert "from NATO members" in joined and "Quoted paragraph." in joined
    assert "Security guarantees for Ukraine" in joined
    assert "Quoted lead-in." in joined


def test_deeply_nested_inline_html_loads_in_linear_time_with_its_text(tmp_path: Path) -> None:
    # 50,000 nested <span>s (~1 MB): the walk from each text node to its block element was
    # quadratic (about 200 s for this page); remembering each tag's block makes it linear.
    n = 50_000
    path = tmp_path / "nested.html"
    path.write_text("<html><body><p>" + "".join(f"<span>w{i} " for i in range(n)) + "</span>" * n + "</p></body></html>",
                    encoding="utf-8")
    raw = load(path)
    assert len(raw.blocks) == 1
    words = raw.blocks[0].text.split()
    assert words == [f"w{i}" for i in range(n)]


def test_html_with_no_text_is_a_document_error() -> None:
    with pytest.raises(DocumentError, match="no text"):
        load(FIXTURES / "no_text.html")


def test_html_with_no_text_error_names_the_file() -> None:
    with pytest.raises(DocumentError) as info:
        load(FIXTURES / "no_text.html")
    assert "no_text.html" in str(info.value)


# ---- PDF ---------------------------------------------------------------------------------------


def test_pdf_pages_are_numbered_and_title_read_from_info() -> None:
    raw = load(FIXTURES / "two_pages.pdf")
    assert raw.found_meta == {"title": "Ceasefire Report PDF"}
    assert {b.page for b in raw.blocks} == {1, 2}
    page1 = [b.text for b in raw.blocks if b.page == 1]
    page2 = [b.text for b in raw.blocks if b.page == 2]
    assert any("Sanctions were discussed only briefly on the first day." in t for t in page1)
    assert page1[-1] == "The delegations agreed that the next round of talks would"
    assert page2[0].startswith("take place in Istanbul at the end of the month")
    assert any("Sberbank, the largest Russian bank, and VTB, the second-largest" in t for t in page2)


def test_pdf_hyphenated_line_break_is_joined() -> None:
    joined = " ".join(texts(FIXTURES / "two_pages.pdf"))
    assert "the international guarantees" in joined
    assert "inter-" not in joined


def test_pdf_sentence_broken_by_page_break_is_rejoined_with_both_pages() -> None:
    doc = clean(load(FIXTURES / "two_pages.pdf"), DocumentMeta("two_pages.pdf"))
    seg = next(s for s in doc.segments if "next round of talks would" in doc.text[s.start : s.end])
    text = doc.text[seg.start : seg.end]
    assert "next round of talks would take place in Istanbul at the end of the month" in text
    assert (seg.kind, seg.page, seg.page_end) == ("body", 1, 2)


def test_pdf_heading_line_is_its_own_block() -> None:
    raw = load(FIXTURES / "two_pages.pdf")
    assert raw.blocks[0].text == "Ceasefire Report"


def test_pdf_without_text_is_a_document_error_naming_the_file() -> None:
    with pytest.raises(DocumentError) as info:
        load(FIXTURES / "no_text.pdf")
    assert "no_text.pdf" in str(info.value) and "no extractable text" in str(info.value)


def test_corrupt_pdf_is_a_document_error_naming_the_file() -> None:
    with pytest.raises(DocumentError) as info:
        load(FIXTURES / "corrupt.pdf")
    assert "corrupt.pdf" in str(info.value) and "not a readable PDF" in str(info.value)


def test_text_file_renamed_to_pdf_is_a_document_error(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_text("This is not a PDF at all.\n", encoding="utf-8")
    with pytest.raises(DocumentError) as info:
        load(path)
    assert "fake.pdf" in str(info.value) and "PDF" in str(info.value)


def test_encrypted_pdf_is_a_document_error(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(FIXTURES / "two_pages.pdf"))
    try:
        writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    except Exception as exc:  # pragma: no cover - depends on optional crypto support
        pytest.skip(f"pypdf cannot encrypt here: {exc}")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(DocumentError) as info:
        load(path)
    assert "locked.pdf" in str(info.value) and "encrypted" in str(info.value)


# ---- files that are not documents --------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "is empty"),
        ("empty.pdf", b"", "is empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "binary"),
        ("latin1.txt", "café au lait, déjà vu".encode("latin-1"), "not valid UTF-8"),
        ("latin1.md", b"ok\n\n\xff\xfe broken", "not valid UTF-8"),
        ("latin1.html", b"<p>caf\xe9</p>", "not valid UTF-8"),
    ],
)
def test_unusable_file_is_a_document_error_naming_file_and_reason(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(DocumentError) as info:
        load(path)
    message = str(info.value)
    assert name in message and reason in message
    assert isinstance(info.value, QAError)


def test_invalid_utf8_message_gives_the_byte_offset_and_a_fix(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"caf\xe9")
    with pytest.raises(DocumentError, match=r"byte 3.*iconv"):
        load(path)


def test_missing_file_is_a_document_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="gone.txt"):
        load(tmp_path / "gone.txt")


def test_oversized_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import qa.ingest.loaders

    monkeypatch.setattr(qa.ingest.loaders, "MAX_DOCUMENT_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_text("x" * 100, encoding="utf-8")
    with pytest.raises(DocumentError, match=r"big\.txt.*limit"):
        load(path)


# ---- discovery and the metadata sidecar ------------------------------------------------------


def test_discover_real_corpus_with_sidecar_metadata() -> None:
    listing = discover(REAL_CORPUS)
    assert [f.doc_id for f in listing.files] == [DOC_000, DOC_002]
    assert listing.unsupported == []
    by_id = {f.doc_id: f for f in listing.files}
    meta = by_id[DOC_002].meta
    assert meta.title == "Russia–Ukraine Talks and the Indispensable Role of the US and Europe"
    assert (meta.author, meta.publisher, meta.date) == ("Riccardo Alcaro", "Istituto Affari Internazionali (IAI)", "2022-03-22")
    assert by_id[DOC_000].meta.extra == {"title_note": "The source gives no title; this one describes the piece.",
                                         "supplied": ["title", "kind"]}
    assert by_id[DOC_000].sha256 == file_sha256(REAL_CORPUS / DOC_000)


def test_discover_recurses_sorts_and_lists_unsupported(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("B.", encoding="utf-8")
    (tmp_path / "sub" / "a.md").write_text("A.", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / "README.md").write_text("not a document", encoding="utf-8")
    (tmp_path / "metadata.json").write_text(json.dumps({"sub/a.md": {"title": "A", "custom": 1}}), encoding="utf-8")
    listing = discover(tmp_path)
    assert [f.doc_id for f in listing.files] == ["b.txt", "sub/a.md"]
    assert [p.name for p in listing.unsupported] == ["notes.docx"]
    a = listing.files[1].meta
    assert a.title == "A" and a.extra == {"custom": 1}


def test_meta_sha_changes_with_metadata(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    shutil.copy(REAL_CORPUS / DOC_000, corpus / DOC_000)
    before = discover(corpus).files[0].meta_sha256
    (corpus / "metadata.json").write_text(json.dumps({DOC_000: {"date": "2022-04-02"}}), encoding="utf-8")
    assert discover(corpus).files[0].meta_sha256 != before


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"a.txt": "just a string"}', "[" * 100_000])
def test_bad_metadata_sidecar_is_ignored_with_a_warning(tmp_path: Path, content: str) -> None:
    (tmp_path / "metadata.json").write_text(content, encoding="utf-8")
    sidecar = read_metadata(tmp_path)
    assert sidecar.entries == {}
    assert len(sidecar.warnings) == 1 and "metadata.json" in sidecar.warnings[0]


def test_missing_corpus_folder_is_a_corpus_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="does not exist"):
        discover(tmp_path / "nowhere")


def test_block_is_a_plain_value() -> None:
    assert Block("x") == Block("x", None, False)
