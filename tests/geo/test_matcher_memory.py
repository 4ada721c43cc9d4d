"""The matcher remembers readings, hint fields and whole resolutions across documents: what it
returns from memory must be exactly what it would work out afresh."""

from __future__ import annotations

import random
import string

import pytest

from opiniondesk.geo import matcher as matcher_module
from opiniondesk.geo import resolver as resolver_module
from opiniondesk.geo import spotter as spotter_module
from opiniondesk.geo.doc import _ASCII_PIECES_RE, _PIECES_RE, Doc
from opiniondesk.geo.fold import TOKEN_RE, fold
from opiniondesk.geo.matcher import PlaceMatcher, PlaceResolution, get_place_matcher
from opiniondesk.geo.memo import remember
from tests.geo.test_matching import _records


@pytest.fixture(scope="module")
def matcher() -> PlaceMatcher:
    return PlaceMatcher()


def _cases() -> list[tuple[str, str | None]]:
    cases = [(str(r["text"]), str(r["hint"]) if r.get("hint") else None) for r in _records()]
    # the same texts as other writers send them: no capitals, all capitals, no diacritics
    variants = [(t.lower(), h) for t, h in cases[::4]] + [(fold(t), None) for t, _ in cases[1::4]]
    return cases + variants + [(t.upper(), h) for t, h in cases[2::4]]


def test_remembered_resolutions_equal_fresh_ones(matcher: PlaceMatcher) -> None:
    cases = _cases()
    first = [matcher.resolve(text, hint) for text, hint in cases]
    again = [matcher.resolve(text, hint) for text, hint in reversed(cases)][::-1]
    assert again == first  # every memory now full: same answers
    fresh = PlaceMatcher()
    for (text, hint), remembered in zip(cases[::7], first[::7], strict=True):
        assert fresh.resolve(text, hint) == remembered


def test_a_shared_resolution_points_at_each_text(matcher: PlaceMatcher) -> None:
    texts = [
        "Tắc đường ở TP.HCM",
        "Sáng nay kẹt xe ở Tp.HCM, chiều lại ngập",
        "Ngập ở tp HCM",
    ]
    for text in texts:
        resolution = matcher.resolve(text)
        (match,) = resolution.matches
        assert text[match.start : match.end] == match.surface
        assert match.by_alias
        # read through an older name, the explanation quotes it as this text wrote it
        assert resolution.explanation.startswith(f"{match.surface} (cũ) → ")


def test_a_remembered_hint_keeps_its_own_offsets(matcher: PlaceMatcher) -> None:
    hint = "phường Kim Liên, TP Hà Nội"
    for text in ("Mất điện cả buổi sáng.", "Ở Hà Nội mất điện", "Kim Liên mất điện"):
        resolution = matcher.resolve(text, hint)
        assert (resolution.province_code, resolution.commune_code) == ("01", "00229")
        for match in resolution.matches:
            source = hint if match.from_hint else text
            assert source[match.start : match.end] == match.surface


def test_nothing_found_is_one_shared_answer() -> None:
    nothing = get_place_matcher().resolve("Trời hôm nay đẹp quá.")
    assert nothing == PlaceResolution("", "", (), (), nothing.explanation)
    assert get_place_matcher().resolve("", None) == nothing


def test_ascii_split_agrees_with_the_general_one() -> None:
    rng = random.Random(7)
    alphabet = string.ascii_lowercase + string.digits + " .,;:!?()[]/|\n\t-_'\"@#"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        assert _ASCII_PIECES_RE.split(text) == _PIECES_RE.split(text)


@pytest.mark.parametrize(
    "text",
    ["", "  ", "Xã Cẩm Thuỷ, Thanh Hoá", "P3 Q11 ngập", "TP.HCM (cũ)!", "“Hà Nội” – 36 phố", "ǅ x"],
)
def test_doc_offsets_match_the_tokens(text: str) -> None:
    doc = Doc(text)
    assert doc.tokens == TOKEN_RE.findall(fold(text))
    spans = [m.span() for m in TOKEN_RE.finditer(doc.text)]
    assert [doc.span(i) for i in range(len(doc.tokens))] == spans
    assert doc.words(0, len(doc.tokens)) == TOKEN_RE.findall(doc.text)


def test_memory_forgets_its_older_half_when_full() -> None:
    memory: dict[int, str] = {}
    for n in range(10):
        remember(memory, n, str(n), limit=4)
    assert list(memory) == [6, 7, 8, 9]  # full at 4: 0-1 forgotten for 4, 2-3 for 6, 4-5 for 8
    assert remember(memory, 10, "10", limit=4) == "10"


def test_overflowing_memories_change_no_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matcher_module, "_PLAN_CACHE_SIZE", 8)
    monkeypatch.setattr(matcher_module, "_HINT_CACHE_SIZE", 4)
    monkeypatch.setattr(resolver_module, "_CACHE_SIZE", 8)
    monkeypatch.setattr(spotter_module, "_MEMO_SIZE", 8)
    small = PlaceMatcher()
    cases = _cases()
    expected = [get_place_matcher().resolve(text, hint) for text, hint in cases]
    assert [small.resolve(text, hint) for text, hint in cases] == expected
