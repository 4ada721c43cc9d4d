"""Open311 GeoReport v2: field names as the specification spells them, a POST→GET round trip,
redaction before storage, contact details kept apart, status following the case, and errors
in the specification's format."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.open311.models import RequesterContact, ServiceRequest
from opiniondesk.open311.settings import Open311Settings
from opiniondesk.storage.models import Document
from tests.accounts.builders import HANOI
from tests.api.conftest import bearer, token_for
from tests.cases.builders import Office

PUBLIC_KEY = "public-kiosk-key"
REQUEST_FIELDS = {
    "service_request_id", "status", "status_notes", "service_name", "service_code",
    "description", "agency_responsible", "service_notice", "requested_datetime",
    "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long",
    "media_url",
}  # fmt: skip
PHONE, EMAIL = "0912345678", "nguyen.van.a@example.vn"
DESCRIPTION = f"Rác thải đổ trộm ven hồ Ba Đình, Hà Nội bốc mùi. Gọi tôi số {PHONE} hoặc {EMAIL}."


@pytest.fixture
def citizen(app: FastAPI, api: TestClient) -> TestClient:
    app.state.open311_settings = Open311Settings(public_key=PUBLIC_KEY)
    return api


def _post(client: TestClient, **fields: Any) -> Any:
    # an Open311 client is another server or app: no cookie, no CSRF token, only the api_key
    form = {
        "api_key": PUBLIC_KEY,
        "service_code": "environment",
        "description": DESCRIPTION,
        "address_string": "Hồ Ba Đình, Hà Nội",
        "lat": "21.0367",
        "long": "105.8342",
        "email": EMAIL,
        "first_name": "Văn A",
        "last_name": "Nguyễn",
        "phone": PHONE,
        **fields,
    }
    return client.post(
        "/open311/v2/requests.json",
        data=form,
        headers={"Origin": "https://fixmystreet.example"},  # a foreign client is fine here
    )


def test_services_come_from_the_taxonomy(citizen: TestClient) -> None:
    response = citizen.get("/open311/v2/services.json")
    assert response.status_code == 200
    services = {s["service_code"]: s for s in response.json()}
    assert "environment" in services
    assert set(services["environment"]) == {
        "service_code", "service_name", "description", "metadata", "type", "keywords", "group",
    }  # fmt: skip
    assert services["environment"]["metadata"] is False
    assert services["environment"]["type"] == "realtime"


def test_discovery_points_at_v2(citizen: TestClient) -> None:
    body = citizen.get("/open311/v2/discovery.json").json()
    assert body["endpoints"][0]["url"].endswith("/open311/v2")
    assert "application/json" in body["endpoints"][0]["formats"]


def test_post_then_get_round_trip_with_the_spec_field_names(
    citizen: TestClient, sessions: sessionmaker[Session]
) -> None:
    created = _post(citizen)
    assert created.status_code == 201, created.text
    (receipt,) = created.json()
    assert set(receipt) == {"service_request_id", "service_notice", "account_id"}
    request_id = receipt["service_request_id"]

    (one,) = citizen.get(f"/open311/v2/requests/{request_id}.json").json()
    assert set(one) == REQUEST_FIELDS
    assert one["service_code"] == "environment" and one["status"] == "open"
    assert one["lat"] == pytest.approx(21.0367) and one["long"] == pytest.approx(105.8342)
    assert one["requested_datetime"].endswith("+07:00")
    listed = citizen.get("/open311/v2/requests.json?service_code=environment").json()
    assert [r["service_request_id"] for r in listed] == [request_id]


def test_pii_is_redacted_before_storage_and_contacts_stay_apart(
    citizen: TestClient, sessions: sessionmaker[Session]
) -> None:
    request_id = _post(citizen).json()[0]["service_request_id"]
    with sessions() as session:
        row = session.get(ServiceRequest, int(request_id))
        assert row is not None
        stored = session.get(Document, row.document_id)
        contact = session.scalars(select(RequesterContact)).one()
    assert stored is not None and PHONE not in stored.text and EMAIL not in stored.text
    assert "rác thải" in stored.text.lower()
    assert (
        contact.phone == PHONE
        and contact.email == EMAIL
        and contact.retain_until > row.requested_at
    )
    for path in (f"/open311/v2/requests/{request_id}.json", "/open311/v2/requests.json"):
        text = citizen.get(path).text
        assert PHONE not in text and EMAIL not in text and "Nguyễn" not in text


def test_posting_twice_makes_two_requests(citizen: TestClient) -> None:
    first = _post(citizen).json()[0]["service_request_id"]
    second = _post(citizen).json()[0]["service_request_id"]
    assert first != second


@pytest.mark.parametrize(
    ("fields", "status", "words"),
    [
        ({"api_key": ""}, 400, "api_key"),
        ({"api_key": "wrong"}, 403, "api_key"),
        ({"service_code": "no_such_service"}, 400, "service_code"),
        ({"description": "   "}, 400, "description"),
        ({"lat": "", "long": "", "address_string": ""}, 400, "address_string"),
        ({"lat": "abc"}, 400, "lat"),
    ],
)
def test_errors_in_the_spec_format(
    citizen: TestClient, fields: dict[str, str], status: int, words: str
) -> None:
    response = _post(citizen, **fields)
    assert response.status_code == status
    (error,) = response.json()
    assert error["code"] == status and words in error["description"]


def test_unknown_request_and_bad_filters_answer_in_the_spec_format(citizen: TestClient) -> None:
    missing = citizen.get("/open311/v2/requests/999.json")
    assert missing.status_code == 404 and missing.json()[0]["code"] == 404
    bad = citizen.get("/open311/v2/requests.json?start_date=yesterday")
    assert bad.status_code == 400 and "start_date" in bad.json()[0]["description"]
    assert citizen.get("/open311/v2/requests.json?status=pending").status_code == 400


def test_an_api_token_of_a_submitting_role_is_an_api_key(
    citizen: TestClient, sessions: sessionmaker[Session], office: Office
) -> None:
    analyst = token_for(sessions, office.analyst.username)
    assert _post(citizen, api_key=analyst).status_code == 201
    responder = token_for(sessions, office.ward_responder.username)
    assert _post(citizen, api_key=responder).status_code == 403


def test_status_follows_the_case(
    citizen: TestClient, sessions: sessionmaker[Session], office: Office
) -> None:
    request_id = _post(citizen).json()[0]["service_request_id"]
    analyst = bearer(token_for(sessions, office.analyst.username))
    leader = bearer(token_for(sessions, office.leader.username))
    responder = bearer(token_for(sessions, office.ward_responder.username))

    accepted = citizen.post(
        f"/api/v1/open311/requests/{request_id}/accept",
        json={"title": "Rác ven hồ Ba Đình", "unit_code": "00004"},
        headers=analyst,
    )
    assert accepted.status_code == 201, accepted.text
    case_id = accepted.json()["case_id"]
    again = citizen.post(
        f"/api/v1/open311/requests/{request_id}/accept",
        json={"title": "x", "unit_code": "00004"},
        headers=analyst,
    )
    assert again.status_code == 409

    def status() -> dict[str, Any]:
        (row,) = citizen.get(f"/open311/v2/requests/{request_id}.json").json()
        return dict(row)

    assert status()["status"] == "open"
    ward = office.ward.id
    steps = [
        (analyst, "assign", {"agency_id": ward}),
        (responder, "answer", {"agency_id": ward, "text": "Đã thu gom rác ven hồ."}),
        (leader, "approve", {"agency_ids": [ward], "summary": "Phường đã xử lý."}),
    ]
    for headers, step, body in steps:
        done = citizen.post(f"/api/v1/cases/{case_id}/{step}", json=body, headers=headers)
        assert done.status_code == 200, (step, done.text)
    waiting = status()
    assert waiting["status"] == "open" and waiting["agency_responsible"] == office.ward.name
    published = citizen.post(f"/api/v1/cases/{case_id}/publish", headers=leader)
    assert published.status_code == 200, published.text
    closed = status()
    assert closed["status"] == "closed"
    assert "Đã thu gom rác ven hồ." in closed["status_notes"]
    only_closed = citizen.get("/open311/v2/requests.json?status=closed").json()
    assert [r["service_request_id"] for r in only_closed] == [request_id]


def test_accepting_needs_the_right_to_open_cases_there(
    citizen: TestClient, sessions: sessionmaker[Session], office: Office
) -> None:
    request_id = _post(citizen).json()[0]["service_request_id"]
    url = f"/api/v1/open311/requests/{request_id}/accept"
    unknown = bearer("odk_not-a-real-token")
    assert citizen.post(url, json={"title": "x"}, headers=unknown).status_code == 401
    outsider = bearer(token_for(sessions, office.hcmc_leader.username))
    refused = citizen.post(url, json={"title": "x", "unit_code": HANOI}, headers=outsider)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "forbidden"
