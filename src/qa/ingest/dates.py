"""Month names and dates as people write and say them (shared by cleaning, retrieval and answering)."""

from __future__ import annotations

import re

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
# Short forms as newspapers print them ("Sept. 12"); "May" has none.
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")

_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


def month_pattern(abbreviated: bool = False, may: bool = True) -> str:
    """A regex alternation of the month names (no group); with `abbreviated`, short forms too.

    `may=False` leaves out "May", which as a word is far more often the verb.
    """
    names = [m for m in MONTHS if may or m != "May"]
    if abbreviated:
        names += MONTH_ABBREVIATIONS
    return "|".join(names)


def spoken_date(date: str | None) -> str:
    """An ISO date as people say it: 2022-04-01 -> "1 April 2022" (also matches "April 2022")."""
    if not date:
        return ""
    match = _ISO_DATE.match(date.strip())
    if not match:
        return date
    year, month, day = match.groups()
    parts = []
    if day and month:
        parts.append(str(int(day)))
    if month and 1 <= int(month) <= 12:
        parts.append(MONTHS[int(month) - 1])
    parts.append(year)
    return " ".join(parts)
