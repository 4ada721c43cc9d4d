"""A report's photo: GPS and other metadata are gone after upload, a replay stores nothing
twice, a file that is not an image is refused, and only viewers of the report's unit see it."""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from PIL import ExifTags, Image
from sqlalchemy import func, select

from opiniondesk.accounts.roles import Role
from opiniondesk.fieldwork import photos
from opiniondesk.fieldwork.models import ReportAttachment
from opiniondesk.web.app import create_app
from tests.accounts.builders import HANOI, HCMC, make_user, signed_in
from tests.conftest import DeskFixture
from tests.fieldwork.builders import collaborator_token, report

API = "/api/v1/field-reports"
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">toa-do-bi-mat</x:xmpmeta>'


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (120, 80), (200, 30, 30))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Orientation] = 6  # rotated: the clean photo must come out upright
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (21.0, 1.0, 30.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (105.0, 50.0, 10.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, xmp=XMP)
    return out.getvalue()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


@pytest.fixture
def api(desk: DeskFixture, cheap_passwords: None) -> Iterator[TestClient]:
    token = collaborator_token(desk.sessions)
    with TestClient(create_app(desk.settings, engine=desk.engine)) as client:
        client.headers["Authorization"] = f"Bearer {token}"
        yield client


def test_gps_exif_is_gone_after_upload(api: TestClient, desk: DeskFixture) -> None:
    original = jpeg_with_gps()
    with Image.open(io.BytesIO(original)) as before:
        assert before.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the test photo has a position
    response = api.post(API, json=report(photo=b64(original)))
    assert response.status_code == 201, response.text
    url = response.json()["photo_url"]
    assert url.startswith("/field-reports/photos/") and url.endswith(".jpg")
    with desk.sessions() as session:
        (attachment,) = session.scalars(select(ReportAttachment))
    stored = photos.path_for(desk.home, attachment.sha256, "jpg").read_bytes()
    assert b"PhoneMaker" not in stored and b"toa-do-bi-mat" not in stored
    assert b"Exif" not in stored
    with Image.open(io.BytesIO(stored)) as after:
        assert after.format == "JPEG"
        assert not after.getexif()
        assert not after.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert "xmp" not in after.info and "exif" not in after.info
        assert after.size == (80, 120)  # orientation applied to the pixels, then dropped


def test_replay_does_not_duplicate_the_attachment(api: TestClient, desk: DeskFixture) -> None:
    body = report(photo=b64(jpeg_with_gps()))
    first = api.post(API, json=body)
    again = api.post(API, json=body)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["photo_url"] == first.json()["photo_url"]
    with desk.sessions() as session:
        assert session.scalar(select(func.count()).select_from(ReportAttachment)) == 1
    files = [p for p in (desk.home / photos.DIRECTORY).rglob("*") if p.is_file()]
    assert len(files) == 1


@pytest.mark.parametrize(
    "payload",
    [
        b64(b"%PDF-1.4 not an image at all"),
        b64(b"GIF89a" + b"\x00" * 40),
        "not base64!!",
    ],
)
def test_what_is_not_a_photo_is_refused(api: TestClient, desk: DeskFixture, payload: str) -> None:
    response = api.post(API, json=report(photo=payload))
    assert response.status_code == 422
    with desk.sessions() as session:
        assert session.scalar(select(func.count()).select_from(ReportAttachment)) == 0


def test_png_and_webp_are_kept_in_their_format() -> None:
    for kind, media_type in (("PNG", "image/png"), ("WEBP", "image/webp")):
        out = io.BytesIO()
        Image.new("RGBA", (10, 10), (0, 0, 255, 128)).save(out, kind)
        clean = photos.clean(out.getvalue())
        assert clean.media_type == media_type


def test_too_large_is_refused() -> None:
    with pytest.raises(Exception, match="MB"):
        photos.clean(b"\xff" * (photos.MAX_BYTES + 1))


def test_viewers_of_the_unit_see_the_photo(api: TestClient, desk: DeskFixture) -> None:
    response = api.post(API, json=report(photo=b64(jpeg_with_gps())))
    url, report_id = response.json()["photo_url"], response.json()["id"]
    make_user(desk.sessions, "analyst", Role.analyst, (HANOI,))
    make_user(desk.sessions, "far", Role.analyst, (HCMC,))
    with TestClient(create_app(desk.settings, engine=desk.engine)) as client:
        signed_in(client, "analyst")
        page = client.get(f"/field-reports/reports/{report_id}?lang=en")
        assert page.status_code == 200 and url in page.text
        assert "ctv" not in page.text  # the sender is never shown
        image = client.get(url)
        assert image.status_code == 200 and image.headers["content-type"] == "image/jpeg"
        overview = client.get("/field-reports")
        assert f"/field-reports/reports/{report_id}" in overview.text
        client.cookies.clear()
        signed_in(client, "far")
        assert client.get(url).status_code == 404
        assert client.get(f"/field-reports/reports/{report_id}").status_code == 404
