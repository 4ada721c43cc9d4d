"""The generator's parts: places from the registry data, typing habits, personal data."""

from __future__ import annotations

import random
import re
from datetime import date

from opiniondesk.demo import pii
from opiniondesk.demo.places import demo_places, place_by_key
from opiniondesk.demo.style import repost, strip_diacritics, teencode
from opiniondesk.demo.timeline import BURSTS, Timeline, months_before


class TestPlaces:
    def test_about_sixty_real_communes_in_seven_provinces(self) -> None:
        places = demo_places()
        assert 55 <= len(places) <= 65
        assert len({p.code for p in places}) == len(places)
        assert len({p.province_short for p in places}) >= 6
        assert all(re.fullmatch(r"\d{5}", p.code) for p in places)

    def test_merged_provinces_carry_their_old_names(self) -> None:
        old_provinces = {old.province for p in demo_places() for old in p.legacy}
        assert {"Kiên Giang", "Bình Dương", "Quảng Nam"} <= old_provinces
        rach_gia = place_by_key("Phường Rạch Giá", "An Giang")
        assert any("Rạch Giá" in old.district for old in rach_gia.legacy)
        assert any("Kiên Giang" in m for m in rach_gia.mentions)

    def test_numbered_wards_are_written_the_short_way(self) -> None:
        mentions = {m for p in demo_places() for m in p.mentions}
        assert any(re.fullmatch(r"P\.\d+ Q\.\d+", m) for m in mentions)

    def test_same_set_every_time(self) -> None:
        demo_places.cache_clear()
        first = [p.code for p in demo_places()]
        demo_places.cache_clear()
        assert [p.code for p in demo_places()] == first


class TestStyle:
    def test_strip_diacritics(self) -> None:
        assert strip_diacritics("Sạt lở bờ sông ở Đồng Tháp") == "Sat lo bo song o Dong Thap"

    def test_teencode_rewrites_common_words(self) -> None:
        rng = random.Random(1)
        text = "Mọi người ơi, không được gì cả, biết vậy thì thôi."
        outs = {teencode(text, rng) for _ in range(30)}
        assert any(re.search(r"\b(ko|k|hok|kg|hem)\b", o) for o in outs)
        assert any(re.search(r"\b(dc|đc|đk)\b", o) for o in outs)

    def test_repost_is_a_small_edit(self) -> None:
        rng = random.Random(4)
        text = "Tình trạng ngập lụt kéo dài nhiều tháng nay mà chưa được xử lý. Mong sớm trả lời."
        for _ in range(20):
            out = repost(text, rng)
            assert out != text
            assert len(set(out.split()) & set(text.split())) >= len(text.split()) - 3


class TestPersonalData:
    def test_phone_shapes(self) -> None:
        rng = random.Random(7)
        for _ in range(200):
            digits = re.sub(r"\D", "", pii.phone(rng))
            national = digits[2:] if digits.startswith("84") else digits[1:]
            assert len(national) == 9 and national[0] in "35789"

    def test_cccd_has_twelve_digits(self) -> None:
        rng = random.Random(8)
        assert all(len(pii.cccd(rng).replace(" ", "")) == 12 for _ in range(100))

    def test_sentences_cover_every_kind(self) -> None:
        rng = random.Random(9)
        kinds = {pii.pii_sentence(rng)[1] for _ in range(300)}
        assert kinds == {"phone", "name", "cccd", "email", "plate", "bank"}


def test_timeline_spans_the_months_and_finds_the_autumn_storm() -> None:
    assert months_before(date(2026, 11, 26), 12) == date(2025, 11, 27)
    timeline = Timeline(date(2026, 11, 26), 12, random.Random(0))
    assert timeline.days[0] == date(2025, 11, 27) and timeline.days[-1] == date(2026, 11, 26)
    storm = timeline.burst_days(next(b for b in BURSTS if b.code == "storm"))
    assert storm is not None and timeline.days[storm[0]] == date(2026, 9, 27)
