"""Limit/offset pagination shared by the list endpoints."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Query

MAX_LIMIT = 500


@dataclass(frozen=True, slots=True)
class PageRequest:
    limit: int
    offset: int


def page_request(
    limit: Annotated[
        int, Query(ge=1, le=MAX_LIMIT, description="Số dòng tối đa / rows per page")
    ] = 50,
    offset: Annotated[int, Query(ge=0, description="Bỏ qua bao nhiêu dòng / rows to skip")] = 0,
) -> PageRequest:
    return PageRequest(limit=limit, offset=offset)


PageDep = Annotated[PageRequest, Depends(page_request)]
