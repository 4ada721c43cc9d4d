"""/api/v1/topics, /api/v1/units and /api/v1/stats: reference data and aggregate figures."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from opiniondesk.accounts.access import Action, require, scope_for
from opiniondesk.accounts.principal import Principal
from opiniondesk.api import repository as repo
from opiniondesk.api.errors import ApiRoute
from opiniondesk.api.schemas import StatsPublic, TopicPublic, UnitPublic
from opiniondesk.api.stats import stats_for
from opiniondesk.api.unit_search import search_units
from opiniondesk.geo.gazetteer import get_gazetteer
from opiniondesk.web.deps import CurrentUser, SessionDep, SettingsDep

router = APIRouter(tags=["reference"], route_class=ApiRoute)

Reader = Annotated[Principal, require(Action.dashboard_view)]


@router.get("/topics", response_model=list[TopicPublic])
def list_topics(_reader: Reader, session: SessionDep) -> list[TopicPublic]:
    """Cây chủ đề với nhãn Việt và Anh / The topic tree with Vietnamese and English labels."""
    return [
        TopicPublic(
            code=topic.code,
            parent_code=topic.parent_code,
            label_vi=topic.label_vi,
            label_en=topic.label_en,
            active=topic.active,
        )
        for topic in repo.topics(session)
    ]


@router.get("/units", response_model=list[UnitPublic])
def find_units(
    _user: CurrentUser,
    q: Annotated[
        str, Query(min_length=1, max_length=100, description="tên hoặc mã / name or code")
    ],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> list[UnitPublic]:
    """Tìm tỉnh, xã/phường theo tên, có dấu hay không / Find provinces and communes by name,
    with or without diacritics (for unit pickers)."""
    gazetteer = get_gazetteer()
    return [
        UnitPublic(
            code=unit.code,
            level=unit.level.value,
            name=unit.name,
            short_name=unit.short_name,
            province_code=unit.province_code,
            province_name=gazetteer.province_name(unit.province_code),
        )
        for unit in search_units(q, limit=limit)
    ]


@router.get("/stats", response_model=StatsPublic)
def stats(reader: Reader, session: SessionDep, settings: SettingsDep) -> StatsPublic:
    """Các con số của `opiniondesk stats --json` trong đơn vị của bạn, ô nhỏ bị ẩn (null) /
    The figures of `opiniondesk stats --json` for your units, small cells suppressed (null)."""
    scope = scope_for(reader, Action.dashboard_view)
    return StatsPublic(**stats_for(session, scope, min_group_size=settings.min_group_size))
