"""The dashboard page and its JSON: figures, filters, suppression, escaping, empty states."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.web.seed import EVIL_LABEL


def _row(html: str, label: str) -> list[str]:
    """Cells of the first data-table row whose header is `label`."""
    match = re.search(rf'<th scope="row">{re.escape(label)}</th>(.*?)</tr>', html, flags=re.S)
    assert match, label
    return [cell.strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", match.group(1), re.S)]


class TestWithData:
    def test_cards_and_charts(self, client: TestClient) -> None:
        html = client.get("/").text
        # 90 days × 18 + 30 days × 4 + 3 = 1,743 documents, written the Vietnamese way
        assert '<p class="card-value">1.743</p>' in html
        assert "51,6%" in html  # share negative: 900 / 1743
        assert "+222,8%" in html  # vs 540 documents in the 90 days before
        for chart in (
            "chart-volume",
            "chart-topics",
            "chart-places",
            "chart-sentiment",
            "chart-channels",
            "chart-map",
        ):
            assert f'id="{chart}"' in html
        assert "02/04" in html and "30/06" in html  # dd/mm axis
        assert "Từ 02/04/2025 đến 30/06/2025 (90 ngày)" in html

    def test_english_numbers(self, client: TestClient) -> None:
        html = client.get("/?lang=en").text
        assert '<p class="card-value">1,743</p>' in html
        assert "51.6%" in html and "+222.8%" in html
        assert "Unknown" in html and "Chưa xác định" not in html

    def test_unknown_place_is_named(self, client: TestClient) -> None:
        assert _row(client.get("/").text, "Chưa xác định")[0] == "120"

    def test_topic_change_vs_previous_period(self, client: TestClient) -> None:
        # land: 900 now, 300 in the 90 days before
        assert _row(client.get("/").text, "Đất đai") == ["900", "51,6%", "▲ +200,0%"]


class TestFilters:
    def test_dates(self, client: TestClient) -> None:
        html = client.get("/?from=2025-06-01&to=2025-06-30").text
        assert '<p class="card-value">663</p>' in html  # 30 × 22 + 3

    def test_province_shows_its_communes(self, client: TestClient) -> None:
        html = client.get("/?province=01").text
        assert '<p class="card-value">900</p>' in html
        assert "Xã/phường có nhiều ý kiến nhất" in html
        assert _row(html, "Hồng Hà")[0] == "900"
        assert _row(html, "Ba Đình")[0] == "&lt;5"

    def test_topic(self, client: TestClient) -> None:
        data = client.get("/api/v1/dashboard?topic=traffic").json()
        assert data["total"]["count"] == 840
        assert data["filters"]["topic"] == "traffic"

    def test_channel(self, client: TestClient) -> None:
        data = client.get("/api/v1/dashboard?channel=feedback").json()
        assert data["total"]["count"] == 900
        assert {r["key"]: r["count"] for r in data["channels"]}["feedback"] == 900

    def test_form_keeps_the_choices(self, client: TestClient) -> None:
        html = client.get("/?province=91&channel=feed").text
        assert '<option value="91" selected>' in html
        assert '<option value="feed" selected>' in html
        assert 'href="?province=91&amp;channel=feed&amp;lang=en"' in html


class TestSuppression:
    """Đà Nẵng has 3 positive survey documents on one topic: that 3 must never show."""

    def test_html_shows_less_than_five(self, client: TestClient) -> None:
        html = client.get("/").text
        assert _row(html, "Đà Nẵng")[0] == "&lt;5"
        assert _row(html, "Khảo sát")[0] == "&lt;5"
        assert "Đà Nẵng: &lt;5" in html  # map tooltip
        assert not re.search(r">\s*3\s*<", html)
        assert "Đà Nẵng: 3" not in html and "Khảo sát: 3" not in html

    def test_json_has_null_and_flag(self, client: TestClient) -> None:
        data = client.get("/api/v1/dashboard").json()
        province = next(r for r in data["provinces"] if r["key"] == "48")
        assert province["count"] is None and province["suppressed"] is True
        assert province["share"] is None and province["reason"] == "small"
        survey = next(r for r in data["channels"] if r["key"] == "survey")
        assert survey["count"] is None and survey["suppressed"] is True
        assert '"count":3' not in client.get("/api/v1/dashboard").text.replace(" ", "")

    def test_hidden_cells_are_not_ranked(self, client: TestClient) -> None:
        data = client.get("/api/v1/dashboard").json()
        ranked = [r["key"] for r in data["places"]["rows"] if not r["suppressed"]]
        assert ranked == ["01", "91", ""]

    def test_small_total_is_hidden_too(self, client: TestClient) -> None:
        html = client.get("/?province=48").text
        assert '<p class="card-value muted">&lt;5</p>' in html
        data = client.get("/api/v1/dashboard?province=48").json()
        assert data["total"] == {"count": None, "suppressed": True, "reason": "small"}
        assert all(row["count"] is None for row in data["volume"])

    def test_malicious_topic_label_is_escaped(self, client: TestClient) -> None:
        html = client.get("/").text
        assert EVIL_LABEL not in html
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html


class TestEmpty:
    def test_empty_database_says_how_to_ingest(self, empty_client: TestClient) -> None:
        response = empty_client.get("/")
        assert response.status_code == 200
        assert "Chưa có dữ liệu" in response.text
        assert "opiniondesk ingest FILE --channel KIND" in response.text
        assert "opiniondesk demo" in response.text

    def test_empty_database_json(self, empty_client: TestClient) -> None:
        assert empty_client.get("/api/v1/dashboard").json()["has_data"] is False

    def test_empty_period(self, client: TestClient) -> None:
        html = client.get("/?from=2020-01-01&to=2020-01-31").text
        assert "Không có ý kiến nào trong kỳ và bộ lọc đã chọn." in html
