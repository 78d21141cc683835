"""Chunking: whole sentences, bounded size, one-sentence overlap, sections, footnotes, stable ids."""

from __future__ import annotations

from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DOC_000, DOC_002, FIXTURES, REAL_CORPUS
from qa.ingest.chunk import Chunk, chunk_document
from qa.ingest.clean import CleanDocument, Segment, clean
from qa.errors import SettingsError
from qa.settings import ChunkSettings
from qa.ingest.discover import DocumentMeta, discover
from qa.ingest.loaders import RawDocument, load, split_paragraphs
from qa.ingest.sentences import split_sentences


def words(texts) -> list[int]:
    """A fake token counter: one token per whitespace-separated word."""
    return [len(t.split()) for t in texts]


@lru_cache(maxsize=None)
def cleaned(doc_id: str) -> CleanDocument:
    source = next(f for f in discover(REAL_CORPUS).files if f.doc_id == doc_id)
    return clean(load(source.path), source.meta)


def from_text(text: str, doc_id: str = "t.txt") -> CleanDocument:
    return clean(RawDocument(blocks=split_paragraphs(text)), DocumentMeta(doc_id))


SETTINGS = ChunkSettings(max_tokens=60, overlap_sentences=1, min_fill=0.6)


@lru_cache(maxsize=None)
def real_chunks(doc_id: str, max_tokens: int = 60, overlap: int = 1) -> tuple[Chunk, ...]:
    settings = ChunkSettings(max_tokens=max_tokens, overlap_sentences=overlap)
    return tuple(chunk_document(cleaned(doc_id), words, settings))


def group_key(seg: Segment):
    if seg.kind == "body":
        return ("body", seg.section)
    if seg.kind == "footnote":
        return ("footnote", seg.start)
    if seg.kind in ("title", "byline"):
        return ("title",)
    return (seg.kind,)


def segments_in(doc: CleanDocument, chunk: Chunk) -> list[Segment]:
    return [s for s in doc.segments if s.start < chunk.end and chunk.start < s.end]


def group_sentences(doc: CleanDocument) -> dict[tuple, list[tuple[int, int]]]:
    """All sentence spans of the indexed segments, per chunking group, in order."""
    groups: dict[tuple, list[tuple[int, int]]] = {}
    for seg in doc.segments:
        if seg.kind == "heading":
            continue
        groups.setdefault(group_key(seg), []).extend(split_sentences(doc.text, seg.start, seg.end))
    return groups


def check_chunks(doc: CleanDocument, chunks: list[Chunk], settings: ChunkSettings) -> None:
    """The invariants every chunking must satisfy, whatever the text."""
    groups = group_sentences(doc)
    starts = {s for spans in groups.values() for s, _ in spans}
    ends = {e for spans in groups.values() for _, e in spans}
    for chunk in chunks:
        assert chunk.text == doc.text[chunk.start : chunk.end]
        assert chunk.text and chunk.text == chunk.text.strip()
        assert chunk.doc_id == doc.meta.doc_id
        # Whole sentences only.
        assert chunk.start in starts, f"chunk starts mid-sentence: {chunk.text[:40]!r}"
        assert chunk.end in ends, f"chunk ends mid-sentence: {chunk.text[-40:]!r}"
        # One group only: never across a heading, a footnote or the body/boilerplate border.
        segs = segments_in(doc, chunk)
        assert segs and all(s.kind != "heading" for s in segs)
        assert len({group_key(s) for s in segs}) == 1, [s.kind for s in segs]
        assert chunk.kind == ("title" if segs[0].kind == "byline" else segs[0].kind)
        assert chunk.section == segs[0].section
        assert chunk.footnote == segs[0].footnote
        assert chunk.paragraph == segs[0].paragraph and chunk.paragraph_end == segs[-1].paragraph
        assert chunk.page == segs[0].page and chunk.page_end == segs[-1].page_end
        # Size: at most max_tokens, unless the chunk is one (over-long) sentence.
        sentence_count = sum(1 for spans in groups.values() for s, e in spans if chunk.start <= s and e <= chunk.end)
        assert chunk.tokens == sum(words([doc.text[s:e] for spans in groups.values() for s, e in spans if chunk.start <= s and e <= chunk.end]))
        assert chunk.tokens <= settings.max_tokens or sentence_count == 1
    # Every sentence of every indexed segment is in some chunk.
    for spans in groups.values():
        for s, e in spans:
            assert any(c.start <= s and e <= c.end for c in chunks), f"sentence not in any chunk: {doc.text[s:e]!r}"


# ---- the real corpus ---------------------------------------------------------------------------


@pytest.mark.parametrize("doc_id", [DOC_000, DOC_002])
@pytest.mark.parametrize("max_tokens", [20, 60, 128])
def test_real_documents_satisfy_the_invariants(doc_id: str, max_tokens: int) -> None:
    settings = ChunkSettings(max_tokens=max_tokens)
    check_chunks(cleaned(doc_id), list(real_chunks(doc_id, max_tokens)), settings)


def test_real_chunk_counts_and_kinds() -> None:
    kinds_000 = [c.kind for c in real_chunks(DOC_000)]
    assert set(kinds_000) == {"body"}
    assert len(kinds_000) == 39
    chunks_002 = real_chunks(DOC_002)
    kinds = [c.kind for c in chunks_002]
    assert kinds[0] == "title" and kinds.count("title") == 1
    assert kinds.count("footnote") == 17
    assert kinds.count("body") > 20 and kinds.count("boilerplate") >= 5
    # Layout order: title, body, footnotes, boilerplate.
    order = {"title": 0, "body": 1, "footnote": 2, "boilerplate": 3}
    assert [order[k] for k in kinds] == sorted(order[k] for k in kinds)


def test_title_and_byline_make_one_front_matter_passage() -> None:
    title = real_chunks(DOC_002)[0]
    assert title.text == "Russia–Ukraine Talks and the Indispensable Role of the US and Europe\n\nby Riccardo Alcaro"
    assert (title.kind, title.paragraph, title.section) == ("title", None, None)


def test_footnotes_are_one_per_passage_and_whole() -> None:
    doc = cleaned(DOC_002)
    footnote_segments = {s.footnote: s for s in doc.segments if s.kind == "footnote"}
    footnote_chunks = [c for c in real_chunks(DOC_002, 128) if c.kind == "footnote"]
    assert [c.footnote for c in footnote_chunks] == list(range(1, 18))
    for chunk in footnote_chunks:
        seg = footnote_segments[chunk.footnote]
        assert (chunk.start, chunk.end) == (seg.start, seg.end)
        assert chunk.paragraph is None and chunk.section is None
    fn14 = footnote_chunks[13]
    assert "Biden Announces $800 Million in Military Aid to Ukraine" in fn14.text


def test_a_footnote_longer_than_max_tokens_is_split_but_never_shared() -> None:
    chunks = [c for c in real_chunks(DOC_002, 8) if c.kind == "footnote"]
    assert sorted({c.footnote for c in chunks}) == list(range(1, 18))
    doc = cleaned(DOC_002)
    for chunk in chunks:
        assert len([s for s in segments_in(doc, chunk) if s.kind == "footnote"]) == 1
    # A note of two sentences, longer than max_tokens, is split at its sentences; the next note is its own.
    doc = from_text("A body sentence.¹ Another one.\n\n¹ Guy Chazan, The first note sentence is here. It has a second "
                    "sentence too.\n\n² Another note with one sentence.")
    notes = [(c.footnote, c.text) for c in chunk_document(doc, words, ChunkSettings(max_tokens=8, overlap_sentences=1))
             if c.kind == "footnote"]
    assert notes == [(1, "¹ Guy Chazan, The first note sentence is here."), (1, "It has a second sentence too."),
                     (2, "² Another note with one sentence.")]


def test_chunks_never_cross_a_heading() -> None:
    doc = cleaned(DOC_002)
    headings = [s for s in doc.segments if s.kind == "heading"]
    for chunk in real_chunks(DOC_002, 128):
        for heading in headings:
            assert not (chunk.start <= heading.start < chunk.end), chunk.text[:60]
    sections = [c.section for c in real_chunks(DOC_002, 128) if c.kind == "body"]
    assert sections[0] is None
    assert sections.count("The knots in the Russian-Ukrainian talks") >= 2
    assert sections[-1] == "The role of the US and Europe in the talks"


@pytest.mark.parametrize("doc_id", [DOC_000, DOC_002])
@pytest.mark.parametrize("max_tokens", [40, 60, 128])
def test_consecutive_chunks_of_a_section_overlap_by_one_sentence(doc_id: str, max_tokens: int) -> None:
    doc = cleaned(doc_id)
    chunks = [c for c in real_chunks(doc_id, max_tokens) if c.kind == "body"]
    spans_by_group = group_sentences(doc)
    overlapped = 0
    for before, after in zip(chunks, chunks[1:]):
        if before.section != after.section:
            assert after.start >= before.end  # a new section starts fresh
            continue
        spans = spans_by_group[("body", before.section)]
        inside = [i for i, (s, e) in enumerate(spans) if before.start <= s and e <= before.end]
        last = inside[-1]
        next_tokens = words([doc.text[slice(*spans[last])], doc.text[slice(*spans[last + 1])]])
        if len(inside) > 1 and sum(next_tokens) <= max_tokens:
            assert after.start == spans[last][0], "the next chunk must repeat exactly the last sentence"
            assert doc.text[after.start : before.end] == doc.text[slice(*spans[last])]
            overlapped += 1
        else:
            assert after.start == spans[last + 1][0]
    # With small chunks most hold one or two sentences and the overlap rule rarely applies.
    assert overlapped >= (len(chunks) // 2 if max_tokens >= 60 else 1)


def test_no_overlap_when_overlap_is_zero() -> None:
    chunks = [c for c in real_chunks(DOC_000, 60, 0)]
    for before, after in zip(chunks, chunks[1:]):
        assert after.start > before.end


def test_overlap_of_two_sentences() -> None:
    doc = from_text(" ".join(f"Sentence number {n} has five." for n in range(30)))
    chunks = chunk_document(doc, words, ChunkSettings(max_tokens=25, overlap_sentences=2))
    assert [c.text.count(".") for c in chunks[:-1]] == [5] * (len(chunks) - 1)
    for before, after in zip(chunks, chunks[1:]):
        shared = doc.text[after.start : before.end]
        assert shared.count(".") == 2, shared


def test_chunk_closes_early_at_a_paragraph_end_once_min_fill_is_reached() -> None:
    # Two paragraphs of 4 sentences x 5 words; max 40, min_fill 0.5: the first chunk ends at the paragraph end.
    para = " ".join(f"This is sentence {n} here." for n in range(4))
    doc = from_text(para + "\n\n" + para.replace("This", "That"))
    chunks = chunk_document(doc, words, ChunkSettings(max_tokens=40, overlap_sentences=1, min_fill=0.5))
    assert chunks[0].text == para
    assert chunks[0].paragraph == chunks[0].paragraph_end == 1


@pytest.mark.parametrize("overlap", [-1, -5])
def test_negative_overlap_is_refused(overlap: int) -> None:
    """The chunker would skip sentences with a negative overlap, so the settings refuse it, whether
    given in code or read back from a manifest."""
    with pytest.raises(SettingsError, match=rf"ChunkSettings\.overlap_sentences must be at least 0, not {overlap}"):
        ChunkSettings(max_tokens=8, overlap_sentences=overlap)
    with pytest.raises(SettingsError, match="overlap_sentences"):
        ChunkSettings.from_dict({"max_tokens": 8, "overlap_sentences": overlap})


def test_sentence_longer_than_max_tokens_is_a_chunk_of_its_own() -> None:
    long_sentence = "This sentence is " + "very " * 50 + "long."
    doc = from_text(f"Short one here. {long_sentence} Another short one.")
    chunks = chunk_document(doc, words, ChunkSettings(max_tokens=20))
    assert long_sentence in [c.text for c in chunks]
    assert [c.tokens for c in chunks if c.text == long_sentence] == [54]
    check_chunks(doc, chunks, ChunkSettings(max_tokens=20))


def test_paragraph_numbers_are_set_for_body_and_boilerplate() -> None:
    for chunk in real_chunks(DOC_002, 60):
        if chunk.kind in ("body", "boilerplate"):
            assert chunk.paragraph is not None and chunk.paragraph <= chunk.paragraph_end
        else:
            assert chunk.paragraph is None
    paragraphs = [c.paragraph for c in real_chunks(DOC_000, 60)]
    assert paragraphs == sorted(paragraphs) and paragraphs[0] == 1 and paragraphs[-1] == 12


def test_pdf_chunks_carry_page_numbers() -> None:
    doc = clean(load(FIXTURES / "two_pages.pdf"), DocumentMeta("two_pages.pdf"))
    chunks = chunk_document(doc, words, ChunkSettings(max_tokens=30))
    check_chunks(doc, chunks, ChunkSettings(max_tokens=30))
    assert all(c.page is not None and c.page_end is not None for c in chunks)
    spanning = [c for c in chunks if "talks would take place in Istanbul" in c.text]
    assert spanning and all((c.page, c.page_end) == (1, 2) for c in spanning)
    assert any(c.page == 1 and c.page_end == 1 for c in chunks)


# ---- stable ids --------------------------------------------------------------------------------


def test_ids_are_stable_and_unique() -> None:
    doc = cleaned(DOC_002)
    first = chunk_document(doc, words, SETTINGS)
    second = chunk_document(cleaned.__wrapped__(DOC_002), words, SETTINGS)
    assert [c.id for c in first] == [c.id for c in second]
    assert [c.to_dict() for c in first] == [c.to_dict() for c in second]
    assert len({c.id for c in first}) == len(first)
    assert all(len(c.id) == 16 and int(c.id, 16) >= 0 for c in first)


def test_same_text_in_another_document_gets_another_id() -> None:
    text = "One sentence here. Another sentence there."
    a = chunk_document(from_text(text, "a.txt"), words, SETTINGS)
    b = chunk_document(from_text(text, "b.txt"), words, SETTINGS)
    assert [c.text for c in a] == [c.text for c in b]
    assert {c.id for c in a}.isdisjoint({c.id for c in b})


def test_repeated_text_in_one_document_gets_distinct_ids() -> None:
    para = "The same boilerplate sentence appears twice."
    doc = from_text(f"{para}\n\n## Other\n\nSomething else entirely here.\n\n{para}")
    chunks = chunk_document(doc, words, ChunkSettings(max_tokens=8, overlap_sentences=0))
    same = [c for c in chunks if c.text == para]
    assert len(same) == 2 and same[0].id != same[1].id


@pytest.mark.parametrize(
    ("old", "new", "paragraph"),
    [
        ("Poland has already announced", "Poland already announced", 7),
        ("Together, the military support", "Together, the strong military support and more", 8),
        ("So far, Western diplomacy", "So far, Western diplomacy (and much else besides, in fact)", 1),
        ("Peskov pushed back", "Peskov pushed strongly back", 9),
    ],
)
def test_editing_one_paragraph_changes_only_nearby_ids(old: str, new: str, paragraph: int) -> None:
    source = (REAL_CORPUS / DOC_000).read_text(encoding="utf-8")
    assert source.count(old) == 1
    before = chunk_document(from_text(source, DOC_000), words, SETTINGS)
    after = chunk_document(from_text(source.replace(old, new), DOC_000), words, SETTINGS)
    old_ids = {c.id for c in before}
    changed = [c for c in after if c.id not in old_ids]
    assert 1 <= len(changed) <= 3
    for chunk in after:
        if chunk.id not in old_ids:
            assert chunk.paragraph - 1 <= paragraph <= chunk.paragraph_end + 1
        if chunk.paragraph_end < paragraph - 1 or chunk.paragraph > paragraph + 1:
            assert chunk.id in old_ids, f"chunk far from the edit changed: paragraphs {chunk.paragraph}-{chunk.paragraph_end}"
    assert len(after) - len(changed) >= len(after) - 3


def test_chunk_round_trips_through_a_dict() -> None:
    chunk = real_chunks(DOC_002)[5]
    assert Chunk.from_dict(chunk.to_dict()) == chunk
    assert Chunk.from_dict({**chunk.to_dict(), "embed_sha": "ignored"}) == chunk


# ---- properties on arbitrary text ------------------------------------------------------------

_PARAGRAPH = st.one_of(
    st.text(min_size=1, max_size=200),
    st.lists(
        st.sampled_from(
            ["The talks went on.", "Mr. Lavrov spoke.", "U.S. aid grew.", "It rose.²", "A “quote.”", "no end", "and more",
             "Sberbank is largest", "e.g. this", "*Blitzkrieg*", "\\$800", "(aside.)", "Why?", "— dash —"]
        ),
        min_size=1,
        max_size=30,
    ).map(" ".join),
    st.sampled_from(["* * *", "## Heading", "A Heading", "¹ A footnote source, 2022.", "[3] Another source.",
                     "by Jane Doe", "22 March 2022", "© 2022 Publisher", "date 2022-04-01 Body.", "- list item"]),
)
_DOCUMENT = st.lists(_PARAGRAPH, min_size=1, max_size=25).map("\n\n".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOCUMENT, st.integers(3, 80), st.integers(0, 2), st.sampled_from([0.0, 0.6, 1.0]))
def test_chunking_properties_on_arbitrary_text(text: str, max_tokens: int, overlap: int, min_fill: float) -> None:
    doc = from_text(text)
    settings_ = ChunkSettings(max_tokens=max_tokens, overlap_sentences=overlap, min_fill=min_fill)
    chunks = chunk_document(doc, words, settings_)
    check_chunks(doc, chunks, settings_)
    for seg in doc.segments:
        assert doc.text[seg.start : seg.end].strip()
    # Deterministic: the same input gives the same chunks.
    assert chunk_document(doc, words, settings_) == chunks


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_chunking_never_fails_on_unicode_noise(text: str) -> None:
    doc = from_text(text)
    chunks = chunk_document(doc, words, SETTINGS)
    check_chunks(doc, chunks, SETTINGS)


def test_empty_document_has_no_chunks() -> None:
    doc = from_text("   \n\n * * * \n")
    assert chunk_document(doc, words, SETTINGS) == []


def test_real_tokenizer_counts_fit_the_model_window() -> None:
    """With the model's own word-piece counter and the indexer's budget, no real passage exceeds 256."""
    from qa.settings import DEFAULT_MODEL
    from qa.embed.encoder import load_tokenizer, resolve_model_path

    tokenizer = load_tokenizer(resolve_model_path(DEFAULT_MODEL))

    def pieces(texts):
        return [len(e.ids) for e in tokenizer.encode_batch(list(texts), add_special_tokens=False)]

    for doc_id in (DOC_000, DOC_002):
        doc = cleaned(doc_id)
        chunks = chunk_document(doc, pieces, ChunkSettings(max_tokens=128))
        assert len(chunks) > 10
        for chunk in chunks:
            single = len(split_sentences(doc.text, chunk.start, chunk.end)) == 1
            assert chunk.tokens <= 128 or single
            assert pieces([chunk.text])[0] + 2 <= 256, chunk.text[:60]
