"""Submitting a field report: validate the unit, redact, store once per instance id.

Idempotency follows ODK Central / KoboToolbox: the device names the submission; the same name
with the same content is the same submission (the stored record is returned), the same name with
other content is refused. The unique constraint decides races, not a prior lookup.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from opiniondesk.accounts.units import NATIONAL, resolve_unit
from opiniondesk.errors import DeskError, InputError
from opiniondesk.fieldwork import photos
from opiniondesk.fieldwork import repository as repo
from opiniondesk.fieldwork.models import FieldReport
from opiniondesk.fieldwork.schemas import FieldReportCreate
from opiniondesk.storage.base import utcnow
from opiniondesk.text.pii import redact


class InstanceConflictError(DeskError):
    status = 409


@dataclass(frozen=True, slots=True)
class Submission:
    report: FieldReport
    created: bool


def content_hash(secret_key: str, report: FieldReportCreate) -> str:
    """HMAC of the content as sent (instance id excluded): a plain hash of raw text could be
    brute-forced back to a phone number, a keyed one cannot."""
    # a report without a photo hashes as it did before photos existed, so replays still match
    exclude = {"instance_id"} | ({"photo"} if report.photo is None else set())
    content = report.model_dump(mode="json", exclude=exclude)
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hmac.new(secret_key.encode(), canonical.encode(), hashlib.sha256).hexdigest()


def province_of_report(unit_code: str) -> str:
    """The province of a report's unit; a report is about a province or a commune."""
    unit = resolve_unit(unit_code)
    if unit.code == NATIONAL:
        raise InputError(
            "Báo cáo phải gắn với một tỉnh hoặc xã/phường, không phải toàn quốc (unit_code). / "
            "A report is about a province or a commune, not the whole country (unit_code)."
        )
    return unit.province_code


def submit(
    session: Session,
    *,
    report: FieldReportCreate,
    secret_key: str,
    submitted_by: int | None,
    home: Path | None = None,
) -> Submission:
    """Store `report` unless its instance id is known; raise InstanceConflictError when the
    known record has other content. A photo is cleaned and stored under `home` once per
    report. Never commits."""
    province_code = province_of_report(report.unit_code)
    photo = photos.clean(photos.decode_base64(report.photo)) if report.photo else None
    if photo is not None and home is None:
        raise ValueError("a report with a photo needs the desk's home folder")
    if report.duty_id is not None:
        check_duty_covers(session, duty_id=report.duty_id, unit_code=report.unit_code)
    digest = content_hash(secret_key, report)
    instance_id = str(report.instance_id)
    created = repo.insert_if_new(
        session,
        {
            "instance_id": instance_id,
            "content_hash": digest,
            "topic": redact(report.topic).text,
            "unit_code": report.unit_code,
            "province_code": province_code,
            "mood": report.mood.value,
            "concern": report.concern.value,
            "spread": report.spread.value,
            "heard_at": report.heard_at.value,
            "summary": redact(report.summary).text,
            "suggested_action": redact(report.suggested_action).text,
            "submitted_by": submitted_by,
            "submitted_at": utcnow(),
            "duty_id": report.duty_id,
        },
    )
    stored = repo.by_instance_id(session, instance_id)
    assert stored is not None  # inserted now or by the submission we conflicted with
    if not created and not hmac.compare_digest(stored.content_hash, digest):
        raise InstanceConflictError(
            f"Mã phiên {instance_id} đã được dùng cho một báo cáo khác; tạo mã mới cho báo cáo "
            f"này. / Instance id {instance_id} is already used by a different report; generate "
            "a new instance id for this one."
        )
    if photo is not None and home is not None:
        photos.store(home, photo)  # content-addressed: a rolled-back report leaves a harmless file
        repo.add_attachment_if_new(
            session,
            {
                "report_id": stored.id,
                "sha256": photo.sha256,
                "media_type": photo.media_type,
                "width": photo.width,
                "height": photo.height,
                "size_bytes": len(photo.data),
                "created_at": utcnow(),
            },
        )
    return Submission(stored, created)


def check_duty_covers(session: Session, *, duty_id: int, unit_code: str) -> None:
    """A report answers a duty of its own unit, or of the province holding its commune."""
    duty = repo.duty_by_id(session, duty_id)
    covered = duty is not None and (
        unit_code == duty.unit_code or province_of_report(unit_code) == duty.unit_code
    )
    if not covered:
        raise InputError(
            f"Yêu cầu báo cáo số {duty_id} không có hoặc không dành cho địa bàn {unit_code}. / "
            f"Report duty {duty_id} does not exist or is not for unit {unit_code}."
        )


def personal_data_kinds(text: str) -> dict[str, int]:
    """Kinds of personal data found in `text` and how many of each (nothing is stored)."""
    return dict(redact(text).counts)
