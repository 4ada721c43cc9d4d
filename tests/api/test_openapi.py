"""/openapi.json documents every /api/v1 route with typed responses, in both languages."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from opiniondesk.accounts.access import route_access

MINE = {"documents", "alerts", "cases", "reference", "open311"}


def test_every_api_route_is_documented_with_schemas(app: FastAPI, api: TestClient) -> None:
    response = api.get("/openapi.json")
    assert response.status_code == 200
    document = response.json()
    paths = document["paths"]
    routes = [r for r in route_access(app) if r.path.startswith(("/api/v1/", "/open311/v2/"))]
    assert len(routes) >= 20
    for route in routes:
        assert route.path in paths, route.path
        for method in route.methods:
            operation = paths[route.path][method.lower()]
            ok = next(code for code in operation["responses"] if code.startswith("2"))
            schema = operation["responses"][ok]["content"]["application/json"]["schema"]
            assert schema, (method, route.path)
            if set(operation.get("tags", [])) & MINE:
                assert operation.get("description"), (method, route.path)  # bilingual docstring
    assert "ErrorBody" in document["components"]["schemas"]
    tags = {tag["name"]: tag["description"] for tag in document["tags"]}
    assert set(tags) >= MINE
    assert all(" / " in tags[name] for name in MINE)  # Vietnamese / English


def test_the_old_address_and_the_cdn_docs_are_gone(api: TestClient) -> None:
    assert api.get("/api/openapi.json").status_code in (401, 404)
    assert api.get("/docs").status_code in (303, 401, 404)
