"""The span reader reads a word the documents never use in the sentence's words (qa.answering.synonyms)."""

from __future__ import annotations

import gzip
import importlib.util
import sys
from pathlib import Path

import pytest

from qa.answering.synonyms import TABLE, base_forms, corpus_words, inflections, is_form_of, reading, reworded, synonyms_of
from qa.index.bm25 import QUERY_STOPWORDS

ROOT = Path(__file__).resolve().parents[2]
CONQUER = "The Russians do not have the capacity to conquer major urban centres, let alone control large swathes."
KNOWN = frozenset("the russians do not have capacity to conquer major urban centres let alone control large swathes "
                  "what does alcaro say cannot russia".split())


def test_a_word_the_documents_never_use_is_read_as_the_sentences_synonym():
    assert (reworded("What does Alcaro say the Russians cannot capture?", CONQUER, KNOWN, QUERY_STOPWORDS)
            == "What does Alcaro say the Russians cannot conquer?")
    # Inflected: "captured" is read as the sentence's own form of "conquer".
    assert reworded("Which cities were captured?", "Cities they conquered.", KNOWN, QUERY_STOPWORDS) == "Which cities were conquered?"


def test_a_word_the_documents_use_or_the_sentence_lacks_a_synonym_for_is_kept():
    # "seize" is a word of the documents: there it means what they mean by it.
    known = KNOWN | {"seize"}
    assert reworded("Can Russia seize the centres?", CONQUER, known, QUERY_STOPWORDS) == "Can Russia seize the centres?"
    # No synonym of "bake" in the sentence: nothing to read it as.
    assert reworded("Can Russia bake the centres?", CONQUER, KNOWN, QUERY_STOPWORDS) == "Can Russia bake the centres?"
    # Outside an answer (no documents' words) nothing is replaced.
    assert reworded("What cannot the Russians capture?", CONQUER, frozenset(), QUERY_STOPWORDS) == "What cannot the Russians capture?"


def test_names_light_verbs_and_stop_words_are_never_replaced():
    # "Capture" opening the question is a word; a capitalised word after it is a name.
    assert reworded("Capture what?", CONQUER, KNOWN, QUERY_STOPWORDS) == "conquer what?"
    assert reworded("Where is Capture Bay?", "They conquer the bay.", KNOWN, QUERY_STOPWORDS) == "Where is Capture Bay?"
    # "get" is "capture" in one of its senses, too light to stand for it.
    assert reworded("What can they get?", "They capture it.", KNOWN, QUERY_STOPWORDS) == "What can they get?"


def test_a_word_the_documents_use_in_another_form_is_kept():
    # "estimated" is a word of the documents: "estimates" is theirs too (it had been read as "figures").
    sentence = "While figures are impossible to verify, forces are estimated to have lost 6,000 soldiers each."
    assert reworded("What are the casualty estimates?", "Figures are hard to verify.", KNOWN | {"estimated"},
                    QUERY_STOPWORDS) == "What are the casualty estimates?"
    assert reworded("What are the casualty estimates?", sentence, KNOWN, QUERY_STOPWORDS) == "What are the casualty estimates?"
    assert {"cities", "stopped", "estimating"} <= inflections("city") | inflections("stop") | inflections("estimate")


def test_a_verbs_synonyms_and_their_forms():
    assert "provide" in synonyms_of("supplied") and "conquer" in synonyms_of("captures")
    assert "get" not in synonyms_of("capture")  # too light to stand for it
    assert is_form_of("provided", {"provide"}) and not is_form_of("provider", {"supply"})


def test_a_lemmas_own_synonyms_are_not_those_of_its_base_form():
    from qa.answering.synonyms import lemma_synonyms

    # "talks" is a lemma of its own (the negotiations), whose synonyms are not the verb's ("babble").
    assert "negotiation" in lemma_synonyms("talks") and "babble" not in lemma_synonyms("talks")
    assert "babble" in synonyms_of("talks")


def test_base_forms_follow_wordnets_endings_and_irregular_forms():
    assert {"conquer"} <= base_forms("conquered", {})
    assert {"stop"} <= base_forms("stopped", {})
    assert {"city"} <= base_forms("cities", {})
    assert {"send"} <= base_forms("sent", {"sent": "send"})


def test_the_documents_words_are_named_only_within_an_answer():
    asked: list[int] = []

    def words() -> frozenset[str]:
        asked.append(1)
        return KNOWN

    assert corpus_words() == frozenset()
    with reading(words):
        assert not asked  # called on first need only
        assert corpus_words() == KNOWN
    assert corpus_words() == frozenset()


def test_the_shipped_table_is_wordnet_derived_and_licensed():
    with gzip.open(TABLE, "rt", encoding="utf-8") as handle:
        lines = dict(line.rstrip("\n").split("\t") for line in handle)
    assert "conquer" in lines["capture"].split() and "prohibit" in lines["forbid"].split()
    assert lines["~sent"] == "send"
    assert "Princeton University" in TABLE.with_name("synonyms.LICENSE").read_text(encoding="utf-8")


def _builder():
    spec = importlib.util.spec_from_file_location("build_synonyms", ROOT / "eval" / "build_synonyms.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_synonyms"] = module
    spec.loader.exec_module(module)
    return module


def test_the_table_is_built_from_wordnets_own_files(tmp_path):
    folder = tmp_path / "dict"
    folder.mkdir()
    header = "  1 This software and database is being provided to you\n"
    # Two verb synsets of "capture": its first sense alone, then one shared with "conquer" and "seize".
    (folder / "data.verb").write_text(
        header + "00000001 35 v 01 capture 0 000 | to capture\n"
        "00000002 40 v 03 capture 0 conquer 0 seize 0 000 | take by force\n", encoding="latin-1")
    (folder / "index.verb").write_text(
        header + "capture v 2 1 @ 2 0 00000001 00000002\nconquer v 1 1 @ 1 0 00000002\n"
        "seize v 1 1 @ 1 0 00000002\ngive_up v 1 1 @ 1 0 00000001\n", encoding="latin-1")
    for part in ("noun", "adj", "adv"):
        (folder / f"data.{part}").write_text(header, encoding="latin-1")
        (folder / f"index.{part}").write_text(header, encoding="latin-1")
    (folder / "verb.exc").write_text("captured capture\n", encoding="latin-1")
    (folder / "noun.exc").write_text("", encoding="latin-1")
    (folder / "adj.exc").write_text("", encoding="latin-1")
    (folder / "LICENSE").write_text("WordNet Release 3.0 … Princeton University\n", encoding="utf-8")
    out = tmp_path / "synonyms.tsv.gz"
    assert _builder().main([str(folder), "--out", str(out)]) == 0
    with gzip.open(out, "rt", encoding="utf-8") as handle:
        assert handle.read() == "capture\tconquer seize\nconquer\tcapture seize\nseize\tcapture conquer\n~captured\tcapture\n"
    assert out.with_name("synonyms.LICENSE").read_text(encoding="utf-8").startswith("WordNet Release 3.0")
    # One sense read: "capture" has no synonym in its first.
    assert _builder().main([str(folder), "--out", str(out), "--senses", "1"]) == 0
    with gzip.open(out, "rt", encoding="utf-8") as handle:
        assert not handle.read().startswith("capture\t")


@pytest.mark.model
def test_a_question_in_other_words_than_the_documents_gets_its_short_answer(built_index):
    import qa

    # The reader had bolded "capacity": "capture" is no word of the documents, "conquer" is.
    answer = qa.answer("What does Alcaro say the Russians cannot capture?", index=built_index.index)
    assert answer.short is not None and answer.short.text == "major urban centres"
