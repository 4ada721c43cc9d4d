"""Collaborators join by a one-time link: a supervisor invites an e-mail address for some units,
the invitee opens the link once, chooses a username, a name and a password, and becomes a
collaborator at those units. Only the SHA-256 of the link's token is stored; the link expires
and works once. Profiles (name, optional phone and e-mail) and units are edited by supervisors.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy.orm import Session
from starlette.requests import HTTPConnection

from opiniondesk.accounts import audit, service
from opiniondesk.accounts import repository as accounts_repo
from opiniondesk.accounts.access import Action, can
from opiniondesk.accounts.principal import Principal
from opiniondesk.accounts.roles import Role
from opiniondesk.accounts.units import NATIONAL, resolve_unit
from opiniondesk.errors import DeskError, InputError, NotFoundError
from opiniondesk.fieldwork import repository as repo
from opiniondesk.fieldwork.models import Collaborator, CollaboratorInvitation

JOIN_PATH = "/field-reports/join/"
DEFAULT_EXPIRES_DAYS = 7
MAX_EXPIRES_DAYS = 60
_EMAIL = re.compile(r"^[^@\s<>,;\"]{1,64}@[A-Za-z0-9.-]{1,255}\.[A-Za-z]{2,}$")
_PHONE = re.compile(r"^[0-9+ ().-]{6,40}$")


class InvitationState(StrEnum):
    usable = "usable"
    unknown = "unknown"
    used = "used"
    expired = "expired"


class InvitationRefused(DeskError):
    """The link cannot be used (unknown, already used or expired): 410 Gone."""

    status = 410

    def __init__(self, state: InvitationState) -> None:
        super().__init__(REFUSALS[state])
        self.state = state


REFUSALS = {
    InvitationState.unknown: (
        "Đường dẫn mời không đúng. Hãy xin người phụ trách một đường dẫn mới. / This invitation "
        "link is not valid. Ask your supervisor for a new one."
    ),
    InvitationState.used: (
        "Đường dẫn mời này đã được dùng; mỗi đường dẫn chỉ dùng một lần. Nếu đó là bạn, hãy đăng "
        "nhập; nếu không, xin người phụ trách một đường dẫn mới. / This invitation link has "
        "already been used; each link works once. If that was you, sign in; otherwise ask your "
        "supervisor for a new one."
    ),
    InvitationState.expired: (
        "Đường dẫn mời đã hết hạn. Hãy xin người phụ trách một đường dẫn mới. / This invitation "
        "link has expired. Ask your supervisor for a new one."
    ),
}


@dataclass(frozen=True, slots=True)
class Invitation:
    row: CollaboratorInvitation
    token: str  # shown once; never stored

    def link(self, base_url: str) -> str:
        return base_url.rstrip("/") + JOIN_PATH + self.token


def token_hash(token: str) -> str:
    """A 256-bit random token needs no slow hash: SHA-256 cannot be reversed or guessed."""
    return hashlib.sha256(token.encode()).hexdigest()


def normalise_email(value: str, *, required: bool) -> str:
    email = value.strip()
    if not email and not required:
        return ""
    if not _EMAIL.match(email):
        raise InputError(
            f"Địa chỉ e-mail không hợp lệ: “{email[:80]}” (ví dụ: ten@xa.gov.vn). / Not a valid "
            f"e-mail address: “{email[:80]}” (for example name@commune.gov.vn)."
        )
    return email.lower()


def normalise_phone(value: str) -> str:
    phone = value.strip()
    if phone and not _PHONE.match(phone):
        raise InputError(
            f"Số điện thoại không hợp lệ: “{phone[:40]}”; chỉ dùng chữ số, dấu cách, +, -, (). / "
            f"Not a valid phone number: “{phone[:40]}”; use digits, spaces, +, -, ()."
        )
    return phone


def parse_units(values: Iterable[str]) -> list[str]:
    """Unit codes from form fields or options ("00004, 00008" or several values), checked
    against the 2025 map; the whole country is not a unit a collaborator covers."""
    codes: list[str] = []
    for value in values:
        for part in re.split(r"[\s,;]+", value.strip()):
            if part and part not in codes:
                codes.append(part)
    if not codes:
        raise InputError(
            "Cần ít nhất một địa bàn (mã xã/phường hoặc mã tỉnh). / At least one unit is needed "
            "(a commune or province code)."
        )
    units = [resolve_unit(code) for code in codes]
    if any(unit.code == NATIONAL for unit in units):
        raise InputError(
            "Cộng tác viên phụ trách tỉnh hoặc xã/phường, không phải toàn quốc. / A collaborator "
            "covers provinces or communes, not the whole country."
        )
    return [unit.code for unit in units]


def check_supervises(supervisor: Principal | None, units: Sequence[str]) -> None:
    """Every unit must be within the supervisor's grants (None: the command line)."""
    outside = [
        u for u in units if supervisor and not can(supervisor, Action.collaborators_supervise, u)
    ]
    if outside:
        raise DeskError(
            f"Bạn không phụ trách địa bàn {', '.join(outside[:5])}. / You do not supervise unit(s) "
            f"{', '.join(outside[:5])}.",
            status=403,
        )


def invite(
    session: Session,
    *,
    email: str,
    units: Sequence[str],
    expires_days: int,
    now: datetime,
    supervisor: Principal | None,
    request: HTTPConnection | None = None,
) -> Invitation:
    """A new one-time link for `email` to cover `units`. Never commits."""
    address = normalise_email(email, required=True)
    codes = parse_units(units)
    check_supervises(supervisor, codes)
    if not 1 <= expires_days <= MAX_EXPIRES_DAYS:
        raise InputError(
            f"Thời hạn của đường dẫn phải từ 1 đến {MAX_EXPIRES_DAYS} ngày (đang là "
            f"{expires_days}). / The link must last 1 to {MAX_EXPIRES_DAYS} days (got "
            f"{expires_days})."
        )
    token = secrets.token_urlsafe(32)
    row = repo.add_invitation(
        session,
        CollaboratorInvitation(
            token_hash=token_hash(token),
            email=address,
            units=codes,
            invited_by=supervisor.user_id if supervisor else None,
            created_at=now,
            expires_at=now + timedelta(days=expires_days),
        ),
    )
    audit.record(
        session,
        actor=supervisor,
        action="collaborator.invite",
        object_type="field_invitation",
        object_id=row.id,
        request=request,
        details={"units": codes, "days": expires_days},
    )
    return Invitation(row, token)


def invitation_state(invitation: CollaboratorInvitation | None, now: datetime) -> InvitationState:
    if invitation is None:
        return InvitationState.unknown
    if invitation.accepted_at is not None:
        return InvitationState.used
    if invitation.expires_at <= now:
        return InvitationState.expired
    return InvitationState.usable


def open_invitation(session: Session, token: str, now: datetime) -> CollaboratorInvitation:
    """The usable invitation behind `token`; InvitationRefused says why not."""
    invitation = repo.invitation_by_hash(session, token_hash(token[:200]))
    state = invitation_state(invitation, now)
    if state is not InvitationState.usable or invitation is None:
        raise InvitationRefused(state)
    return invitation


def accept(
    session: Session,
    *,
    token: str,
    username: str,
    display_name: str,
    password: str,
    phone: str,
    now: datetime,
    request: HTTPConnection | None = None,
) -> Collaborator:
    """Spend the link and create the collaborator's account, grants and profile together.
    Never commits: if anything fails the link stays unused."""
    invitation = open_invitation(session, token, now)
    name = " ".join(display_name.split())[:120]
    if not name:
        raise InputError("Cần nhập họ tên. / Your name is required.")
    phone = normalise_phone(phone)
    if not repo.spend_invitation(session, invitation.id, now):
        # another request spent it between our read and this update
        raise InvitationRefused(InvitationState.used)
    user = service.create_user(
        session,
        username=username,
        password=password,
        grants=[service.GrantRequest(Role.collaborator, code) for code in invitation.units],
        actor=None,
        request=request,
    )
    repo.set_invitation_user(session, invitation.id, user.id)
    profile = repo.add_profile(
        session,
        Collaborator(
            user_id=user.id,
            display_name=name,
            phone=phone,
            email=invitation.email,
            invited_by=invitation.invited_by,
            joined_at=now,
            updated_at=now,
        ),
    )
    audit.record(
        session,
        actor=user.id,
        action="collaborator.join",
        object_type="field_invitation",
        object_id=invitation.id,
        request=request,
        details={"user_id": user.id, "units": list(invitation.units)},
    )
    return profile


def suggested_username(email: str) -> str:
    """The e-mail's local part in the username alphabet, as a starting point for the form."""
    local = email.split("@", 1)[0].lower()
    cleaned = re.sub(r"[^a-z0-9._-]", "", local).lstrip("._-")
    return cleaned[:64] if len(cleaned) >= 3 else ""


# ---- profiles ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Profile:
    user_id: int
    username: str
    display_name: str
    phone: str
    email: str
    units: tuple[str, ...]
    disabled: bool
    joined_at: datetime | None


def profile(session: Session, user_id: int) -> Profile:
    """A collaborator's profile; NotFoundError when the user is not a collaborator."""
    user = accounts_repo.user_by_id(session, user_id)
    grants = accounts_repo.grants_of(session, user_id) if user else ()
    units = tuple(g.unit_code for g in grants if g.role is Role.collaborator)
    if user is None or not units:
        raise NotFoundError(
            f"Không có cộng tác viên số {user_id}. / There is no collaborator {user_id}."
        )
    row = repo.profile_of(session, user_id)
    return Profile(
        user_id=user.id,
        username=user.username,
        display_name=row.display_name if row else user.username,
        phone=row.phone if row else "",
        email=row.email if row else "",
        units=units,
        disabled=user.disabled,
        joined_at=row.joined_at if row else user.created_at,
    )


def check_may_supervise(supervisor: Principal | None, person: Profile) -> None:
    """A supervisor sees a collaborator who covers at least one unit of theirs; otherwise the
    collaborator does not exist for them (404, not 403: nothing about them leaks)."""
    if supervisor is None:
        return
    if not any(can(supervisor, Action.collaborators_supervise, u) for u in person.units):
        raise NotFoundError(
            f"Không có cộng tác viên số {person.user_id} trong địa bàn bạn phụ trách. / There is "
            f"no collaborator {person.user_id} within your units."
        )


def update_profile(
    session: Session,
    *,
    user_id: int,
    display_name: str,
    phone: str,
    email: str,
    units: Sequence[str],
    now: datetime,
    supervisor: Principal | None,
    request: HTTPConnection | None = None,
) -> Profile:
    """Change name, contacts and the units within the supervisor's own scope; units outside
    it (granted by someone else) are kept as they are."""
    person = profile(session, user_id)
    check_may_supervise(supervisor, person)
    name = " ".join(display_name.split())[:120]
    if not name:
        raise InputError("Cần nhập họ tên. / A name is required.")
    values = {
        "display_name": name,
        "phone": normalise_phone(phone),
        "email": normalise_email(email, required=False),
        "updated_at": now,
    }
    wanted = parse_units(units)
    check_supervises(supervisor, wanted)
    mine = {
        u
        for u in person.units
        if supervisor is None or can(supervisor, Action.collaborators_supervise, u)
    }
    removed = sorted(mine - set(wanted))
    added = [u for u in wanted if u not in person.units]
    for code in removed:
        repo.remove_collaborator_unit(session, user_id, code)
    for code in added:
        service.grant_role(
            session,
            user_id=user_id,
            grant=service.GrantRequest(Role.collaborator, code),
            actor=supervisor,
            request=request,
        )
    if repo.profile_of(session, user_id) is None:
        repo.add_profile(session, Collaborator(user_id=user_id, joined_at=now, **values))
    else:
        repo.update_profile(session, user_id, values)
    audit.record(
        session,
        actor=supervisor,
        action="collaborator.update",
        object_type="user",
        object_id=user_id,
        request=request,
        details={"added": added, "removed": removed},
    )
    return profile(session, user_id)
