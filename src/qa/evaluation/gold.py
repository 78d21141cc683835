"""Gold-set items and their loader (JSON Lines, as GOLD_FORMAT.md defines)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qa.errors import GoldFormatError, InputError

DEFAULT_KIND = "unlabelled"


@dataclass(frozen=True)
class Evidence:
    """A passage that supports an answer: `quote` is an exact substring of a corpus document.

    `doc` is informative only; relevance never depends on it.
    """

    quote: str
    doc: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the evidence as it is written in a gold file (`doc` left out when unknown)."""
        out: dict[str, Any] = {"quote": self.quote}
        if self.doc is not None:
            out["doc"] = self.doc
        return out


@dataclass(frozen=True)
class GoldItem:
    """One gold question with its acceptable answers, evidence, kind and earlier turns."""

    id: str
    question: str
    answers: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    kind: str
    history: tuple[dict, ...]

    @property
    def answerable(self) -> bool:
        """True when the corpus answers the question, i.e. there is at least one gold answer."""
        return len(self.answers) > 0

    def to_dict(self) -> dict[str, Any]:
        """Return the item as one gold-file line would hold it."""
        return {
            "id": self.id,
            "question": self.question,
            "answers": list(self.answers),
            "evidence": [e.to_dict() for e in self.evidence],
            "kind": self.kind,
            "history": [dict(turn) for turn in self.history],
        }


def load_gold(path: Path | str) -> list[GoldItem]:
    """Read a gold set: JSON Lines in UTF-8 (a BOM is tolerated), blank lines skipped.

    Optional fields (`answers`, `evidence`, `kind`, `history`, an evidence's `doc`) may be
    left out or null; unknown fields are ignored.

    Args:
        path: The gold-set file.

    Returns:
        The items in file order.

    Raises:
        InputError: If the file does not exist or cannot be read.
        GoldFormatError: If a line is not valid UTF-8 or JSON, a field is missing or has the
            wrong type, an id is repeated, or the file holds no question. The message names
            the file, the line and what is wrong.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"gold file not found: {path}") from exc
    except OSError as exc:
        raise InputError(f"cannot read gold file {path}: {exc.strerror or exc}") from exc

    items: list[GoldItem] = []
    first_line_of: dict[str, int] = {}
    # Split bytes, not text, so a bad byte is reported with its line number.
    for lineno, line_bytes in enumerate(raw.split(b"\n"), start=1):
        if lineno == 1 and line_bytes.startswith(b"\xef\xbb\xbf"):
            line_bytes = line_bytes[3:]
        try:
            line = line_bytes.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise GoldFormatError(
                f"{path}:{lineno}: not valid UTF-8 (byte {exc.start + 1} of the line); "
                "save the file as UTF-8"
            ) from exc
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(
                f"{path}:{lineno}: invalid JSON ({exc.msg} at column {exc.colno}); "
                "each line must hold one complete JSON object"
            ) from exc
        item = _parse_item(record, path, lineno)
        if item.id in first_line_of:
            raise GoldFormatError(
                f"{path}:{lineno}: duplicate id {item.id!r}, already used on line "
                f"{first_line_of[item.id]}; ids must be unique"
            )
        first_line_of[item.id] = lineno
        items.append(item)

    if not items:
        raise GoldFormatError(f"{path}: no questions found; the gold file is empty")
    return items


def _parse_item(record: Any, path: Path, lineno: int) -> GoldItem:
    """Check one decoded line and turn it into a GoldItem."""

    def fail(what: str) -> GoldFormatError:
        return GoldFormatError(f"{path}:{lineno}: {what}")

    if not isinstance(record, dict):
        raise fail(f"expected a JSON object, got {_describe(record)}")

    for name in ("id", "question"):
        if name not in record:
            raise fail(f"missing required field {name!r}")
        if not _is_nonempty_str(record[name]):
            raise fail(f"{name!r} must be a non-empty string, got {_describe(record[name])}")

    answers = _optional(record, "answers", [])
    if not isinstance(answers, list):
        raise fail(f"'answers' must be a list of strings, got {_describe(answers)}")
    for i, answer in enumerate(answers):
        # An empty answer would be contained in every reply.
        if not _is_nonempty_str(answer):
            raise fail(f"answers[{i}] must be a non-empty string, got {_describe(answer)}")

    evidence_in = _optional(record, "evidence", [])
    if not isinstance(evidence_in, list):
        raise fail(f"'evidence' must be a list of objects, got {_describe(evidence_in)}")
    evidence: list[Evidence] = []
    for i, ev in enumerate(evidence_in):
        if not isinstance(ev, dict):
            raise fail(f"evidence[{i}] must be an object with a 'quote', got {_describe(ev)}")
        if "quote" not in ev:
            raise fail(f"evidence[{i}] is missing its 'quote'")
        # An empty quote would make every passage relevant.
        if not _is_nonempty_str(ev["quote"]):
            raise fail(f"evidence[{i}].quote must be a non-empty string, got {_describe(ev['quote'])}")
        doc = _optional(ev, "doc", None)
        if doc is not None and not isinstance(doc, str):
            raise fail(f"evidence[{i}].doc must be a string, got {_describe(doc)}")
        evidence.append(Evidence(quote=ev["quote"], doc=doc))

    kind = _optional(record, "kind", DEFAULT_KIND)
    if not _is_nonempty_str(kind):
        raise fail(f"'kind' must be a non-empty string, got {_describe(kind)}")

    history = _optional(record, "history", [])
    if not isinstance(history, list):
        raise fail(f"'history' must be a list of {{role, content}} objects, got {_describe(history)}")
    for i, turn in enumerate(history):
        problem = _history_turn_problem(turn)
        if problem is not None:
            raise fail(f"history[{i}] {problem}")

    return GoldItem(
        id=record["id"],
        question=record["question"],
        answers=tuple(answers),
        evidence=tuple(evidence),
        kind=kind,
        history=tuple(history),
    )


def _history_turn_problem(turn: Any) -> str | None:
    """Say what is wrong with one history turn, or None when it is usable."""
    if not isinstance(turn, dict):
        return f"must be an object with 'role' and 'content', got {_describe(turn)}"
    if not _is_nonempty_str(turn.get("role")):
        return f"needs 'role' as a non-empty string, got {_describe(turn.get('role'))}"
    if "content" not in turn:
        return "is missing its 'content'"
    content = turn["content"]
    if isinstance(content, str):
        return None
    # Gradio messages may carry content as a list of parts, e.g. [{"type": "text", "text": "..."}].
    if not isinstance(content, list):
        return f"'content' must be a string or a list of parts, got {_describe(content)}"
    for j, part in enumerate(content):
        if not isinstance(part, dict) or not isinstance(part.get("type"), str):
            return f"content[{j}] must be an object with a string 'type', got {_describe(part)}"
        if part["type"] == "text" and not isinstance(part.get("text"), str):
            return f"content[{j}] is a text part without a string 'text'"
    return None


def _optional(record: dict, name: str, default: Any) -> Any:
    """Return record[name], or `default` when the field is absent or null."""
    value = record.get(name)
    return default if value is None else value


def _is_nonempty_str(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _describe(value: Any) -> str:
    """Show a bad value briefly, with its JSON type."""
    json_type = {
        type(None): "null",
        bool: "boolean",
        int: "number",
        float: "number",
        str: "string",
        list: "array",
        dict: "object",
    }.get(type(value), type(value).__name__)
    shown = json.dumps(value, ensure_ascii=False)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return f"{shown} ({json_type})"
