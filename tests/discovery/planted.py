"""A planted mini-corpus for discovery: three issues no topic of the taxonomy covers, plus
scattered remarks about nothing in particular. Written for opiniondesk.

Each planted document is assembled from hand-written parts (an opening, a statement of the
problem, a consequence and a request), so no two are the same but all share the issue's words.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any


@dataclass(frozen=True, slots=True)
class PlantedIssue:
    key: str
    words: tuple[str, ...]  # folded terms a good label must contain at least one of
    openings: tuple[str, ...]
    problems: tuple[str, ...]
    effects: tuple[str, ...]
    requests: tuple[str, ...]


ISSUES = (
    PlantedIssue(
        "stray_dogs",
        ("cho", "cho tha", "tha rong", "ro mom", "cho can"),
        ("Người dân tổ 3 phản ánh", "Bà con trong xóm bức xúc vì", "Mấy hôm nay", "Xin báo"),
        (
            "chó thả rông chạy khắp đường làng",
            "nhiều nhà thả rông chó không rọ mõm",
            "đàn chó thả rông sủa và rượt người đi đường",
            "chó thả rông không xích ra đường cả ngày",
        ),
        (
            "sáng nay chó cắn một cháu bé đi học",
            "đã có hai người bị chó cắn phải băng bó vết thương",
            "người già không dám đi bộ buổi sáng vì sợ chó cắn",
            "xe máy đi qua bị chó rượt suýt ngã",
        ),
        (
            "đề nghị xử phạt chủ nuôi chó thả rông.",
            "mong chính quyền kiểm tra việc nuôi chó.",
            "đề nghị tổ chức bắt chó thả rông.",
        ),
    ),
    PlantedIssue(
        "swiftlet_houses",
        ("chim yen", "nha yen", "yen", "nuoi yen"),
        (
            "Cư dân khu phố 5 phản ánh",
            "Xin hỏi phường về việc",
            "Gia đình tôi rất khổ vì",
            "Nhờ phường xem giúp",
        ),
        (
            "nhà nuôi chim yến mọc lên ngay giữa khu dân cư",
            "loa phát âm thanh dẫn dụ chim yến kêu suốt ngày đêm",
            "nhiều hộ dựng nhà yến cao tầng sát vách nhà dân",
            "tiếng loa nhà nuôi yến vang từ sáng đến tối",
        ),
        (
            "người già và trẻ nhỏ mất ngủ",
            "phân chim yến rơi bẩn mái nhà và bể nước",
            "phân yến bốc mùi khó chịu khi trời nóng",
            "các cháu không tập trung làm bài được vì tiếng chim yến",
        ),
        (
            "đề nghị kiểm tra giấy phép các nhà yến.",
            "mong có quy định nuôi chim yến xa khu dân cư.",
            "đề nghị buộc giảm âm lượng loa nhà yến.",
        ),
    ),
    PlantedIssue(
        "monkeys",
        ("khi", "bay khi", "dan khi", "con khi"),
        (
            "Người dân thôn Đồi Mít cho biết",
            "Cả xóm hoảng vì",
            "Mấy tuần nay",
            "Báo để chính quyền biết",
        ),
        (
            "bầy khỉ từ rừng kéo xuống khu dân cư",
            "đàn khỉ leo vào nhà lục lọi đồ ăn",
            "khỉ hoang ngày nào cũng xuống xóm giật đồ",
            "một bầy khỉ hơn chục con chiếm mái nhà",
        ),
        (
            "có cháu nhỏ bị khỉ cắn vào tay",
            "khỉ giật túi đồ của người đi đường",
            "khỉ phá ngói và lật tung bếp",
            "trẻ con không dám ra ngõ vì sợ khỉ",
        ),
        (
            "đề nghị kiểm lâm đưa bầy khỉ về rừng.",
            "mong có biện pháp xua đuổi khỉ an toàn.",
            "đề nghị hướng dẫn người dân cách phòng khỉ.",
        ),
    ),
)

# Remarks about nothing in particular: they should stay unclustered or scatter.
SCATTERED = (
    "Cảm ơn các anh chị đã lắng nghe ý kiến của bà con.",
    "Hôm nay trời đẹp, đi dạo quanh hồ thấy rất vui.",
    "Chúc cán bộ phường năm mới nhiều niềm vui.",
    "Mong trang thông tin đăng bài thường xuyên hơn.",
    "Xin hỏi ngày thứ bảy phường có trực không.",
    "Thanh niên khu phố muốn có chỗ sinh hoạt buổi tối.",
    "Góp ý: nên trồng thêm hoa ở bùng binh đầu phố.",
    "Tôi ủng hộ phong trào đọc sách cho thiếu nhi trong hè.",
    "Câu lạc bộ dưỡng sinh của khu phố hoạt động rất tốt.",
    "Cuối tuần này có giải bóng chuyền hơi của khu phố, mời bà con cổ vũ.",
    "Đề nghị đặt thêm thùng sách miễn phí ở đầu ngõ.",
    "Bài hát trong lễ chào cờ đầu tháng rất hay, cảm ơn ban tổ chức.",
)


def planted_rows(
    per_issue: int = 14, seed: int = 11, start: datetime | None = None
) -> list[dict[str, Any]]:
    """Rows for tests.builders.write_csv: `per_issue` documents per issue plus the scattered
    remarks, published over the four weeks after `start`, from two provinces' place hints."""
    rng = random.Random(seed)
    start = start or datetime(2026, 10, 1, 8, 0)
    rows: list[dict[str, Any]] = []
    places = ("phường Tân Định, Hồ Chí Minh", "xã Tân Lập, Hà Nội")
    for issue in ISSUES:
        for i in range(per_issue):
            text = " ".join(
                [
                    rng.choice(issue.openings),
                    rng.choice(issue.problems) + ",",
                    rng.choice(issue.effects) + ",",
                    rng.choice(issue.requests),
                ]
            )
            rows.append(_row(f"{issue.key}-{i}", text, start, rng, rng.choice(places)))
    for i, text in enumerate(SCATTERED):
        rows.append(_row(f"scattered-{i}", text, start, rng, ""))
    rng.shuffle(rows)
    return rows


def _row(key: str, text: str, start: datetime, rng: random.Random, place: str) -> dict[str, Any]:
    moment = start + timedelta(days=rng.randrange(28), minutes=rng.randrange(600))
    return {
        "external_id": key,
        "published_at": moment.strftime("%Y-%m-%dT%H:%M:00+07:00"),
        "title": "",
        "text": text,
        "url": "",
        "author": f"nguoi-{rng.randrange(40)}",
        "location": place,
    }
