"""Claims on SQLite and PostgreSQL: registering matches stored documents, matching is
incremental and idempotent, spread and clarifications read back as people need them."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from opiniondesk.analysis.taxonomy import load_taxonomy
from opiniondesk.claims import service
from opiniondesk.claims.actions import publish_clarification
from opiniondesk.claims.models import ClaimMatch, Stance
from opiniondesk.errors import InputError, NotFoundError
from opiniondesk.ingest.readers import open_source
from opiniondesk.pipeline.ingestion import Ingestor
from opiniondesk.storage.models import ChannelKind, Document
from tests.builders import write_csv

LABELLED = Path(__file__).resolve().parents[1] / "data" / "claims_labelled.jsonl"
START = datetime(2026, 10, 1, 1, 0, tzinfo=UTC)
NEWS = "https://tintuc.example.org/bai-"


def _posts(*claim_ids: str) -> list[dict]:
    with LABELLED.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    return [r for r in rows if r["claim_id"] in claim_ids]


def _ingest(
    desk, tmp_path: Path, posts: list[dict], *, kind: ChannelKind, name: str, author: str = ""
) -> None:
    rows = [
        {
            "external_id": post["id"],
            "published_at": (START + timedelta(days=i % 28)).isoformat(),
            "text": post["text"],
            "url": f"{NEWS}{post['id']}" if kind is ChannelKind.feed else "",
            "location": "phường Tân Định, Hồ Chí Minh" if i % 2 else "",
            "author": author,
        }
        for i, post in enumerate(posts)
    ]
    path = write_csv(tmp_path / f"{name}.csv", rows)
    Ingestor(desk.settings, desk.sessions).ingest(
        open_source(path, settings=desk.settings), kind=kind, channel_name=name, source=str(path)
    )


def _claim_text(claim_id: str) -> str:
    return _posts(claim_id)[0]["claim"]


def _matched(desk, claim_id: int) -> dict[str, str]:
    """external id of each matched document → stance."""
    with desk.sessions() as session:
        rows = session.execute(
            select(Document.external_id, ClaimMatch.stance)
            .join(ClaimMatch, ClaimMatch.document_id == Document.id)
            .where(ClaimMatch.claim_id == claim_id)
        )
        return {key: stance for key, stance in rows}


@pytest.fixture
def rumour_desk(desk, tmp_path):
    """Posts about two claims (land clearance, a city-wide power cut) in the feedback channel."""
    _ingest(desk, tmp_path, _posts("c01", "c07"), kind=ChannelKind.feedback, name="Góp ý")
    return desk


class TestMatching:
    def test_registering_a_claim_finds_the_posts_repeating_it(self, rumour_desk):
        with rumour_desk.sessions.begin() as session:
            claim, report = service.register_claim(
                session, text=_claim_text("c01"), topic_code="land"
            )
            claim_id = claim.id
        matched = _matched(rumour_desk, claim_id)
        repeats = {k for k, s in matched.items() if s == Stance.repeats}
        assert report.repeats == len(repeats) and report.documents >= 60
        assert {f"c01-repeat-{i:02d}" for i in range(1, 9)} <= repeats
        assert not any(k.startswith("c07-") for k in matched)  # the other claim's posts
        assert not any("-deny-" in k for k in repeats)  # corrections are not the rumour
        assert any("-deny-" in k and s == Stance.refutes for k, s in matched.items())

    def test_matching_again_adds_nothing(self, rumour_desk):
        with rumour_desk.sessions.begin() as session:
            service.register_claim(session, text=_claim_text("c01"))
        with rumour_desk.sessions() as session:
            before = session.scalar(select(func.count()).select_from(ClaimMatch))
        for since in (0, 10):
            with rumour_desk.sessions.begin() as session:
                report = service.match_new_documents(session, since)
            assert report.repeats == report.refutes == 0
        with rumour_desk.sessions.begin() as session:
            assert service.match_pending(session).documents == 0  # nothing new to read
        with rumour_desk.sessions() as session:
            assert session.scalar(select(func.count()).select_from(ClaimMatch)) == before

    def test_new_documents_are_matched_incrementally(self, rumour_desk, tmp_path):
        with rumour_desk.sessions.begin() as session:
            first, _ = service.register_claim(session, text=_claim_text("c01"))
            second, _ = service.register_claim(session, text=_claim_text("c05"))
            last_id = session.scalar(select(func.max(Document.id)))
        assert not _matched(rumour_desk, second.id)  # no post about the dam yet
        _ingest(rumour_desk, tmp_path, _posts("c05"), kind=ChannelKind.page_export, name="Trang")
        with rumour_desk.sessions.begin() as session:
            report = service.match_new_documents(session, last_id)
        assert report.documents == 32 and report.repeats >= 12
        dam = _matched(rumour_desk, second.id)
        assert len({f"c05-repeat-{i:02d}" for i in range(1, 9)} & set(dam)) >= 6
        assert not any(k.startswith("c05") for k in _matched(rumour_desk, first.id))

    def test_a_skipped_range_is_never_marked_as_matched(self, rumour_desk, tmp_path):
        with rumour_desk.sessions.begin() as session:
            claim, _ = service.register_claim(session, text=_claim_text("c05"))
            last_id = session.scalar(select(func.max(Document.id)))
        _ingest(rumour_desk, tmp_path, _posts("c05"), kind=ChannelKind.feedback, name="Mới")
        with rumour_desk.sessions.begin() as session:
            # a caller that starts 20 documents too late: those 20 stay pending
            service.match_new_documents(session, last_id + 20)
            assert service.get_claim(session, claim.id).scanned_through_id == last_id
            assert service.documents_to_match(session) == 32
        partial = set(_matched(rumour_desk, claim.id))
        with rumour_desk.sessions.begin() as session:
            caught_up = service.match_pending(session)
        assert caught_up.documents == 32 and caught_up.repeats > 0
        assert partial < set(_matched(rumour_desk, claim.id))
        with rumour_desk.sessions() as session:
            assert service.documents_to_match(session) == 0

    def test_claims_that_say_too_little_or_name_no_topic_are_refused(self, desk):
        with desk.sessions.begin() as session, pytest.raises(InputError, match="3 words"):
            service.register_claim(session, text="tin đồn")
        with desk.sessions.begin() as session, pytest.raises(InputError, match="No topic"):
            service.register_claim(
                session, text=_claim_text("c01"), topic_code="nope", taxonomy=load_taxonomy()
            )


class TestSpreadAndClarification:
    def test_spread_over_time_and_places_with_small_cells_hidden(self, rumour_desk):
        with rumour_desk.sessions.begin() as session:
            claim, _ = service.register_claim(session, text=_claim_text("c01"))
        with rumour_desk.sessions() as session:
            view = service.claim_view(session, claim.id, min_group_size=5, by="week")
            daily = service.claim_view(session, claim.id, min_group_size=1, by="day")
            listed = service.list_claims(session, min_group_size=5)
        spread = view["spread"]
        assert spread["repeats"] >= 12 and spread["first_seen"] >= "2026-10-01"
        weeks = spread["series"]
        assert all(w["repeats"] is None or w["repeats"] >= 5 for w in weeks)
        assert [w["period"] for w in weeks] == sorted(w["period"] for w in weeks)
        days = daily["spread"]["series"]
        assert sum(d["repeats"] or 0 for d in days) == daily["spread"]["repeats"]
        provinces = spread["places"]["provinces"]
        assert all(p["count"] >= 5 for p in provinces)
        assert view["clarification"] is None and view["claim_review"] is None
        assert listed[0]["id"] == claim.id and listed[0]["repeats"] == spread["repeats"]

    def test_a_clarification_is_published_and_repeats_after_it_are_tracked(self, rumour_desk):
        with rumour_desk.sessions.begin() as session:
            claim, _ = service.register_claim(session, text=_claim_text("c01"))
        clarified_at = START + timedelta(days=14)
        with rumour_desk.sessions.begin() as session:
            _, review = publish_clarification(
                session,
                claim_id=claim.id,
                text="Dự án kè chỉ thu hồi đất của 12 hộ sát bờ; không giải tỏa trắng khu phố.",
                rating="sai",
                agency="UBND phường Tân Định",
                url="https://tandinh.example.gov.vn/dinh-chinh",
                published_at=clarified_at,
            )
        assert review["reviewRating"]["alternateName"] == "Sai"
        assert "appearance" not in review["itemReviewed"]  # feedback posts are not public pages
        with rumour_desk.sessions() as session:
            view = service.claim_view(session, claim.id, min_group_size=1)
        after = view["spread"]["after_clarification"]
        assert after["since"] == "2026-10-15"
        assert after["repeats"] + after["repeats_before"] == view["spread"]["repeats"]
        assert after["repeats"] > 0  # the rumour kept going after the clarification
        assert sum(row["clarified"] for row in view["spread"]["series"]) == 1
        assert view["claim_review"] == review

    def test_public_pages_become_appearances(self, desk, tmp_path):
        posts = _posts("c07")
        _ingest(desk, tmp_path, posts[:16], kind=ChannelKind.feed, name="Tin tức")
        # the same kind of public page, but signed by a person: never cited
        _ingest(desk, tmp_path, posts[16:], kind=ChannelKind.feed, name="Blog", author="Lan")
        with desk.sessions.begin() as session:
            claim, _ = service.register_claim(session, text=_claim_text("c07"))
            _, review = publish_clarification(
                session,
                claim_id=claim.id,
                text="Chỉ cắt điện từng khu vực theo lịch, không cắt toàn thành phố.",
                rating="False",
                agency="Công ty Điện lực",
            )
        item = review["itemReviewed"]
        urls = [a["url"] for a in item["appearance"]]
        assert urls and all(u.startswith(NEWS) for u in urls)
        unsigned = {f"{NEWS}{p['id']}" for p in posts[:16]}
        assert set(urls) <= unsigned  # nothing a person signed
        assert item["firstAppearance"]["url"] == urls[0]
        assert "url" not in review  # none was given

    def test_clarifying_badly_says_what_to_fix(self, desk):
        with desk.sessions.begin() as session:
            claim, _ = service.register_claim(session, text=_claim_text("c07"))
        bad = [
            ({"rating": "bịa"}, "Unknown rating"),
            ({"agency": "  "}, "agency"),
            ({"url": "tandinh.gov.vn"}, "http"),
            ({"claim_id": 999}, "No claim 999"),
        ]
        for change, message in bad:
            args = {
                "claim_id": claim.id,
                "text": "Không có kế hoạch này.",
                "rating": "Sai",
                "agency": "Điện lực",
            } | change
            error = NotFoundError if "claim_id" in change else InputError
            with desk.sessions.begin() as session, pytest.raises(error, match=message):
                publish_clarification(session, **args)
