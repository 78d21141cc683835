"""Publisher boilerplate answers questions about the publisher; the author note, questions about the author."""

from __future__ import annotations

import pytest

from qa.answering.boilerplate import Bylines, admissible

DOCS = [
    {"author": "Riccardo Alcaro", "publisher": "Istituto Affari Internazionali (IAI)", "kind": "think-tank commentary"},
    {"author": None, "publisher": None, "kind": "opinion commentary"},
]
CONTACT = "+39 066976831 iai@iai.it www.iai.it Latest IAI COMMENTARIES - 22 | 14 Riccardo Alcaro, *Russia–Ukraine Talks*"
NOTE = "Riccardo Alcaro is Research Coordinator and Head of Global Actors programme at the IAI."
MISSION = ("The Istituto Affari Internazionali (IAI) is a private, independent non-profit think tank, founded in 1965 "
           "on the initiative of Altiero Spinelli.")
ENTRY = "- 22 | 14 Riccardo Alcaro, *Russia–Ukraine Talks and the Indispensable Role of the US and Europe*"


@pytest.mark.parametrize(
    ("question", "sentence", "allowed"),
    [
        ("What is the phone number of IAI?", CONTACT, True),
        ("What does IAI publish?", CONTACT, True),
        ("What is IAI?", CONTACT, True),
        # The publisher as the one who says what is asked: its commentary answers, not its block.
        ("What does the IAI recommend Europe do?", MISSION, False),
        ("What should Europe do, according to the IAI?", MISSION, False),
        ("What does the IAI do?", MISSION, True),
        ("Who wrote the IAI commentary?", CONTACT, False),  # names a document, not the publisher
        ("Summarise the IAI commentary", CONTACT, False),
        ("Which bank is Russia's largest?", CONTACT, False),
        ("What is Alcaro's job?", NOTE, True),
        ("Which programme does Alcaro lead?", NOTE, True),  # had quoted his footnote 7 instead
        ("Which programme does Alcaro lead?", CONTACT, False),
        ("Who wrote the IAI commentary?", NOTE, True),
        ("Which bank is Russia's largest?", NOTE, False),
        # About one person: the author note, never the institute's contact block.
        ("What is his role at the institute?", CONTACT, False),
        ("What is his role at the institute?", NOTE, True),
        ("Where does Alcaro work?", CONTACT, False),
        ("Who is the director of the institute?", CONTACT, True),
        ("Who is in charge of the IAI's commentaries?", CONTACT, True),  # who leads its work
        ("Who runs the university's school?", CONTACT, False),  # no publisher named
        ("What is his e-mail address?", CONTACT, True),
        # One numbered entry of the catalogue names the author first, but it is no author note.
        ("What is his role at the institute?", ENTRY, False),
        ("What is Riccardo Alcaro's position?", ENTRY, False),
        ("What does IAI publish?", ENTRY, True),
        # A name the question gives that only the publisher's block mentions.
        ("Who is Altiero Spinelli?", MISSION, True),
        ("Who is Sergei Lavrov?", MISSION, False),
        ("Who is Altiero Spinelli?", CONTACT, False),
        # In any question, a full name that is no byline's (had abstained on "What did Altiero Spinelli found?").
        ("What did Altiero Spinelli found?", MISSION, True),
        ("What did Sergei Lavrov found?", MISSION, False),
        # The publisher named by what it published is asked about, though an author is named (it had abstained).
        ("Who founded the think tank that published Alcaro's piece?", MISSION, True),
        ("Who founded the publisher of the IAI commentary?", MISSION, True),
        # A name the question asks the meaning of, which only the publisher's block gives; not a common word.
        ("What is Affarinternazionali?", "IAI publishes an online webzine (*Affarinternazionali*).", True),
        ("What is energy?", "Its focus embraces topics such as energy, climate and Italian foreign policy.", False),
        # A phrase holding a name is no name (the catalogue entry had answered "What is the role of Europe?").
        ("What is the role of Europe?", "- 22 | 14 Riccardo Alcaro, *Russia–Ukraine Talks and the Indispensable Role of "
         "the US and Europe*", False),
        ("What is the International Spectator?", "IAI publishes an English-language quarterly (*The International "
         "Spectator*).", True),
        # A catalogue entry answers a question naming its work.
        ("Who wrote \"Putin's Use and Abuse of History\"?", "- 22 | 10 Leo Goretti, *Putin’s Use and Abuse of History: "
         "Back to the 19th Century?*", True),
        ("Who wrote about history?", "- 22 | 10 Leo Goretti, *Putin’s Use and Abuse of History: Back to the 19th Century?*",
         False),
    ],
)
def test_boilerplate_answers_only_questions_about_the_publisher_or_the_author(question, sentence, allowed):
    assert admissible(sentence, question, Bylines.of(DOCS)) is allowed


@pytest.mark.model
def test_the_contact_block_never_answers_a_question_about_the_document(built_index):
    import qa

    # "What does the IAI recommend ...?" had been answered by the mission statement ("IAI seeks to
    # promote ... European integration").
    for question in ("Who wrote the IAI commentary?", "Summarise the IAI commentary", "What does the IAI recommend Europe do?"):
        result = qa.answer(question, index=built_index.index)
        assert "iai@iai.it" not in result.text and "066976831" not in result.text
        assert all(p.kind != "boilerplate" or p.text.startswith("Riccardo Alcaro is") for p in result.citations)
