"""Month names and dates as people write and say them (shared by cleaning, retrieval and answering)."""

from __future__ import annotations

import re

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
# Short forms as newspapers print them ("Sept. 12"); "May" has none.
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


def month_pattern(abbreviated: bool = False, may: bool = True) -> str:
    """A regex alternation of the month names (no group); with `abbreviated`, short forms too.

    `may=False` leaves out "May", which as a word is far more often the verb.
    """
    names = [m for m in MONTHS if may or m != "May"]
    if abbreviated:
        names += MONTH_ABBREVIATIONS
    return "|".join(names)


# A full date as written on a line of its own: "22 March 2022", "March 22, 2022", "2022-03-22".
DATE_ONLY = (rf"(?:\d{{1,2}}\s+(?:{month_pattern()})\s+\d{{4}}|(?:{month_pattern()})\s+\d{{1,2}},?\s+\d{{4}}"
             r"|\d{4}-\d{2}-\d{2})")


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


_DAY_MONTH_YEAR = re.compile(rf"\b(?:(\d{{1,2}})\s+)?({month_pattern(abbreviated=True)})\.?(?:\s+(\d{{1,2}}),?)?\s+(\d{{4}})\b", re.I)
# A year as documents write one: "1994", "2022".
YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")


def date_parts(text: str | None) -> tuple[int, ...]:
    """The date a text gives, as (year, month, day) as far as it says them: "24 February 2022" ->
    (2022, 2, 24), "2022-04-01" -> (2022, 4, 1), "in 1994" -> (1994,); () when it gives none."""
    if not text:
        return ()
    iso = _ISO_DATE.match(text.strip())
    if iso is not None:
        return tuple(int(part) for part in iso.groups() if part)
    spoken = _DAY_MONTH_YEAR.search(text)
    if spoken is not None:
        day, month, day_after, year = spoken.groups()
        number = next(k for k, name in enumerate(MONTHS, 1) if name.lower().startswith(month.lower()[:3]))
        day = day or day_after
        return (int(year), number, int(day)) if day else (int(year), number)
    year = YEAR.search(text)
    return (int(year.group(1)),) if year is not None else ()


def earlier_than(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """True when date `a` (`date_parts`) is before date `b` as far as both say: (2022, 2, 24) is
    before (2022, 4, 1); (2022,) is before neither."""
    common = min(len(a), len(b))
    return common > 0 and a[:common] < b[:common]
