"""Capitals and seats of power that stand for their countries: "Kyiv promised", "Moscow hopes".

Commentary names a government by its capital ("Moscow", "Kyiv", "Washington") or seat ("the
Kremlin") as often as by its country, and a question may use either while the documents use the
other: the answerer reads a capital as its country where it checks who a sentence is about.
(Adding the country to the BM25 query as well, at half a word's weight, lost two gold answers
and found none: 2026-12-03.)
"""

from __future__ import annotations

# Lower-case seat -> the country as documents write it.
SEATS: dict[str, str] = {
    "moscow": "Russia", "kremlin": "Russia", "kyiv": "Ukraine", "kiev": "Ukraine", "washington": "United States",
    "beijing": "China", "london": "Britain", "paris": "France", "berlin": "Germany", "ankara": "Turkey",
    "brussels": "EU", "tehran": "Iran", "warsaw": "Poland", "rome": "Italy", "tokyo": "Japan",
}
# Lower-case names of a group -> its members as documents write them: "What more could the West do
# to Russian banks?" is answered by "… room for the United States and Europe to further increase
# pressure on Russian banks".
GROUPS: dict[str, str] = {"west": "United States Europe EU allies NATO"}
