"""Contact questions about a publisher are answered from its contact block (qa.answering.contact)."""

from __future__ import annotations

import pytest

from qa.answering.contact import (
    ADDRESS, CITY, CONTACT, EMAIL, PHONE, POSTAL, STREET, WEBSITE, asks_contact, contact_detail, names_publisher,
)

BLOCK = (
    "The war goes on. Write to 10 Downing Street if you must.\n\n"
    "Istituto Affari Internazionali (IAI)\n\n"
    "Via dei Montecatini, 17\n\nI-00186 Rome, Italy\n\nTel. +39 066976831\n\niai@iai.it\n\nwww.iai.it\n\n"
    "Director: Andrea Dessì (a.dessi@iai.it)\n"
)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("In which city is the Istituto Affari Internazionali based?", CITY),
        ("Where is the IAI based?", ADDRESS),
        ("Where is the institute located?", ADDRESS),
        ("What is the IAI's postal address?", POSTAL),
        ("What is the IAI's street address?", POSTAL),
        ("Which street is the IAI on?", STREET),  # the street line (the lines had been quoted without one)
        ("On which street is the institute located?", STREET),
        ("Where in Rome is the institute?", POSTAL),  # in the city, the street (it had bolded "Italy")
        ("What is the email address of the IAI?", EMAIL),
        ("What is the IAI's phone number?", PHONE),
        ("What is the website of the IAI?", WEBSITE),
        ("How can I contact the IAI?", CONTACT),
        ("What are the IAI's contact details?", CONTACT),
        ("How do I get in touch with the institute?", CONTACT),
        ("How can I contact the IAI by phone?", PHONE),  # one detail named: that one
        ("Where did the talks take place?", None),
        ("Why did the talks fail?", None),
        # "Call" as a way to reach, not as naming (the latter had answered with the phone number).
        ("How can I call the IAI?", PHONE),
        ("Which number should I call to reach the IAI?", PHONE),
        ("Can I ring the IAI? What number?", PHONE),  # to ring is to call (it had quoted the IAI's description)
        ("What scenario does the IAI commentary call implausible?", None),
        ("What does the IAI commentary call Putin's war?", None),
    ],
)
def test_the_detail_asked_for(question, kind):
    assert asks_contact(question) == kind


@pytest.mark.parametrize(
    ("kind", "lines", "answer"),
    [
        (CITY, "Via dei Montecatini, 17\n\nI-00186 Rome, Italy", "Rome"),
        (ADDRESS, "Via dei Montecatini, 17\n\nI-00186 Rome, Italy", "Rome, Italy"),
        (POSTAL, "Via dei Montecatini, 17\n\nI-00186 Rome, Italy", ""),
        (STREET, "Via dei Montecatini, 17\n\nI-00186 Rome, Italy", "Via dei Montecatini, 17"),
        (EMAIL, "iai@iai.it", "iai@iai.it"),  # the lone address, not the director's in brackets
        (PHONE, "Tel. +39 066976831", "+39 066976831"),
        (WEBSITE, "www.iai.it", "www.iai.it"),
        # Every contact line, from the street to the web address; no short answer.
        (CONTACT, "Via dei Montecatini, 17\n\nI-00186 Rome, Italy\n\nTel. +39 066976831\n\niai@iai.it\n\nwww.iai.it", ""),
    ],
)
def test_contact_lines_are_found_by_their_form(kind, lines, answer):
    detail = contact_detail(BLOCK, kind)
    assert detail is not None and detail.kind == kind
    assert BLOCK[detail.start : detail.end] == lines
    assert BLOCK[detail.answer_start : detail.answer_end] == answer


def test_other_postcode_forms_and_a_block_without_the_detail():
    us = "Council on Foreign Relations\n\n1777 F Street NW\n\nWashington, DC 20006\n\n"
    detail = contact_detail(us, CITY)
    assert detail is not None and us[detail.answer_start : detail.answer_end] == "Washington"
    assert us[detail.start : detail.end] == "1777 F Street NW\n\nWashington, DC 20006"
    assert contact_detail(us, EMAIL) is None
    assert contact_detail("Acme\n\nI-00186 Rome, Italy\n\n", STREET) is None  # no street line above the postcode
    assert contact_detail("No contact lines here. None at all.", ADDRESS) is None


def test_the_publisher_is_named_by_its_name_or_acronym():
    publisher = "Istituto Affari Internazionali (IAI)"
    assert names_publisher("Where is the IAI based?", publisher, 1)
    assert names_publisher("Where is the Istituto Affari Internazionali?", publisher, 1)
    assert names_publisher("Where is the institute located?", publisher, 1)
    assert not names_publisher("Where is the institute located?", publisher, 2)  # which one?
    assert not names_publisher("Where is the Kremlin?", publisher, 1)
    assert not names_publisher("Where is the iai based?", None, 1)


@pytest.mark.model
def test_contact_questions_are_answered_from_the_publishers_block(built_index):
    import qa

    for question, short in [
        ("In which city is the Istituto Affari Internazionali based?", "Rome"),
        ("What is the e-mail address of the IAI?", "iai@iai.it"),
    ]:
        answer = qa.answer(question, index=built_index.index)
        assert not answer.abstained and answer.short is not None and answer.short.text == short
        assert qa.answering.answerer.check_citations(answer) == []
        citation = answer.citations[answer.short.citation - 1]
        assert citation.kind == "boilerplate" and short in citation.text[answer.short.passage_start : answer.short.passage_end]
    answer = qa.answer("How can I contact the IAI?", index=built_index.index)
    assert not answer.abstained and answer.short is None and qa.answering.answerer.check_citations(answer) == []
    assert all(line in answer.text for line in ("I-00186 Rome, Italy", "+39 066976831", "iai@iai.it", "www.iai.it"))
    # A place that is no publisher's goes to ordinary answering.
    assert "Via dei Montecatini" not in qa.answer("Where is Crimea?", index=built_index.index).text


@pytest.mark.model
def test_a_follow_up_asks_about_the_publisher_of_the_question_before(built_index):
    import qa

    history = [{"role": "user", "content": "What is the IAI?"}, {"role": "assistant", "content": "… [1]"}]
    answer = qa.answer("Where is it based?", history=history, index=built_index.index)
    assert not answer.abstained and answer.short is not None and answer.short.text == "Rome, Italy"


@pytest.mark.model
def test_who_directs_a_series_is_who_its_director_is(built_index):
    import qa

    # It had answered with Alcaro's author note ("Head of Global Actors programme").
    for question in ("Who directs the IAI commentaries series?", "Who is the director of the IAI commentaries?"):
        result = qa.answer(question, index=built_index.index)
        assert result.question == question and result.short is not None and result.short.text == "Andrea Dessì", question
    # "Who speaks for X?" asks who its spokesman is (it had bolded "Zelensky").
    spokesman = qa.answer("Who speaks for the Kremlin?", index=built_index.index)
    assert spokesman.short is not None and spokesman.short.text == "Dmitry Peskov"


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("What is the IAI's fax number?", "fax"),
        ("Which European capital is the IAI based in?", CITY),
        # A place asked "per" or "according to" the publisher is one it writes of.
        ("Where is Ukraine losing ground most, per the IAI?", None),
        ("Where is the IAI based, according to its commentary?", None),
    ],
)
def test_a_fax_a_capital_and_a_place_the_publisher_writes_of(question, kind):
    assert asks_contact(question) == kind


def test_a_fax_line_is_no_telephone_line():
    assert contact_detail(BLOCK, "fax") is None
    detail = contact_detail(BLOCK + "\nFax +39 0612345\n", "fax")
    assert detail is not None and (BLOCK + "\nFax +39 0612345\n")[detail.answer_start : detail.answer_end] == "+39 0612345"


def test_no_fax_in_the_block_is_said(built_index):
    import qa

    reply = qa.answer("What is the IAI's fax number?", index=built_index.index)
    assert reply.abstained and "no fax number" in reply.text and reply.closest
