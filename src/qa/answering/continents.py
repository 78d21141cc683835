"""The continent of a country, for questions that ask for one of a continent's ("Which European country …?").

The span reader reads "European" as a word to find near the answer, not as a condition on it: of
"Though the United States has stopped Russian oil imports, Europe is still deeply dependent on
Russian gas" it answered "United States" to "Which European country plans to stop buying Russian
coal?". A country the table places on other continents only, or a continent or a bloc, is no answer to such a question. The
table holds sovereign states and the names documents commonly give them; a name it lacks is
never ruled out.
"""

from __future__ import annotations

import re

_EUROPE = (
    "albania andorra austria belarus belgium bosnia britain bulgaria croatia cyprus czechia denmark england "
    "estonia finland france germany greece hungary iceland ireland italy kosovo latvia liechtenstein lithuania "
    "luxembourg malta moldova monaco montenegro netherlands holland norway poland portugal romania "
    "san-marino serbia slovakia slovenia spain sweden switzerland ukraine scotland wales vatican "
    "czech-republic north-macedonia macedonia united-kingdom uk"
)
_ASIA = (
    "afghanistan armenia azerbaijan bahrain bangladesh bhutan brunei cambodia china georgia india indonesia iran "
    "iraq israel japan jordan kazakhstan kuwait kyrgyzstan laos lebanon malaysia maldives mongolia myanmar nepal "
    "north-korea oman pakistan palestine philippines qatar saudi-arabia singapore south-korea korea sri-lanka syria "
    "taiwan tajikistan thailand turkmenistan uzbekistan vietnam yemen united-arab-emirates uae"
)
_AFRICA = (
    "algeria angola benin botswana burkina-faso burundi cameroon chad congo djibouti egypt eritrea ethiopia gabon "
    "gambia ghana guinea kenya lesotho liberia libya madagascar malawi mali mauritania mauritius morocco "
    "mozambique namibia niger nigeria rwanda senegal sierra-leone somalia south-africa sudan south-sudan tanzania "
    "togo tunisia uganda zambia zimbabwe"
)
_AMERICAS = (
    "united-states us usa u.s. america canada mexico cuba venezuela brazil argentina chile colombia peru "
    "ecuador bolivia paraguay uruguay guatemala honduras nicaragua panama haiti jamaica"
)
_OCEANIA = "australia new-zealand fiji papua-new-guinea"

CONTINENTS: dict[str, frozenset[str]] = {}
for _continent, _names in (("europe", _EUROPE), ("asia", _ASIA), ("africa", _AFRICA), ("americas", _AMERICAS),
                           ("oceania", _OCEANIA)):
    for _name in _names.split():
        CONTINENTS[_name.replace("-", " ")] = CONTINENTS.get(_name.replace("-", " "), frozenset()) | {_continent}
# Countries on two continents.
for _name in ("russia", "turkey", "kazakhstan", "azerbaijan", "georgia", "armenia", "cyprus"):
    CONTINENTS[_name] = frozenset({"europe", "asia"})
CONTINENTS["egypt"] = frozenset({"africa", "asia"})

_ADJECTIVES = {"european": "europe", "asian": "asia", "african": "africa", "latin american": "americas",
               "south american": "americas", "north american": "americas"}
# "Which European country …?", "What Asian states …?": a continent's adjective before a word for states.
_ASKS_OF_CONTINENT = re.compile(
    r"\b(?P<adjective>european|asian|african|(?:latin|south|north)\s+american)\s+"
    r"(?:countr(?:y|ies)|states?|nations?|governments?|powers?|capitals?)\b",
    re.I,
)


def asked_continent(question: str) -> str | None:
    """The continent whose countries the question asks about ("europe" for "Which European country …?"), else None."""
    asked = _ASKS_OF_CONTINENT.search(question)
    return _ADJECTIVES[" ".join(asked.group("adjective").lower().split())] if asked is not None else None


# Continents and blocs, which are no country of a continent: "Which European country …?" is not
# answered "Europe" ("To reverse this trend, Europe can use its economic leverage …").
_NO_COUNTRY = frozenset({"europe", "asia", "africa", "america", "americas", "oceania", "eu", "european union",
                         "west", "nato", "g7", "g20", "un", "united nations"})


def without_continent(question: str) -> str:
    """The question without the continent's adjective ("Which country …?" for "Which European country
    …?"), as the span reader is to read it: it looks for "European" near the answer, which the
    documents seldom write there ("Poland has already announced …" had a margin of -4.3)."""
    asked = _ASKS_OF_CONTINENT.search(question)
    return question if asked is None else question[: asked.start()] + question[asked.end("adjective") :].lstrip()


def elsewhere(name: str, continent: str) -> bool:
    """True when `name` is no country of `continent`: a country the table places on other continents
    only ("the United States" for Europe), or a continent or a bloc ("Europe", "the EU")."""
    key = re.sub(r"^the\s+", "", " ".join(name.lower().split()))
    known = CONTINENTS.get(key)
    return key in _NO_COUNTRY or known is not None and continent not in known
