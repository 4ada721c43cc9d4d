"""Questions sent in for a dialogue session are opinions too: they are fed to the text pipeline
as documents of channel `dialogue`, so the dashboard, alerts and reports count them with every
other channel (topics, sentiment, places), while the session keeps its own grouping.

A question's external id is its row id, so feeding a whole session again stores only what is
new. The session's units give the place hint when the question names none.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from opiniondesk.accounts.units import UnitKind, resolve_unit
from opiniondesk.dialogue.models import DialogueSession, Question
from opiniondesk.dialogue.sessions import unit_list
from opiniondesk.errors import InputError
from opiniondesk.ingest.raw import RawItem
from opiniondesk.storage.models import ChannelKind

KIND = ChannelKind.dialogue
CHANNEL_NAME = "dialogue-questions"
SOURCE = "dialogue"


def external_id(question_id: int) -> str:
    return f"dialogue-question:{question_id}"


def place_hint(dialogue: DialogueSession) -> str | None:
    """The name of the one unit the session covers; none when it covers several or none (the
    pipeline then finds the place in the text, or leaves it unknown)."""
    codes = unit_list(dialogue)
    if len(codes) != 1:
        return None
    try:
        unit = resolve_unit(codes[0])
    except InputError:  # a code the gazetteer no longer knows: no hint rather than a wrong one
        return None
    return unit.name if unit.kind is not UnitKind.country else None


def question_items(session: Session, dialogue: DialogueSession) -> list[RawItem]:
    """Every question of the session as a pipeline item (already redacted when stored)."""
    place = place_hint(dialogue)
    rows = session.execute(
        select(Question.id, Question.text, Question.created_at)
        .where(Question.session_id == dialogue.id)
        .order_by(Question.id)
    )
    return [
        RawItem(
            text=text,
            source=SOURCE,
            line=n,
            published_at=created_at,
            external_id=external_id(question_id),
            location=place,
        )
        for n, (question_id, text, created_at) in enumerate(rows, start=1)
    ]
