"""The field form's unit picker: units within the collaborator's scope, found with or without
diacritics, online (the endpoint) and offline (the list embedded in the form page)."""

from __future__ import annotations

import json
import re

from fastapi.testclient import TestClient

from opiniondesk.accounts.principal import UnitScope
from opiniondesk.accounts.roles import Role
from opiniondesk.fieldwork import unit_picker
from opiniondesk.web.app import create_app
from tests.accounts.builders import BA_DINH, HCMC, make_user, signed_in
from tests.conftest import DeskFixture
from tests.fieldwork.builders import collaborator_token

BEN_THANH = "26743"
HCMC_UNITS = unit_picker.units_for(UnitScope(provinces=frozenset({HCMC})))


def codes(query: str) -> list[str]:
    return [u.code for u in unit_picker.search(HCMC_UNITS, query)]


class TestSearch:
    def test_without_diacritics(self) -> None:
        assert codes("phuong ben thanh")[0] == BEN_THANH

    def test_with_diacritics_and_capitals(self) -> None:
        assert codes("Bến Thành")[0] == BEN_THANH
        assert codes("PHƯỜNG BẾN THÀNH")[0] == BEN_THANH

    def test_decomposed_input(self) -> None:
        # some keyboards send the base letter followed by combining marks
        assert codes("Be\u0302\u0301n Tha\u0300nh")[0] == BEN_THANH

    def test_prefixes_and_code(self) -> None:
        assert BEN_THANH in codes("ben th")
        assert codes(BEN_THANH) == [BEN_THANH]

    def test_nothing_outside_the_scope(self) -> None:
        hanoi = unit_picker.units_for(UnitScope(communes=frozenset({BA_DINH})))
        assert [u.code for u in hanoi] == [BA_DINH]
        assert unit_picker.search(hanoi, "ben thanh") == []

    def test_province_comes_with_its_communes(self) -> None:
        assert HCMC_UNITS[0].code == HCMC
        assert len(HCMC_UNITS) > 100


def test_endpoint_and_embedded_list(desk: DeskFixture, cheap_passwords: None) -> None:
    token = collaborator_token(desk.sessions, unit=HCMC, username="ctv.hcm")
    make_user(desk.sessions, "ctv.hn", Role.collaborator, (BA_DINH,))
    with TestClient(create_app(desk.settings, engine=desk.engine)) as client:
        found = client.get(
            "/api/v1/field-reports/units",
            params={"q": "phuong ben thanh"},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert found.status_code == 200
        assert found.json()[0] == {
            "code": BEN_THANH,
            "name": "Phường Bến Thành",
            "province_name": "Thành phố Hồ Chí Minh",
        }
        signed_in(client, "ctv.hn")
        page = client.get("/field-reports/new")
        data = re.search(r'<script id="fr-unit-data" type="application/json">(.*?)</script>',
                         page.text, re.S)  # fmt: skip
        assert data
        embedded = json.loads(data.group(1))
        assert [row[0] for row in embedded] == [BA_DINH]  # only the collaborator's own units
        assert client.get("/api/v1/field-reports/units", params={"q": "ben thanh"}).json() == []
