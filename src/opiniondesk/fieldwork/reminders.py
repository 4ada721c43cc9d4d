"""Reminding collaborators of a report duty by e-mail before its due date.

Three days before and the day before (the due day itself when the job ran late), each
collaborator of the duty's unit who has an e-mail address on their profile, an enabled
account, and has not answered the duty yet gets one mail per reminder kind. The reminder rows
are the outbox: queued in one transaction (unique per duty, person and kind, so a second run
queues nothing), sent after commit through the cases' SMTP mailer.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.cases.notify import Mailer, mailer_for
from opiniondesk.cases.settings import CasesSettings
from opiniondesk.fieldwork import repository as repo
from opiniondesk.fieldwork.models import DutyReminder, ReminderKind, ReportDuty

log = logging.getLogger(__name__)
FIRST_REMINDER_DAYS = 3
LAST_REMINDER_DAYS = 1
BATCH = 200


def kind_for(days_left: int) -> ReminderKind | None:
    """Which reminder is due with `days_left` days to go (None: none now)."""
    if 0 <= days_left <= LAST_REMINDER_DAYS:
        return ReminderKind.days_1
    if days_left <= FIRST_REMINDER_DAYS and days_left > LAST_REMINDER_DAYS:
        return ReminderKind.days_3
    return None


def _mail(duty: ReportDuty, days_left: int, base_url: str) -> tuple[str, str]:
    due = duty.due_on.strftime("%d/%m/%Y")
    subject = f"Nhắc báo cáo: {duty.topic} (hạn {due}) / Report reminder: {duty.topic} (due {due})"
    link = base_url.rstrip("/") + "/field-reports/new"
    body = (
        f"Còn {days_left} ngày đến hạn báo cáo về “{duty.topic}” tại địa bàn {duty.unit_code} "
        f"(hạn {due}). Gửi báo cáo tại: {link}\n"
        f"{duty.note}\n\n"
        f"{days_left} day(s) left to report on “{duty.topic}” in unit {duty.unit_code} "
        f"(due {due}). Send your report at: {link}\n\n"
        "Thư tự động từ opiniondesk; không cần trả lời. / Automatic message from opiniondesk; "
        "no need to reply.\n"
    )
    return " ".join(subject.split())[:400], body


def queue_reminders(session: Session, *, today: date, now: datetime, base_url: str) -> int:
    """Queue the reminders due `today` (a day in Vietnam); returns how many this call queued."""
    queued = 0
    for duty in repo.duties_due_between(session, today, today + timedelta(FIRST_REMINDER_DAYS)):
        days_left = (duty.due_on - today).days
        kind = kind_for(days_left)
        if kind is None:
            continue
        _, answered = repo.duty_answers(session, duty.id)
        waiting = repo.enabled_users(session, repo.collaborators_of(session, duty) - answered)
        profiles = repo.profiles(session, waiting)
        subject, body = _mail(duty, days_left, base_url)
        for user in sorted(waiting):
            profile = profiles.get(user)
            if profile is None or not profile.email:
                continue  # no address to write to; the overview still shows who has not answered
            done = repo.queue_reminder(
                session,
                {
                    "duty_id": duty.id,
                    "user_id": user,
                    "kind": kind.value,
                    "recipient": profile.email,
                    "subject": subject,
                    "body": body,
                    "created_at": now,
                    "attempts": 0,
                    "last_error": "",
                },
            )
            queued += done
    return queued


def compose(reminder: DutyReminder, sender: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = reminder.recipient
    message["Subject"] = reminder.subject
    message["Date"] = format_datetime(reminder.created_at)
    message["Message-ID"] = make_msgid(idstring=f"duty-{reminder.duty_id}-{reminder.id}")
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no auto-replies back
    message["Content-Language"] = "vi, en"
    message.set_content(reminder.body, charset="utf-8")
    return message


@dataclass(frozen=True)
class ReminderDelivery:
    queued: int = 0
    sent: int = 0
    failed: int = 0
    waiting: int = 0  # unsent after this run (no SMTP host configured, or failures to retry)


def deliver_reminders(
    session: Session, mailer: Mailer | None, *, settings: CasesSettings, now: datetime
) -> tuple[int, int, int]:
    """Send waiting reminders: (sent, failed, still waiting). Without a mailer they wait."""
    if mailer is not None:
        repo.lock_reminders(session)
    pending = repo.pending_reminders(session, max_attempts=settings.smtp_max_attempts, limit=BATCH)
    if mailer is None:
        if pending:
            log.info("%d reminders wait: set OPINIONDESK_SMTP_HOST to send them", len(pending))
        return 0, 0, len(pending)
    messages, sendable, failed = [], [], 0
    for reminder in pending:
        try:
            messages.append(compose(reminder, settings.smtp_from))
            sendable.append(reminder)
        except (ValueError, TypeError) as exc:  # one bad address must not block the rest
            repo.mark_reminder(session, reminder.id, sent_at=None, error=f"message: {exc}")
            failed += 1
    sent = 0
    for reminder, error in zip(sendable, mailer.send(messages), strict=True):
        if error is None:
            repo.mark_reminder(session, reminder.id, sent_at=now, error="")
            sent += 1
        else:
            log.warning("reminder %d failed: %s", reminder.id, error)
            repo.mark_reminder(session, reminder.id, sent_at=None, error=error)
            failed += 1
    waiting = len(
        repo.pending_reminders(session, max_attempts=settings.smtp_max_attempts, limit=BATCH)
    )
    return sent, failed, waiting


def run_reminders(
    sessions: sessionmaker[Session],
    *,
    today: date,
    now: datetime,
    settings: CasesSettings,
    mailer: Mailer | None = None,
) -> ReminderDelivery:
    """Queue today's reminders, then send: two transactions, so a failing SMTP server never
    loses what was queued. Safe to run as often as wanted."""
    with sessions.begin() as session:
        queued = queue_reminders(session, today=today, now=now, base_url=settings.base_url)
    with sessions.begin() as session:
        sent, failed, waiting = deliver_reminders(
            session, mailer or mailer_for(settings), settings=settings, now=now
        )
    return ReminderDelivery(queued, sent, failed, waiting)
