"""/api/v1/cases: a case from opening to publication as three roles, with the same access
checks as the pages."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from tests.accounts.builders import BA_DINH
from tests.api.conftest import bearer, token_for
from tests.cases.builders import Office, documents


def test_opening_to_publication_as_three_roles(
    api: TestClient, sessions: sessionmaker[Session], office: Office
) -> None:
    evidence = documents(sessions, 2)
    analyst = bearer(token_for(sessions, office.analyst.username))
    leader = bearer(token_for(sessions, office.leader.username))
    responder = bearer(token_for(sessions, office.ward_responder.username))
    opened = api.post(
        "/api/v1/cases",
        json={"title": "Rác ven hồ", "summary": "Nhiều phản ánh", "unit_code": BA_DINH,
              "document_ids": evidence},
        headers=analyst,
    )  # fmt: skip
    assert opened.status_code == 201, opened.text
    case = opened.json()
    assert case["status"] == "open" and sorted(case["evidence_document_ids"]) == sorted(evidence)
    case_id, ward = case["id"], office.ward.id

    assert api.post(f"/api/v1/cases/{case_id}/assign", json={"agency_id": ward},
                    headers=responder).status_code == 403  # fmt: skip
    assigned = api.post(f"/api/v1/cases/{case_id}/assign", json={"agency_id": ward},
                        headers=analyst)  # fmt: skip
    assert assigned.json()["status"] == "assigned"
    as_agency = api.get(f"/api/v1/cases/{case_id}", headers=responder).json()
    assert as_agency["evidence_document_ids"] == []  # agencies see the case, not the opinions
    answer = {"agency_id": ward, "text": "Đã thu gom."}
    answered = api.post(f"/api/v1/cases/{case_id}/answer", json=answer, headers=responder)
    assert answered.json()["status"] == "answered"
    assert api.post(f"/api/v1/cases/{case_id}/approve", json={"agency_ids": [ward]},
                    headers=analyst).status_code == 403  # fmt: skip
    approved = api.post(f"/api/v1/cases/{case_id}/approve", json={"agency_ids": [ward]},
                        headers=leader)  # fmt: skip
    assert approved.json()["status"] == "approved"
    published = api.post(f"/api/v1/cases/{case_id}/publish", headers=leader)
    assert published.json()["status"] == "published"
    again = api.post(f"/api/v1/cases/{case_id}/publish", headers=leader)
    assert again.status_code == 409 and again.json()["error"]["code"] == "conflict"
    events = api.get(f"/api/v1/cases/{case_id}", headers=leader).json()["events"]
    assert events == ["opened", "assigned", "answered", "approved", "published"]


def test_list_is_scoped_filtered_and_paginated(
    api: TestClient, sessions: sessionmaker[Session], office: Office
) -> None:
    analyst = bearer(token_for(sessions, office.analyst.username))
    ids = []
    for n in range(3):
        body = {"title": f"Vấn đề {n}", "unit_code": BA_DINH}
        ids.append(api.post("/api/v1/cases", json=body, headers=analyst).json()["id"])
    first = api.get("/api/v1/cases?limit=2", headers=analyst).json()
    assert first["page"]["total"] == 3 and [c["id"] for c in first["items"]] == ids[::-1][:2]
    assert api.get("/api/v1/cases?status=published", headers=analyst).json()["items"] == []
    outsider = bearer(token_for(sessions, office.hcmc_leader.username))
    assert api.get("/api/v1/cases", headers=outsider).json()["page"]["total"] == 0
    assert api.get(f"/api/v1/cases/{ids[0]}", headers=outsider).status_code == 404
    refused = api.post("/api/v1/cases", json={"title": "x", "unit_code": BA_DINH}, headers=outsider)
    assert refused.status_code == 403


def test_bad_input_says_what_was_wrong(
    api: TestClient, sessions: sessionmaker[Session], office: Office
) -> None:
    analyst = bearer(token_for(sessions, office.analyst.username))
    response = api.post("/api/v1/cases", json={"title": "x", "unit_code": "nowhere"},
                        headers=analyst)  # fmt: skip
    assert response.status_code in (404, 422)
    assert "nowhere" in response.json()["error"]["message"]
    missing = api.post("/api/v1/cases", json={"unit_code": BA_DINH}, headers=analyst)
    assert missing.status_code == 422 and "title" in missing.json()["error"]["message"]
