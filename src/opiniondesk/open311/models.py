"""Tables of Open311: a citizen's service request, and apart from it the contact details the
citizen gave to get an answer (read only to send that answer, deleted after `retain_until`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from opiniondesk.storage.base import Base, UTCDateTime, utcnow
from opiniondesk.storage.models import BigId


class ServiceRequest(Base):
    """One request as GeoReport v2 sees it. Its words live in the (redacted) document; its
    status is derived from the case it became, never stored."""

    __tablename__ = "open311_request"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), unique=True
    )
    service_code: Mapped[str] = mapped_column(String(80))
    address: Mapped[str] = mapped_column(Text, default="")  # redacted like the description
    address_id: Mapped[str] = mapped_column(String(120), default="")
    zipcode: Mapped[str] = mapped_column(String(20), default="")
    lat: Mapped[float | None] = mapped_column(Float)
    long: Mapped[float | None] = mapped_column(Float)
    media_url: Mapped[str] = mapped_column(Text, default="")
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("case_file.id", ondelete="RESTRICT"), index=True
    )
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class RequesterContact(Base):
    """How to reach the citizen who sent a request. Never joined into a response."""

    __tablename__ = "open311_contact"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("open311_request.id", ondelete="CASCADE"), unique=True
    )
    email: Mapped[str] = mapped_column(String(320), default="")
    first_name: Mapped[str] = mapped_column(String(200), default="")
    last_name: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    retain_until: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
