"""Survey pages: fill in a questionnaire on the web — a collaborator interviewing someone
(recorded as assisted) or anyone through the survey's public link `/khao-sat/{token}` — with
the form's skip logic and constraints live in the browser and checked again on the server;
the results page (weighted shares with 95% CI whiskers as SVG, small groups suppressed), with
a question broken down by a select_one question (`?q=…&by=…`) or a crosstab
(`?rows=…&columns=…`), both computed by surveys.analysis as the CLI does; its CSV/XLSX export
(with the same `by`), and opening or closing the public link."""

from __future__ import annotations

import re
import uuid
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, BackgroundTasks, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

from opiniondesk.accounts import audit
from opiniondesk.accounts.access import Action, require
from opiniondesk.accounts.principal import Principal
from opiniondesk.errors import InputError
from opiniondesk.storage.base import utcnow
from opiniondesk.surveys import analysis, export, fill, service
from opiniondesk.surveys import repository as repo
from opiniondesk.surveys.charts import BarCluster, ShareBar, grouped_share_chart, share_chart
from opiniondesk.surveys.feed import feed_open_answers, open_answers
from opiniondesk.surveys.form import Question, SurveyForm
from opiniondesk.surveys.models import ResponseMode, Survey
from opiniondesk.web.deps import SessionDep, SettingsDep, TemplatesDep, TranslatorDep
from opiniondesk.web.i18n import Translator

router = APIRouter()

Interviewer = Annotated[Principal, require(Action.field_reports_submit)]
Viewer = Annotated[Principal, require(Action.field_reports_view)]
Manager = Annotated[Principal, require(Action.surveys_manage)]
Visitor = Annotated[Principal | None, require(Action.public)]


def _label(labels: dict[str, str], language: str, fallback: str) -> str:
    return labels.get(language) or labels.get("en") or labels.get("vi") or fallback


def _fill_page(
    request: Request,
    templates: TemplatesDep,
    t: Translator,
    form: SurveyForm,
    *,
    action: str,
    public: bool,
    values: dict[str, list[str]],
    errors: dict[str, str],
    status: int = 200,
    limited: bool = False,
) -> Response:
    questions = [
        {
            "path": q.path,
            "kind": q.kind,
            "label": _label(q.labels, t.language, q.name),
            "hint": _label(q.hint, t.language, "") if q.hint else "",
            "required": q.required,
            "relevant": " and ".join(r for r in [*q.group_relevant, q.relevant] if r),
            "choices": [(c.name, _label(c.labels, t.language, c.name)) for c in q.choices],
            "given": values.get(q.path, []),
            "error": fill.message_for(q, errors[q.path], t.language, t) if q.path in errors else "",
        }
        for q in form.questions
    ]
    context = {
        "t": t,
        "lang": t.language,
        "form": form,
        "questions": questions,
        "rules": fill.client_rules(form, t.language, t),
        "action": action,
        "public": public,
        # a re-rendered page keeps its id, so fixing an error and sending again lands once
        "instance_id": _instance(values.get("instance_id", [""])[0]) or str(uuid.uuid4()),
        "done": request.query_params.get("done") == "1",
        "has_errors": bool(errors),
        "limited": limited,
    }
    return templates.TemplateResponse(request, "surveys/fill.html", context, status_code=status)


def _instance(text: str) -> str | None:
    try:
        return str(uuid.UUID(text))
    except ValueError:
        return None


def _submitted(data: FormData) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for key, value in data.multi_items():
        if isinstance(value, str) and key != "csrf_token":
            values.setdefault(key, []).append(value)
    return values


def _feed_later(
    request: Request,
    background: BackgroundTasks,
    survey: Survey,
    form: SurveyForm,
    instance: str,
    answers: dict[str, Any],
    source: str,
) -> None:
    texts = [q.path for q in form.questions if q.kind == "text"]
    # after the response, hence after the commit: the pipeline has its own transactions
    background.add_task(
        feed_open_answers,
        request.app.state.settings,
        request.app.state.session_factory,
        open_answers(survey.form_id, instance, answers, texts),
        source=source,
    )


@router.get("/surveys/{form_id}/fill")
def fill_page(
    form_id: str,
    request: Request,
    session: SessionDep,
    interviewer: Interviewer,
    templates: TemplatesDep,
    t: TranslatorDep,
) -> Response:
    form = service.form_of(service.get_survey(session, form_id))
    action = f"/surveys/{form_id}/fill"
    return _fill_page(
        request, templates, t, form, action=action, public=False, values={}, errors={}
    )


@router.post("/surveys/{form_id}/fill")
async def submit_fill(
    form_id: str,
    request: Request,
    session: SessionDep,
    interviewer: Interviewer,
    templates: TemplatesDep,
    t: TranslatorDep,
    background: BackgroundTasks,
) -> Response:
    survey = service.get_survey(session, form_id)
    form = service.form_of(survey)
    values = _submitted(await request.form())
    checked = fill.check(form, values)
    action = f"/surveys/{form_id}/fill"
    if checked.errors:
        return _fill_page(
            request,
            templates,
            t,
            form,
            action=action,
            public=False,
            values=values,
            errors=checked.errors,
            status=422,
        )
    instance = _instance(values.get("instance_id", [""])[0]) or str(uuid.uuid4())
    stored = service.store_filled_in(
        session, survey, checked.answers, instance_id=instance, mode=ResponseMode.assisted
    )
    if stored is not None:
        audit.record(
            session,
            actor=interviewer,
            action="survey.response",
            object_type="survey",
            object_id=survey.id,
            request=request,
        )
        _feed_later(request, background, survey, form, instance, stored, f"web:{form_id}")
    return RedirectResponse(f"{action}?done=1", status_code=303)


@router.get("/khao-sat/{token}")
def public_fill_page(
    token: str,
    request: Request,
    session: SessionDep,
    _visitor: Visitor,
    templates: TemplatesDep,
    t: TranslatorDep,
) -> Response:
    survey, _ = service.public_survey(session, token)
    return _fill_page(
        request,
        templates,
        t,
        service.form_of(survey),
        action=f"/khao-sat/{token}",
        public=True,
        values={},
        errors={},
    )


@router.post("/khao-sat/{token}")
async def public_submit(
    token: str,
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    _visitor: Visitor,
    templates: TemplatesDep,
    t: TranslatorDep,
    background: BackgroundTasks,
) -> Response:
    survey, link = service.public_survey(session, token)
    form = service.form_of(survey)
    values = _submitted(await request.form())
    checked = fill.check(form, values)
    action = f"/khao-sat/{token}"
    if checked.errors:
        return _fill_page(
            request,
            templates,
            t,
            form,
            action=action,
            public=True,
            values=values,
            errors=checked.errors,
            status=422,
        )
    instance = _instance(values.get("instance_id", [""])[0])
    if instance is None:  # the page always sends one; without it a retry could not be matched
        raise InputError(t("surveys_public_no_instance"))
    if repo.has_response(session, survey.id, instance):  # a retry: already counted, land once
        return RedirectResponse(f"{action}?done=1", status_code=303)
    address = request.client.host if request.client else "unknown"
    key = service.client_key(settings.secret_key, address)
    if not service.admit_public_response(session, link, key=key, now=utcnow()):
        return _fill_page(
            request,
            templates,
            t,
            form,
            action=action,
            public=True,
            values=values,
            errors={},
            status=429,
            limited=True,
        )
    stored = service.store_filled_in(
        session, survey, checked.answers, instance_id=instance, mode=ResponseMode.self_completed
    )
    if stored is not None:
        _feed_later(request, background, survey, form, instance, stored, f"link:{survey.form_id}")
    return RedirectResponse(f"{action}?done=1", status_code=303)


@router.post("/surveys/{form_id}/link")
def open_public_link(
    form_id: str, request: Request, session: SessionDep, manager: Manager
) -> Response:
    survey = service.get_survey(session, form_id)
    link = service.open_link(session, survey)
    audit.record(
        session,
        actor=manager,
        action="survey.link_open",
        object_type="survey",
        object_id=survey.id,
        request=request,
        details={"link_id": link.id},
    )
    return RedirectResponse(f"/surveys/{form_id}", status_code=303)


@router.post("/surveys/{form_id}/link/close")
def close_public_link(
    form_id: str, request: Request, session: SessionDep, manager: Manager
) -> Response:
    survey = service.get_survey(session, form_id)
    link = service.close_link(session, survey)
    if link is not None:
        audit.record(
            session,
            actor=manager,
            action="survey.link_close",
            object_type="survey",
            object_id=survey.id,
            request=request,
            details={"link_id": link.id},
        )
    return RedirectResponse(f"/surveys/{form_id}", status_code=303)


def _share_bar(label: str, figure: dict[str, Any], t: Translator) -> ShareBar:
    low, high = max(0.0, figure["ci_low"]), min(1.0, figure["ci_high"])
    return ShareBar(
        label=label,
        share=figure["value"],
        low=low,
        high=high,
        text=t(
            "survey_share",
            share=f"{figure['value'] * 100:.1f}",
            low=f"{low * 100:.1f}",
            high=f"{high * 100:.1f}",
        ),
    )


def _choice_names(question: Question, language: str) -> dict[str, str]:
    return {c.name: _label(c.labels, language, c.name) for c in question.choices}


def _share_chart(
    question: Any, overall: dict[str, Any], t: Translator, chart_id: str, title: str
) -> Any:
    names = _choice_names(question, t.language)
    bars = [
        _share_bar(names.get(key, key), figure, t) for key, figure in overall["estimates"].items()
    ]
    return share_chart(bars, chart_id=chart_id, title=title, desc=t("survey_chart_desc"))


ESTIMABLE = analysis.ESTIMABLE
SELECTS = ("select_one", "select_multiple")
GROUPINGS = ("select_one",)
KIND_NAMES = {ESTIMABLE: "surveys_kind_estimable", SELECTS: "surveys_kind_select"}


def _chosen(
    form: SurveyForm, value: str | None, param: str, kinds: tuple[str, ...], t: Translator
) -> Question | None:
    """The question a query parameter names, None when left empty; a name that is not a
    question of the right kind is the caller's mistake (422), said with the parameter's name
    and the names that would do."""
    if not value:
        return None
    question = form.question(value)
    if question is None or question.kind not in kinds:
        raise InputError(
            t(
                "surveys_breakdown_bad_param",
                param=param,
                value=value[:60],
                expected=t(KIND_NAMES.get(kinds, "surveys_kind_select_one")),
                allowed=", ".join(q.path for q in form.questions if q.kind in kinds),
            )
        )
    return question


def _missing(param: str, reason: str, t: Translator) -> InputError:
    return InputError(t("surveys_breakdown_missing_param", param=param, reason=t(reason)))


def _figure_text(figure: dict[str, Any], mean: bool) -> tuple[str, str]:
    """The estimate and its 95% interval as shown: shares in %, means as numbers."""
    if mean:
        return f"{figure['value']:.2f}", f"{figure['ci_low']:.2f} – {figure['ci_high']:.2f}"
    low, high = max(0.0, figure["ci_low"]), min(1.0, figure["ci_high"])
    return f"{figure['value'] * 100:.1f}%", f"{low * 100:.1f}% – {high * 100:.1f}%"


def _breakdown(
    form: SurveyForm,
    responses: Any,
    question: Question,
    by: Question | None,
    t: Translator,
    min_group_size: int,
) -> dict[str, Any]:
    """The page's view of analysis.estimate: the same figures, labelled and formatted."""
    figures = analysis.estimate(
        form,
        responses,
        question=question.path,
        by=by.path if by else None,
        min_group_size=min_group_size,
    )
    answers = _choice_names(question, t.language)
    groups_named = _choice_names(by, t.language) if by else {}
    mean = question.kind not in SELECTS
    title = _label(question.labels, t.language, question.name)
    groups = []
    for group in figures["groups"]:
        label = (
            t("surveys_breakdown_all")
            if group["group"] is None
            else groups_named.get(group["group"], group["group"])
        )
        rows = []
        for key, figure in group["estimates"].items():
            estimate_text, ci_text = _figure_text(figure, mean)
            rows.append(
                {
                    "answer": t("surveys_breakdown_mean") if mean else answers.get(key, key),
                    "key": key,
                    "estimate": estimate_text,
                    "ci": ci_text,
                    "deff": f"{figure['deff_kish']:.2f}",
                    "figure": figure,
                }
            )
        groups.append(
            {"label": label, "suppressed": group["suppressed"], "n": group["n"], "rows": rows}
        )
    by_title = _label(by.labels, t.language, by.name) if by else ""
    caption = (
        t("surveys_breakdown_caption", question=title, by=by_title)
        if by
        else t("surveys_breakdown_caption_all", question=title)
    )
    chart = None
    shown = [g for g in groups if not g["suppressed"]]
    if not mean and shown:
        # the first group shown is "All", whose answers include every group's
        clusters = [
            BarCluster(
                label=answers.get(row["key"], row["key"]),
                bars=[
                    _share_bar(g["label"], other["figure"], t)
                    for g in shown
                    for other in g["rows"]
                    if other["key"] == row["key"]
                ],
            )
            for row in shown[0]["rows"]
        ]
        chart = grouped_share_chart(
            clusters,
            chart_id="breakdown-chart",
            title=caption,
            desc=t("surveys_breakdown_chart_desc", k=min_group_size),
        )
    heading = f"{title} × {by_title}" if by else title
    return {
        "heading": heading,
        "caption": caption,
        "groups": groups,
        "chart": chart,
        "by_title": by_title,
    }


def _crosstab(
    form: SurveyForm,
    responses: Any,
    rows: Question,
    columns: Question,
    t: Translator,
    min_group_size: int,
) -> dict[str, Any]:
    """The page's view of analysis.crosstab: its cells, hidden ones shown as “<k”."""
    result = analysis.crosstab(
        form, responses, rows=rows.path, columns=columns.path, min_group_size=min_group_size
    )
    answers = _choice_names(rows, t.language)
    column_names = _choice_names(columns, t.language)
    hidden = f"<{min_group_size}"
    heads = [
        t(
            "surveys_crosstab_column",
            name=t("surveys_breakdown_all")
            if column["column"] is None
            else column_names.get(column["column"], column["column"]),
            n=hidden if column["suppressed"] else column["n"],
        )
        for column in result["table"]
    ]
    found = {key for column in result["table"] for key in column["cells"]}
    # the form's order of answers first, then answers the form does not list (old versions)
    keys = [c.name for c in rows.choices if c.name in found] + sorted(
        found - {c.name for c in rows.choices}
    )
    lines = []
    for key in keys:
        cells = []
        for column in result["table"]:
            cell = column["cells"].get(key)
            if column["suppressed"] or (cell is not None and cell["suppressed"]):
                cells.append({"text": hidden, "ci": "", "hidden": True})
            elif cell is None:
                cells.append({"text": "—", "ci": "", "hidden": False})
            else:
                share, ci = _figure_text(cell, mean=False)
                cells.append({"text": share, "ci": ci, "hidden": False, "figure": cell})
        lines.append({"answer": answers.get(key, key), "key": key, "cells": cells})
    row_title = _label(rows.labels, t.language, rows.name)
    column_title = _label(columns.labels, t.language, columns.name)
    return {
        "heading": f"{row_title} × {column_title}",
        "caption": t("surveys_crosstab_caption", rows=row_title, columns=column_title),
        "heads": heads,
        "lines": lines,
    }


def _options(form: SurveyForm, kinds: tuple[str, ...], language: str) -> list[tuple[str, str]]:
    return [(q.path, _label(q.labels, language, q.name)) for q in form.questions if q.kind in kinds]


@router.get("/surveys/{form_id}")
def results_page(
    form_id: str,
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    viewer: Viewer,
    templates: TemplatesDep,
    t: TranslatorDep,
    q: str | None = None,
    by: str | None = None,
    rows: str | None = None,
    columns: str | None = None,
) -> Response:
    survey = service.get_survey(session, form_id)
    form = service.form_of(survey)
    # the parameters are checked before any figure is computed: a bad one is a 422, not a 500
    question = _chosen(form, q, "q", ESTIMABLE, t)
    grouping = _chosen(form, by, "by", GROUPINGS, t)
    row_question = _chosen(form, rows, "rows", SELECTS, t)
    column_question = _chosen(form, columns, "columns", GROUPINGS, t)
    if grouping is not None and question is None:
        raise _missing("q", "surveys_breakdown_needs_q", t)
    if (row_question is None) != (column_question is None):
        raise _missing(
            "columns" if column_question is None else "rows", "surveys_crosstab_needs_both", t
        )
    responses = repo.responses_of(session, survey.id)
    k = settings.min_group_size
    charts: list[dict[str, Any]] = []
    for each in form.questions:
        if each.kind not in SELECTS:
            continue
        figures = analysis.estimate(form, responses, question=each.path, min_group_size=k)
        overall = figures["groups"][0]
        title = _label(each.labels, t.language, each.name)
        if overall["suppressed"]:
            charts.append({"title": title, "svg": None, "n": None})
            continue
        svg = _share_chart(each, overall, t, f"q-{len(charts)}", title)
        charts.append({"title": title, "svg": svg, "n": overall["n"]})
    link = repo.open_link_of(session, survey.id)
    context = {
        "t": t,
        "lang": t.language,
        "survey": survey,
        "respondents": len(responses),
        "modes": repo.count_by_mode(session, survey.id),
        "charts": charts,
        "min_group_size": k,
        "link": link,
        "link_url": f"{str(request.base_url).rstrip('/')}/khao-sat/{link.token}" if link else "",
        "may_manage": viewer.may(Action.surveys_manage.value),
        "picked": {
            "q": question.path if question else "",
            "by": grouping.path if grouping else "",
            "rows": row_question.path if row_question else "",
            "columns": column_question.path if column_question else "",
        },
        "estimable": _options(form, ESTIMABLE, t.language),
        "selects": _options(form, SELECTS, t.language),
        "groupings": _options(form, GROUPINGS, t.language),
        "export_query": f"?{urlencode({'by': grouping.path})}" if grouping else "",
        "breakdown": _breakdown(form, responses, question, grouping, t, k) if question else None,
        "crosstab": (
            _crosstab(form, responses, row_question, column_question, t, k)
            if row_question and column_question
            else None
        ),
    }
    return templates.TemplateResponse(request, "surveys/results.html", context)


@router.get("/surveys/{form_id}/estimates.{extension}")
def export_estimates(
    form_id: str,
    extension: str,
    session: SessionDep,
    settings: SettingsDep,
    viewer: Viewer,
    t: TranslatorDep,
    by: str | None = None,
) -> Response:
    if extension not in ("csv", "xlsx"):
        raise InputError(t("surveys_export_format", extension=extension[:10]))
    survey = service.get_survey(session, form_id)
    form = service.form_of(survey)
    grouping = _chosen(form, by, "by", GROUPINGS, t)
    rows = export.estimate_rows(
        form,
        repo.responses_of(session, survey.id),
        language=t.language,
        min_group_size=settings.min_group_size,
        by=grouping.path if grouping else None,
    )
    if extension == "csv":
        body, media = export.to_csv(rows, t.language), "text/csv; charset=utf-8"
    else:
        body = export.to_xlsx(rows, t.language)
        media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    safe_id = re.sub(r"[^A-Za-z0-9_.-]", "_", survey.form_id)[:80]
    filename = f"{safe_id}-estimates.{extension}"
    return Response(
        body,
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
