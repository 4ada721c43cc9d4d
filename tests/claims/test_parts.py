"""Ratings, the stance check, ClaimReview JSON-LD shape and spread suppression, on their own."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from opiniondesk.claims.claimreview import claim_review
from opiniondesk.claims.models import Claim, Clarification, Stance
from opiniondesk.claims.ratings import RATINGS, parse_rating
from opiniondesk.claims.repository import MatchedDocument
from opiniondesk.claims.spread import spread
from opiniondesk.claims.stance import claim_phrases, refutation_cue, stance
from opiniondesk.errors import InputError

CLAIM = "Cả khu phố ven sông sẽ bị giải tỏa trắng vào tháng sau để làm dự án."
T0 = datetime(2026, 10, 1, 2, 0, tzinfo=UTC)


def assert_claim_review_shape(review: dict[str, Any]) -> None:
    """What schema.org ClaimReview and its consumers require, checked field by field."""
    json.dumps(review)  # plain JSON
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert isinstance(review["claimReviewed"], str) and review["claimReviewed"].strip()
    date.fromisoformat(review["datePublished"])
    author = review["author"]
    assert author["@type"] == "Organization" and author["name"].strip()
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating"
    assert isinstance(rating["ratingValue"], int)
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    assert rating["worstRating"] < rating["bestRating"]
    assert isinstance(rating["alternateName"], str) and rating["alternateName"]
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    works = list(item.get("appearance", []))
    if "firstAppearance" in item:
        works.append(item["firstAppearance"])
        assert item["firstAppearance"] in item["appearance"]
        date.fromisoformat(item["datePublished"])
    for work in works:
        assert work["@type"] == "CreativeWork" and work["url"].startswith(("https://", "http://"))
    if "url" in review:
        assert review["url"].startswith(("https://", "http://"))

    def no_people(value: Any) -> None:
        if isinstance(value, dict):
            assert value.get("@type") != "Person"
            for inner in value.values():
                no_people(inner)
        elif isinstance(value, list):
            for inner in value:
                no_people(inner)

    no_people(review)
    assert "author" not in item  # who first said it is never part of the review


class TestRatings:
    @pytest.mark.parametrize(
        ("text", "key"),
        [
            ("Sai", "false"),
            ("sai", "false"),
            ("False", "false"),
            ("Sai sự thật", "false"),
            ("Chưa chính xác", "misleading"),
            ("chua chinh xac", "misleading"),
            ("Misleading", "misleading"),
            ("Đúng một phần", "half_true"),
            ("mostly_true", "mostly_true"),
            ("Đúng", "true"),
        ],
    )
    def test_words_people_use(self, text, key):
        assert parse_rating(text).key == key

    def test_an_unknown_verdict_lists_the_accepted_ones(self):
        with pytest.raises(InputError, match="Chưa chính xác / Misleading"):
            parse_rating("bịa đặt quá")

    def test_the_scale_runs_from_worst_to_best(self):
        assert [r.value for r in RATINGS] == [1, 2, 3, 4, 5]


class TestStance:
    phrases = claim_phrases(CLAIM)

    @pytest.mark.parametrize(
        "text",
        [
            "UBND phường khẳng định thông tin giải tỏa trắng khu phố ven sông là sai sự thật.",
            "Đính chính: không có chuyện giải tỏa trắng khu ven sông.",
            "dung tin may cai tin giai toa trang, bia dat het",
            "Cán bộ phường nói rõ khu ven sông không bị giải tỏa trắng.",
        ],
    )
    def test_refutations(self, text):
        assert stance(text, self.phrases) is Stance.refutes
        assert refutation_cue(text, self.phrases)

    @pytest.mark.parametrize(
        "text",
        [
            "Nghe nói cả khu phố ven sông sẽ bị giải tỏa trắng vào tháng sau.",
            "Có đúng là khu ven sông sắp bị giải tỏa trắng không ạ?",  # a question spreads it
            "khu pho ven song thang sau bi giai toa trang, ko con nha nao",
            "Không dám ở lại nữa, khu ven sông sắp giải tỏa trắng rồi.",
        ],
    )
    def test_repetitions(self, text):
        assert stance(text, self.phrases) is Stance.repeats

    def test_a_negation_in_another_clause_does_not_count(self):
        text = "Có ai biết không? Khu phố ven sông sắp bị giải tỏa trắng."
        assert stance(text, self.phrases) is Stance.repeats


class TestClaimReview:
    def _objects(self, **changes: Any) -> tuple[Claim, Clarification]:
        claim = Claim(id=1, text=CLAIM, topic_code="land")
        values = {
            "claim_id": 1,
            "text": "Dự án kè chỉ thu hồi đất của 12 hộ; không giải tỏa trắng.",
            "rating": "false",
            "agency": "UBND phường Tân Định",
            "url": "https://tandinh.example.gov.vn/dinh-chinh",
            "published_at": T0 + timedelta(days=3),
        } | changes
        return claim, Clarification(**values)

    def test_full_shape_with_appearances(self):
        claim, clarification = self._objects()
        review = claim_review(
            claim,
            clarification,
            appearances=[
                (T0 + timedelta(days=1), "https://news.example.org/b"),
                (T0, "https://news.example.org/a"),
            ],
        )
        assert_claim_review_shape(review)
        assert review["reviewRating"] == {
            "@type": "Rating",
            "ratingValue": 1,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": "Sai",
        }
        assert review["itemReviewed"]["firstAppearance"]["url"] == "https://news.example.org/a"
        assert review["itemReviewed"]["datePublished"] == "2026-10-01"
        assert review["datePublished"] == "2026-10-04"
        assert review["author"] == {"@type": "Organization", "name": "UBND phường Tân Định"}

    def test_minimal_shape_and_english_label(self):
        claim, clarification = self._objects(url=None, rating="misleading")
        review = claim_review(claim, clarification, language="en")
        assert_claim_review_shape(review)
        assert "url" not in review and review["itemReviewed"] == {"@type": "Claim"}
        assert review["reviewRating"]["alternateName"] == "Misleading"


class TestSpread:
    def _doc(self, day: int, stance_: Stance, province: str = "79", repost: bool = False):
        return MatchedDocument(
            document_id=day,
            stance=stance_.value,
            score=0.5,
            published_at=T0 + timedelta(days=day),
            province_code=province,
            commune_code="",
            is_repost=repost,
            channel_kind="feedback",
            url=None,
        )

    def test_weeks_places_and_the_clarification(self):
        docs = [self._doc(d, Stance.repeats) for d in range(0, 21)]
        docs += [self._doc(d, Stance.repeats, province="01") for d in (2, 9)]
        docs += [self._doc(d, Stance.refutes) for d in (15, 16)]
        clarification = Clarification(
            claim_id=1, text="x", rating="false", agency="UBND", published_at=T0 + timedelta(14)
        )
        view = spread(
            docs,
            by="week",
            clarification=clarification,
            province_names={"79": "TP. Hồ Chí Minh", "01": "Hà Nội", "48": "Đà Nẵng"},
            commune_names={},
            min_group_size=5,
        )
        assert view["repeats"] == 23 and view["refutes"] is None  # 2 < 5: hidden
        assert [p["name"] for p in view["places"]["provinces"]] == ["TP. Hồ Chí Minh"]
        weeks = view["series"]
        assert [w["period"] for w in weeks][:2] == ["2026-09-28", "2026-10-05"]
        assert all(w["repeats"] is None or w["repeats"] >= 5 for w in weeks)
        assert all(w["refutes"] is None for w in weeks)
        assert [w["clarified"] for w in weeks].count(True) == 1
        after = view["after_clarification"]
        assert after["since"] == "2026-10-15" and after["repeats"] == 7  # days 14..20

    def test_days_and_bad_grain(self):
        docs = [self._doc(d, Stance.repeats) for d in range(0, 10)]
        view = spread(
            docs,
            by="day",
            clarification=None,
            province_names={},
            commune_names={},
            min_group_size=1,
        )
        assert len(view["series"]) == 10 and view["after_clarification"] is None
        with pytest.raises(InputError, match="'day' or 'week'"):
            spread(
                docs,
                by="month",
                clarification=None,
                province_names={},
                commune_names={},
                min_group_size=1,
            )
