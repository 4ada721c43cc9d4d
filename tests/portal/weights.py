"""Print the weight of every kind of portal page with realistic content (what test_weight.py
holds under 200 kB): `PYTHONPATH=. .venv/bin/python -m tests.portal.weights`."""

from __future__ import annotations

import tempfile
from pathlib import Path

from fastapi.testclient import TestClient

from opiniondesk.config import Settings
from opiniondesk.storage.engine import make_engine, make_session_factory
from opiniondesk.storage.migrate import upgrade_to_head
from tests.cases.builders import hanoi_office
from tests.conftest import DeskFixture
from tests.portal.builders import clarify, publish_answer
from tests.portal.conftest import portal_app
from tests.portal.crawl import crawl, weight


def main() -> None:
    home = Path(tempfile.mkdtemp())
    url = f"sqlite:///{home / 'portal.sqlite'}"
    engine = make_engine(url)
    upgrade_to_head(engine)
    settings = Settings(home=home, database_url=url, secret_key="weights-only")
    desk = DeskFixture(url, engine, make_session_factory(engine), settings, home)
    office = hanoi_office(desk.sessions)
    for n in range(1, 26):
        publish_answer(desk.sessions, office, n)
    for n in range(1, 46):
        clarify(desk.sessions, n)
    with TestClient(portal_app(desk)) as client:
        heaviest: dict[str, tuple[int, int, str]] = {}
        for page in crawl(client):
            total, _ = weight(client, page)
            kind = page.path.split("?")[0].rstrip("0123456789")
            if page.status == 200 and total > heaviest.get(kind, (0, 0, ""))[0]:
                heaviest[kind] = (total, len(page.html.encode()), page.path)
    print(f"{'page':<34} {'HTML':>8} {'with assets':>12}")
    for total, html, path in sorted(heaviest.values(), reverse=True):
        print(f"{path:<34} {html:>8,} {total:>12,}")


if __name__ == "__main__":
    main()
