"""The parts of question similarity: intents from question words, the matching form."""

from __future__ import annotations

import pytest

from opiniondesk.dialogue.intent import intents, intents_differ
from opiniondesk.dialogue.similarity import ATTACH, SUGGEST, QuestionSimilarity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bao giờ thì sửa đường Nguyễn Trãi?", {"when"}),
        ("bao h dc sua v", {"when"}),  # teencode: "bao h" is "bao giờ"
        ("Vì sao tiền nước tăng gấp đôi?", {"why"}),
        ("tien nuoc tang gap doi, sao z", {"why"}),
        ("Chứng thực bản sao ở xã mất bao lâu?", {"how_long"}),  # "bản sao" is a copy
        ("Phí cấp sổ đỏ là bao nhiêu tiền?", {"how_much"}),
        ("Ai chịu trách nhiệm nạo vét cống?", {"who"}),
        ("Giờ đi làm giấy tờ ở đâu?", {"where"}),
        ("Xã xử lý như thế nào?", {"how"}),
        ("Trạm y tế có khám thứ bảy không?", set()),
    ],
)
def test_intents(text: str, expected: set[str]) -> None:
    assert intents(text) == expected


def test_intents_differ_only_when_both_are_known_or_one_is_yes_no() -> None:
    assert not intents_differ(frozenset(), frozenset())
    assert not intents_differ(frozenset({"when"}), frozenset({"when", "why"}))
    assert intents_differ(frozenset({"when"}), frozenset({"how_much"}))
    assert intents_differ(frozenset({"when"}), frozenset())


def test_diacritics_and_teencode_do_not_hide_a_duplicate() -> None:
    question = "Bao giờ thì sửa đoạn đường Nguyễn Trãi bị lún sụt trước chợ?"
    variants = [
        "bao gio thi sua doan duong nguyen trai bi lun sut truoc cho?",
        "bao h dc sua doan duong nguyen trai bi lun sut truoc cho v",
    ]
    other = "Đường Nguyễn Trãi trước chợ có được lắp thêm đèn chiếu sáng không?"
    scorer = QuestionSimilarity([question, *variants, other])
    scores = scorer.matrix([question], [*variants, other])[0]
    assert min(scores[:2]) >= ATTACH > SUGGEST > scores[2]
    assert scorer.pairs([question], [variants[0]])[0] == pytest.approx(scores[0])


def test_an_empty_corpus_fits_on_the_texts_compared() -> None:
    scorer = QuestionSimilarity([])
    assert scorer.matrix(["khi nào sửa đường"], ["khi nào sửa đường"])[0, 0] == pytest.approx(1.0)
    assert scorer.matrix([], ["x"]).shape == (0, 1)
