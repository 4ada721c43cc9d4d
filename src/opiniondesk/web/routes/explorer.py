"""The explorer pages: search with filters, one document with its annotations, and the
analyst's label correction. Results stay inside the reader's units; authors never appear."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from opiniondesk.accounts import audit
from opiniondesk.accounts.access import Action, can, require, scope_for
from opiniondesk.accounts.principal import Principal
from opiniondesk.analysis.classifiers.corrections import correct_label
from opiniondesk.analysis.classifiers.service import SENTIMENT_LABELS
from opiniondesk.analysis.taxonomy import OTHER_CODE
from opiniondesk.errors import InputError
from opiniondesk.explorer import repository, service
from opiniondesk.explorer.repository import DocumentFilters
from opiniondesk.pipeline.build import taxonomy_for
from opiniondesk.storage.models import ChannelKind
from opiniondesk.web.deps import SessionDep, SettingsDep, TemplatesDep, TranslatorDep
from opiniondesk.web.i18n import Translator

router = APIRouter()

Reader = Annotated[Principal, require(Action.documents_view)]
Corrector = Annotated[Principal, require(Action.labels_correct)]
CORRECTABLE = ("topic", "sentiment")
_TEXT_FIELDS = ("q", "province", "commune", "topic", "sentiment", "channel")


def _day(value: str, field: str, t: Translator) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(t("explorer_bad_date", field=field, value=value[:20])) from None


def _filters(form: dict[str, str], t: Translator) -> DocumentFilters:
    since, until = service.local_day_bounds(
        _day(form["from"], "from", t), _day(form["to"], "to", t)
    )
    if form["sentiment"] and form["sentiment"] not in SENTIMENT_LABELS:
        raise InputError(t("invalid_filter_value", field="sentiment"))
    if form["channel"] and form["channel"] not in {k.value for k in ChannelKind}:
        raise InputError(t("invalid_filter_value", field="channel"))
    return DocumentFilters(
        since=since,
        until=until,
        province=form["province"],
        commune=form["commune"],
        topic=form["topic"],
        sentiment=form["sentiment"],
        channel_kind=form["channel"],
        show_duplicates=form["duplicates"] == "1",
    )


@router.get("/explorer", response_class=HTMLResponse)
def explorer_page(
    request: Request,
    reader: Reader,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    params = request.query_params
    form = {k: params.get(k, "").strip()[:500] for k in (*_TEXT_FIELDS, "from", "to")}
    form["duplicates"] = params.get("duplicates", "")
    page_text = params.get("page", "1")
    if not page_text.isdigit():
        raise InputError(t("invalid_filter_value", field="page"))
    results = service.search(
        session,
        text=form["q"],
        filters=_filters(form, t),
        scope=scope_for(reader, Action.documents_view),
        page=int(page_text),
    )
    kept = {k: v for k, v in form.items() if v}
    context: dict[str, Any] = {
        "t": t,
        "lang": t.language,
        "form": form,
        "results": results,
        "prev_url": _page_url(kept, results.page - 1) if results.page > 1 else "",
        "next_url": _page_url(kept, results.page + 1) if results.page < results.pages else "",
        "topics": repository.topics(session),
        "provinces": repository.provinces(session),
        "sentiments": SENTIMENT_LABELS,
        "channels": [k.value for k in ChannelKind],
        "may_open_case": can(reader, Action.cases_open),
    }
    return templates.TemplateResponse(request, "explorer/search.html", context)


def _page_url(kept: dict[str, str], page: int) -> str:
    return "/explorer?" + urlencode({**kept, "page": page})


@router.get("/explorer/open-case")
def open_case_from_selection(
    request: Request,
    _opener: Annotated[Principal, require(Action.cases_open)],
) -> Response:
    """The result checkboxes arrive as repeated `documents`; the case form takes one list."""
    ids = [v for v in request.query_params.getlist("documents") if v.isdigit()][:200]
    return RedirectResponse("/cases/new?" + urlencode({"documents": ",".join(ids)}), 303)


@router.get("/explorer/{document_id}", response_class=HTMLResponse)
def document_page(
    request: Request,
    document_id: int,
    reader: Reader,
    session: SessionDep,
    settings: SettingsDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    view = service.document_view(session, document_id, scope_for(reader, Action.documents_view))
    doc = view.document
    may_correct = scope_for(reader, Action.labels_correct).allows(
        doc.province_code, doc.commune_code
    )
    context: dict[str, Any] = {
        "t": t,
        "lang": t.language,
        "view": view,
        "doc": doc,
        "may_correct": may_correct,
        "topic_choices": [
            (topic.code, topic.label_vi if t.language == "vi" else topic.label_en)
            for topic in taxonomy_for(settings)
        ]
        + [(OTHER_CODE, OTHER_CODE)],
        "sentiments": SENTIMENT_LABELS,
        "corrected": request.query_params.get("corrected", ""),
        "may_open_case": can(reader, Action.cases_open),
    }
    return templates.TemplateResponse(request, "explorer/detail.html", context)


@router.post("/explorer/{document_id}/labels")
def correct_document_label(
    request: Request,
    document_id: int,
    analyst: Corrector,
    session: SessionDep,
    settings: SettingsDep,
    t: TranslatorDep,
    task: Annotated[str, Form(max_length=20)],
    value: Annotated[str, Form(max_length=200)],
) -> Response:
    # the same 404 as the page: a document outside the analyst's units does not exist for them
    view = service.document_view(session, document_id, scope_for(analyst, Action.labels_correct))
    if task not in CORRECTABLE:
        raise InputError(t("invalid_filter_value", field="task"))
    done = correct_label(
        session,
        document_id=view.document.id,
        task=task,
        value=value,
        taxonomy=taxonomy_for(settings),
    )
    audit.record(
        session,
        actor=analyst,
        action="label.correct",
        object_type="document",
        object_id=done.document_id,
        request=request,
        details={"task": task, "value": done.value, "previous": done.previous},
    )
    return RedirectResponse(f"/explorer/{document_id}?corrected={task}", status_code=303)
