"""The other written forms of irregular English verbs, which no stemmer joins: "meet" and "met".

A question asks "Where did the sides meet?", "How many soldiers did each side lose?", "What did
the US send?"; the documents write "met", "lost", "sent". Snowball stems the regular forms
together ("sanction", "sanctioned"), but not these. `other_forms` gives, for a written word, the
other forms of its verb, so that BM25 can look them up when the corpus lacks the word itself.
"""

from __future__ import annotations

from functools import lru_cache

# Base form, past tense, past participle (one form when they coincide). Verbs whose forms are
# also common unrelated words are left out ("left", "found", "saw", "lay", "felt", "bit",
# "ground", "bound", "wound"), so that a question's "leave" never draws "left" (the side).
_VERBS = """
arise arose arisen; bear bore borne; beat beat beaten; become became; begin began begun; bend bent;
bid bid; blow blew blown; break broke broken; bring brought; build built;
burn burnt; buy bought; catch caught; choose chose chosen; cling clung; come came; creep crept;
deal dealt; dig dug; do did done; draw drew drawn; drink drank drunk; drive drove driven; eat ate eaten;
fall fell fallen; feed fed; fight fought; flee fled; fly flew flown; forbid forbade forbidden;
forecast forecast; foresee foresaw foreseen; forget forgot forgotten; forgive forgave forgiven;
forgo forwent forgone; forsake forsook forsaken; freeze froze frozen; get got gotten; give gave given;
go went gone; grow grew grown; hang hung; hide hid hidden; hold held; keep kept;
kneel knelt; know knew known; lead led; lend lent; lose lost; make made; mean meant; meet met;
mislead misled; mistake mistook mistaken; overcome overcame; overrun overran; oversee oversaw overseen;
overtake overtook overtaken; overthrow overthrew overthrown; pay paid; prove proved proven; ride rode ridden;
ring rang rung; rise rose risen; run ran; say said; seek sought; sell sold; send sent; shake shook shaken;
shine shone; shoot shot; show showed shown; shrink shrank shrunk; sing sang sung; sink sank sunk;
sit sat; sleep slept; slide slid; speak spoke spoken; speed sped; spend spent; spin spun; split split;
spread spread; spring sprang sprung; stand stood; steal stole stolen; stick stuck; sting stung;
strike struck stricken; strive strove striven; swear swore sworn; sweep swept; swim swam swum;
swing swung; take took taken; teach taught; tear tore torn; tell told; think thought; throw threw thrown;
tread trod trodden; undergo underwent undergone; understand understood; undertake undertook undertaken;
undo undid undone; uphold upheld; upset upset; wake woke woken; wear wore worn; weave wove woven;
weep wept; win won; withdraw withdrew withdrawn; withhold withheld; withstand withstood;
write wrote written
"""


@lru_cache(maxsize=1)
def _groups() -> dict[str, tuple[str, ...]]:
    """Each form -> the verb's forms (base first)."""
    out: dict[str, tuple[str, ...]] = {}
    for entry in _VERBS.split(";"):
        forms = tuple(dict.fromkeys(entry.split()))
        if not forms:
            continue
        # The -s and -ing forms of the base stem as the base does; the past forms stand alone.
        for form in forms:
            out.setdefault(form, forms)
    return out


def other_forms(word: str) -> tuple[str, ...]:
    """The other written forms of the irregular verb `word` is a form of ("met", for "meet";
    "meet" for "met"), or () when it is none. Lower-case in, lower-case out."""
    forms = _groups().get(word)
    return tuple(f for f in forms if f != word) if forms else ()
