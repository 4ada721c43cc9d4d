"""Read a conversation in the Pol.is open-data export layout (no database): comments.csv, and
votes.csv (every vote event) and/or participants-votes.csv (the latest vote per cell).

Columns are found by header name because the layouts differ between export versions.
Pol.is's own published results are read too (group-id per participant, group-informed
consensus per comment when present) so that the evaluation can compare against them.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from opiniondesk.errors import InputError

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # comment bodies can be long

MODERATED_OUT, UNMODERATED, ACCEPTED = -1, 0, 1


@dataclass(frozen=True)
class PolisComment:
    id: str
    author: str
    body: str
    moderated: int  # 1 accepted, 0 not yet moderated, −1 moderated out
    timestamp_ms: int | None
    published_consensus: float | None = None


@dataclass(frozen=True)
class PolisVote:
    participant: str
    comment: str
    vote: int
    timestamp_ms: int | None


@dataclass
class PolisConversation:
    name: str
    topic: str = ""
    description: str = ""
    comments: list[PolisComment] = field(default_factory=list)
    votes: list[PolisVote] = field(default_factory=list)  # in time order
    published_groups: dict[str, int] = field(default_factory=dict)  # participant -> 0-based
    published_group_count: int | None = None


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        yield from enumerate(reader, start=2)


def _need(row: dict[str, str], column: str, path: Path, line: int) -> str:
    value = row.get(column)
    if value is None:
        raise InputError(
            f"{path.name}: thiếu cột {column!r} / missing column {column!r} (line {line})"
        )
    return value.strip()


def _int(value: str, column: str, path: Path, line: int) -> int:
    try:
        return int(float(value))
    except ValueError:
        raise InputError(
            f"{path.name} dòng {line}: cột {column!r} phải là số, có {value!r} / "
            f"{path.name} line {line}: column {column!r} must be a number, got {value!r}"
        ) from None


def _optional_int(value: str | None) -> int | None:
    try:
        return int(float(value)) if value not in (None, "") else None
    except ValueError:
        return None


def read_summary(folder: Path) -> dict[str, str]:
    path = folder / "summary.csv"
    if not path.exists():
        return {}
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return {row[0]: row[1] for row in csv.reader(handle) if len(row) >= 2}


def read_comments(path: Path) -> list[PolisComment]:
    comments = []
    for line, row in _rows(path):
        consensus = row.get("group-informed-consensus")
        comments.append(
            PolisComment(
                id=str(_int(_need(row, "comment-id", path, line), "comment-id", path, line)),
                author=(row.get("author-id") or "").strip(),
                body=(row.get("comment-body") or "").strip(),
                moderated=_optional_int(row.get("moderated")) or 0,
                timestamp_ms=_optional_int(row.get("timestamp")),
                published_consensus=float(consensus) if consensus not in (None, "") else None,
            )
        )
    return comments


def read_vote_events(path: Path) -> list[PolisVote]:
    """Every vote event, sorted by time (stable: the file's order breaks ties)."""
    votes = []
    for line, row in _rows(path):
        vote = _int(_need(row, "vote", path, line), "vote", path, line)
        if vote not in (-1, 0, 1):
            raise InputError(
                f"{path.name} dòng {line}: phiếu phải là 1, -1 hoặc 0, có {vote} / "
                f"{path.name} line {line}: vote must be 1, -1 or 0, got {vote}"
            )
        votes.append(
            PolisVote(
                participant=str(_int(_need(row, "voter-id", path, line), "voter-id", path, line)),
                comment=str(_int(_need(row, "comment-id", path, line), "comment-id", path, line)),
                vote=vote,
                timestamp_ms=_optional_int(row.get("timestamp")),
            )
        )
    votes.sort(key=lambda v: v.timestamp_ms if v.timestamp_ms is not None else -1)
    return votes


def read_participant_votes(path: Path) -> tuple[list[PolisVote], dict[str, int]]:
    """The latest vote per cell and Pol.is's published group per participant."""
    votes: list[PolisVote] = []
    groups: dict[str, int] = {}
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        columns = [c for c in (reader.fieldnames or []) if c.strip().isdigit()]
        if "participant" not in (reader.fieldnames or []):
            raise InputError(f"{path.name}: thiếu cột 'participant' / missing column 'participant'")
        for line, row in enumerate(reader, start=2):
            participant = str(_int(row["participant"], "participant", path, line))
            group = _optional_int(row.get("group-id"))
            if group is not None:
                groups[participant] = group
            for column in columns:
                cell = (row.get(column) or "").strip()
                if cell:
                    vote = _int(cell, column, path, line)
                    votes.append(PolisVote(participant, column.strip(), vote, None))
    return votes, groups


def read_conversation(folder: Path) -> PolisConversation:
    """The conversation in `folder`; votes from votes.csv when present (every event, so a
    changed vote counts once, at its latest value), else from participants-votes.csv."""
    comments_path = folder / "comments.csv"
    if not comments_path.exists():
        raise InputError(
            f"{folder}: không có comments.csv / no comments.csv: expected the Pol.is export "
            "layout (comments.csv with votes.csv and/or participants-votes.csv)"
        )
    events_path = folder / "votes.csv"
    matrix_path = folder / "participants-votes.csv"
    if not events_path.exists() and not matrix_path.exists():
        raise InputError(
            f"{folder}: cần votes.csv hoặc participants-votes.csv / "
            "needs votes.csv or participants-votes.csv"
        )
    summary = read_summary(folder)
    conversation = PolisConversation(
        name=folder.name,
        topic=summary.get("topic", ""),
        description=summary.get("conversation-description", ""),
        comments=read_comments(comments_path),
        published_group_count=_optional_int(summary.get("groups")),
    )
    if matrix_path.exists():
        matrix_votes, conversation.published_groups = read_participant_votes(matrix_path)
        conversation.votes = matrix_votes
    if events_path.exists():
        conversation.votes = read_vote_events(events_path)
    return conversation
