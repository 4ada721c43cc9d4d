"""What the dialogue pages show, as plain rows for the templates: sessions, groups,
commitments and the session form, in the reader's language."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from opiniondesk.accounts.units import unit_label
from opiniondesk.cases.deadlines import VIETNAM, local_day
from opiniondesk.dialogue import commitments, sessions, show
from opiniondesk.dialogue import repository as repo
from opiniondesk.dialogue.models import DialogueSession, GroupState
from opiniondesk.storage.base import utcnow
from opiniondesk.web.i18n import Translator


def local_time(moment: datetime) -> str:
    return f"{moment.astimezone(VIETNAM):%H:%M %d/%m/%Y}"


def form_moment(moment: datetime) -> str:
    return f"{moment.astimezone(VIETNAM):%Y-%m-%dT%H:%M}"


def session_row(dialogue: DialogueSession, t: Translator, now: datetime) -> dict[str, Any]:
    return {
        "id": dialogue.id,
        "title": dialogue.title,
        "description": dialogue.description,
        "starts": local_time(dialogue.starts_at),
        "ends": local_time(dialogue.ends_at),
        "intake_opens": local_time(dialogue.intake_opens_at),
        "intake_closes": local_time(dialogue.intake_closes_at),
        "medium": t(f"dialogue_medium_{dialogue.medium}"),
        "leaders": dialogue.leaders.splitlines(),
        "units": [unit_label(code, t.language) for code in sessions.unit_list(dialogue)],
        "starts_sort": dialogue.starts_at,
        "phase": sessions.phase(dialogue, now).value,
        "phase_label": t(f"dialogue_phase_{sessions.phase(dialogue, now).value}"),
    }


def commitment_rows(
    session: Session, dialogue: DialogueSession, t: Translator
) -> list[dict[str, Any]]:
    return [
        {
            "text": v.commitment.text,
            "group_id": v.commitment.group_id,
            "agency": v.agency_name,
            "deadline": f"{v.deadline:%d/%m/%Y}",
            "progress": v.progress.value,
            "progress_label": t(f"dialogue_progress_{v.progress.value}"),
            "answer": v.published_answer,
            "case_id": v.commitment.case_id,
        }
        for v in commitments.views(session, dialogue, local_day(utcnow()))
    ]


def public_groups(session: Session, dialogue: DialogueSession, k: int) -> list[dict[str, Any]]:
    return [
        {
            "id": r.group.id,
            "title": r.group.title,
            "people": r.people if r.people >= k else None,
            "answered": r.group.state == GroupState.answered,
            "on_air": r.group.state == GroupState.on_air,
            "summary": r.group.answer_summary,
        }
        for r in show.ranked(session, dialogue.id)
        if r.group.published
    ]


def moderation_context(
    session: Session, dialogue: DialogueSession, t: Translator
) -> dict[str, Any]:
    ranked = show.ranked(session, dialogue.id)
    titles = {r.group.id: r.group.title for r in ranked}
    by_group: dict[int, list[dict[str, Any]]] = {}
    suggestions = []
    for q in repo.questions(session, dialogue.id):
        row = {"id": q.id, "text": q.text, "source": t(f"dialogue_source_{q.source}")}
        by_group.setdefault(q.group_id, []).append(row)
        if q.suggested_group_id in titles and q.group_id in titles:
            suggestions.append(
                row
                | {
                    "group_id": q.group_id,
                    "target_id": q.suggested_group_id,
                    "target_title": titles[q.suggested_group_id],
                    "score": f"{q.suggested_score or 0:.2f}",
                }
            )
    groups = [
        {
            "id": r.group.id,
            "title": r.group.title,
            "people": r.people,
            "state": r.group.state,
            "state_label": t(f"dialogue_state_{r.group.state}"),
            "published": r.group.published,
            "summary": r.group.answer_summary,
            "questions": by_group.get(r.group.id, []),
        }
        for r in ranked
    ]
    rejected = [
        {"id": g.id, "title": g.title, "reason": g.reject_reason}
        for g in repo.groups(session, dialogue.id, [GroupState.rejected])
    ]
    return {"groups": groups, "suggestions": suggestions, "rejected": rejected}


def draft_form(dialogue: DialogueSession | None) -> dict[str, str]:
    if dialogue is None:
        return {
            k: ""
            for k in (
                "title",
                "description",
                "starts_at",
                "ends_at",
                "intake_opens_at",
                "intake_closes_at",
                "leaders",
                "unit_codes",
            )
        } | {"medium": "hall"}
    return {
        "title": dialogue.title,
        "description": dialogue.description,
        "starts_at": form_moment(dialogue.starts_at),
        "ends_at": form_moment(dialogue.ends_at),
        "intake_opens_at": form_moment(dialogue.intake_opens_at),
        "intake_closes_at": form_moment(dialogue.intake_closes_at),
        "leaders": dialogue.leaders,
        "unit_codes": dialogue.unit_codes,
        "medium": dialogue.medium,
    }
