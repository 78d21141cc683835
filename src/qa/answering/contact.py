"""Where a publisher is and how to reach it, from its contact block.

"In which city is the IAI based?" or "What is the IAI's e-mail address?" are answered by lines
of the publisher's block at the end of its document ("Via dei Montecatini, 17 / I-00186 Rome,
Italy", "iai@iai.it"), which share no words with the question, so sentence scoring does not find
them. The lines are recognised by their form (a postcode line, a lone e-mail address, a "Tel."
line, a lone web address) and only in the publisher's boilerplate; the answer quotes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ADDRESS = "address"  # where it is: the short answer is the city and country
POSTAL = "postal"  # its postal address: the lines themselves, no short answer
STREET = "street"  # the street it is on: the street line of its address
CITY = "city"
EMAIL = "email"
PHONE = "phone"
FAX = "fax"  # a fax line, which a telephone line is not
WEBSITE = "website"
CONTACT = "contact"  # how to reach it: every contact line of the block, no short answer

# The detail asked for, first match wins ("Where can I e-mail the IAI?" asks for the e-mail).
_ASKS = (
    (EMAIL, re.compile(r"\be-?mail\b", re.I)),
    # "Call" only as a way to reach: "How can I call the IAI?", "Which number should I call?"; not
    # "What scenario does the IAI commentary call implausible?", which asks what it names so.
    # "Can I ring the IAI? What number?": to ring or dial is to call.
    (FAX, re.compile(r"\bfax\b", re.I)),
    (PHONE, re.compile(r"\b(?:phone|telephone|tel)\b|\b(?:numbers?|how\s+(?:can|do|should|could|would)\s+(?:i|we|you|one))\b"
                       r"[^?]*\bcall\b|\b(?:i|we|you|one)\s+(?:ring|dial)\b", re.I)),
    (WEBSITE, re.compile(r"\b(?:website|web ?site|web address|home ?page|url)\b", re.I)),
    # "Which European capital is the IAI based in?": a capital where it is based is its city.
    (CITY, re.compile(r"\b(?:which|what) (?:city|town)\b|\bcity\b"
                      r"|\b(?:which|what)\s+(?:[A-Z][\w-]+\s+)?capital\b(?=.*\b(?:based|located|situated|headquartered)\b)", re.I)),
    # "On which street is the institute located?", "What street is the IAI on?": the street line.
    (STREET, re.compile(r"\b(?:which|what)\s+street\b|\bstreet\s+name\b", re.I)),
    # "Where in Rome is the institute?": in the city, the street.
    (POSTAL, re.compile(r"\b(?:address|postal|post|street)\b|\bwhere\s+in\s+(?-i:[A-Z])", re.I)),
    (ADDRESS, re.compile(r"\b(?:where\b.*\b(?:based|located|situated|headquartered|found)|where is|"
                         r"headquarter\w*|located|offices?)\b", re.I)),
    # "How can I contact the IAI?", "What are the IAI's contact details?": all of them.
    (CONTACT, re.compile(r"\b(?:contact\w*|reach|get in touch|write to)\b", re.I)),
)
# "… does the IAI commentary say …", "… did Alcaro write …": what a document or its writer says.
_SAYS_ASKED = re.compile(
    r"\b(?:does|do|did)\s+[^?]+?\s+(?:say|mention|claim|write|describe|report|note|argue|suggest|think|believe|warn|expect)\b",
    re.I,
)
_LINE = re.compile(r"[^\n]+")
_EMAIL_LINE = re.compile(r"^\s*([\w.+-]+@[\w-]+(?:\.[\w-]+)+)\s*$")
_PHONE_LINE = re.compile(r"^\s*(?:(?:Tel|Phone|Telephone|T)\.?:?\s*)?(\+?\d[\d ()./-]{6,}\d)\s*$", re.I)
_WEB_LINE = re.compile(r"^\s*((?:https?://|www\.)\S+)\s*$", re.I)
_FAX_LINE = re.compile(r"^\s*(?:Fax|F)\.?:?\s*(\+?\d[\d ()./-]{6,}\d)\s*$", re.I)
# Details that are a line of their own, by the pattern of that line (its group 1 is the answer).
_ONE_LINE = {EMAIL: _EMAIL_LINE, PHONE: _PHONE_LINE, WEBSITE: _WEB_LINE, FAX: _FAX_LINE}
# "I-00186 Rome, Italy", "75007 Paris", "Washington, DC 20036", "London SW1A 2AA".
_POSTCODE_LINE = re.compile(
    r"^\s*(?:(?:[A-Z]{1,3}-)?\d{4,6}\s+(?P<city>[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?)(?:,\s*[A-Z][\w ’'-]+)?"
    r"|(?P<city2>[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?),\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?"
    r"|(?P<city3>[A-Z][\w’'-]+)\s+[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2})\s*$"
)
# A street line above the postcode line: short, with a house number.
_STREET_LINE = re.compile(r"^\s*(?=[^\n]*\d)[^\n]{3,60}$")


@dataclass(frozen=True)
class Detail:
    """A contact detail found in a text: the quoted lines and the answer within them (offsets into the text)."""

    kind: str
    start: int
    end: int
    answer_start: int
    answer_end: int


def asks_contact(question: str) -> str | None:
    """The contact detail the question asks for (ADDRESS, POSTAL, STREET, CITY, EMAIL, PHONE, FAX, WEBSITE, CONTACT), or None.

    The question must still name the publisher for `contact_detail` to be asked; this reads only
    what kind of detail it wants. A city asked of what a document says is no contact detail:
    "Which city does the IAI commentary say Russia is besieging?" is not the IAI's city."""
    for kind, pattern in _ASKS:
        if pattern.search(question):
            if kind in (ADDRESS, CITY, POSTAL, STREET) and _AS_SOURCE.search(question):
                # "Where is Ukraine losing ground most, per the IAI?": a place the IAI writes of, not its own.
                return None
            return None if kind == CITY and _SAYS_ASKED.search(question) else kind
    return None


# A source named as the one who says what is asked: "…, per the IAI?", "according to the IAI".
_AS_SOURCE = re.compile(r"(?:^|[\s,])(?:per|according\s+to|in\s+the\s+view\s+of)\s", re.I)


def contact_detail(text: str, kind: str, start: int = 0, end: int | None = None) -> Detail | None:
    """The first contact detail of that kind in text[start:end] (the publisher's block), or None.
    A POSTAL detail's answer is empty (answer_start == answer_end): the address spans lines."""
    end = len(text) if end is None else end
    if kind == CONTACT:
        found = [d for k in (POSTAL, PHONE, EMAIL, WEBSITE) if (d := contact_detail(text, k, start, end)) is not None]
        if not found:
            return None
        # From the first detail's line to the last one's: the lines between them are the block's too.
        first, last = min(d.start for d in found), max(d.end for d in found)
        return Detail(kind, first, last, first, first)
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text, start, end) if text[m.start() : m.end()].strip()]
    one_line = _ONE_LINE.get(kind)
    for i, (s, e) in enumerate(lines):
        line = text[s:e]
        if one_line is not None:
            if m := one_line.match(line):
                return Detail(kind, s, e, s + m.start(1), s + m.end(1))
            continue
        if kind in (ADDRESS, POSTAL, CITY, STREET) and (m := _POSTCODE_LINE.match(line)):
            group = next(g for g in ("city", "city2", "city3") if m.group(g))
            first = s
            previous = text[lines[i - 1][0] : lines[i - 1][1]] if i > 0 else ""
            if _STREET_LINE.match(previous) and not any(p.match(previous) for p in _ONE_LINE.values()):
                first = lines[i - 1][0]
            if kind == CITY:
                return Detail(kind, first, e, s + m.start(group), s + m.end(group))
            if kind == STREET:
                if first == s:
                    return None  # no street line above the postcode line
                street = text[first : lines[i - 1][1]]
                return Detail(kind, first, e, first + len(street) - len(street.lstrip()), first + len(street.rstrip()))
            if kind == ADDRESS:  # "Rome, Italy"
                return Detail(kind, first, e, s + m.start(group), s + len(line.rstrip()))
            return Detail(kind, first, e, e, e)
    return None


_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")
_PARENTHESES = re.compile(r"\([^)]*\)")
_GENERIC_PUBLISHER = re.compile(r"\b(?:the (?:institute|think[- ]tank|publisher|organi[sz]ation))\b", re.I)


def names_publisher(question: str, publisher: str | None, publishers: int) -> bool:
    """True when the question names this publisher: its full name or its acronym ("IAI"), or "the
    institute" / "the publisher" when the documents have only one publisher (`publishers`)."""
    if not publisher or not publisher.strip():
        return False
    name = " ".join(_PARENTHESES.sub(" ", publisher).split())
    if name and re.search(rf"\b{re.escape(name)}\b", question, re.I):
        return True
    if any(re.search(rf"\b{re.escape(a)}\b", question) for a in _ACRONYM.findall(publisher)):
        return True
    return publishers == 1 and bool(_GENERIC_PUBLISHER.search(question))
