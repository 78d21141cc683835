"""What a document recommends: "What measures does the April piece recommend?", "What does Alcaro
propose?". Such a question is answered by the document's sentences that prescribe ("the best
strategy for the West is to sharply increase military assistance", "Their goal should be to end the
war"), not by the sentences nearest to the word "recommend", which say none.
"""

from __future__ import annotations

import re

# "What should Ukraine do?", "What should be done about energy?": what anyone should do.
# Not "What should the goal of the US and Europe be?": a thing, not what to do.
_SHOULD_DO = r"should\s+(?:[\w’'-]+\s+){0,6}?(?:do|be\s+done)\b"
# "What does the April piece say the West must do now?": what someone says must be done (not "What
# must Russia do to have sanctions lifted?", a condition the documents state).
_SAYS_MUST_DO = (
    r"(?:say|says|think|thinks|argue|argues|believe|believes|want|wants)\s+(?:that\s+)?(?:[\w’'-]+\s+){0,4}?"
    # Not for a purpose: "What did the April article say Russia must do to show it is serious?"
    r"(?:must|has\s+to|have\s+to|needs?\s+to)\s+(?:[\w’'-]+\s+){0,2}?do(?!\s+(?:to|so|in\s+order)\b)"
)
# "What does the author of the April article want the West to do?": what a document or its author
# wants done (not "What does Russia want Ukraine to do?", a party's aim, which the sentences state).
# "What does the April piece want done about Russian gas?": what someone wants done.
_WANTS_DONE = r"(?:want|wants|would\s+like)\s+(?:[\w’'-]+\s+){0,3}?(?:done|to\s+be\s+done)\b"
_DOCUMENT_WANTS_DONE = (
    r"(?:author|writer|article|piece|commentary|document|paper|report|op-?ed|essay)s?\b[^?]*?\b"
    rf"(?:(?:want|wants|would\s+like|urges?)\s+(?:[\w’'-]+\s+){{1,4}}?to\s+do(?!\s+(?:to|so|in\s+order)\b)|{_WANTS_DONE})"
)
# A question for what a document recommends, proposes or advises.
_ASKS_RECOMMENDATION = re.compile(
    # Not "proposal": "under the ten-point proposal" is the plan, not what a document proposes.
    r"\b(?:recommend\w*|propos(?:e|es|ed)|advocat\w*|prescri\w*|suggest(?:s|ed|ion|ions)?|advi[sc]e[sd]?|"
    rf"call(?:s|ed)?\s+for|{_SHOULD_DO}|way\s+forward|{_SAYS_MUST_DO}|{_DOCUMENT_WANTS_DONE})\b",
    re.I,
)
# A sentence that prescribes: what someone should, must or had best do, what would help, what is
# wise or welcome.
_PRESCRIPTIVE = re.compile(
    r"\b(?:should|must|ought\s+to|needs?\s+(?:to|much\s+more)|ha(?:s|ve|d)\s+to|had\s+best|best\s+strategy|"
    r"is\s+the\s+time\s+to|can\s+use|would\s+(?:also\s+)?(?:significantly\s+)?(?:help|hurt)|"
    r"(?:is|are)\s+(?:wise|welcome|essential|necessary)|necessary\s+condition|there\s+is\s+(?:still\s+)?room\s+for|"
    r"call(?:s|ed)?\s+for)\b",
    re.I,
)
# Words of such a question that say it asks for recommendations, not what they are about.
RECOMMENDATION_WORDS = frozenset(
    "recommend recommends recommended recommendation recommendations propose proposes proposed proposal proposals "
    "advocate advocates advocated suggest suggests suggested suggestion suggestions advise advises advised advice "
    "prescribe prescribes prescription prescriptions call calls called should way forward measures steps policies "
    "policy actions action do done take author authors want wants like urge urges".split()
)


# "What does the April piece suggest about energy?" asks what it says on a topic; "What should Europe
# do with Russian gas?" asks what to do about it.
_ABOUT = re.compile(r"\b(?:about|on|regarding|concerning|do\s+with)\s+\w", re.I)


# Words that ask for advice whatever follows them ("What does the April piece recommend on weapons?").
# So do words that ask what someone wants done ("What does the April piece want done about Russian gas?").
_ADVICE = re.compile(rf"\b(?:recommend\w*|advi[sc]e[sd]?|prescri\w*|advocat\w*|{_WANTS_DONE})", re.I)
# What is to be done, on a topic: "… want done about Russian gas?".
_WANTS_DONE_ON = re.compile(rf"\b{_WANTS_DONE}\s+(?:about|on|regarding|with)\b", re.I)


def wants_done_on(question: str) -> bool:
    """True when the question asks what someone wants done about a topic ("What does the April piece
    want done about Russian gas?")."""
    return _WANTS_DONE_ON.search(question) is not None


def asks_recommendation(question: str) -> bool:
    """True when the question asks what is recommended, proposed or advised ("What measures does the
    April piece recommend?", "What should the West do?", "What is its recommendation on weapons?");
    not what is said about a topic ("What does the April piece suggest about energy?")."""
    return _ASKS_RECOMMENDATION.search(question) is not None and (
        _ABOUT.search(question) is None or _ADVICE.search(question) is not None or _ON_WHAT_SHOULD.search(question) is not None)


# "How do the two documents differ on what the US should do?": the topic is itself what to do.
_ON_WHAT_SHOULD = re.compile(rf"\b(?:about|on|regarding|concerning|over)\s+what\s+(?:[\w’'-]+\s+){{0,4}}?{_SHOULD_DO}", re.I)


# Before the modal, a relative clause describes ("measures that Kyiv should adopt") and "no" denies
# ("it will have no need to continue"): neither prescribes. "That means …" opens no relative clause,
# nor does "that" after "means", "says" or "is".
_NOT_PRESCRIBED = re.compile(
    r"(?:\b(?:which|who|whom)\s+(?:[\w’'-]+\s+){0,2}|(?<=\w\s)(?<!\bmeans\s)(?<!\bsays\s)(?<!\bsaid\s)(?<!\bis\s)"
    r"that\s+(?:[\w’'-]+\s+){0,2}|\bno\s+)$",
    re.I,
)


# "What should Ukraine do?": asked of no one, so of whichever document says.
_SHOULD = re.compile(rf"\b{_SHOULD_DO}", re.I)


def asks_what_should(question: str) -> bool:
    """True for "What should Ukraine do?", "What should be done about energy?": what anyone should do."""
    return _SHOULD.search(question) is not None


def prescribes(sentence: str) -> bool:
    """True when the sentence says what someone should, must or had best do, or what would help; not
    a modal inside a relative clause ("measures that Kyiv should adopt") or denied ("no need to")."""
    return any(not _NOT_PRESCRIBED.search(sentence[: m.start()]) for m in _PRESCRIPTIVE.finditer(sentence))
