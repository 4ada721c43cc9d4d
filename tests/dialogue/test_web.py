"""The dialogue pages through HTTP: a citizen asks on the public form, staff moderate, run the
show, record a commitment, and the public page and the minute show the outcome. Refusals:
wrong role, another province, missing CSRF token, closed intake, contact without consent."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from docx import Document as open_docx
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from opiniondesk.cases.deadlines import add_working_days, local_day
from opiniondesk.dialogue import moderation
from opiniondesk.dialogue import repository as repo
from opiniondesk.dialogue.models import AskerContact, Commitment, Question
from opiniondesk.storage.base import utcnow
from opiniondesk.web.portal import entries
from tests.accounts.builders import BA_DINH, csrf_from, make_user, signed_in
from tests.cases.builders import Office
from tests.dialogue.builders import make_session

XSS = '"><script>alert(1)</script>'
ROAD = "Bao giờ thì sửa đoạn đường Nguyễn Trãi bị lún sụt trước chợ?"
ROAD_TEENCODE = "duong nguyen trai truoc cho lun qua, bao h dc sua v a"


@pytest.fixture
def open_session(desk) -> int:  # type: ignore[no-untyped-def]
    return make_session(desk.sessions, utcnow())


def public_ask(client: TestClient, sid: int, data: dict[str, str]):  # type: ignore[no-untyped-def]
    page = client.get(f"/cong-khai/doi-thoai/{sid}")
    assert page.status_code == 200
    return client.post(
        f"/cong-khai/doi-thoai/{sid}/hoi",
        data={"csrf_token": csrf_from(page.text), **data},
        follow_redirects=False,
    )


def staff_post(client: TestClient, path: str, data: dict[str, object], page: str):  # type: ignore[no-untyped-def]
    token = csrf_from(client.get(page).text)
    return client.post(path, data={"csrf_token": token, **data}, follow_redirects=False)


def test_public_form_groups_and_guards(desk, client: TestClient, open_session: int) -> None:  # type: ignore[no-untyped-def]
    sid = open_session
    for lang in ("en", "vi"):  # the language is remembered: Vietnamese last
        html = client.get(f"/cong-khai/doi-thoai/{sid}?lang={lang}").text
        assert f'<html lang="{lang}">' in html and 'name="text"' in html
    first = public_ask(client, sid, {"text": ROAD})
    assert first.status_code == 303 and "done=new" in first.headers["location"]
    again = public_ask(client, sid, {"text": ROAD})
    assert "done=duplicate" in again.headers["location"]
    assert "Bạn đã gửi câu hỏi này rồi" in client.get(again.headers["location"]).text
    no_consent = public_ask(
        client, sid, {"text": XSS + " khi nào sửa cống?", "phone": "0912345678"}
    )
    assert no_consent.status_code == 422 and "đánh dấu ô đồng ý" in no_consent.text
    assert "<script>alert(1)" not in no_consent.text
    with_consent = public_ask(
        client,
        sid,
        {"text": "Khi nào tổ 5 có cống thoát nước?", "phone": "0912345678", "consent": "yes"},
    )
    assert with_consent.status_code == 303
    other_browser = TestClient(client.app)
    teen = public_ask(other_browser, sid, {"text": ROAD_TEENCODE})
    assert "done=attached" in teen.headers["location"]
    with desk.sessions() as session:
        assert session.scalar(select(func.count(AskerContact.id))) == 1
        counts = sorted(repo.people_per_group(session, sid).values())
        assert counts == [1, 2]
        stored = session.scalars(select(Question.text)).all()
        assert all("0912345678" not in text for text in stored)
    missing_token = client.post(f"/cong-khai/doi-thoai/{sid}/hoi", data={"text": ROAD})
    assert missing_token.status_code == 403
    # the listing of the portal offers the session
    with desk.sessions() as session:
        assert any(
            e.url == f"/cong-khai/doi-thoai/{sid}" for e in entries(session, "sessions", "vi")
        )


def test_support_button_counts_each_browser_once(
    desk, client: TestClient, open_session: int
) -> None:  # type: ignore[no-untyped-def]
    sid = open_session
    public_ask(client, sid, {"text": ROAD})
    with desk.sessions.begin() as session:
        (group_id,) = repo.people_per_group(session, sid)
    neighbour = TestClient(client.app)
    token = csrf_from(neighbour.get(f"/cong-khai/doi-thoai/{sid}").text)
    path = f"/cong-khai/doi-thoai/{sid}/ung-ho/{group_id}"
    unread = neighbour.post(path, data={"csrf_token": token}, follow_redirects=False)
    assert unread.status_code == 404  # not published yet: nothing to support
    with desk.sessions.begin() as session:
        moderation.publish(session, sid, group_id)
    token = csrf_from(neighbour.get(f"/cong-khai/doi-thoai/{sid}").text)
    path = f"/cong-khai/doi-thoai/{sid}/ung-ho/{group_id}"
    first = neighbour.post(path, data={"csrf_token": token}, follow_redirects=False)
    second = neighbour.post(path, data={"csrf_token": token}, follow_redirects=False)
    assert "done=supported" in first.headers["location"]
    assert "done=counted" in second.headers["location"]
    mine = client.post(
        path,
        data={"csrf_token": csrf_from(client.get(f"/cong-khai/doi-thoai/{sid}").text)},
        follow_redirects=False,
    )
    assert "done=counted" in mine.headers["location"]  # the asker is counted already
    with desk.sessions() as session:
        assert repo.people_per_group(session, sid) == {group_id: 2}


def test_closed_intake_refuses_questions(desk, client: TestClient) -> None:  # type: ignore[no-untyped-def]
    sid = make_session(desk.sessions, utcnow() - timedelta(days=10))  # over a week ago
    page = client.get(f"/cong-khai/doi-thoai/{sid}")
    assert 'name="text"' not in page.text
    refused = client.post(
        f"/cong-khai/doi-thoai/{sid}/hoi",
        data={"csrf_token": csrf_from(client.get("/login").text), "text": ROAD},
        follow_redirects=False,
    )
    assert refused.status_code == 409


def test_staff_flow_to_public_page_and_minute(desk, office: Office, client: TestClient) -> None:  # type: ignore[no-untyped-def]
    signed_in(client, "chuyenvien")
    now = utcnow()
    local = now + timedelta(hours=7)
    created = staff_post(
        client,
        "/doi-thoai",
        {
            "title": "Đối thoại phường Ba Đình " + XSS,
            "description": "",
            "starts_at": f"{local + timedelta(days=1):%Y-%m-%dT%H:%M}",
            "ends_at": f"{local + timedelta(days=1, hours=2):%Y-%m-%dT%H:%M}",
            "intake_opens_at": f"{local - timedelta(hours=1):%Y-%m-%dT%H:%M}",
            "intake_closes_at": f"{local + timedelta(days=1, hours=1):%Y-%m-%dT%H:%M}",
            "medium": "radio",
            "unit_codes": BA_DINH,
            "leaders": "Chủ tịch UBND phường",
        },
        "/doi-thoai",
    )
    assert created.status_code == 303, created.text
    sid = int(created.headers["location"].split("/")[2].split("?")[0])
    moderation = client.get(f"/doi-thoai/{sid}?lang=en")
    assert moderation.status_code == 200 and "<script>alert(1)" not in moderation.text
    page = f"/doi-thoai/{sid}"
    assert client.get(page + "?lang=vi").status_code == 200  # back to Vietnamese (remembered)
    hotline = staff_post(client, f"{page}/cau-hoi", {"text": ROAD, "phone": ""}, page)
    assert hotline.status_code == 303
    csv_file = (
        "Nội dung,Người gửi\n"
        + f'"{ROAD_TEENCODE}"'
        + ",an\nKhi nào trường tiểu học xã xây thêm phòng học?,binh\n"
    )
    token = csrf_from(client.get(page).text)
    imported = client.post(
        f"{page}/nhap",
        data={"csrf_token": token},
        files={"file": ("cau-hoi.csv", csv_file.encode(), "text/csv")},
    )
    assert imported.status_code == 200 and "Đã nhập 2 câu hỏi" in imported.text
    with desk.sessions() as session:
        counts = repo.people_per_group(session, sid)
    road_group = max(counts, key=lambda g: counts[g])
    assert counts[road_group] == 2  # the hotline caller and the imported teencode row
    renamed = staff_post(
        client, f"{page}/nhom/{road_group}/rename", {"title": "Sửa đường Nguyễn Trãi"}, page
    )
    assert renamed.status_code == 303
    show = f"{page}/truc-tiep"
    assert client.get(show).status_code == 200
    on_air = staff_post(client, f"{page}/nhom/{road_group}/on-air", {"back": "show"}, show)
    assert on_air.headers["location"].startswith(show)
    answered = staff_post(
        client,
        f"{page}/nhom/{road_group}/answered",
        {"back": "show", "summary": "Phường sửa xong trong tháng 12."},
        show,
    )
    assert answered.status_code == 303
    deadline = add_working_days(local_day(now), 10)
    committed = staff_post(
        client,
        f"{page}/nhom/{road_group}/commitment",
        {
            "back": "show",
            "text": "Sửa mặt đường Nguyễn Trãi trước chợ",
            "agency": str(office.ward.id),
            "deadline": deadline.isoformat(),
        },
        show,
    )
    assert committed.status_code == 303, committed.text
    with desk.sessions() as session:
        commitment = session.scalars(select(Commitment)).one()
        assert commitment.deadline == deadline
    assert f"/cases/{commitment.case_id}" in client.get(show).text
    case_page = client.get(f"/cases/{commitment.case_id}")
    assert case_page.status_code == 200 and "Sửa mặt đường Nguyễn Trãi" in case_page.text
    minute = client.get(f"{page}/bien-ban.docx")
    assert minute.status_code == 200
    text = "\n".join(p.text for p in open_docx(io.BytesIO(minute.content)).paragraphs)
    cells = [
        c.text
        for t in open_docx(io.BytesIO(minute.content)).tables
        for r in t.rows
        for c in r.cells
    ]
    assert "BIÊN BẢN" in text
    assert "Phường sửa xong trong tháng 12." in cells
    assert "Sửa mặt đường Nguyễn Trãi trước chợ" in cells and "Đang thực hiện" in cells
    client.cookies.clear()
    public = client.get(f"/cong-khai/doi-thoai/{sid}").text
    assert "Phường sửa xong trong tháng 12." in public
    assert "Sửa mặt đường Nguyễn Trãi trước chợ" in public and "Đang thực hiện" in public
    assert "UBND phường Ba Đình" in public


def test_reject_and_merge_through_the_page(
    desk, office: Office, client: TestClient, open_session: int
) -> None:  # type: ignore[no-untyped-def]
    sid = open_session
    public_ask(client, sid, {"text": ROAD})
    public_ask(client, sid, {"text": "Khi nào trường tiểu học xã xây thêm phòng học?"})
    public_ask(client, sid, {"text": "Vì sao điện khu vực xóm Mới hay mất vào buổi tối?"})
    signed_in(client, "lanhdao")
    page = f"/doi-thoai/{sid}"
    with desk.sessions.begin() as session:
        road, school, power = sorted(repo.people_per_group(session, sid))
    assert "xóm Mới" not in client.get(f"/cong-khai/doi-thoai/{sid}").text  # unread: not public
    published = staff_post(client, f"{page}/nhom/{power}/publish", {}, page)
    assert published.status_code == 303
    assert "xóm Mới" in client.get(f"/cong-khai/doi-thoai/{sid}").text
    empty_reason = staff_post(client, f"{page}/nhom/{power}/reject", {"reason": " "}, page)
    assert empty_reason.status_code == 422 and "lý do" in empty_reason.text
    rejected = staff_post(
        client, f"{page}/nhom/{power}/reject", {"reason": "Ngoài thẩm quyền"}, page
    )
    assert rejected.status_code == 303
    merged = staff_post(client, f"{page}/nhom/{school}/merge", {"into": str(road)}, page)
    assert merged.status_code == 303
    with desk.sessions() as session:
        assert repo.people_per_group(session, sid) == {road: 1}  # one browser asked all three
    html = client.get(page).text
    assert "Ngoài thẩm quyền" in html
    public = client.get(f"/cong-khai/doi-thoai/{sid}").text
    assert "xóm Mới" not in public  # a rejected group is never public


def test_access(desk, office: Office, client: TestClient, open_session: int) -> None:  # type: ignore[no-untyped-def]
    sid = open_session
    anonymous = client.get(f"/doi-thoai/{sid}", follow_redirects=False)
    assert anonymous.status_code == 303 and "/login" in anonymous.headers["location"]
    make_user(desk.sessions, "ctv", "collaborator", (BA_DINH,))
    signed_in(client, "ctv")
    assert client.get("/doi-thoai").status_code == 403
    client.cookies.clear()
    signed_in(client, "lanhdao.hcm")  # a leader, but of another province
    assert client.get(f"/doi-thoai/{sid}").status_code == 403
    assert client.get(f"/doi-thoai/{sid}/bien-ban.docx").status_code == 403
    assert str(sid) not in client.get("/doi-thoai").text.split("doi-thoai/")[-1][:5]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_dialogue_page_renders(desk, office: Office, client: TestClient, lang: str) -> None:  # type: ignore[no-untyped-def]
    sid = make_session(desk.sessions, utcnow())
    past = make_session(desk.sessions, utcnow() - timedelta(days=10))
    public_ask(client, sid, {"text": ROAD})
    public_ask(client, sid, {"text": "Khi nào nâng cấp đường Nguyễn Trãi?"})  # a suggestion
    signed_in(client, "chuyenvien")
    pages = [
        "/doi-thoai",
        f"/doi-thoai/{sid}",
        f"/doi-thoai/{sid}/sua",
        f"/doi-thoai/{sid}/truc-tiep",
        f"/cong-khai/doi-thoai/{sid}",
        f"/cong-khai/doi-thoai/{past}",
        "/cong-khai/doi-thoai",
    ]
    for path in pages:
        response = client.get(f"{path}?lang={lang}")
        assert response.status_code == 200, path
        assert f'<html lang="{lang}">' in response.text, path
    suggestions = client.get(f"/doi-thoai/{sid}?lang={lang}").text
    assert "/accept" in suggestions  # the suggestion block rendered
    assert client.get(f"/cong-khai/doi-thoai/999?lang={lang}").status_code == 404
    listing = client.get(f"/cong-khai/doi-thoai?lang={lang}").text
    assert f'href="/cong-khai/doi-thoai/{sid}"' in listing
    assert f'href="/cong-khai/doi-thoai/{past}"' in listing


def test_staff_cannot_hold_a_session_over_other_units(
    desk, office: Office, client: TestClient
) -> None:  # type: ignore[no-untyped-def]
    signed_in(client, "chuyenvien")  # an analyst in Hà Nội
    data = {
        "title": "Đối thoại",
        "description": "",
        "starts_at": "2027-01-10T08:00",
        "ends_at": "2027-01-10T11:00",
        "intake_opens_at": "2027-01-01T08:00",
        "intake_closes_at": "2027-01-10T07:00",
        "medium": "hall",
        "leaders": "",
    }
    elsewhere = staff_post(
        client, "/doi-thoai", data | {"unit_codes": f"{BA_DINH} 79"}, "/doi-thoai"
    )
    assert elsewhere.status_code == 403
    unknown = staff_post(client, "/doi-thoai", data | {"unit_codes": "99999"}, "/doi-thoai")
    assert unknown.status_code == 422
    bad_time = staff_post(
        client, "/doi-thoai", data | {"unit_codes": BA_DINH, "ends_at": "x"}, "/doi-thoai"
    )
    assert bad_time.status_code == 422 and "2026-12-05T08:00" in bad_time.text
