"""Convert the 2022 Russian/Ukrainian presidential press releases into a `qa` corpus folder.

Input (default /work/shared/data/ru_ua_press_2022/):
    putin.csv      link, headline, date, location, summary, body
    zelenskyy.csv  link, headline, date, body

Output: one .txt per release under <out>/putin/ and <out>/zelenskyy/, named
<date>_<sha1(link)[:10]>.txt, and <out>/metadata.json mapping each file's corpus path to
    {title: headline, date: YYYY-MM-DD, publisher: "President of Russia" | "President of Ukraine",
     kind: "press release", source: link, location: ... (Putin's releases, when given)}
The text is the summary (Putin's releases, when given) as a lead paragraph, then the body.

The output is benchmark data, not part of the project: keep it under /tmp or benchmarks/data/
(git-ignored; a .gitignore is written into benchmarks/data/ as well). Re-running is cheap:
files whose content is unchanged are not rewritten, so `qa index` sees no change.

    python benchmarks/convert_press.py [--src DIR] [--out benchmarks/data/press_corpus] [--limit N]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
DEFAULT_SRC = Path("/work/shared/data/ru_ua_press_2022")
DEFAULT_OUT = BENCH / "data" / "press_corpus"
SOURCES = {
    "putin": "President of Russia",
    "zelenskyy": "President of Ukraine",
}


def _write_if_changed(path: Path, text: str) -> bool:
    data = text.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def _ignore_data_dir(out: Path) -> None:
    """Make sure nothing under benchmarks/data/ is ever committed."""
    data = BENCH / "data"
    try:
        out.resolve().relative_to(data.resolve())
    except ValueError:
        return
    data.mkdir(parents=True, exist_ok=True)
    ignore = data / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# converted benchmark corpora: never committed\n*\n", encoding="utf-8")


def convert(src: Path, out: Path, limit: int | None = None) -> dict:
    csv.field_size_limit(sys.maxsize)
    _ignore_data_dir(out)
    metadata: dict[str, dict] = {}
    written = 0
    counts: dict[str, int] = {}
    for name, publisher in SOURCES.items():
        path = src / f"{name}.csv"
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        if limit is not None:
            rows = rows[:limit]
        counts[name] = 0
        for row in rows:
            body = (row.get("body") or "").strip()
            if not body:
                continue
            date = (row.get("date") or "")[:10] or None
            digest = hashlib.sha1(row["link"].encode("utf-8")).hexdigest()[:10]
            rel = f"{name}/{date or 'undated'}_{digest}.txt"
            summary = (row.get("summary") or "").strip()
            text = f"{summary}\n\n{body}\n" if summary else f"{body}\n"
            written += _write_if_changed(out / rel, text)
            meta = {
                "title": (row.get("headline") or "").strip() or None,
                "date": date,
                "publisher": publisher,
                "kind": "press release",
                "source": row["link"],
            }
            location = (row.get("location") or "").strip()
            if location and location != "NA":
                meta["location"] = location
            metadata[rel] = meta
            counts[name] += 1
    expected = set(metadata)
    removed = 0
    for name in SOURCES:
        for stale in sorted((out / name).glob("*.txt")) if (out / name).is_dir() else []:
            if f"{name}/{stale.name}" not in expected:
                stale.unlink()
                removed += 1
    _write_if_changed(out / "metadata.json", json.dumps(metadata, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    return {"out": str(out), "documents": len(metadata), "per_source": counts, "files_written": written,
            "files_removed": removed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--src", type=Path, default=DEFAULT_SRC)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--limit", type=int, default=None, help="only the first N rows of each file")
    args = parser.parse_args()
    print(json.dumps(convert(args.src, args.out, args.limit)))


if __name__ == "__main__":
    main()
