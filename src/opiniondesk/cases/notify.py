"""E-mail notifications through an outbox.

Actions write `case_notification` rows in their own transaction (`queue_mail`); after commit,
`deliver_pending` sends what is waiting over SMTP and marks it sent. A rolled-back action
mails nobody; a failed send is retried up to `smtp_max_attempts` times. Delivery is
at-least-once: a crash between the SMTP server's acceptance and the commit can resend one mail.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Protocol

from sqlalchemy.orm import Session

from opiniondesk.cases import repository as repo
from opiniondesk.cases.messages import Mail
from opiniondesk.cases.models import CaseEvent, CaseNotification
from opiniondesk.cases.settings import CasesSettings

log = logging.getLogger(__name__)
BATCH = 200


class Mailer(Protocol):
    def send(self, messages: Sequence[EmailMessage]) -> list[str | None]:
        """Send each message; per message None when accepted, else the error."""
        ...


class SmtpMailer:
    """One SMTP connection per batch, with STARTTLS or implicit TLS and an optional login."""

    def __init__(self, settings: CasesSettings) -> None:
        self.settings = settings

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        context = ssl.create_default_context()
        if s.smtp_ssl:
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                s.smtp_host, s.smtp_port, timeout=s.smtp_timeout_s, context=context
            )
        else:
            client = smtplib.SMTP(s.smtp_host, s.smtp_port, timeout=s.smtp_timeout_s)
            if s.smtp_starttls:
                client.starttls(context=context)
        if s.smtp_user:
            client.login(s.smtp_user, s.smtp_password.get_secret_value())
        return client

    def send(self, messages: Sequence[EmailMessage]) -> list[str | None]:
        if not messages:
            return []
        try:
            client = self._connect()
        except (OSError, smtplib.SMTPException) as exc:
            where = f"{self.settings.smtp_host}:{self.settings.smtp_port}"
            return [f"SMTP {where}: {exc}"] * len(messages)
        results: list[str | None] = []
        try:
            for message in messages:
                try:
                    client.send_message(message)
                    results.append(None)
                except (OSError, smtplib.SMTPException) as exc:
                    results.append(f"SMTP: {exc}")
        finally:
            try:
                client.quit()
            except (OSError, smtplib.SMTPException):
                client.close()
        return results


def queue_mail(session: Session, *, event: CaseEvent, recipients: Iterable[str], mail: Mail) -> int:
    """Put one mail per recipient in the outbox (once per event and recipient)."""
    queued = 0
    for recipient in sorted({r for r in recipients if r}):
        queued += repo.queue_notification(
            session,
            {
                "case_id": event.case_id,
                "event_id": event.id,
                "recipient": recipient,
                # one line: a header with a line break would be refused (or worse, injected)
                "subject": " ".join(mail.subject.split())[:400],
                "body": mail.body,
                "created_at": event.at,
                "attempts": 0,
                "last_error": "",
            },
        )
    return queued


def compose(notification: CaseNotification, sender: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = notification.recipient
    message["Subject"] = notification.subject
    message["Date"] = format_datetime(notification.created_at)
    message["Message-ID"] = make_msgid(idstring=f"case-{notification.case_id}-{notification.id}")
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no auto-replies back
    message["Content-Language"] = "vi, en"
    message.set_content(notification.body, charset="utf-8")
    return message


@dataclass(frozen=True)
class Delivery:
    sent: int = 0
    failed: int = 0
    waiting: int = 0  # still unsent after this run (no SMTP configured, or failures to retry)


def deliver_pending(
    session: Session, mailer: Mailer | None, *, settings: CasesSettings, now: datetime
) -> Delivery:
    """Send waiting e-mails. Without a mailer (no SMTP host configured) they keep waiting."""
    if mailer is None:
        waiting = repo.count_pending_notifications(session, max_attempts=settings.smtp_max_attempts)
        if waiting:
            log.info("%d e-mails wait: set OPINIONDESK_SMTP_HOST to send them", waiting)
        return Delivery(waiting=waiting)
    repo.lock_outbox(session)
    pending = repo.pending_notifications(
        session, max_attempts=settings.smtp_max_attempts, limit=BATCH
    )
    messages: list[EmailMessage] = []
    sendable: list[CaseNotification] = []
    sent = failed = 0
    for notification in pending:
        try:
            messages.append(compose(notification, settings.smtp_from))
            sendable.append(notification)
        except (ValueError, TypeError) as exc:  # a malformed address must not block the rest
            repo.mark_failed(session, notification.id, f"message: {exc}")
            failed += 1
    results = mailer.send(messages)
    for notification, error in zip(sendable, results, strict=True):
        if error is None:
            repo.mark_sent(session, notification.id, now)
            sent += 1
        else:
            log.warning(
                "e-mail %d to case %d failed: %s", notification.id, notification.case_id, error
            )
            repo.mark_failed(session, notification.id, error)
            failed += 1
    waiting = repo.count_pending_notifications(session, max_attempts=settings.smtp_max_attempts)
    return Delivery(sent=sent, failed=failed, waiting=waiting)


def mailer_for(settings: CasesSettings) -> Mailer | None:
    return SmtpMailer(settings) if settings.mail_enabled else None
