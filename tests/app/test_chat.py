"""The chat UI without a browser: HTML of the sources panel, chat text, and the chat function's
messages for bad questions and missing or broken indexes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import re
from pathlib import Path

import pytest

from qa.answering.answerer import NOT_FOUND, Answer, Support
from qa.retrieval.retriever import Passage
from qa.app.chat import (
    ABSTAIN_MESSAGE,
    EXAMPLES,
    SEARCHING,
    ChatBackend,
    answer_key,
    answer_markdown,
    answer_sources_block,
    passage_html,
    chat_message,
    link_markers,
    restored_conversation,
    auth_from_environment,
    build_or_update_index,
    chat_markdown,
    documents_html,
    escape_text,
    exposure_warning,
    highlight_spans,
    is_loopback,
    sources_html,
    stream_chunks,
    typed_history,
    user_markdown,
    user_text,
)

HOSTILE = (
    'Intro sentence here. The sign read <script>window.__xss=1</script> today. '
    'Then <img src=x onerror="window.__xss=2"> appeared & left.'
)


def passage(text: str = HOSTILE, **overrides) -> Passage:
    fields = dict(
        id="p1", text=text, doc_id="evil.txt", title="The <b>Evil</b> Gazette", date="2024-05-01",
        publisher="<i>Evil</i> Press", author="Mallory <m@x>", start=100, end=100 + len(text), kind="body",
        paragraph=3, page=None, section=None, footnote=None, score=0.5, rank=1,
    )
    fields.update(overrides)
    return Passage(**fields)


def support_for(p: Passage, sentence: str, citation: int = 1) -> Support:
    at = p.text.index(sentence)
    return Support(
        sentence=sentence, citation=citation, passage_id=p.id, doc_id=p.doc_id, start=p.start + at,
        end=p.start + at + len(sentence), passage_start=at, passage_end=at + len(sentence), score=0.7,
    )


def answered(p: Passage, sentence: str) -> Answer:
    s = support_for(p, sentence)
    return Answer("q?", f"{sentence} [1]", [p], [s], False, 0.7)


def tag_free(html_text: str) -> str:
    """The HTML with our own tags removed: what remains must hold no tag from a document."""
    return re.sub(r"</?(div|span|blockquote|mark|em|p|table|thead|tbody|tr|th|td|details|summary|a)\b[^>]*>", "", html_text)


# --- sources panel ---------------------------------------------------------------------------


def test_hostile_passage_is_escaped_in_sources():
    p = passage()
    out = sources_html(answered(p, "The sign read <script>window.__xss=1</script> today."))
    assert "<script" not in out and "<img" not in out and "<b>" not in out and "<i>" not in out
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in out
    assert "&lt;img src=x onerror=&quot;window.__xss=2&quot;&gt;" in out
    assert "&amp; left." in out
    assert "The &lt;b&gt;Evil&lt;/b&gt; Gazette" in out
    assert "&lt;i&gt;Evil&lt;/i&gt; Press" in out and "Mallory &lt;m@x&gt;" in out
    assert "<" not in tag_free(out)


def test_supporting_sentence_is_highlighted_at_its_offsets():
    p = passage()
    sentence = "The sign read <script>window.__xss=1</script> today."
    out = sources_html(answered(p, sentence))
    marks = re.findall(r"<mark>(.*?)</mark>", out)
    assert marks == ["The sign read &lt;script&gt;window.__xss=1&lt;/script&gt; today."]
    # The text before and after the mark is the passage's own, in order.
    body = re.search(r'<blockquote class="qa-passage">(.*?)</blockquote>', out).group(1)
    assert body.startswith("Intro sentence here. <mark>")
    assert body.endswith("</mark> Then &lt;img src=x onerror=&quot;window.__xss=2&quot;&gt; appeared &amp; left.")


def test_highlight_uses_offsets_not_first_occurrence():
    text = "Same words. Other. Same words."
    out = highlight_spans(text, [(19, 30)])
    assert out == "Same words. Other. <mark>Same words.</mark>"


def test_two_sentences_of_one_passage_and_two_citations():
    p1 = passage("Alpha one. Beta two. Gamma three.", id="a")
    p2 = passage("Delta four. Epsilon five.", id="b", title="Second doc", paragraph=None, page=7)
    s1, s2, s3 = support_for(p1, "Alpha one."), support_for(p1, "Gamma three."), support_for(p2, "Epsilon five.", 2)
    result = Answer("q?", "Alpha one. [1] Gamma three. [1] Epsilon five. [2]", [p1, p2], [s1, s2, s3], False, 0.8)
    out = sources_html(result)
    assert re.findall(r"<mark>(.*?)</mark>", out) == ["Alpha one.", "Gamma three.", "Epsilon five."]
    assert out.index("[1]") < out.index("[2]")
    assert "p. 7" in out and "¶ 3" in out and "Second doc" in out


def test_wrong_offsets_fall_back_to_finding_the_sentence():
    p = passage("First one here. Second one here.")
    bad = Support("Second one here.", 1, p.id, p.doc_id, 0, 0, 0, 5, 0.5)
    out = sources_html(Answer("q?", "Second one here. [1]", [p], [bad], False, 0.5))
    assert re.findall(r"<mark>(.*?)</mark>", out) == ["Second one here."]


def test_metadata_line_shows_publisher_date_and_location():
    out = sources_html(answered(passage("A sentence of note here.", author=None), "A sentence of note here."))
    assert "&lt;i&gt;Evil&lt;/i&gt; Press · 2024-05-01 · ¶ 3" in out
    foot = sources_html(answered(passage("¹⁴ A footnote sentence here.", kind="footnote", footnote=14,
                                         paragraph=None, author=None), "¹⁴ A footnote sentence here."))
    assert "footnote 14" in foot and "¹⁴" in foot


@pytest.mark.parametrize(
    ("overrides", "where"),
    [
        (dict(kind="footnote", footnote=14, paragraph=None, page=4), "footnote 14 · p. 4"),
        (dict(kind="body", paragraph=7, page=4), "p. 4 · ¶ 7"),
        (dict(kind="boilerplate", paragraph=41), "¶ 41 · publisher's boilerplate"),
        (dict(kind="title", paragraph=None), ""),
    ],
    ids=["footnote-on-a-page", "paragraph-on-a-page", "boilerplate", "nowhere"],
)
def test_cards_and_citations_show_the_same_location(overrides, where):
    p = passage("A sentence of note here.", author=None, **overrides)
    assert p.location() == where
    meta = re.search(r'<div class="qa-meta">(.*?)</div>', sources_html(answered(p, "A sentence of note here."))).group(1)
    assert meta == " · ".join(m for m in ("&lt;i&gt;Evil&lt;/i&gt; Press", "2024-05-01", escape_text(where)) if m)
    assert p.citation() == ", ".join(m for m in ("The <b>Evil</b> Gazette", "<i>Evil</i> Press", "2024-05-01", where) if m)


def test_markdown_emphasis_and_unicode_show_as_text():
    out = escape_text("in the *Financial Times*, 16 March¹³ <b>")
    assert out == "in the <em>Financial Times</em>, 16 March¹³ &lt;b&gt;"


def test_abstention_lists_closest_passages_without_highlights():
    closest = [passage("Nothing relevant here at all.", id="c1"), passage("Nor here.", id="c2", title="Other")]
    result = Answer("q?", NOT_FOUND, [], [], True, 0.1, closest)
    out = sources_html(result)
    assert "Closest passages" in out and "do not answer this question" in out
    assert "<mark>" not in out
    assert "Nothing relevant here at all." in out and "Nor here." in out and "Other" in out
    assert answer_markdown(result) == ABSTAIN_MESSAGE


def test_a_question_back_to_the_reader_is_shown_as_text():
    result = Answer("And <b>it</b>?", "What do you mean by “And”? Please ask the whole question <b>x</b>.", [], [], True, 0.0, [])
    out = answer_markdown(result)
    assert "What do you mean by “And”?" in out and "<b>" not in out and "&lt;b&gt;" in out
    assert "No passage is quoted" in sources_html(result)


def test_placeholder_when_no_answer_yet():
    assert "appear here" in sources_html(None)


# --- chat text -------------------------------------------------------------------------------


def test_chat_text_escapes_html_markdown_links_and_latex():
    out = chat_markdown('Aid of $800 million <script>x()</script> ![p](http://t.invalid/p.png) [1] *FT* a_b')
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "\\$800" in out  # no LaTeX even if delimiters came back
    assert "\\!\\[p\\]\\(http://t.invalid/p.png)" in out  # no image fetched
    assert "\\[1\\]" in out and "*FT*" in out and "a\\_b" in out


def test_chat_text_leaves_web_addresses_readable():
    url = "https://www.nytimes.com/2022/03/16/us/politics/biden-military-aid-ukraine.html"
    out = chat_markdown(f"in *The New York Times*, 16 March 2022, <{url}>")
    assert f"&lt;{url}&gt;" in out and "*The New York Times*" in out
    assert chat_markdown("http://a/![x](http://e/i.png)") == "http://a/\\!\\[x\\](http://e/i.png)"


@pytest.mark.parametrize("typed", [
    "What did <img src=x onerror=alert(1)> say?",
    "![p](javascript:alert(1)) and [link](http://e.invalid) *not emphasis* a_b",
    "1. First \\ second & <b>third</b> &amp; $x$ `code` # head",
    "see https://e.invalid/a_b?q=[1]&r=2",
    "",
])
def test_the_users_question_shows_as_typed_and_comes_back_unchanged(typed):
    shown = user_markdown(typed)
    assert "<" not in shown
    assert not re.search(r"(?<!\\)[\[\]*`$]", shown)  # no unescaped link, image, emphasis, code or formula
    assert user_text(shown) == typed


def test_the_chat_function_reads_the_users_questions_as_typed():
    history = [
        {"role": "user", "content": user_markdown("Who is *he*?")},
        {"role": "assistant", "content": "**Alcaro** \\[1\\]"},
        {"role": "user", "content": [{"type": "text", "text": user_markdown("And a_b?")}, {"type": "file", "file": "x"}]},
    ]
    typed = typed_history(history)
    assert typed[0]["content"] == "Who is *he*?"
    assert typed[1] == {"role": "assistant", "content": "**Alcaro** [1]"}  # the answers as written
    assert typed[2]["content"] == [{"type": "text", "text": "And a_b?"}, {"type": "file", "file": "x"}]
    assert typed_history([]) is None and typed_history(None) is None


def test_chat_text_does_not_start_a_list():
    assert chat_markdown("1. First").startswith("1\\.")
    assert chat_markdown("* star").startswith("\\*")


def test_answer_text_keeps_markers():
    p = passage("Sberbank is the largest bank.")
    assert answer_markdown(answered(p, "Sberbank is the largest bank.")) == "Sberbank is the largest bank. \\[1\\]"


# --- each answer with its own sources (the chat message) -----------------------------------


def test_hostile_passage_is_escaped_in_the_answers_own_sources():
    p = passage()
    sentence = "The sign read <script>window.__xss=1</script> today."
    message = chat_message(answered(p, sentence), "a2")
    block = message[message.index('<div class="qa-answer-sources"'):]
    assert "<script" not in message and "<img" not in message and "<b>" not in block and "<i>" not in block
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in block
    assert "&lt;img src=x onerror=&quot;window.__xss=2&quot;&gt;" in block
    assert "The &lt;b&gt;Evil&lt;/b&gt; Gazette" in block and "&lt;i&gt;Evil&lt;/i&gt; Press" in block
    assert "<" not in tag_free(block)
    # One raw-HTML block for Markdown: a blank line inside would end it and let Markdown read the rest.
    assert "\n" not in block


def test_a_passage_with_blank_lines_stays_one_block():
    p = passage("First paragraph here.\n\n# Not a heading [x](http://t.invalid) *em*")
    block = answer_sources_block(answered(p, "First paragraph here."), "a1")
    assert "\n" not in block and "&#10;&#10;# Not a heading [x](http://t.invalid) <em>em</em>" in block


def test_markers_link_to_this_answers_sources():
    p1 = passage("Alpha one. Beta two.", id="a")
    p2 = passage("Gamma three.", id="b", title="Second doc")
    s1, s2 = support_for(p1, "Alpha one."), support_for(p2, "Gamma three.", 2)
    result = Answer("q?", "Alpha one. [1] Gamma three. [2]", [p1, p2], [s1, s2], False, 0.8)
    message = chat_message(result, "a3")
    assert re.findall(r'<a class="qa-cite" href="#(qa-a3-\d)"', message) == ["qa-a3-1", "qa-a3-2"]
    assert re.findall(r'<details class="qa-source qa-card" id="(qa-a3-\d)">', message) == ["qa-a3-1", "qa-a3-2"]
    assert 'id="qa-a3"' in message
    assert re.findall(r"<mark>(.*?)</mark>", message) == ["Alpha one.", "Gamma three."]
    # The text shows the markers as before, inside the links.
    assert message.startswith("Alpha one. <a ") and ">\\[1\\]</a>" in message


def test_short_answer_stays_bold_and_its_marker_is_a_link():
    from dataclasses import replace

    from qa.answering.answerer import Short

    p = passage("Sberbank is the largest bank.")
    result = answered(p, "Sberbank is the largest bank.")
    result = replace(result, short=Short("Sberbank", 1, p.id, p.doc_id, p.start, p.start + 8, 0, 8, 0.9))
    message = chat_message(result, "a1")
    assert message.startswith('**Sberbank** <a class="qa-cite" href="#qa-a1-1" title="Show source 1">\\[1\\]</a>\n\n')


def test_markers_out_of_range_stay_text():
    assert link_markers("See \\[3\\] and \\[1\\]", "a1", 2).startswith("See \\[3\\] and <a ")
    assert link_markers("[1] unescaped", "a1", 1) == "[1] unescaped"


def test_abstention_keeps_its_closest_passages_without_links():
    closest = [passage("Nothing relevant here at all.", id="c1"), passage("Nor here.", id="c2", title="Other")]
    message = chat_message(Answer("q?", NOT_FOUND, [], [], True, 0.1, closest), "a1")
    assert message.startswith(ABSTAIN_MESSAGE) and "qa-cite" not in message
    assert "Closest passages" in message and 'id="qa-a1-2"' in message and "<mark>" not in message
    back = Answer("And?", "What do you mean by “And”?", [], [], True, 0.0, [])
    assert chat_message(back, "a1") == answer_markdown(back)


def test_each_answer_is_named_by_its_place_in_the_conversation():
    assert answer_key([]) == "a1" and answer_key(None) == "a1"
    history = [{"role": "user", "content": "q"}, {"role": "assistant", "content": "x"},
               {"role": "user", "content": "q2"}, {"role": "assistant", "content": "y"}]
    assert answer_key(history) == "a3"


def test_a_conversation_from_the_browser_keeps_only_messages():
    saved = [{"role": "user", "content": [{"type": "text", "text": "q"}], "metadata": None},
             {"role": "assistant", "content": "answer"}, {"role": "system", "content": "x"}, "junk",
             {"role": "user", "content": 3}]
    assert restored_conversation(saved) == [{"role": "user", "content": saved[0]["content"]},
                                            {"role": "assistant", "content": "answer"}]
    assert restored_conversation("not a list") == [] and restored_conversation(None) == []


def test_stream_chunks_grow_to_the_full_text():
    text = "one two three four five six seven eight nine. [1]"
    chunks = list(stream_chunks(text, words=3))
    assert chunks[-1] == text and len(chunks) == 4
    assert all(text.startswith(c) for c in chunks)
    assert [len(c) for c in chunks] == sorted(len(c) for c in chunks)
    assert list(stream_chunks("short")) == ["short"]


# --- the chat function's messages (no model needed) ------------------------------------------


def final(backend: ChatBackend, message, history=None) -> tuple[str, str]:
    outputs = list(backend.respond(message, history or []))
    assert outputs[0][0] == SEARCHING
    text, panel = outputs[-1]
    assert isinstance(panel, str)
    return text, panel


def test_empty_question_gives_a_message(tmp_path):
    text, panel = final(ChatBackend(tmp_path / "index"), "   ")
    assert text.startswith("⚠️") and "empty" in text
    assert "Traceback" not in text


def test_too_long_question_gives_a_message(tmp_path):
    from qa.settings import MAX_QUESTION_CHARS

    text, _ = final(ChatBackend(tmp_path / "index"), "why " * (MAX_QUESTION_CHARS // 2))
    assert "limit" in text and f"{MAX_QUESTION_CHARS:,}" in text


def test_gradio_parts_message_is_accepted(tmp_path):
    text, _ = final(ChatBackend(tmp_path / "index"), [{"type": "text", "text": "  "}])
    assert "empty" in text


def test_missing_index_gives_a_message(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no ./corpus to build from behind our back
    text, panel = final(ChatBackend(tmp_path / "no-index"), "Which bank is Russia's largest?")
    assert "no index" in text and "qa index" in text
    assert "no index" in panel
    assert not (tmp_path / "no-index").exists()


def test_broken_index_gives_a_message(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    index = tmp_path / "index"
    index.mkdir()
    (index / "manifest.json").write_text("{not json", encoding="utf-8")
    text, _ = final(ChatBackend(index), "Which bank is Russia's largest?")
    assert text.startswith("⚠️") and "Traceback" not in text


def test_unexpected_error_gives_a_message_not_a_traceback(tmp_path, monkeypatch):
    backend = ChatBackend(tmp_path)

    def boom(*args, **kwargs):
        raise ZeroDivisionError("secret detail")

    monkeypatch.setattr(ChatBackend, "answer", boom)
    text, _ = final(backend, "Which bank?")
    assert "went wrong" in text and "secret detail" not in text


def test_ask_api_raises_a_gradio_error(tmp_path):
    import gradio as gr

    with pytest.raises(gr.Error, match="empty"):
        ChatBackend(tmp_path).ask("")


# Gradio's queue calls pandas in ways pandas 3 deprecates; not ours to fix.
@pytest.mark.filterwarnings("ignore:.*no_silent_downcasting")
@pytest.mark.filterwarnings("ignore:The copy keyword is deprecated")
def test_ask_endpoint_answers_an_empty_question_with_one_log_line(tmp_path, capfd, caplog):
    """Through Gradio's queue, as a program calls it: a message for the caller, one line in the log."""
    import logging

    from gradio_client import Client
    from gradio_client.exceptions import AppError

    from qa.app.chat import build_ui

    from conftest import qa_free_port

    demo = build_ui(tmp_path / "index")
    port = qa_free_port()
    demo.queue().launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    try:
        capfd.readouterr()
        with caplog.at_level(logging.INFO):
            with pytest.raises(AppError, match="the question is empty"):
                Client(f"http://127.0.0.1:{port}/", verbose=False).predict("   ", None, api_name="/ask")
    finally:
        demo.close()
    err = capfd.readouterr().err
    assert "Traceback" not in err and "InputError" not in err, err
    lines = [r.getMessage() for r in caplog.records if r.name.startswith("qa")]
    assert lines == ["/ask: no answer: the question is empty: type a question about the documents"]
    assert "\n" not in lines[0]


def test_chat_logs_one_line_for_an_empty_question(tmp_path, caplog):
    import logging

    with caplog.at_level(logging.INFO, logger="qa"):
        final(ChatBackend(tmp_path / "index"), "")
    assert [r.getMessage() for r in caplog.records] == ["/chat: no answer: the question is empty: type a question about the documents"]


def test_documents_view_of_missing_index(tmp_path):
    assert "no index" in ChatBackend(tmp_path / "none").documents()
    assert "<" not in tag_free(documents_html(None, "<b>bad</b>"))


# --- serving helpers -------------------------------------------------------------------------


@pytest.mark.parametrize("host, loop", [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                        ("127.0.0.2", True), ("0.0.0.0", False), ("192.168.1.4", False),
                                        ("example.org", False)])
def test_is_loopback(host, loop):
    assert is_loopback(host) is loop


def test_password_from_environment(monkeypatch):
    monkeypatch.delenv("QA_PASSWORD", raising=False)
    monkeypatch.delenv("QA_USER", raising=False)
    assert auth_from_environment() is None
    monkeypatch.setenv("QA_PASSWORD", "s3cret")
    assert auth_from_environment() == ("qa", "s3cret")
    monkeypatch.setenv("QA_USER", "ann")
    assert auth_from_environment() == ("ann", "s3cret")


def test_serving_without_corpus_or_index_reports_the_problem(tmp_path):
    import io

    problem = build_or_update_index(tmp_path / "index", tmp_path / "no-corpus", out=io.StringIO())
    assert problem == f"There is no index in {tmp_path / 'index'} and no corpus folder {tmp_path / 'no-corpus'} to build it from."
    assert not (tmp_path / "index").exists()


@pytest.mark.model
def test_serving_builds_a_missing_index_then_updates_it(index_clone, tmp_path):
    import io
    import shutil

    index = tmp_path / "new-index"
    out = io.StringIO()
    assert build_or_update_index(index, index_clone.corpus, out=out) is None
    assert out.getvalue().startswith(f"building the index in {index} from {index_clone.corpus} …")
    assert (index / "manifest.json").exists()
    out = io.StringIO()
    assert build_or_update_index(index, index_clone.corpus, out=out) is None
    assert out.getvalue().startswith("updating the index") and "up to date" in out.getvalue()
    shutil.rmtree(index_clone.corpus)
    out = io.StringIO()
    assert build_or_update_index(index, index_clone.corpus, out=out) is None
    assert out.getvalue() == f"no corpus folder {index_clone.corpus}: serving the index in {index} as it is\n"


def test_loud_warning_only_when_exposed_without_password():
    assert exposure_warning("127.0.0.1", 7860, None) is None
    assert exposure_warning("0.0.0.0", 7860, ("qa", "pw")) is None
    warning = exposure_warning("0.0.0.0", 7860, None)
    assert "WARNING" in warning and "QA_PASSWORD" in warning


# --- with the real model and a real index ----------------------------------------------------


@pytest.mark.model
def test_chat_streams_then_ends_with_the_answer_and_sources(built_index):
    backend = ChatBackend(built_index.index)
    outputs = list(backend.respond("How many points does the peace plan have?", []))
    texts = [t for t, _ in outputs]
    result = backend.answer("How many points does the peace plan have?")
    assert texts[0] == SEARCHING
    # The text streams, then the last message is it with linked markers and the answer's own sources.
    assert texts[-1] == chat_message(result, "a1")
    assert len(texts) >= 3  # placeholder, at least one partial, final
    assert texts[-2] == answer_markdown(result)
    assert all(answer_markdown(result).startswith(t) for t in texts[1:-1])
    panel = outputs[-1][1]
    assert "<mark>" in panel and escape_text(result.citations[0].title) in panel


# What each front-page example answers on the corpus: (short answer, phrases the text must hold).
EXAMPLE_ANSWERS = {
    "Which bank is Russia's largest?": ("Sberbank", ["Sberbank, Russia’s largest bank"]),
    "How many points does the peace plan have?": (None, ["10-point plan", "15-point plan", "The sources differ"]),
    "How much security aid has the United States provided to Ukraine?": (
        "more than $2 billion", ["more than $2 billion in security aid to Ukraine"]),
    "When did Russia sign the Budapest memorandum?": ("1994", ["which Russia signed in 1994"]),
}


@pytest.mark.model
def test_every_example_gets_its_right_answer(built_index):
    from qa.answering.answerer import answer

    assert sorted(EXAMPLES) == sorted(EXAMPLE_ANSWERS)
    for question in EXAMPLES:
        short, phrases = EXAMPLE_ANSWERS[question]
        result = answer(question, index=built_index.index)
        assert not result.abstained and result.citations, question
        for phrase in phrases:
            assert phrase in result.text, (question, result.text)
        if short is not None:
            assert result.short is not None and result.short.text == short, (question, result.short)
        # Quoted from the documents' text, not a footnote holding a web address.
        assert "http" not in result.text and all(c.kind != "footnote" for c in result.citations), question


@pytest.mark.model
def test_documents_view_lists_indexed_documents(built_index):
    out = ChatBackend(built_index.index).documents()
    manifest = built_index.manifest
    for doc_id, info in manifest["corpus"]["documents"].items():
        assert f'title="{doc_id}"' in out
        assert f'<td class="num">{info["passages"]}</td>' in out
    assert "Riccardo Alcaro" in out and "Istituto Affari Internazionali (IAI)" in out
    assert json.dumps(manifest["counts"]["passages"]) in out


def test_documents_view_of_unreadable_index(tmp_path, monkeypatch):
    def broken(self):
        raise KeyError("roles")

    monkeypatch.setattr(ChatBackend, "retriever", broken)
    out = ChatBackend(tmp_path).documents()
    assert "cannot be read" in out and "KeyError" in out
    table, label = ChatBackend(tmp_path).documents_view()
    assert "no usable index" in label["label"]


def test_loopback_is_left_alone_when_up():
    from qa.app.chat import ensure_loopback

    assert ensure_loopback() is None


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("unshare") is None, reason="needs root and unshare(1)")
def test_a_fresh_network_namespace_gets_its_loopback_up():
    """`unshare -n qa serve` (the README's offline check) starts with lo down; serve brings it up."""
    code = "from qa.app.chat import ensure_loopback; print(ensure_loopback()); print(ensure_loopback())"
    done = subprocess.run(["unshare", "-n", sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    if done.returncode and "Operation not permitted" in done.stderr:
        pytest.skip("unshare -n is not permitted here")
    first, second = done.stdout.strip().splitlines()[-2:]
    assert "brought it up" in first and second == "None", done.stdout + done.stderr


@pytest.mark.model
def test_a_title_the_project_wrote_is_marked_supplied_on_its_source_card(built_index):
    import qa

    result = qa.answer("How many points does the peace plan have?", index=built_index.index)
    by_doc = {p.doc_id: p for p in result.citations}
    assert by_doc["000_910b2c4331b85f60.txt"].supplied == ("title", "kind")
    assert "title supplied" in passage_html(by_doc["000_910b2c4331b85f60.txt"], "[1]")
    assert "supplied" not in passage_html(by_doc["002_38d006520ce7e0ba.txt"], "[2]").split("qa-meta")[0]


@pytest.mark.model
@pytest.mark.parametrize(
    "question",
    [
        "Which newspaper is cited most in the IAI commentary?",
        "What else has Riccardo Alcaro written?",
        "Which commentaries has the IAI published?",
        "Who wrote commentary 22 | 07?",
        "Which Financial Times articles are cited?",
    ],
)
def test_answers_from_the_notes_cite_passages_the_chat_can_show(built_index, question):
    # Answers read from the notes and the publisher's list had cited the index's raw chunks, which
    # carry no title: the chat message failed on them ("What else has he written?").
    import qa
    from qa.retrieval.retriever import Passage

    result = qa.answer(question, index=built_index.index)
    assert not result.abstained and result.citations
    assert all(isinstance(p, Passage) for p in result.citations)
    message = chat_message(result, "a1")
    assert 'class="qa-title"' in message and result.to_dict()["citations"]


def test_the_answerer_reads_an_answer_back_as_written_without_its_sources():
    from dataclasses import replace

    from qa.answering.answerer import Short
    from qa.app.chat import reply_text, typed_history
    from qa.inputs import assistant_turns

    p = passage("Sberbank is the largest bank. " + "Other words of the passage. " * 60)
    result = answered(p, "Sberbank is the largest bank.")
    result = replace(result, short=Short("Sberbank", 1, p.id, p.doc_id, p.start, p.start + 8, 0, 8, 0.9))
    message = chat_message(result, "a1")
    assert "qa-answer-sources" in message and len(message) > 2000
    assert reply_text(message) == "**Sberbank** [1]\n\nSberbank is the largest bank. [1]"
    # Twenty such turns fit the conversation's budget: with their sources blocks they had not
    # (20,000 characters), and the chat refused the question after a few turns.
    history = [m for _ in range(10) for m in ({"role": "user", "content": user_markdown("Which bank?")},
                                              {"role": "assistant", "content": message})]
    assert assistant_turns(typed_history(history)) == [reply_text(message)] * 10
    parts = [{"role": "assistant", "content": [{"type": "text", "text": message}]}]
    assert typed_history(parts)[0]["content"][0]["text"] == reply_text(message)
