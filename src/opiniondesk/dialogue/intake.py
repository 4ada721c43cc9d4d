"""Taking questions in: from the public form, typed by staff from the hotline, or imported.

Each question is redacted before it is stored, then grouped: attached to the most similar group
at or above ATTACH, given a group of its own with a suggestion for the moderator at or above
SUGGEST, or simply a group of its own. A person is a keyed pseudonym (of the browser key on the
public form, of the contact when one is given, or a fresh key per staff or imported entry), so
people are counted, never identified.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from opiniondesk.dialogue import repository as repo
from opiniondesk.dialogue.models import (
    AskerContact,
    DialogueSession,
    GroupState,
    IntakeAttempt,
    Question,
    QuestionGroup,
    Source,
    Support,
)
from opiniondesk.dialogue.repository import StoredQuestion
from opiniondesk.dialogue.similarity import ATTACH, SUGGEST, QuestionSimilarity
from opiniondesk.errors import DeskError, InputError, NotFoundError
from opiniondesk.text.normalize import normalize_text
from opiniondesk.text.pii import redact
from opiniondesk.text.pseudonym import author_key

MIN_CHARS, MAX_CHARS = 10, 2000
TITLE_CHARS = 200
DUPLICATE = 0.8  # the same person, this close to a question of theirs: "you already asked"
RATE_WINDOW = timedelta(minutes=10)
MAX_PER_BROWSER = 5
MAX_PER_ADDRESS = 30
KEEP_ATTEMPTS = timedelta(days=1)


class TooManyQuestions(DeskError):
    status = 429


class Outcome(StrEnum):
    new = "new"  # a group of its own
    suggested = "suggested"  # a group of its own; the moderator is asked about a similar one
    attached = "attached"  # joined an existing group
    duplicate = "duplicate"  # the same person asked this already: counted as support


@dataclass(frozen=True, slots=True)
class Asked:
    outcome: Outcome
    group_id: int
    question_id: int | None


@dataclass(frozen=True, slots=True)
class Contact:
    name: str = ""
    phone: str = ""
    email: str = ""

    @property
    def given(self) -> bool:
        return any(v.strip() for v in (self.name, self.phone, self.email))


def person_from_browser(secret_key: str, browser_key: str) -> str:
    return author_key(secret_key, "dialogue:browser", browser_key)


def person_from_contact(secret_key: str, contact: Contact) -> str:
    # phone or e-mail identify a person better than a name; digits only, so spacing differs not
    phone = "".join(ch for ch in contact.phone if ch.isdigit())
    handle = phone or contact.email.strip().casefold() or contact.name
    return author_key(secret_key, "dialogue:contact", handle)


def person_for_entry() -> str:
    """A staff-typed or imported entry without a contact: one person per entry."""
    return "entry:" + secrets.token_hex(16)


def new_browser_key() -> str:
    return secrets.token_urlsafe(24)


def _keyed(secret_key: str, purpose: str, value: str) -> str:
    return hmac.new(secret_key.encode(), f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()


def check_rate(
    session: Session, *, secret_key: str, browser_key: str, ip: str, now: datetime
) -> None:
    """Refuse a public submission over the limit; otherwise note it. No captcha: a window per
    browser key and a wider one per address."""
    browser, address = _keyed(secret_key, "browser", browser_key), _keyed(secret_key, "ip", ip)
    by_browser, by_address = repo.attempts_since(
        session, since=now - RATE_WINDOW, browser_key=browser, ip_key=address
    )
    if by_browser >= MAX_PER_BROWSER or by_address >= MAX_PER_ADDRESS:
        minutes = int(RATE_WINDOW.total_seconds() // 60)
        raise TooManyQuestions(
            f"Bạn đã gửi nhiều câu hỏi trong {minutes} phút qua; vui lòng thử lại sau ít phút. / "
            f"You sent many questions in the last {minutes} minutes; please try again shortly."
        )
    repo.add(session, IntakeAttempt(at=now, browser_key=browser, ip_key=address))
    repo.purge_attempts(session, now - KEEP_ATTEMPTS)


def clean_text(text: str) -> str:
    """The question as it will be stored: normalised, redacted, within bounds."""
    text = " ".join(normalize_text(text).split())
    if len(text) < MIN_CHARS:
        raise InputError(
            f"Câu hỏi quá ngắn: cần ít nhất {MIN_CHARS} ký tự. / The question is too short: at "
            f"least {MIN_CHARS} characters."
        )
    if len(text) > MAX_CHARS:
        raise InputError(
            f"Câu hỏi quá dài ({len(text)} ký tự); tối đa {MAX_CHARS}. / The question is too "
            f"long ({len(text)} characters); at most {MAX_CHARS}."
        )
    return redact(text).text


def _title(text: str) -> str:
    return text if len(text) <= TITLE_CHARS else text[: TITLE_CHARS - 1].rstrip() + "…"


def _best_groups(
    existing: list[StoredQuestion],
    text: str,
    open_groups: set[int],
    similarity: QuestionSimilarity | None,
) -> tuple[int | None, float, dict[int, float]]:
    """Score `text` against every stored question; a group's score is its best member's."""
    candidates = [q for q in existing if q.group_id in open_groups]
    if not candidates:
        return None, 0.0, {}
    # IDF from the session's questions and the new one, as calibrated (bench/dialogue.py)
    scorer = similarity or QuestionSimilarity([q.text for q in existing] + [text])
    scores = scorer.matrix([text], [q.text for q in candidates], floor=SUGGEST)[0]
    by_group: dict[int, float] = {}
    for question, score in zip(candidates, scores, strict=True):
        by_group[question.group_id] = max(by_group.get(question.group_id, 0.0), float(score))
    best = max(by_group, key=lambda g: by_group[g])
    return best, by_group[best], {q.id: float(s) for q, s in zip(candidates, scores, strict=True)}


def ask(
    session: Session,
    dialogue: DialogueSession,
    *,
    text: str,
    source: Source,
    person_key: str,
    now: datetime,
    contact: Contact | None = None,
    contact_retention: timedelta = timedelta(days=180),
    similarity: QuestionSimilarity | None = None,
) -> Asked:
    """Store one question and group it (see the module docstring). `similarity`, when given,
    must be fitted on a corpus holding this question's cleaned text (an import fits one for
    the whole file); otherwise one is fitted on the session's questions and this one."""
    cleaned = clean_text(text)
    existing = repo.question_rows(session, dialogue.id)
    live = repo.live_group_ids(session, dialogue.id)
    best, score, per_question = _best_groups(existing, cleaned, live, similarity)
    mine = [q for q in existing if q.person_key == person_key and q.group_id in live]
    twin = max(mine, key=lambda q: per_question.get(q.id, 0.0), default=None)
    if twin is not None and per_question.get(twin.id, 0.0) >= DUPLICATE:
        return Asked(Outcome.duplicate, twin.group_id, None)
    if best is not None and score >= ATTACH:
        group_id, outcome, suggested = best, Outcome.attached, None
    else:
        group = QuestionGroup(session_id=dialogue.id, title=_title(cleaned), created_at=now)
        repo.add(session, group)
        group_id = group.id
        close = best is not None and score >= SUGGEST
        outcome = Outcome.suggested if close else Outcome.new
        suggested = best if close else None
    question = Question(
        session_id=dialogue.id,
        group_id=group_id,
        text=cleaned,
        source=source,
        person_key=person_key,
        suggested_group_id=suggested,
        suggested_score=round(score, 3) if suggested else None,
        created_at=now,
    )
    repo.add(session, question)
    if contact is not None and contact.given:
        repo.add(
            session,
            AskerContact(
                question_id=question.id,
                name=contact.name.strip()[:200],
                phone=contact.phone.strip()[:40],
                email=contact.email.strip()[:320],
                consented_at=now,
                retain_until=now + contact_retention,
            ),
        )
    return Asked(outcome, group_id, question.id)


def support(session: Session, group_id: int, person_key: str, now: datetime) -> bool:
    """Count `person_key` for the group once; False when they were counted already."""
    group = repo.group_by_id(session, group_id)
    if group is None or group.state in (GroupState.rejected, GroupState.merged):
        raise NotFoundError(f"Không có nhóm câu hỏi #{group_id}. / No question group #{group_id}.")
    if repo.has_asked(session, group_id, person_key) or repo.has_support(
        session, group_id, person_key
    ):
        return False
    try:
        with session.begin_nested():  # two clicks at once: the unique key keeps one
            repo.add(session, Support(group_id=group_id, person_key=person_key, created_at=now))
    except IntegrityError:
        return False
    return True


def purge_expired(session: Session, *, now: datetime) -> int:
    """Delete contacts past their retention date and old rate-limit rows; returns contacts."""
    repo.purge_attempts(session, now - KEEP_ATTEMPTS)
    return repo.purge_contacts(session, now)
