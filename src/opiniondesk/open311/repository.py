"""All SQL of Open311. Nothing here commits. Contact details are written and purged here and
read by nothing that answers a request."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import ColumnElement, delete, func, select, true
from sqlalchemy.orm import Session

from opiniondesk.accounts.models import AuditEvent
from opiniondesk.open311.models import RequesterContact, ServiceRequest
from opiniondesk.storage.models import Channel, Document


def document_by_external_id(
    session: Session, *, channel_name: str, external_id: str
) -> Document | None:
    query = (
        select(Document)
        .join(Channel, Channel.id == Document.channel_id)
        .where(Channel.name == channel_name, Document.external_id == external_id)
    )
    return session.scalars(query).first()


def add_request(session: Session, request: ServiceRequest) -> ServiceRequest:
    session.add(request)
    session.flush()
    return request


def add_contact(session: Session, contact: RequesterContact) -> None:
    session.add(contact)
    session.flush()


def request_with_document(
    session: Session, request_id: int
) -> tuple[ServiceRequest, Document] | None:
    query = (
        select(ServiceRequest, Document)
        .join(Document, Document.id == ServiceRequest.document_id)
        .where(ServiceRequest.id == request_id)
    )
    row = session.execute(query).first()
    return (row[0], row[1]) if row else None


def requests_with_documents(
    session: Session,
    *,
    ids: Collection[int] | None,
    service_code: str | None,
    since: datetime | None,
    until: datetime | None,
    limit: int,
) -> list[tuple[ServiceRequest, Document]]:
    where: list[ColumnElement[bool]] = [true()]
    if ids is not None:
        where.append(ServiceRequest.id.in_(sorted(ids)))
    if service_code:
        where.append(ServiceRequest.service_code == service_code)
    if since is not None:
        where.append(ServiceRequest.requested_at >= since)
    if until is not None:
        where.append(ServiceRequest.requested_at <= until)
    query = (
        select(ServiceRequest, Document)
        .join(Document, Document.id == ServiceRequest.document_id)
        .where(*where)
        .order_by(ServiceRequest.requested_at.desc(), ServiceRequest.id.desc())
        .limit(limit)
    )
    return [(r, d) for r, d in session.execute(query).all()]


def lock_request(session: Session, request_id: int) -> ServiceRequest | None:
    query = select(ServiceRequest).where(ServiceRequest.id == request_id).with_for_update()
    return session.scalars(query).first()


def purge_contacts(session: Session, now: datetime) -> int:
    """Delete contact details past their retention date; returns how many."""
    result = session.execute(delete(RequesterContact).where(RequesterContact.retain_until < now))
    return int(getattr(result, "rowcount", 0) or 0)


def requests_from_address(session: Session, *, ip: str, since: datetime) -> int:
    """How many requests were submitted from `ip` since `since`, counted from the audit log
    (each submission records one "open311.request" event with its address)."""
    query = (
        select(func.count())
        .select_from(AuditEvent)
        .where(AuditEvent.action == "open311.request", AuditEvent.at >= since, AuditEvent.ip == ip)
    )
    return int(session.scalar(query) or 0)
