"""Lexicon sentiment: words, negation, intensity, contrast, requests, questions, folding."""

from __future__ import annotations

from pathlib import Path

import pytest

from opiniondesk.analysis.boolean_query import fold
from opiniondesk.analysis.sentiment_lexicon import LexiconSentiment, SentimentResult, read_lexicon
from opiniondesk.errors import InputError

LEXICON = LexiconSentiment()


def analyse(text: str) -> SentimentResult:
    return LEXICON.analyse(text, fold(text))


def test_packaged_lexicon_is_large_enough_and_well_formed() -> None:
    rows = read_lexicon()
    assert len(rows) >= 300
    terms = [term for term, _, _ in rows]
    assert len(terms) == len(set(terms))
    for term in (
        "bức xúc",
        "bức bối",
        "chậm trễ",
        "nhũng nhiễu",
        "ô nhiễm",
        "xuống cấp",
        "hài lòng",
        "cảm ơn",
        "kịp thời",
        "tận tình",
    ):
        assert term in terms


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Người dân rất bức xúc vì thủ tục chậm trễ.", "negative"),
        ("Cảm ơn cán bộ phường đã hỗ trợ kịp thời, tận tình.", "positive"),
        ("Ngày mai xã họp dân lúc 8 giờ.", "neutral"),
        ("Đường xuống cấp, ô nhiễm bụi suốt ngày.", "negative"),
    ],
)
def test_plain_statements(text: str, label: str) -> None:
    assert analyse(text).label == label


def test_negation_flips_and_is_explained() -> None:
    result = analyse("Tôi không hài lòng với cách giải quyết.")
    assert result.label == "negative"
    assert "phủ định: 'không hài lòng'" in result.explanation
    assert analyse("Thái độ cán bộ chưa thật sự nhiệt tình.").label == "negative"
    assert analyse("Giờ khu này không còn ô nhiễm nữa.").label == "positive"


def test_negating_a_mild_quality_is_still_a_complaint() -> None:
    assert analyse("Hướng dẫn chưa cụ thể.").label == "negative"


def test_negator_alone_signals_an_unmet_need() -> None:
    assert analyse("Đã ba năm mà chưa được cấp sổ đỏ.").label == "negative"


def test_words_that_start_like_a_negator_are_not_negations() -> None:
    assert analyse("Không khí ở đây trong lành.").label == "positive"
    assert analyse("Không những nhanh mà còn chu đáo.").label == "positive"


def test_intensifiers_strengthen_and_weaken() -> None:
    plain = analyse("Cán bộ nhiệt tình.").polarity
    assert analyse("Cán bộ rất nhiệt tình.").polarity > plain
    assert analyse("Cán bộ nhiệt tình lắm.").polarity > plain
    assert (
        analyse("Cán bộ cực kỳ nhiệt tình.").polarity > analyse("Cán bộ khá nhiệt tình.").polarity
    )


def test_hoi_and_qua_before_a_neutral_word_criticise() -> None:
    assert analyse("Thầy dạy hơi nhanh.").label == "negative"
    assert analyse("Bài tập quá nhiều.").label == "negative"


def test_contrast_weights_the_clause_after_nhung() -> None:
    assert analyse("Cán bộ nhiệt tình nhưng thủ tục còn rườm rà.").label == "negative"
    assert analyse("Thủ tục hơi rườm rà nhưng cán bộ rất nhiệt tình.").label == "positive"
    assert analyse("Mặc dù đường còn lầy lội, dân rất phấn khởi.").label == "positive"


def test_requests_imply_something_is_missing() -> None:
    result = analyse("Mong cán bộ xử lý kịp thời hơn.")
    assert result.label == "negative"
    assert "đề nghị" in result.explanation
    assert analyse("Cảm ơn, mong các anh tiếp tục phát huy.").label == "positive"
    assert analyse("Thầy dạy dễ hiểu nên em rất thích.").label == "positive"  # "nên" = so


def test_questions_are_softened() -> None:
    assert analyse("Bao giờ thì có kết quả?").label == "neutral"
    statement = analyse("Dịch vụ này tốt.").polarity
    assert 0 < analyse("Dịch vụ này tốt không?").polarity < statement
    assert analyse("Đến bao giờ mới được giải quyết?").label == "negative"


def test_hay_means_good_only_as_a_predicate() -> None:
    assert analyse("Thầy giảng rất hay.").label == "positive"
    assert analyse("Khu này hay bị mất điện.").label == "negative"
    assert analyse("Đi xe buýt hay xe máy đều được.").label == "neutral"


def test_text_without_diacritics_uses_folded_forms() -> None:
    assert analyse("can bo rat nhiet tinh, toi rat hai long").label == "positive"
    assert analyse("nguoi dan buc xuc vi thu tuc cham tre").label == "negative"
    # "tệ" is flagged exact: folded "te" is too ambiguous, so nothing is read here.
    assert analyse("te").label == "neutral"


def test_result_shape() -> None:
    result = analyse("Rất hài lòng")
    assert result.label == "positive"
    assert 0.5 < result.score <= 1
    assert 0 < result.polarity <= 1
    assert analyse("").explanation == "không có từ mang cảm xúc"
    assert analyse("").score == 0.5


def test_bad_lexicon_file_is_refused_with_line_number(tmp_path: Path) -> None:
    path = tmp_path / "lex.tsv"
    path.write_text("# c\ntốt\t1\nxấu\tabc\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 3"):
        LexiconSentiment(path)
    path.write_text("tốt\t5\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1"):
        LexiconSentiment(path)


def test_folded_collisions_with_opposite_signs_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "lex.tsv"
    path.write_text("mát mẻ\t1\nmất mệ\t-1\ntươi tốt\t1\n", encoding="utf-8")
    lexicon = LexiconSentiment(path)
    assert lexicon.analyse("mat me").label == "neutral"
    assert lexicon.analyse("tuoi tot").label == "positive"
    assert lexicon.analyse("mát mẻ").label == "positive"
