"""The citizens' feedback form: the place picker without JavaScript, errors that say what to do,
consent for contact details, redaction before storage, the same Open311 service path as
requests.json, a thank-you page with the request's number, a status page with the status only,
CSRF, and a per-visitor limit."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from opiniondesk.accounts.models import AuditEvent
from opiniondesk.open311.models import RequesterContact, ServiceRequest
from opiniondesk.storage.models import Document
from opiniondesk.web.routes import portal_feedback
from tests.accounts.builders import BA_DINH, csrf_from
from tests.conftest import DeskFixture

PHONE, EMAIL, CCCD = "0912345678", "nguyen.van.a@example.vn", "001085012345"
NAME = "Nguyễn Văn Bình"
DESCRIPTION = (
    f"Đèn đường ngõ 12 phố Đội Cấn hỏng cả tháng nay, tối đi lại rất nguy hiểm. Tôi là {NAME}, "
    f"số {PHONE}, CCCD {CCCD}."
)


def _form(visitor: TestClient, **fields: Any) -> dict[str, Any]:
    token = csrf_from(visitor.get("/cong-khai/gop-y").text)
    return {
        "csrf_token": token,
        "service_code": "utilities",
        "description": DESCRIPTION,
        "province": "01",
        "commune": BA_DINH,
        "action": "send",
        **fields,
    }


def _send(visitor: TestClient, **fields: Any) -> Any:
    return visitor.post("/cong-khai/gop-y", data=_form(visitor, **fields), follow_redirects=False)


def _count(desk: DeskFixture, model: Any) -> int:
    with desk.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _options(html: str, select_name: str) -> dict[str, str]:
    block = html.split(f'name="{select_name}"', 1)[1].split("</select>", 1)[0]
    return dict(re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', block))


def test_the_form_offers_open311_services_and_every_province(visitor: TestClient) -> None:
    html = visitor.get("/cong-khai/gop-y").text
    services = _options(html, "service_code")
    assert services["utilities"] == "Điện, nước sinh hoạt" and len(services) == 21  # + "choose"
    assert len(_options(html, "province")) == 35 and 'name="commune"' not in html
    for field in ("service_code", "description", "province", "place_query", "address_detail",
                  "full_name", "phone", "email", "consent"):  # fmt: skip
        assert f'<label for="fb-{field}">' in html, field  # every input has its label
    english = visitor.get("/cong-khai/gop-y?lang=en").text
    assert _options(english, "service_code")["utilities"] == "Electricity and water supply"


def test_the_place_picker_works_without_javascript(visitor: TestClient) -> None:
    typed = "Nội dung đang viết dở"
    by_province = visitor.post(
        "/cong-khai/gop-y", data=_form(visitor, action="places", commune="", description=typed)
    )
    assert by_province.status_code == 200
    communes = _options(by_province.text, "commune")
    assert communes[BA_DINH] == "Phường Ba Đình" and len(communes) == 127  # Hà Nội's 126
    assert f">{typed}</textarea>" in by_province.text  # what was typed is kept
    # searching without diacritics, across provinces; old names lead to the 2025 unit
    found = visitor.post(
        "/cong-khai/gop-y",
        data=_form(visitor, action="places", province="", commune="", place_query="ba dinh"),
    )
    assert _options(found.text, "commune")[BA_DINH] == "Phường Ba Đình, Thành phố Hà Nội"
    old = visitor.post(
        "/cong-khai/gop-y",
        data=_form(visitor, action="places", province="", commune="", place_query="Ben Nghe"),
    )
    assert "Phường Bến Nghé (cũ) → Phường Sài Gòn, Thành phố Hồ Chí Minh" in old.text
    nothing = visitor.post(
        "/cong-khai/gop-y",
        data=_form(visitor, action="places", province="", commune="", place_query="zzqx"),
    )
    assert "Không tìm thấy xã/phường nào" in nothing.text
    # a commune of another province is dropped when the province changes
    moved = visitor.post("/cong-khai/gop-y", data=_form(visitor, action="places", province="79"))
    assert f'value="{BA_DINH}" selected' not in moved.text


def test_errors_name_the_field_and_nothing_is_stored(
    desk: DeskFixture, visitor: TestClient
) -> None:
    refused = _send(
        visitor,
        service_code="nonsense",
        description="  ",
        province="",
        commune="",
        phone="gọi tôi",
        email="not-an-email",
    )
    assert refused.status_code == 422
    html = refused.text
    for anchor, words in (
        ("service_code", "Lĩnh vực: hãy chọn"),
        ("description", "Nội dung: hãy viết"),
        ("province", "Nơi xảy ra: hãy chọn"),
        ("phone", "Số điện thoại: chỉ gồm chữ số"),
        ("email", "E-mail: địa chỉ chưa đúng dạng"),
        ("consent", "Đồng ý: bạn đã điền thông tin liên hệ"),
    ):
        assert f'<a href="#fb-{anchor}">{words}' in html, anchor
        assert f'id="fb-{anchor}-error"' in html
    assert 'aria-invalid="true"' in html and 'value="gọi tôi"' in html  # kept to correct
    assert _count(desk, ServiceRequest) == 0 and _count(desk, Document) == 0


def test_a_sent_form_becomes_an_open311_request_redacted_and_followable(
    desk: DeskFixture, visitor: TestClient
) -> None:
    sent = _send(
        visitor,
        address_detail="ngõ 12 phố Đội Cấn",
        full_name="Nguyễn Văn An",
        phone=PHONE,
        email=EMAIL,
        consent="yes",
    )
    assert sent.status_code == 303, sent.text
    location = sent.headers["location"]
    number = int(location.split("/")[3])
    assert location == f"/cong-khai/gop-y/{number}/cam-on"
    thanks = visitor.get(location).text
    assert f"#{number}" in thanks and f'href="/cong-khai/gop-y/{number}"' in thanks

    with desk.sessions() as session:
        row = session.get(ServiceRequest, number)
        assert row is not None and row.service_code == "utilities"
        assert row.address_id == BA_DINH and "Phường Ba Đình" in row.address
        document = session.get(Document, row.document_id)
        assert document is not None
        for personal in (PHONE, CCCD, NAME):
            assert personal not in document.text  # redacted before it was stored
        assert "Đèn đường ngõ 12" in document.text
        contact = session.scalars(select(RequesterContact)).one()
        assert (contact.email, contact.phone) == (EMAIL, PHONE)
        assert (contact.last_name, contact.first_name) == ("Nguyễn", "Văn An")
        audit = session.scalars(select(AuditEvent).where(AuditEvent.action == "open311.request"))
        assert audit.one().object_id == str(number)

    status = visitor.get(f"/cong-khai/gop-y/{number}").text
    assert "Điện, nước sinh hoạt" in status and "Đã tiếp nhận, đang xem xét" in status
    for private in (EMAIL, PHONE, "Nguyễn Văn An", "Đội Cấn", "Đèn đường"):
        assert private not in status and private not in thanks
    # the same request, through the same service, as any Open311 client sees it
    (as_open311,) = visitor.get(f"/open311/v2/requests/{number}.json").json()
    assert as_open311["service_code"] == "utilities" and as_open311["status"] == "open"
    assert as_open311["address_id"] == BA_DINH and PHONE not in as_open311["description"]
    follow = visitor.get(f"/cong-khai/gop-y/theo-doi?ma=%23{number}", follow_redirects=False)
    assert follow.headers["location"] == f"/cong-khai/gop-y/{number}"
    assert visitor.get("/cong-khai/gop-y/987654").status_code == 404


def test_without_consent_no_contact_is_kept(desk: DeskFixture, visitor: TestClient) -> None:
    assert _send(visitor, commune="", province="79").status_code == 303
    with desk.sessions() as session:
        row = session.scalars(select(ServiceRequest)).one()
        assert row.address_id == "79" and row.address == "Thành phố Hồ Chí Minh"
    assert _count(desk, RequesterContact) == 0


def test_the_form_needs_its_csrf_token(desk: DeskFixture, visitor: TestClient) -> None:
    form = _form(visitor)
    del form["csrf_token"]
    refused = visitor.post("/cong-khai/gop-y", data=form, follow_redirects=False)
    assert refused.status_code == 403
    visitor.cookies.clear()  # a token from another visitor's cookie is no good either
    refused = visitor.post("/cong-khai/gop-y", data=_form(visitor) | {"csrf_token": "x"})
    assert refused.status_code == 403
    assert _count(desk, ServiceRequest) == 0


def test_one_visitor_is_limited(
    desk: DeskFixture, visitor: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(portal_feedback, "LIMITS", ((timedelta(minutes=15), 2),))
    assert [_send(visitor).status_code for _ in range(2)] == [303, 303]
    refused = _send(visitor)
    assert refused.status_code == 429
    assert "Vui lòng gửi lại sau" in refused.text
    assert _count(desk, ServiceRequest) == 2
