"""The roles a person can hold at an administrative unit (DESIGN.md §2)."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    admin = "admin"  # sets up users, units, channels; reads the audit log
    leader = "leader"  # lãnh đạo: reads the figures, approves cases and publications
    analyst = "analyst"  # chuyên viên: watches, explores, corrects labels, opens cases
    collaborator = "collaborator"  # cộng tác viên: files field reports
    agency = "agency"  # sở/ngành, UBND xã: answers the cases assigned to its agency


ROLE_LABELS: dict[Role, tuple[str, str]] = {
    Role.admin: ("Quản trị", "Administrator"),
    Role.leader: ("Lãnh đạo", "Leader"),
    Role.analyst: ("Chuyên viên", "Analyst"),
    Role.collaborator: ("Cộng tác viên", "Collaborator"),
    Role.agency: ("Cơ quan trả lời", "Agency responder"),
}


def parse_role(value: str) -> Role | None:
    """The role named `value` (case and surrounding spaces ignored), or None."""
    try:
        return Role(value.strip().lower())
    except ValueError:
        return None
