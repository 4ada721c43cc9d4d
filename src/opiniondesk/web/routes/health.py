"""Liveness check for the operator and the reverse proxy."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import text

from opiniondesk.web.deps import SessionDep

router = APIRouter()


@router.get("/healthz")
def healthz(session: SessionDep) -> dict[str, str]:
    """Answers only after the database has answered a trivial query."""
    session.execute(text("SELECT 1"))
    return {"status": "ok"}
