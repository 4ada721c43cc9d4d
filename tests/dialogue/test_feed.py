"""Questions sent to a dialogue session also count on the dashboard: they reach the text
pipeline as documents of channel `dialogue`, once each, with the session's ward as the place
when the question names none."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from opiniondesk.dialogue.models import Question
from opiniondesk.storage.base import utcnow
from opiniondesk.storage.models import Channel, ChannelKind, Document
from tests.dialogue.builders import make_session
from tests.dialogue.test_web import ROAD, public_ask

SCHOOL = "Khi nào trường tiểu học xây thêm phòng học để các cháu không phải học ca ba?"


def _dialogue_documents(desk) -> list[Document]:  # type: ignore[no-untyped-def]
    with desk.sessions() as session:
        return list(
            session.scalars(
                select(Document)
                .join(Channel, Channel.id == Document.channel_id)
                .where(Channel.kind == ChannelKind.dialogue)
                .order_by(Document.id)
            )
        )


def test_public_questions_become_dialogue_documents_once(desk, client: TestClient) -> None:  # type: ignore[no-untyped-def]
    sid = make_session(desk.sessions, utcnow())
    assert public_ask(client, sid, {"text": ROAD}).status_code == 303
    assert public_ask(client, sid, {"text": SCHOOL}).status_code == 303
    assert public_ask(client, sid, {"text": ROAD}).status_code == 303  # the same person again
    documents = _dialogue_documents(desk)
    with desk.sessions() as session:
        questions = session.scalar(select(func.count()).select_from(Question))
    assert questions == 2 and len(documents) == 2
    assert {d.external_id for d in documents} == {
        f"dialogue-question:{n}" for n in desk.sessions().scalars(select(Question.id)).all()
    }
    # the session covers one ward: it is the place of questions that name none
    assert {d.commune_code for d in documents} == {"00004"}
