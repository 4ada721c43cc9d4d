"""Builders of the fieldwork tests: a collaborator with an API token, a report payload, and a
live uvicorn server for the tests that need real concurrent connections or a browser."""

from __future__ import annotations

import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn
from fastapi import FastAPI
from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.accounts import tokens
from opiniondesk.accounts.roles import Role
from opiniondesk.storage.base import utcnow
from tests.accounts.builders import BA_DINH, make_user

COLLABORATOR = "ctv"


def collaborator_token(
    sessions: sessionmaker[Session], unit: str = BA_DINH, username: str = COLLABORATOR
) -> str:
    user = make_user(sessions, username, Role.collaborator, (unit,))
    with sessions.begin() as session:
        _, token = tokens.issue_token(session, user_id=user.id, name="phone", now=utcnow(), days=1)
    return token


def report(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "instance_id": str(uuid.uuid4()),
        "topic": "Giá điện",
        "unit_code": BA_DINH,
        "mood": "negative",
        "concern": "high",
        "spread": "local",
        "heard_at": "market",
        "summary": "Bà con ở chợ phàn nàn hoá đơn tiền điện tháng này tăng gấp đôi.",
        "suggested_action": "Điện lực giải thích cách tính giá bậc thang.",
    }
    body.update(changes)
    return body


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def live_server(app: FastAPI) -> Iterator[str]:
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
