"""POST /api/v1/field-reports: created once, replays return the record, a reused id is refused,
text is redacted before storage, and the report reaches the pipeline as a field_report document."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from opiniondesk.fieldwork import repository as repo
from opiniondesk.storage.models import Channel, ChannelKind, Document
from opiniondesk.web.app import create_app
from tests.accounts.builders import HCMC, make_user, signed_in
from tests.conftest import DeskFixture
from tests.fieldwork.builders import collaborator_token, report

API = "/api/v1/field-reports"


@pytest.fixture
def api(desk: DeskFixture, cheap_passwords: None) -> Iterator[TestClient]:
    token = collaborator_token(desk.sessions)
    with TestClient(create_app(desk.settings, engine=desk.engine)) as client:
        client.headers["Authorization"] = f"Bearer {token}"
        yield client


class TestSubmit:
    def test_new_report_is_created(self, api: TestClient, desk: DeskFixture) -> None:
        body = report()
        response = api.post(API, json=body)
        assert response.status_code == 201, response.text
        assert response.json()["instance_id"] == body["instance_id"]
        with desk.sessions() as session:
            assert repo.count_by_instance_id(session, body["instance_id"]) == 1

    def test_replay_with_same_content_returns_the_record(self, api: TestClient) -> None:
        body = report()
        first = api.post(API, json=body)
        again = api.post(API, json=body)
        assert again.status_code == 200
        assert again.json() == first.json()

    def test_same_id_with_other_content_is_refused(self, api: TestClient) -> None:
        body = report()
        api.post(API, json=body)
        response = api.post(API, json={**body, "summary": "Một nội dung khác hẳn."})
        assert response.status_code == 409
        assert body["instance_id"] in response.json()["error"]["message"]

    def test_invalid_instance_id_is_refused(self, api: TestClient) -> None:
        assert api.post(API, json=report(instance_id="not-a-uuid")).status_code == 422

    def test_unknown_field_is_refused(self, api: TestClient) -> None:
        assert api.post(API, json={**report(), "reporter_name": "x"}).status_code == 422

    def test_unit_outside_the_collaborators_units_is_forbidden(self, api: TestClient) -> None:
        assert api.post(API, json=report(unit_code=HCMC)).status_code == 403

    def test_unknown_unit_is_refused(self, api: TestClient) -> None:
        response = api.post(API, json=report(unit_code="99999"))
        assert response.status_code in (403, 422)

    def test_personal_data_is_redacted_before_storage(
        self, api: TestClient, desk: DeskFixture
    ) -> None:
        body = report(summary="Anh ấy bảo gọi số 0912345678 để phản ánh.")
        assert api.post(API, json=body).status_code == 201
        with desk.sessions() as session:
            stored = repo.by_instance_id(session, body["instance_id"])
            assert stored is not None
            assert "0912345678" not in stored.summary
            texts = list(session.scalars(select(Document.text)))
        assert texts and all("0912345678" not in text for text in texts)

    def test_report_reaches_the_pipeline_once(self, api: TestClient, desk: DeskFixture) -> None:
        body = report()
        api.post(API, json=body)
        api.post(API, json=body)
        with desk.sessions() as session:
            query = (
                select(func.count())
                .select_from(Document)
                .join(Channel, Channel.id == Document.channel_id)
                .where(Channel.kind == ChannelKind.field_report)
                .where(Document.external_id == body["instance_id"])
            )
            assert session.scalar(query) == 1


class TestAccess:
    def test_without_token_is_unauthorised(self, desk: DeskFixture) -> None:
        with TestClient(create_app(desk.settings, engine=desk.engine)) as client:
            # no credentials at all: the CSRF check refuses first; a bad token is unauthorised
            assert client.post(API, json=report()).status_code == 403
            client.headers["Authorization"] = "Bearer odk_not-a-real-token"
            assert client.post(API, json=report()).status_code == 401

    def test_analyst_may_not_submit(self, desk: DeskFixture, cheap_passwords: None) -> None:
        make_user(desk.sessions, "analyst")
        with TestClient(create_app(desk.settings, engine=desk.engine)) as client:
            signed_in(client, "analyst")
            page = client.get("/field-reports/new")
            assert page.status_code == 403


class TestPersonalDataCheck:
    def test_kinds_found_are_returned(self, api: TestClient) -> None:
        response = api.post(f"{API}/pii-check", json={"text": "Gọi 0912345678 hoặc a@b.vn"})
        assert response.status_code == 200
        assert {"phone", "email"} <= set(response.json()["kinds"])

    def test_clean_text_has_none(self, api: TestClient) -> None:
        response = api.post(f"{API}/pii-check", json={"text": "Đường làng bị ngập."})
        assert response.json() == {"kinds": [], "counts": {}}
