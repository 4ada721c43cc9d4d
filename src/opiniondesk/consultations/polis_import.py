"""Import a conversation exported from Pol.is (open-data layout, see polis_files) as a closed
consultation: statements (PII-redacted, moderation kept), pseudonymous participants (keyed
hashes of the export's participant ids) and each participant's latest vote per statement.

Importing the same export twice returns the first consultation: nothing is duplicated.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from opiniondesk.accounts.units import NATIONAL
from opiniondesk.consultations import repository as repo
from opiniondesk.consultations.models import (
    Consultation,
    ConsultationStatus,
    Participant,
    Statement,
    StatementStatus,
    Vote,
)
from opiniondesk.consultations.polis_files import (
    ACCEPTED,
    MODERATED_OUT,
    PolisConversation,
    read_conversation,
)
from opiniondesk.consultations.service import MAX_TITLE_CHARS, participant_key
from opiniondesk.storage.base import utcnow
from opiniondesk.text.pii import redact

_STATUS = {ACCEPTED: StatementStatus.accepted, MODERATED_OUT: StatementStatus.rejected}
_CHUNK = 5000


def export_fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    for name in ("comments.csv", "votes.csv", "participants-votes.csv"):
        path = folder / name
        if path.exists():
            digest.update(name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _when(timestamp_ms: int | None, fallback: datetime) -> datetime:
    if timestamp_ms is None:
        return fallback
    return datetime.fromtimestamp(timestamp_ms / 1000, tz=UTC)


def import_folder(session: Session, folder: Path, *, secret_key: str) -> tuple[int, bool]:
    """(consultation id, created?) for the export in `folder`."""
    source = f"polis:{folder.name[:150]}:{export_fingerprint(folder)}"
    for existing in repo.consultations(session):
        if existing.source == source:
            return existing.id, False
    conversation = read_conversation(folder)
    return store(session, conversation, source=source, secret_key=secret_key), True


def store(
    session: Session, conversation: PolisConversation, *, source: str, secret_key: str
) -> int:
    now = utcnow()
    title = redact(conversation.topic or conversation.name, names=False).text[:MAX_TITLE_CHARS]
    consultation = repo.add(
        session,
        Consultation(
            title=title or conversation.name[:MAX_TITLE_CHARS],
            question=redact(conversation.description, names=False).text,
            status=ConsultationStatus.closed,
            source=source,
            unit_code=NATIONAL,
            created_at=now,
            opened_at=None,
            closed_at=now,
        ),
    )
    statement_ids: dict[str, int] = {}
    for comment in conversation.comments:
        statement = repo.add(
            session,
            Statement(
                consultation_id=consultation.id,
                external_id=comment.id,
                text=redact(" ".join(comment.body.split())).text,
                status=_STATUS.get(comment.moderated, StatementStatus.pending),
                submitted_by_participant=True,
                created_at=_when(comment.timestamp_ms, now),
            ),
        )
        statement_ids[comment.id] = statement.id
    latest: dict[tuple[str, str], tuple[int, datetime]] = {}
    for vote in conversation.votes:  # in time order: the last one wins
        if vote.comment in statement_ids:
            latest[(vote.participant, vote.comment)] = (vote.vote, _when(vote.timestamp_ms, now))
    people = sorted({p for p, _ in latest}, key=lambda v: (len(v), v))
    keys = {p: participant_key(secret_key, consultation.id, p) for p in people}
    repo.bulk_insert(
        session,
        Participant,
        [
            {"consultation_id": consultation.id, "key_hash": keys[p], "created_at": now}
            for p in people
        ],
    )
    ids = repo.participant_ids(session, consultation.id)
    rows = [
        {
            "consultation_id": consultation.id,
            "participant_id": ids[keys[participant]],
            "statement_id": statement_ids[comment],
            "vote": value,
            "voted_at": at,
        }
        for (participant, comment), (value, at) in latest.items()
    ]
    for start in range(0, len(rows), _CHUNK):
        repo.bulk_insert(session, Vote, rows[start : start + _CHUNK])
    return int(consultation.id)
