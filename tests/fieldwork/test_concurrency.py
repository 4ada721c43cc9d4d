"""The same field report replayed 200 times from parallel clients against a live server gives
exactly one record (and one pipeline document), on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx
from sqlalchemy import func, select

from opiniondesk.fieldwork import repository as repo
from opiniondesk.storage.models import Document
from opiniondesk.web.app import create_app
from tests.conftest import DeskFixture
from tests.fieldwork.builders import collaborator_token, live_server, report

REPLAYS = 200
CLIENTS = 16


def test_two_hundred_parallel_replays_store_one_report(
    desk: DeskFixture, cheap_passwords: None
) -> None:
    token = collaborator_token(desk.sessions)
    body = report()
    app = create_app(desk.settings, engine=desk.engine)
    with live_server(app) as url:
        headers = {"Authorization": f"Bearer {token}"}
        clients = [httpx.Client(base_url=url, headers=headers, timeout=60) for _ in range(CLIENTS)]
        try:

            def send(n: int) -> int:
                return clients[n % CLIENTS].post("/api/v1/field-reports", json=body).status_code

            with ThreadPoolExecutor(CLIENTS) as pool:
                statuses = Counter(pool.map(send, range(REPLAYS)))
        finally:
            for client in clients:
                client.close()
    assert statuses == Counter({201: 1, 200: REPLAYS - 1})
    with desk.sessions() as session:
        assert repo.count_by_instance_id(session, body["instance_id"]) == 1
        documents = select(func.count()).select_from(Document)
        assert session.scalar(documents.where(Document.external_id == body["instance_id"])) == 1
