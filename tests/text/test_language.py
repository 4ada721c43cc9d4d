from __future__ import annotations

import pytest

from opiniondesk.text.language import detect_language

LABELLED: list[tuple[str, str]] = [
    # Vietnamese with diacritics
    ("Người dân phản ánh đường bị ngập sâu sau mưa lớn", "vi"),
    ("Đề nghị UBND phường sớm khắc phục tình trạng rác thải", "vi"),
    ("Tôi không hài lòng với thái độ của cán bộ một cửa", "vi"),
    ("Học phí năm nay tăng quá cao, phụ huynh rất bức xúc", "vi"),
    ("Cảm ơn các anh công an đã hỗ trợ kịp thời", "vi"),
    ("Điện chập chờn cả tuần nay rồi", "vi"),
    ("Xin hỏi thủ tục cấp lại căn cước mất bao lâu?", "vi"),
    ("Rác thải ngập đường, mùi hôi thối", "vi"),
    ("Hà Nội mưa to", "vi"),
    ("Tuyệt vời!", "vi"),
    ("Tôi muốn report lỗi này trên app", "vi"),
    ("Ủng hộ chủ trương sáp nhập tỉnh", "vi"),
    # Vietnamese without diacritics
    ("nguoi dan phan anh duong xa bi ngap", "vi"),
    ("de nghi chinh quyen xu ly som", "vi"),
    ("toi khong hai long voi dich vu nay", "vi"),
    ("nuoc sinh hoat bi duc qua", "vi"),
    ("cam on cac anh chi da giup do", "vi"),
    ("khu pho toi mat dien tu sang den gio", "vi"),
    ("xin chao moi nguoi", "vi"),
    ("hoc phi tang qua cao", "vi"),
    # teencode
    ("ko dc", "vi"),
    ("mn oi cho hoi sdt cua ubnd phuong", "vi"),
    ("ko bít j luôn, chán thật sự", "vi"),
    ("dc r, cảm ơn ad nhiều", "vi"),
    # English
    ("The road near my house has been flooded for three days", "en"),
    ("Please fix the street lights on our road", "en"),
    ("Thank you for your help", "en"),
    ("I want to report a problem with the water supply", "en"),
    ("Why is nobody answering the phone at the city office?", "en"),
    ("This is a great initiative by the government", "en"),
    ("hello world", "en"),
    ("The garbage has not been collected since last week", "en"),
    ("We need more buses in the morning", "en"),
    ("Traffic is terrible today", "en"),
    # other scripts / languages
    ("道路被淹了，请尽快处理", "zh"),
    ("東京の道路が冠水しました", "ja"),
    ("도로가 침수되었습니다", "ko"),
    ("Дорога затоплена уже три дня", "ru"),
    ("ถนนน้ำท่วมมาสามวันแล้ว", "th"),
    ("El camino está inundado desde ayer", "other"),
    ("Je suis très content de la décision du gouvernement", "other"),
    ("Die Straße ist seit drei Tagen überflutet", "other"),
    # undetermined
    ("", "und"),
    ("   ", "und"),
    ("12345 678", "und"),
    ("!!! ???", "und"),
]


def test_enough_examples() -> None:
    assert len(LABELLED) >= 40


@pytest.mark.parametrize(("text", "expected"), LABELLED)
def test_detect_language(text: str, expected: str) -> None:
    language, confidence = detect_language(text)
    assert language == expected, (text, language, confidence)
    assert 0.0 <= confidence <= 1.0
    if expected == "und":
        assert confidence == 0.0
    else:
        assert confidence > 0.0


def test_confidence_grows_with_evidence() -> None:
    short = detect_language("nuoc duc")[1]
    long = detect_language("nuoc sinh hoat cua khu pho toi bi duc va co mui hoi tu tuan truoc")[1]
    assert long > short
