"""Cases met on the demo corpus: places named after people stay; a cued name goes whole."""

from __future__ import annotations

import pytest

from opiniondesk.text.pii import redact


@pytest.mark.parametrize(
    "text",
    ["tại P. Bạch Đằng, Q. Hai Bà Trưng, các hộ", "Hai Bà Trưng, Hà Nội", "Q. Hai Bà Trưng"],
)
def test_district_named_after_the_trung_sisters_is_kept(text):
    assert redact(text).text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("bà Trưng Thị Lan", "bà [TÊN]"), ("anh Tuấn Anh nói", "anh [TÊN] nói")],
)
def test_name_after_a_kinship_cue_is_redacted_whole(text, expected):
    assert redact(text).text == expected
