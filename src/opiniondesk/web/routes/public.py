"""The public portal (/cong-khai, also /public), readable without signing in: its home page,
the published answers to cases (/cong-khai/tra-loi, /cong-khai/{id}), and, from their own
modules, clarifications of claims and the citizens' feedback form. It shows only what was
approved for publication; see `cases.public` and `claims.public`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from opiniondesk.cases import repository as repo
from opiniondesk.cases.public import PublicCase, published_case, published_cases
from opiniondesk.claims.public import published_clarifications
from opiniondesk.storage.base import utcnow
from opiniondesk.web import portal
from opiniondesk.web.deps import SessionDep, SettingsDep, TemplatesDep, TranslatorDep
from opiniondesk.web.i18n import Translator
from opiniondesk.web.routes import portal_clarifications, portal_feedback
from opiniondesk.web.routes import portal_sections as sections
from opiniondesk.web.routes.portal_common import PageQuery, Pager, Visitor, public_day

router = APIRouter()
router.include_router(portal_clarifications.router)
router.include_router(portal_feedback.router)

HOME_ITEMS = 5  # per section on the home page: it stays light on a slow connection
ANSWERS_PER_PAGE = 10  # each with its full answers: a page stays well under 200 kB


def _cases(cases: list[PublicCase], t: Translator, topics: dict[str, str]) -> list[dict[str, Any]]:
    return [
        {
            "id": c.id,
            "title": c.title,
            "summary": c.summary,
            "unit": c.unit.split(" · ", 1)[-1],  # the name a citizen knows, not "00004 · …"
            "topic": topics.get(c.topic_code, ""),
            "published": public_day(c.published_on, t),
            "related": c.related_opinions,
            "answers": [
                {"agency": a.agency_name, "day": public_day(a.answered_on, t), "text": a.text}
                for a in c.answers
            ],
        }
        for c in cases
    ]


@router.get("/cong-khai", response_class=HTMLResponse)
def portal_home(
    request: Request,
    _visitor: Visitor,
    session: SessionDep,
    settings: SettingsDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    now = utcnow()
    cases = published_cases(session, min_group_size=settings.min_group_size, limit=HOME_ITEMS)
    topics = repo.topic_labels(session, {c.topic_code for c in cases}, t.language)
    clarifications = published_clarifications(session, now=now, limit=HOME_ITEMS)
    upcoming, past = sections.split_sessions(portal.entries(session, "sessions", t.language), now)
    context = {
        "t": t,
        "lang": t.language,
        "cases": _cases(cases, t, topics),
        "clarifications": [
            portal_clarifications.summary(c, t) for c in clarifications[:HOME_ITEMS]
        ],
        "sessions_registered": "sessions" in portal.sections(),
        "upcoming": sections.shown(upcoming[:HOME_ITEMS], t),
        "past": sections.shown(past[:HOME_ITEMS], t),
        "consultations_registered": "consultations" in portal.sections(),
        "consultations": sections.shown(
            portal.entries(session, "consultations", t.language)[:HOME_ITEMS], t
        ),
    }
    return templates.TemplateResponse(request, "public/home.html", context)


@router.get("/cong-khai/tra-loi", response_class=HTMLResponse)
def public_list(
    request: Request,
    _visitor: Visitor,
    session: SessionDep,
    settings: SettingsDep,
    t: TranslatorDep,
    templates: TemplatesDep,
    page: PageQuery = 1,
) -> Response:
    total = len(repo.published_case_ids(session))
    pages = Pager(page, ANSWERS_PER_PAGE, has_older=total > page * ANSWERS_PER_PAGE)
    shown: list[PublicCase] = []
    if pages.start < total:  # past the last page there is nothing to build
        shown = published_cases(session, min_group_size=settings.min_group_size, limit=pages.end)[
            pages.start :
        ]
    topics = repo.topic_labels(session, {c.topic_code for c in shown}, t.language)
    context = {
        "t": t,
        "lang": t.language,
        "k": settings.min_group_size,
        "cases": _cases(shown, t, topics),
        "pager": pages,
    }
    return templates.TemplateResponse(request, "public/list.html", context)


@router.get("/cong-khai/{case_id:int}", response_class=HTMLResponse)
def public_case(
    request: Request,
    case_id: int,
    _visitor: Visitor,
    session: SessionDep,
    settings: SettingsDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    case = published_case(session, case_id, min_group_size=settings.min_group_size)
    topics = repo.topic_labels(session, {case.topic_code}, t.language)
    context = {
        "t": t,
        "lang": t.language,
        "k": settings.min_group_size,
        "case": _cases([case], t, topics)[0],
    }
    return templates.TemplateResponse(request, "public/detail.html", context)


@router.get("/public")
def public_alias(_visitor: Visitor) -> Response:
    return RedirectResponse("/cong-khai", status_code=308)


@router.get("/public/{case_id:int}")
def public_case_alias(case_id: int, _visitor: Visitor) -> Response:
    return RedirectResponse(f"/cong-khai/{case_id}", status_code=308)
