"""The consultation pages: staff create, seed and moderate; citizens vote one statement at a
time with plain forms and submit their own; the results page shows groups without people."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from opiniondesk.accounts.roles import Role
from opiniondesk.consultations import ratelimit, service
from opiniondesk.consultations import repository as repo
from opiniondesk.consultations.matrix import VoteMatrix
from opiniondesk.consultations.models import StatementStatus
from opiniondesk.web.app import create_app
from tests.accounts.builders import BA_DINH, cheap_passwords, csrf_from, make_user, signed_in
from tests.conftest import DeskFixture
from tests.consultations.builders import STATEMENTS, open_consultation

__all__ = ["cheap_passwords"]


@pytest.fixture(autouse=True)
def _fresh_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ratelimit, "VOTES_PER_MINUTE", ratelimit.SlidingWindow(60, 60))
    monkeypatch.setattr(ratelimit, "STATEMENTS_PER_HOUR", ratelimit.SlidingWindow(5, 3600))
    from opiniondesk.web.routes import consultations as pages

    monkeypatch.setattr(pages, "VOTES_PER_MINUTE", ratelimit.VOTES_PER_MINUTE)
    monkeypatch.setattr(pages, "STATEMENTS_PER_HOUR", ratelimit.STATEMENTS_PER_HOUR)
    monkeypatch.setattr(pages, "ADDRESS_VOTES_PER_MINUTE", ratelimit.SlidingWindow(600, 60))
    monkeypatch.setattr(pages, "ADDRESS_STATEMENTS_PER_HOUR", ratelimit.SlidingWindow(60, 3600))


@pytest.fixture
def visitor(sqlite_desk: DeskFixture) -> Iterator[TestClient]:
    with TestClient(create_app(sqlite_desk.settings, engine=sqlite_desk.engine)) as client:
        yield client


@pytest.fixture
def analyst(sqlite_desk: DeskFixture, cheap_passwords: None) -> Iterator[TestClient]:
    make_user(sqlite_desk.sessions, "chuyenvien", Role.analyst)
    with TestClient(create_app(sqlite_desk.settings, engine=sqlite_desk.engine)) as client:
        yield signed_in(client, "chuyenvien")


def _opened(desk: DeskFixture) -> int:
    with desk.sessions.begin() as session:
        return open_consultation(session).id


def _vote(client: TestClient, cid: int, choice: str) -> str:
    page = client.get(f"/cong-khai/tham-van/{cid}").text
    statement = re.search(r'name="statement_id" value="(\d+)"', page)
    assert statement, "no statement to vote on"
    response = client.post(
        f"/cong-khai/tham-van/{cid}/phieu",
        data={"csrf_token": csrf_from(page), "statement_id": statement.group(1), "choice": choice},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return statement.group(1)


class TestParticipation:
    def test_votes_one_statement_at_a_time_until_done(
        self, visitor: TestClient, sqlite_desk: DeskFixture
    ) -> None:
        cid = _opened(sqlite_desk)
        seen = [_vote(visitor, cid, choice) for choice in ("agree", "disagree", "pass", "agree")]
        assert len(set(seen)) == 4
        page = visitor.get(f"/cong-khai/tham-van/{cid}").text
        assert 'id="all-done"' in page and "4" in page
        with sqlite_desk.sessions() as session:
            assert sorted(v for _, _, v in repo.votes(session, cid)) == [-1, 0, 1, 1]
            assert repo.participant_count(session, cid) == 1

    def test_the_cookie_is_random_and_only_its_keyed_hash_is_stored(
        self, visitor: TestClient, sqlite_desk: DeskFixture
    ) -> None:
        cid = _opened(sqlite_desk)
        _vote(visitor, cid, "agree")
        cookie = visitor.cookies.get("opiniondesk_participant")
        assert cookie
        with sqlite_desk.sessions() as session:
            (stored,) = repo.participant_ids(session, cid)
        assert stored != cookie and cookie not in stored
        assert stored == service.participant_key(sqlite_desk.settings.secret_key, cid, cookie)

    def test_a_changed_vote_replaces_the_old_one(self, desk: DeskFixture) -> None:
        with desk.sessions.begin() as session:
            consultation = open_consultation(session)
            first = repo.statements(session, consultation.id)[0]
            for choice in ("agree", "disagree"):
                service.vote(
                    session, consultation, key_hash="k", statement_id=first.id, choice=choice
                )
            assert repo.votes(session, consultation.id) == [
                (repo.participant_id(session, consultation.id, "k"), first.id, -1)
            ]

    def test_vote_without_csrf_token_is_refused(
        self, visitor: TestClient, sqlite_desk: DeskFixture
    ) -> None:
        cid = _opened(sqlite_desk)
        visitor.get(f"/cong-khai/tham-van/{cid}")
        response = visitor.post(
            f"/cong-khai/tham-van/{cid}/phieu", data={"statement_id": "1", "choice": "agree"}
        )
        assert response.status_code == 403

    def test_submitted_statement_waits_for_moderation_and_is_redacted(
        self, visitor: TestClient, analyst: TestClient, sqlite_desk: DeskFixture
    ) -> None:
        cid = _opened(sqlite_desk)
        page = visitor.get(f"/cong-khai/tham-van/{cid}").text
        text = "Gọi tôi số 0912345678 để bàn thêm về bãi xe"
        response = visitor.post(
            f"/cong-khai/tham-van/{cid}/y-kien",
            data={"csrf_token": csrf_from(page), "text": text},
            follow_redirects=False,
        )
        assert response.status_code == 303
        with sqlite_desk.sessions() as session:
            (pending,) = repo.statements(session, cid, [StatementStatus.pending])
        assert "0912345678" not in pending.text and pending.submitted_by_participant
        # not shown to voters before moderation
        for _ in STATEMENTS:
            assert str(pending.id) != _vote(visitor, cid, "pass")
        # the analyst accepts it; now it is put to the vote
        staff_page = analyst.get(f"/tham-van/{cid}").text
        assert "bãi xe" in staff_page
        accepted = analyst.post(
            f"/tham-van/{cid}/y-kien/{pending.id}/duyet",
            data={"csrf_token": csrf_from(staff_page), "decision": "accept"},
            follow_redirects=False,
        )
        assert accepted.status_code == 303
        assert _vote(visitor, cid, "agree") == str(pending.id)

    def test_votes_are_rate_limited_per_participant(
        self, visitor: TestClient, sqlite_desk: DeskFixture, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from opiniondesk.web.routes import consultations as pages

        monkeypatch.setattr(pages, "VOTES_PER_MINUTE", ratelimit.SlidingWindow(2, 60))
        cid = _opened(sqlite_desk)
        _vote(visitor, cid, "agree")
        _vote(visitor, cid, "agree")
        page = visitor.get(f"/cong-khai/tham-van/{cid}").text
        response = visitor.post(
            f"/cong-khai/tham-van/{cid}/phieu",
            data={"csrf_token": csrf_from(page), "statement_id": "3", "choice": "agree"},
        )
        assert "done=limited" in str(response.url)
        with sqlite_desk.sessions() as session:
            assert repo.vote_count(session, cid) == 2

    def test_dropping_the_cookie_does_not_escape_the_address_limit(
        self, visitor: TestClient, sqlite_desk: DeskFixture, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from opiniondesk.web.routes import consultations as pages

        monkeypatch.setattr(pages, "ADDRESS_VOTES_PER_MINUTE", ratelimit.SlidingWindow(3, 60))
        cid = _opened(sqlite_desk)
        for _ in range(3):
            visitor.cookies.delete("opiniondesk_participant")
            _vote(visitor, cid, "agree")
        visitor.cookies.delete("opiniondesk_participant")
        page = visitor.get(f"/cong-khai/tham-van/{cid}").text
        response = visitor.post(
            f"/cong-khai/tham-van/{cid}/phieu",
            data={"csrf_token": csrf_from(page), "statement_id": "2", "choice": "agree"},
        )
        assert "done=limited" in str(response.url)
        with sqlite_desk.sessions() as session:
            assert repo.vote_count(session, cid) == 3
            assert repo.participant_count(session, cid) == 3

    def test_a_draft_is_not_public_and_a_closed_one_takes_no_votes(
        self, visitor: TestClient, sqlite_desk: DeskFixture
    ) -> None:
        with sqlite_desk.sessions.begin() as session:
            draft = service.create(session, title="Nháp")
        assert visitor.get(f"/cong-khai/tham-van/{draft.id}").status_code == 404
        cid = _opened(sqlite_desk)
        page = visitor.get(f"/cong-khai/tham-van/{cid}").text
        with sqlite_desk.sessions.begin() as session:
            service.set_status(session, service.get(session, cid), "closed")  # type: ignore[arg-type]
        response = visitor.post(
            f"/cong-khai/tham-van/{cid}/phieu",
            data={"csrf_token": csrf_from(page), "statement_id": "1", "choice": "agree"},
        )
        assert response.status_code == 409


def _seed_votes(desk: DeskFixture, cid: int, camps: list[int]) -> None:
    """camps[i] people vote pattern i (0: agree with even statements, 1: with odd ones)."""
    with desk.sessions.begin() as session:
        consultation = service.get(session, cid)
        statements = repo.statements(session, cid, [StatementStatus.accepted])
        person = 0
        for camp, size in enumerate(camps):
            for _ in range(size):
                person += 1
                for index, statement in enumerate(statements):
                    agree = (index % 2 == 0) == (camp == 0) or index == 0
                    service.vote(
                        session,
                        consultation,
                        key_hash=f"person-{person}",
                        statement_id=statement.id,
                        choice="agree" if agree else "disagree",
                    )


class TestResults:
    def test_results_show_groups_without_people(
        self, visitor: TestClient, sqlite_desk: DeskFixture
    ) -> None:
        with sqlite_desk.sessions.begin() as session:
            cid = open_consultation(session, [f"Ý kiến số {i}" for i in range(8)]).id
        _seed_votes(sqlite_desk, cid, [12, 9])
        html = visitor.get(f"/cong-khai/tham-van/{cid}/ket-qua?lang=en").text
        assert "Group 1: 12 people" in html and "Group 2: 9 people" in html
        assert "<ellipse" in html and "<circle" not in html
        assert "Computed at" in html and "from 168 votes" in html
        with sqlite_desk.sessions() as session:
            ids = repo.participant_ids(session, cid)
        for key, pid in ids.items():
            assert key not in html
            assert f"participant {pid}" not in html and f'data-participant="{pid}"' not in html

    def test_a_group_below_the_minimum_size_is_not_shown(
        self, visitor: TestClient, sqlite_desk: DeskFixture
    ) -> None:
        with sqlite_desk.sessions.begin() as session:
            cid = open_consultation(session, [f"Ý kiến số {i}" for i in range(8)]).id
        _seed_votes(sqlite_desk, cid, [14, 3])
        with sqlite_desk.sessions.begin() as session:
            analysis, _ = service.analyse_now(session, service.get(session, cid))
        assert sorted(g.size for g in analysis.groups) == [3, 14]  # found, but must stay hidden
        html = visitor.get(f"/cong-khai/tham-van/{cid}/ket-qua?lang=en").text
        assert "Group 1: 14 people" in html
        assert "Group 2" not in html and "3 people" not in html
        assert html.count("<ellipse") == 1

    def test_results_are_recomputed_when_votes_arrive(
        self, visitor: TestClient, sqlite_desk: DeskFixture, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from datetime import timedelta

        from opiniondesk.consultations import recompute

        monkeypatch.setattr(recompute, "MIN_INTERVAL", timedelta(0))
        cid = _opened(sqlite_desk)
        assert (
            "No votes to analyse yet"
            in visitor.get(f"/cong-khai/tham-van/{cid}/ket-qua?lang=en").text
        )
        _vote(visitor, cid, "agree")  # the background task recomputes after the response
        with sqlite_desk.sessions() as session:
            run = repo.latest_run(session, cid)
            assert run is not None and run.vote_count == 1
        _vote(visitor, cid, "agree")
        assert "from 2 votes" in visitor.get(f"/cong-khai/tham-van/{cid}/ket-qua?lang=en").text


class TestStaff:
    def test_create_seed_open_close(self, analyst: TestClient, sqlite_desk: DeskFixture) -> None:
        page = analyst.get("/tham-van").text
        created = analyst.post(
            "/tham-van",
            data={
                "csrf_token": csrf_from(page),
                "title": "Bãi đỗ xe",
                "question": "Ở đâu?",
                "unit_code": "VN",
            },
            follow_redirects=False,
        )
        assert created.status_code == 303
        detail_url = created.headers["location"]
        cid = int(detail_url.rsplit("/", 1)[1])
        token = csrf_from(analyst.get(detail_url).text)
        refused = analyst.post(
            f"/tham-van/{cid}/trang-thai", data={"csrf_token": token, "status": "open"}
        )
        assert refused.status_code == 422  # nothing to vote on yet
        analyst.post(f"/tham-van/{cid}/y-kien", data={"csrf_token": token, "text": "Ý kiến A"})
        analyst.post(f"/tham-van/{cid}/trang-thai", data={"csrf_token": token, "status": "open"})
        with sqlite_desk.sessions() as session:
            assert str(service.get(session, cid).status) == "open"
        assert "Ý kiến A" in analyst.get(f"/cong-khai/tham-van/{cid}").text
        listing = analyst.get("/cong-khai/tham-van").text
        assert "Bãi đỗ xe" in listing

    def test_staff_manage_only_their_units_consultations(
        self, sqlite_desk: DeskFixture, cheap_passwords: None
    ) -> None:
        make_user(sqlite_desk.sessions, "phuong", Role.analyst, (BA_DINH,))
        with sqlite_desk.sessions.begin() as session:
            national = open_consultation(session).id
            ward = service.create(session, title="Phường Ba Đình", unit_code=BA_DINH).id
        app = create_app(sqlite_desk.settings, engine=sqlite_desk.engine)
        with TestClient(app) as client:
            signed_in(client, "phuong")
            listing = client.get("/tham-van").text
            assert "Phường Ba Đình" in listing and "Quy hoạch phường" not in listing
            assert client.get(f"/tham-van/{ward}").status_code == 200
            assert client.get(f"/tham-van/{national}").status_code == 403
            refused = client.post(
                "/tham-van",
                data={"csrf_token": csrf_from(listing), "title": "X", "unit_code": "VN"},
            )
            assert refused.status_code == 403

    def test_visitors_and_collaborators_cannot_manage(
        self, visitor: TestClient, sqlite_desk: DeskFixture
    ) -> None:
        response = visitor.get("/tham-van", follow_redirects=False)
        assert response.status_code == 303 and "/login" in response.headers["location"]


def test_vote_matrix_marks_rejected_statements(sqlite_desk: DeskFixture) -> None:
    with sqlite_desk.sessions.begin() as session:
        consultation = open_consultation(session)
        second = repo.statements(session, consultation.id)[1]
        service.vote(session, consultation, key_hash="a", statement_id=second.id, choice="agree")
        service.moderate(session, consultation, second.id, accept=False)
        matrix: VoteMatrix = service.vote_matrix(session, consultation.id)
    assert matrix.moderated_out.tolist() == [s == str(second.id) for s in matrix.statements]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_consultation_page_renders(
    analyst: TestClient, visitor: TestClient, sqlite_desk: DeskFixture, lang: str
) -> None:
    with sqlite_desk.sessions.begin() as session:
        cid = open_consultation(session, [f"Ý kiến số {i}" for i in range(8)]).id
        service.add_statement(session, service.get(session, cid), "Chờ duyệt", by_participant=True)
        draft = service.create(session, title="Nháp").id
    empty_results = visitor.get(f"/cong-khai/tham-van/{cid}/ket-qua?lang={lang}")
    _seed_votes(sqlite_desk, cid, [12, 9])
    pages = [
        (visitor, "/cong-khai/tham-van"),
        (visitor, f"/cong-khai/tham-van/{cid}"),
        (visitor, f"/cong-khai/tham-van/{cid}?done=voted"),
        (visitor, f"/cong-khai/tham-van/{cid}/ket-qua"),
        (analyst, "/tham-van"),
        (analyst, f"/tham-van/{cid}"),
        (analyst, f"/tham-van/{draft}"),
    ]
    assert empty_results.status_code == 200
    for client, path in pages:
        response = client.get(f"{path}{'&' if '?' in path else '?'}lang={lang}")
        assert response.status_code == 200, path
        assert f'<html lang="{lang}">' in response.text, path
