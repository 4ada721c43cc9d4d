"""Consultation use cases: create, add and moderate statements, open and close, vote, and
analyse. Services never commit: the request, task or command owns the transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from opiniondesk.accounts.units import NATIONAL, resolve_unit
from opiniondesk.consultations import repository as repo
from opiniondesk.consultations.analysis import ConsultationAnalysis, analyse
from opiniondesk.consultations.matrix import VoteMatrix
from opiniondesk.consultations.models import (
    AnalysisRun,
    Consultation,
    ConsultationStatus,
    Statement,
    StatementStatus,
)
from opiniondesk.errors import DeskError, InputError, NotFoundError
from opiniondesk.storage.base import utcnow
from opiniondesk.text.pii import redact
from opiniondesk.text.pseudonym import author_key

MAX_STATEMENT_CHARS = 400  # a statement is one short sentence to vote on
MAX_TITLE_CHARS = 300
VOTES = {"agree": 1, "disagree": -1, "pass": 0}


class ConsultationClosedError(DeskError):
    status = 409


def get(session: Session, consultation_id: int) -> Consultation:
    found = repo.consultation(session, consultation_id)
    if found is None:
        raise NotFoundError(
            f"Không có cuộc tham vấn số {consultation_id} / no consultation {consultation_id}: "
            "xem danh sách / see `opiniondesk consultation list`."
        )
    return found


def get_public(session: Session, consultation_id: int) -> Consultation:
    """A consultation citizens may see: open or closed, never a draft."""
    found = repo.consultation(session, consultation_id)
    if found is None or found.status == ConsultationStatus.draft:
        raise NotFoundError(
            f"Không có cuộc tham vấn công khai số {consultation_id} / "
            f"no public consultation {consultation_id}."
        )
    return found


def participant_key(secret_key: str, consultation_id: int, cookie_value: str) -> str:
    """The stored pseudonym of a participant: a keyed hash of their cookie value, different
    in every consultation so that two consultations cannot be joined."""
    return author_key(secret_key, f"consultation:{consultation_id}", cookie_value)


def create(
    session: Session,
    *,
    title: str,
    question: str = "",
    unit_code: str = NATIONAL,
    created_by: int | None = None,
) -> Consultation:
    title = redact(title.strip(), names=False).text
    if not title:
        raise InputError("Cần nhập tiêu đề / a title is needed.")
    if len(title) > MAX_TITLE_CHARS:
        raise InputError(
            f"Tiêu đề dài quá {MAX_TITLE_CHARS} ký tự / the title is longer than "
            f"{MAX_TITLE_CHARS} characters."
        )
    consultation = Consultation(
        title=title,
        question=redact(question.strip(), names=False).text,
        status=ConsultationStatus.draft,
        source="",
        unit_code=resolve_unit(unit_code).code,
        created_by=created_by,
        created_at=utcnow(),
    )
    return repo.add(session, consultation)  # type: ignore[no-any-return]


def clean_statement(text: str) -> str:
    """The statement as it may be stored: PII redacted, one line, not too long."""
    cleaned = " ".join(text.split())
    if not cleaned:
        raise InputError("Ý kiến trống / the statement is empty: write one short sentence.")
    if len(cleaned) > MAX_STATEMENT_CHARS:
        raise InputError(
            f"Ý kiến dài {len(cleaned)} ký tự, tối đa {MAX_STATEMENT_CHARS} / the statement has "
            f"{len(cleaned)} characters, at most {MAX_STATEMENT_CHARS}: shorten it."
        )
    return redact(cleaned).text


def add_statement(
    session: Session, consultation: Consultation, text: str, *, by_participant: bool
) -> Statement:
    """Staff statements are accepted at once; a participant's waits for moderation."""
    if by_participant and consultation.status != ConsultationStatus.open:
        raise ConsultationClosedError(
            "Cuộc tham vấn không còn mở / the consultation is not open for new statements."
        )
    statement = Statement(
        consultation_id=consultation.id,
        text=clean_statement(text),
        status=StatementStatus.pending if by_participant else StatementStatus.accepted,
        submitted_by_participant=by_participant,
        created_at=utcnow(),
    )
    return repo.add(session, statement)  # type: ignore[no-any-return]


def moderate(
    session: Session, consultation: Consultation, statement_id: int, *, accept: bool
) -> Statement:
    statement = repo.statement(session, consultation.id, statement_id)
    if statement is None:
        raise NotFoundError(
            f"Không có ý kiến số {statement_id} trong cuộc tham vấn này / no statement "
            f"{statement_id} in this consultation."
        )
    statement.status = StatementStatus.accepted if accept else StatementStatus.rejected
    session.flush()
    return statement


def set_status(session: Session, consultation: Consultation, status: ConsultationStatus) -> None:
    now = utcnow()
    if status == ConsultationStatus.open:
        if not repo.statements(session, consultation.id, [StatementStatus.accepted]):
            raise InputError(
                "Cần ít nhất một ý kiến đã duyệt trước khi mở / add at least one accepted "
                "statement before opening the consultation."
            )
        consultation.opened_at = consultation.opened_at or now
        consultation.closed_at = None
    elif status == ConsultationStatus.closed:
        consultation.closed_at = now
    consultation.status = status
    session.flush()


def vote(
    session: Session,
    consultation: Consultation,
    *,
    key_hash: str,
    statement_id: int,
    choice: str,
    at: datetime | None = None,
) -> None:
    if consultation.status != ConsultationStatus.open:
        raise ConsultationClosedError(
            "Cuộc tham vấn đã đóng, không nhận thêm phiếu / the consultation is closed: no "
            "more votes."
        )
    if choice not in VOTES:
        raise InputError(
            f"Lựa chọn {choice!r} không hợp lệ: đồng ý, không đồng ý hoặc bỏ qua / choice "
            f"{choice!r} is not valid: agree, disagree or pass."
        )
    statement = repo.statement(session, consultation.id, statement_id)
    if statement is None or statement.status != StatementStatus.accepted:
        raise NotFoundError(
            f"Không có ý kiến số {statement_id} để bỏ phiếu / statement {statement_id} is not "
            "open for votes."
        )
    participant = repo.participant_id(session, consultation.id, key_hash)
    repo.cast_vote(
        session,
        consultation_id=consultation.id,
        participant_id=participant,
        statement_id=statement.id,
        vote=VOTES[choice],
        at=at or utcnow(),
    )


@dataclass(frozen=True)
class Progress:
    statement: Statement | None  # the next one to vote on, None when all are done
    voted: int
    total: int


def next_statement(session: Session, consultation: Consultation, key_hash: str | None) -> Progress:
    """The accepted statement this participant has not voted on that has the fewest votes
    (so that new statements catch up), ties by age."""
    accepted = repo.statements(session, consultation.id, [StatementStatus.accepted])
    participant = (
        repo.existing_participant(session, consultation.id, key_hash) if key_hash else None
    )
    done = repo.voted_statements(session, participant) if participant is not None else set()
    totals = repo.vote_totals(session, consultation.id)
    waiting = [s for s in accepted if s.id not in done]
    waiting.sort(key=lambda s: (totals.get(s.id, 0), s.id))
    voted = sum(1 for s in accepted if s.id in done)
    return Progress(waiting[0] if waiting else None, voted, len(accepted))


def vote_matrix(session: Session, consultation_id: int) -> VoteMatrix:
    """Participants and statements by their database ids. Columns: accepted and moderated-out
    statements, and pending ones only if someone voted on them (imported data)."""
    votes = repo.votes(session, consultation_id)
    voted_on = {s for _, s, _ in votes}
    statements = [
        s
        for s in repo.statements(session, consultation_id)
        if s.status != StatementStatus.pending or s.id in voted_on
    ]
    return VoteMatrix.from_votes(
        ((str(p), str(s), v) for p, s, v in votes),
        statements=[str(s.id) for s in statements],
        moderated_out=[str(s.id) for s in statements if s.status == StatementStatus.rejected],
    )


def analyse_now(
    session: Session, consultation: Consultation, *, seed: int = 0, min_group_size: int = 5
) -> tuple[ConsultationAnalysis, AnalysisRun]:
    """Analyse the current votes and store the result as a new run."""
    matrix = vote_matrix(session, consultation.id)
    result = analyse(matrix, seed=seed, min_group_size=min_group_size)
    run = AnalysisRun(
        consultation_id=consultation.id,
        computed_at=utcnow(),
        vote_count=result.vote_count,
        seed=seed,
        result=result.to_json(),
    )
    repo.add(session, run)
    return result, run


def latest(
    session: Session, consultation_id: int
) -> tuple[ConsultationAnalysis, AnalysisRun] | None:
    run = repo.latest_run(session, consultation_id)
    if run is None:
        return None
    return ConsultationAnalysis.from_json(run.result), run


def is_stale(session: Session, run: AnalysisRun | None, consultation_id: int) -> bool:
    """The stored run no longer reflects the votes (votes changed in place keep the count, so
    a vote newer than the run counts too)."""
    if run is None:
        return True
    if repo.vote_count(session, consultation_id) != run.vote_count:
        return True
    newest = repo.newest_vote_at(session, consultation_id)
    return newest is not None and newest > run.computed_at
