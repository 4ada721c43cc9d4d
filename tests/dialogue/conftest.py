"""Dialogue tests use cheap password hashes: they test the workflow, not argon2."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.accounts.builders import cheap_passwords  # noqa: F401  (fixture)


@pytest.fixture(autouse=True)
def _cheap_hashes(cheap_passwords: None) -> Iterator[None]:  # noqa: F811
    yield
