"""/api/v1/documents: scoped to the token owner's units, paginated, with annotations, never
an author; analysts correct labels."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.accounts.roles import Role
from opiniondesk.storage.models import Annotation, Document
from tests.accounts.builders import BA_DINH, HCMC, make_user
from tests.api.conftest import bearer, token_for
from tests.cases.builders import Office, documents


def _with_author(sessions: sessionmaker[Session], ids: list[int]) -> None:
    with sessions.begin() as session:
        session.execute(update(Document).where(Document.id.in_(ids)).values(author_key="a" * 64))
        session.add(
            Annotation(
                document_id=ids[0], kind="topic", value="environment", score=0.9,
                source="rule:environment", explanation="khớp “rác thải” / matched",
            )
        )  # fmt: skip


def test_a_hanoi_analyst_sees_hanoi_only_and_never_an_author(
    api: TestClient, sessions: sessionmaker[Session], office: Office
) -> None:
    hanoi = documents(sessions, 3, commune=BA_DINH)
    _with_author(sessions, hanoi)
    with sessions.begin() as session:
        session.execute(
            update(Document)
            .where(Document.id == hanoi[2])
            .values(province_code=HCMC, commune_code="")
        )
    token = bearer(token_for(sessions, office.analyst.username))
    body = api.get("/api/v1/documents", headers=token).json()
    assert body["page"]["total"] == 2
    assert {item["id"] for item in body["items"]} == set(hanoi[:2])
    assert "author_key" not in api.get("/api/v1/documents", headers=token).text
    assert api.get(f"/api/v1/documents/{hanoi[2]}", headers=token).status_code == 404


def test_pages_do_not_overlap(
    api: TestClient, sessions: sessionmaker[Session], office: Office
) -> None:
    ids = documents(sessions, 7)
    token = bearer(token_for(sessions, office.analyst.username))
    seen: list[int] = []
    for offset in (0, 3, 6):
        page = api.get(f"/api/v1/documents?limit=3&offset={offset}", headers=token).json()
        assert page["page"] == {"total": 7, "limit": 3, "offset": offset}
        seen += [item["id"] for item in page["items"]]
    assert sorted(seen) == sorted(ids)


def test_filters(api: TestClient, sessions: sessionmaker[Session], office: Office) -> None:
    ids = documents(sessions, 2)
    _with_author(sessions, ids)
    token = bearer(token_for(sessions, office.analyst.username))
    tagged = api.get("/api/v1/documents?topic=environment", headers=token).json()
    assert [item["id"] for item in tagged["items"]] == [ids[0]]
    assert tagged["items"][0]["topics"] == ["environment"]
    none = api.get("/api/v1/documents?channel=feed", headers=token).json()
    assert none["page"]["total"] == 0
    later = api.get("/api/v1/documents?since=2025-04-01", headers=token).json()
    assert later["page"]["total"] == 0


def test_detail_has_every_annotation_with_its_explanation(
    api: TestClient, sessions: sessionmaker[Session], office: Office
) -> None:
    ids = documents(sessions, 1)
    _with_author(sessions, ids)
    token = bearer(token_for(sessions, office.analyst.username))
    detail = api.get(f"/api/v1/documents/{ids[0]}", headers=token).json()
    (annotation,) = detail["annotations"]
    assert annotation["source"] == "rule:environment" and "rác thải" in annotation["explanation"]
    assert "author_key" not in detail


def test_an_analyst_corrects_a_label_and_a_leader_may_not(
    api: TestClient, sessions: sessionmaker[Session], office: Office
) -> None:
    (doc,) = documents(sessions, 1)
    analyst = bearer(token_for(sessions, office.analyst.username))
    done = api.post(
        f"/api/v1/documents/{doc}/labels",
        json={"task": "sentiment", "value": "negative"},
        headers=analyst,
    )
    assert done.status_code == 201, done.text
    assert done.json()["value"] == "negative"
    labels = api.get(f"/api/v1/documents/{doc}", headers=analyst).json()["annotations"]
    assert {(a["kind"], a["value"], a["source"]) for a in labels} == {
        ("sentiment", "negative", "analyst")
    }
    wrong = api.post(
        f"/api/v1/documents/{doc}/labels", json={"task": "sentiment", "value": "angry"},
        headers=analyst,
    )  # fmt: skip
    assert wrong.status_code == 422 and wrong.json()["error"]["code"] == "invalid_input"
    leader = bearer(token_for(sessions, office.leader.username))
    refused = api.post(
        f"/api/v1/documents/{doc}/labels", json={"task": "sentiment", "value": "neutral"},
        headers=leader,
    )  # fmt: skip
    assert refused.status_code == 403


def test_a_commune_analyst_cannot_correct_outside_the_commune(
    api: TestClient, sessions: sessionmaker[Session]
) -> None:
    (doc,) = documents(sessions, 1, commune="00097")
    make_user(sessions, "ward.analyst", Role.analyst, (BA_DINH,))
    token = bearer(token_for(sessions, "ward.analyst"))
    response = api.post(
        f"/api/v1/documents/{doc}/labels", json={"task": "sentiment", "value": "neutral"},
        headers=token,
    )  # fmt: skip
    assert response.status_code == 404


def test_q_searches_full_text_without_diacritics(
    api: TestClient, sessions: sessionmaker[Session], office: Office
) -> None:
    ids = documents(sessions, 2)
    token = bearer(token_for(sessions, office.analyst.username))
    found = api.get("/api/v1/documents", params={"q": "rac thai"}, headers=token).json()
    assert sorted(item["id"] for item in found["items"]) == sorted(ids)
    none = api.get("/api/v1/documents", params={"q": "ngập lụt"}, headers=token).json()
    assert none["page"]["total"] == 0 and none["items"] == []
