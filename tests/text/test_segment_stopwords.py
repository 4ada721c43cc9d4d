from __future__ import annotations

from opiniondesk.text.normalize import fold
from opiniondesk.text.segment import segment, segment_many
from opiniondesk.text.stopwords import STOPWORDS, STOPWORDS_SEGMENTED, is_stopword


def test_segment_joins_syllables() -> None:
    tokens = segment("Người dân phản ánh tình trạng ngập úng kéo dài.")
    assert "phản_ánh" in tokens and "tình_trạng" in tokens
    assert tokens[-1] == "."


def test_segment_empty_and_many() -> None:
    assert segment("") == [] and segment("   ") == []
    out = segment_many(["Tôi không hài lòng", "", "dịch vụ công"])
    assert len(out) == 3 and out[1] == []
    assert out[0] == segment("Tôi không hài lòng")


def test_stopwords() -> None:
    for word in ("của", "và", "thì", "là", "những", "các", "được", "cho", "tuy_nhiên"):
        assert word in STOPWORDS
        assert fold(word) in STOPWORDS
    assert len(STOPWORDS_SEGMENTED) >= 150
    # Negations matter for sentiment and must stay.
    assert "không" not in STOPWORDS and "chưa" not in STOPWORDS
    assert is_stopword("Của") and is_stopword("tuy nhiên") and is_stopword("duoc")
    assert not is_stopword("ngập")
