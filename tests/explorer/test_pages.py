"""The explorer and alerts pages over HTTP: search, scope, escaping, correction, alert actions."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from opiniondesk.accounts.models import AuditEvent
from opiniondesk.alerts.models import Alert
from opiniondesk.storage.engine import make_session_factory
from opiniondesk.storage.models import Annotation, Document
from tests.accounts.builders import make_user, page_token, signed_in
from tests.explorer.builders import XSS


def _as(client: TestClient, engine: Engine, name: str, role: str, *units: str) -> TestClient:
    make_user(make_session_factory(engine), name, role, units)
    return signed_in(client, name)


class TestSearchPage:
    def test_with_and_without_diacritics(self, client: TestClient, docs: dict[str, int]) -> None:
        for q in ("sạt lở", "sat lo"):
            html = client.get("/explorer", params={"q": q}).text
            assert f'href="/explorer/{docs["ba_dinh"]}"' in html
            assert f'href="/explorer/{docs["ngoc_ha"]}"' in html
            assert f'href="/explorer/{docs["hcmc"]}"' not in html
            assert f'href="/explorer/{docs["repost"]}"' not in html  # reposts hidden by default

    def test_markup_in_text_is_escaped_in_titles_and_snippets(
        self, client: TestClient, docs: dict[str, int]
    ) -> None:
        html = client.get("/explorer", params={"q": "sat lo doi can"}).text
        assert XSS not in html
        assert "&lt;script&gt;" in html
        assert "<mark>Sạt</mark>" in html

    def test_authors_are_never_shown(self, client: TestClient, docs: dict[str, int]) -> None:
        assert "author-secret-key" not in client.get("/explorer").text
        assert "author-secret-key" not in client.get(f"/explorer/{docs['ba_dinh']}").text

    def test_bad_input_is_a_clear_error(self, client: TestClient, docs: dict[str, int]) -> None:
        assert client.get("/explorer", params={"from": "2025-13-01"}).status_code == 422
        assert client.get("/explorer", params={"q": "-only"}).status_code == 422
        assert client.get("/explorer", params={"page": "x"}).status_code == 422

    def test_selection_opens_a_case_with_the_documents(
        self, client: TestClient, docs: dict[str, int]
    ) -> None:
        response = client.get(
            "/explorer/open-case",
            params=[("documents", str(docs["ba_dinh"])), ("documents", str(docs["ngoc_ha"]))],
            follow_redirects=False,
        )
        assert response.status_code == 303
        assert response.headers["location"] == (
            f"/cases/new?documents={docs['ba_dinh']}%2C{docs['ngoc_ha']}"
        )


class TestScope:
    def test_commune_analyst_sees_only_their_commune(
        self, anonymous_client: TestClient, seeded_engine: Engine, docs: dict[str, int]
    ) -> None:
        ward = _as(anonymous_client, seeded_engine, "ward", "analyst", "00004")
        html = ward.get("/explorer", params={"q": "sat lo"}).text
        assert f'href="/explorer/{docs["ba_dinh"]}"' in html
        assert f'href="/explorer/{docs["ngoc_ha"]}"' not in html
        assert ward.get(f"/explorer/{docs['ngoc_ha']}").status_code == 404
        assert ward.get(f"/explorer/{docs['hcmc']}").status_code == 404
        assert ward.get(f"/explorer/{docs['ba_dinh']}").status_code == 200

    def test_roles_without_documents_are_refused(
        self, anonymous_client: TestClient, seeded_engine: Engine, docs: dict[str, int]
    ) -> None:
        admin = _as(anonymous_client, seeded_engine, "boss", "admin", "VN")
        assert admin.get("/explorer").status_code == 403
        assert admin.get("/alerts").status_code == 403


class TestDocumentPage:
    def test_annotations_and_duplicate_group(
        self, client: TestClient, docs: dict[str, int]
    ) -> None:
        html = client.get(f"/explorer/{docs['ba_dinh']}").text
        assert "rule:land" in html and "khớp luật / rule matched" in html
        assert "lexicon" in html
        assert XSS not in html
        repost = client.get(f"/explorer/{docs['repost']}").text
        assert f'href="/explorer/{docs["ba_dinh"]}"' in repost

    def test_correction_moves_the_label_and_is_audited(
        self, client: TestClient, seeded_engine: Engine, docs: dict[str, int]
    ) -> None:
        doc_id = docs["ba_dinh"]
        token = page_token(client, f"/explorer/{doc_id}")
        response = client.post(
            f"/explorer/{doc_id}/labels",
            data={"task": "sentiment", "value": "positive", "csrf_token": token},
            follow_redirects=False,
        )
        assert response.status_code == 303
        with make_session_factory(seeded_engine).begin() as session:
            assert session.get(Document, doc_id).sentiment == "positive"
            sources = session.scalars(
                select(Annotation.source).where(
                    Annotation.document_id == doc_id, Annotation.kind == "sentiment"
                )
            ).all()
            assert "analyst" in sources
            event = session.scalars(
                select(AuditEvent).where(AuditEvent.action == "label.correct")
            ).one()
            assert event.object_id == str(doc_id)

    def test_unknown_label_is_refused(self, client: TestClient, docs: dict[str, int]) -> None:
        token = page_token(client, f"/explorer/{docs['ba_dinh']}")
        response = client.post(
            f"/explorer/{docs['ba_dinh']}/labels",
            data={"task": "topic", "value": "no-such-topic", "csrf_token": token},
        )
        assert response.status_code == 422

    def test_without_csrf_the_correction_is_refused(
        self, client: TestClient, docs: dict[str, int]
    ) -> None:
        response = client.post(
            f"/explorer/{docs['ba_dinh']}/labels", data={"task": "topic", "value": "land"}
        )
        assert response.status_code == 403

    def test_leaders_read_but_do_not_correct(
        self, anonymous_client: TestClient, seeded_engine: Engine, docs: dict[str, int]
    ) -> None:
        leader = _as(anonymous_client, seeded_engine, "chief", "leader", "VN")
        page = leader.get(f"/explorer/{docs['ba_dinh']}")
        assert page.status_code == 200 and "/labels" not in page.text
        token = page_token(leader, f"/explorer/{docs['ba_dinh']}")
        response = leader.post(
            f"/explorer/{docs['ba_dinh']}/labels",
            data={"task": "topic", "value": "land", "csrf_token": token},
        )
        assert response.status_code == 403


class TestAlerts:
    def test_list_hides_small_alerts(self, client: TestClient, alerts: dict[str, int]) -> None:
        html = client.get("/alerts").text
        assert f'href="/alerts/{alerts["hanoi"]}"' in html
        assert f'href="/alerts/{alerts["hcmc"]}"' in html
        assert f'href="/alerts/{alerts["small"]}"' not in html
        assert client.get(f"/alerts/{alerts['small']}").status_code == 404

    def test_scope(
        self, anonymous_client: TestClient, seeded_engine: Engine, alerts: dict[str, int]
    ) -> None:
        hanoi = _as(anonymous_client, seeded_engine, "hanoi-analyst", "analyst", "01")
        html = hanoi.get("/alerts").text
        assert f'href="/alerts/{alerts["hanoi"]}"' in html
        assert f'href="/alerts/{alerts["hcmc"]}"' not in html
        assert hanoi.get(f"/alerts/{alerts['hcmc']}").status_code == 404

    def test_detail_has_trend_evidence_and_case_link(
        self, client: TestClient, alerts: dict[str, int], docs: dict[str, int]
    ) -> None:
        html = client.get(f"/alerts/{alerts['hanoi']}").text
        assert "<svg" in html
        assert f'href="/explorer/{docs["ba_dinh"]}"' in html
        assert f'href="/cases/new?alert={alerts["hanoi"]}"' in html
        assert XSS not in html

    def test_acknowledge_then_close_with_audit(
        self, client: TestClient, seeded_engine: Engine, alerts: dict[str, int]
    ) -> None:
        alert_id = alerts["hanoi"]
        for status in ("acknowledged", "closed"):
            token = page_token(client, f"/alerts/{alert_id}")
            response = client.post(
                f"/alerts/{alert_id}/status",
                data={"status": status, "csrf_token": token},
                follow_redirects=False,
            )
            assert response.status_code == 303
        with make_session_factory(seeded_engine).begin() as session:
            assert session.get(Alert, alert_id).status == "closed"
            actions = session.scalars(
                select(AuditEvent.details).where(AuditEvent.action == "alert.status")
            ).all()
            assert [d["to"] for d in actions] == ["acknowledged", "closed"]
        assert f'href="/alerts/{alert_id}"' not in client.get("/alerts").text

    def test_status_change_needs_csrf(self, client: TestClient, alerts: dict[str, int]) -> None:
        response = client.post(f"/alerts/{alerts['hanoi']}/status", data={"status": "closed"})
        assert response.status_code == 403


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_pages_render_in_both_languages(
    client: TestClient, docs: dict[str, int], alerts: dict[str, int], lang: str
) -> None:
    for path in (
        "/explorer",
        f"/explorer?q=sat+lo&province=01&topic=land&sentiment=negative&channel=feedback"
        f"&from=2025-06-01&to=2025-06-30&duplicates=1&lang={lang}",
        f"/explorer/{docs['repost']}",
        "/alerts",
        f"/alerts/{alerts['hanoi']}",
    ):
        sep = "&" if "?" in path else "?"
        response = client.get(f"{path}{sep}lang={lang}")
        assert response.status_code == 200, path
        assert f'<html lang="{lang}">' in response.text
