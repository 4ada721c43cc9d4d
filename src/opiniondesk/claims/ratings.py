"""The verdict scale of clarifications, as schema.org Rating values (1 = worst, 5 = best).

People type a verdict in Vietnamese or English, with or without diacritics ("Sai", "sai",
"False", "chua chinh xac"); each maps to one key of the scale.
"""

from __future__ import annotations

from dataclasses import dataclass

from opiniondesk.errors import InputError
from opiniondesk.text.normalize import fold


@dataclass(frozen=True, slots=True)
class Rating:
    key: str
    value: int  # schema.org ratingValue
    label_vi: str
    label_en: str


RATINGS: tuple[Rating, ...] = (
    Rating("false", 1, "Sai", "False"),
    Rating("misleading", 2, "Chưa chính xác", "Misleading"),
    Rating("half_true", 3, "Đúng một phần", "Half true"),
    Rating("mostly_true", 4, "Phần lớn đúng", "Mostly true"),
    Rating("true", 5, "Đúng", "True"),
)
BEST, WORST = 5, 1
_BY_KEY = {r.key: r for r in RATINGS}
_BY_NAME = {
    fold(name).replace("_", " "): r for r in RATINGS for name in (r.key, r.label_vi, r.label_en)
}
# verdict words offices commonly use for the same points of the scale
_BY_NAME.update(
    {
        "sai su that": _BY_KEY["false"],
        "tin gia": _BY_KEY["false"],
        "khong chinh xac": _BY_KEY["misleading"],
        "gay hieu lam": _BY_KEY["misleading"],
        "mot phan dung": _BY_KEY["half_true"],
        "partly true": _BY_KEY["half_true"],
    }
)


def rating_by_key(key: str) -> Rating:
    return _BY_KEY[key]


def parse_rating(text: str) -> Rating:
    """The rating a person meant by `text`; InputError listing the accepted words if none."""
    found = _BY_NAME.get(" ".join(fold(text).replace("_", " ").split()))
    if found is None:
        accepted = "; ".join(f"{r.label_vi} / {r.label_en}" for r in RATINGS)
        raise InputError(
            f"Không hiểu mức đánh giá {text!r}. Dùng một trong: {accepted}. / "
            f"Unknown rating {text!r}. Use one of: {accepted}."
        )
    return found
