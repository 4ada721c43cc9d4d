"""The /api/v1 routers, one module per area; `router` includes them all."""

from __future__ import annotations

from fastapi import APIRouter

from opiniondesk.api.errors import ERROR_RESPONSES, ApiRoute
from opiniondesk.api.routes import alerts, cases, documents, reference

router = APIRouter(prefix="/api/v1", route_class=ApiRoute, responses=ERROR_RESPONSES)
for module in (documents, alerts, cases, reference):
    router.include_router(module.router)

# tags as they appear in /openapi.json
TAGS = [
    {"name": "documents", "description": "Ý kiến đã che thông tin cá nhân, nhãn và sửa nhãn / "
     "PII-redacted opinions, their labels, label corrections"},
    {"name": "alerts", "description": "Vấn đề mới nổi và bằng chứng / Emerging issues and "
     "their evidence"},
    {"name": "cases", "description": "Vấn đề nổi cộm: mở, giao, trả lời, duyệt, công bố / "
     "Cases: open, assign, answer, approve, publish"},
    {"name": "reference", "description": "Chủ đề, đơn vị hành chính, số liệu tổng hợp / "
     "Topics, administrative units, aggregate figures"},
]  # fmt: skip
