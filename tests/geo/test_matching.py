"""Place matching: precision and recall on a labelled set, and the tricky cases one by one.

Run `python -m tests.geo.test_matching` from the repository root to print the figures and the
throughput of `resolve` on this machine.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from opiniondesk.geo.matcher import PlaceMatcher, get_place_matcher

LABELLED = Path(__file__).resolve().parents[1] / "data" / "places_labelled.jsonl"

Pair = tuple[str, str]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set[Pair] | set[str], expected: set[Pair] | set[str]) -> None:
        self.tp += len(predicted & expected)  # type: ignore[operator]
        self.fp += len(predicted - expected)  # type: ignore[operator]
        self.fn += len(expected - predicted)  # type: ignore[operator]

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def _records() -> list[dict[str, object]]:
    return [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines()]


def evaluate(
    matcher: PlaceMatcher, *, held_out_only: bool = False
) -> tuple[Score, Score, list[str]]:
    """Micro precision/recall over provinces and over (province, commune) pairs that name a
    commune; also the texts that were not resolved exactly. Records noted "held-out" were
    written after the matcher was tuned on the others."""
    provinces, communes, misses = Score(), Score(), []
    for record in _records():
        if held_out_only and not str(record["note"]).startswith("held-out"):
            continue
        hint = record.get("hint")
        resolution = matcher.resolve(str(record["text"]), str(hint) if hint else None)
        predicted = set(resolution.places)
        expected = {(e["province"], e["commune"] or "") for e in record["expected"]}  # type: ignore[attr-defined]
        provinces.add({p for p, _ in predicted}, {p for p, _ in expected})
        communes.add({x for x in predicted if x[1]}, {x for x in expected if x[1]})
        if predicted != expected:
            misses.append(f"{record['text']} → {sorted(predicted)} ≠ {sorted(expected)}")
    return provinces, communes, misses


def test_labelled_set_is_varied_and_well_formed() -> None:
    records = _records()
    assert len(records) >= 320
    without_place = [r for r in records if not r["expected"]]
    assert len(without_place) >= 60
    for record in records:
        assert set(record) <= {"text", "expected", "note", "hint"}
        for expected in record["expected"]:  # type: ignore[attr-defined]
            assert len(expected["province"]) == 2
            assert expected["commune"] is None or len(expected["commune"]) == 5


def test_precision_and_recall_on_labelled_set() -> None:
    provinces, communes, misses = evaluate(get_place_matcher())
    print(
        f"\nplaces_labelled.jsonl: province P={provinces.precision:.3f} R={provinces.recall:.3f}"
        f" | commune P={communes.precision:.3f} R={communes.recall:.3f}"
    )
    for miss in misses:
        print("  miss:", miss)
    held_provinces, held_communes, _ = evaluate(get_place_matcher(), held_out_only=True)
    print(
        f"held-out part: province P={held_provinces.precision:.3f} R={held_provinces.recall:.3f}"
        f" | commune P={held_communes.precision:.3f} R={held_communes.recall:.3f}"
    )
    assert provinces.precision >= 0.95
    assert provinces.recall >= 0.90
    assert communes.precision >= 0.95
    assert communes.recall >= 0.90


def _resolve(text: str, hint: str | None = None) -> tuple[str, str]:
    resolution = get_place_matcher().resolve(text, hint)
    return resolution.province_code, resolution.commune_code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # diacritics, case, tone-mark placement
        ("lu lon o ha noi", ("01", "")),
        ("KHÁNH HOÀ NẮNG NÓNG", ("56", "")),
        ("Xã Cẩm Thuỷ, Thanh Hoá", ("38", "15127")),
        # abbreviations
        ("Tắc đường ở TP.HCM", ("79", "")),
        ("ở Sài Gòn", ("79", "")),
        ("xe buýt ở HN", ("01", "")),
        ("nhà ở P.9, Q.3", ("79", "27142")),
        ("P3 Q11 ngập", ("79", "27232")),
        # old provinces, districts and communes roll up to today's map
        ("Kiên Giang mưa lớn", ("91", "")),
        ("Bình Dương kẹt xe", ("79", "")),
        ("Quảng Nam lũ lụt", ("48", "")),
        ("huyện Châu Thành (cũ) + xã An Hòa", ("91", "30607")),
        ("phường Trung Phụng, quận Đống Đa", ("01", "00226")),
        ("Huyện Côn Đảo thiếu nước", ("79", "26732")),
        # a repeated commune name settled by the province next to it
        ("Xã Tân Tiến, Đắk Lắk", ("66", "24526")),
        ("Xã Tân Tiến, Lạng Sơn", ("20", "06019")),
    ],
)
def test_tricky_cases(text: str, expected: tuple[str, str]) -> None:
    assert _resolve(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Mong cho đất nước luôn hòa bình.",
        "Hội nghị bàn về hòa bình và hợp tác.",
        "Cuộc sống thái bình.",
        "Công nghệ tân tiến.",
        "Thống nhất và độc lập là khát vọng.",
        "Bão trên Thái Bình Dương.",
        "Học tập tư tưởng Hồ Chí Minh.",
        "hn troi mua to qua",
        "Cần thở oxy liên tục.",
        "Hoa huệ nở.",
        "Xe kẹt trên xa lộ Hà Nội.",
        "Tôi thấy anh Bình Định làm việc rất có tâm.",
        "Xã Tân Tiến bị ngập.",  # seven communes of that name: better none than a wrong one
        "Người dân phản ánh đường xa quá.",
    ],
)
def test_no_place(text: str) -> None:
    assert get_place_matcher().resolve(text).matches == ()


def test_bare_commune_needs_context() -> None:
    assert _resolve("Sạt lở tại Mường Xén") == ("", "")
    assert _resolve("Sạt lở tại Mường Xén, Nghệ An") == ("40", "16813")


def test_hint_is_trusted_over_text() -> None:
    resolution = get_place_matcher().resolve("Con tôi học ở Hà Nội.", hint="Cần Thơ")
    assert (resolution.province_code, resolution.commune_code) == ("92", "")
    assert set(resolution.places) == {("92", ""), ("01", "")}
    # the hint's province settles a repeated commune name in the text
    assert _resolve("Mất điện ở xã Tân Tiến.", hint="Đắk Lắk") == ("66", "24526")
    # a place field may hold a bare common word that free text could not use
    assert _resolve("Trạm bơm hỏng.", hint="hòa bình") == ("25", "")


def test_matches_point_at_the_text() -> None:
    text = "Ngập ở xã An Hòa, huyện Châu Thành, tỉnh An Giang."
    resolution = get_place_matcher().resolve(text)
    surfaces = [m.surface for m in resolution.matches]
    assert surfaces == ["xã An Hòa", "huyện Châu Thành", "tỉnh An Giang"]
    assert all(text[m.start : m.end] == m.surface for m in resolution.matches)
    assert resolution.explanation.startswith("xã An Hòa (cũ) + huyện Châu Thành (cũ) + An Giang")
    assert "→ Xã Bình Hòa, Tỉnh An Giang" in resolution.explanation


def test_find_lists_every_resolved_mention() -> None:
    matches = get_place_matcher().find("Giá heo ở Đồng Nai và Tây Ninh đều giảm.")
    assert [m.province_code for m in matches] == ["75", "80"]


def test_empty_text() -> None:
    resolution = get_place_matcher().resolve("")
    assert (resolution.province_code, resolution.commune_code, resolution.matches) == ("", "", ())
    assert resolution.explanation


def _benchmark(rounds: int = 5) -> float:
    """Documents per second of `resolve` over the labelled texts (one core, best of rounds)."""
    matcher = get_place_matcher()
    texts = [str(r["text"]) for r in _records()]
    best = 0.0
    for _ in range(rounds):
        start = time.process_time()
        for text in texts:
            matcher.resolve(text)
        best = max(best, len(texts) / (time.process_time() - start))
    return best


if __name__ == "__main__":
    province_score, commune_score, missed = evaluate(get_place_matcher())
    print(f"province P={province_score.precision:.3f} R={province_score.recall:.3f}")
    print(f"commune  P={commune_score.precision:.3f} R={commune_score.recall:.3f}")
    print(f"resolve: {_benchmark():,.0f} docs/s")


def test_a_name_repeated_in_field_and_text_does_not_back_itself() -> None:
    """ "Tân Châu" in the place field and "phường Tân Châu" in the text: one place said twice,
    so An Giang (named in the field) decides, not Tây Ninh's district + town of that name."""
    from opiniondesk.geo.matcher import PlaceMatcher

    place = PlaceMatcher().resolve(
        "Kính gửi UBND phường Tân Châu, tình trạng sạt lở", hint="Tân Châu, An Giang"
    )
    assert (place.province_code, place.commune_code) == ("91", "30376")
