"""The demo survey: a small bilingual XLSForm on sidewalk use in Bến Thành ward, imported
through surveys.service, with ~200 synthetic responses imported as a KoboToolbox export (with
a weight column correcting the sample's age mix), and its public link open, so /surveys shows
estimates and charts and the link can be tried.

Answers are synthetic: occupation and age drive support for renting out sidewalk space, so
the breakdowns have something to show."""

from __future__ import annotations

import csv
import random
from pathlib import Path

from sqlalchemy.orm import Session

from opiniondesk.demo.showcase.base import Seeded, ShowcaseContext
from opiniondesk.demo.showcase.survey_form import write_demo_form
from opiniondesk.surveys import repository as repo
from opiniondesk.surveys import service

RESPONSES = 200
# the sample over-represents older residents (door-to-door in daytime); weights = population
# share ÷ sample share of each age group
SAMPLE_AGE = {"18_34": 0.25, "35_54": 0.35, "55": 0.40}
POPULATION_AGE = {"18_34": 0.38, "35_54": 0.37, "55": 0.25}
OCCUPATIONS = {"kinh_doanh": 0.25, "van_phong": 0.30, "huu_tri": 0.30, "hoc_sinh": 0.15}
# P(support renting out sidewalk space): shop owners want it, older residents do not
SUPPORT = {"kinh_doanh": 0.70, "van_phong": 0.35, "huu_tri": 0.15, "hoc_sinh": 0.40}
USES = ("quan_an", "de_xe", "ban_hang", "vat_lieu")
REASONS = (
    "Vỉa hè là lối đi của người đi bộ, nhất là người già và trẻ em.",
    "Cho thuê sẽ khó kiểm soát, lại lấn chiếm thêm.",
    "Thu phí xong vẫn không còn chỗ đi bộ.",
    "Lo mất an toàn khi phải đi xuống lòng đường.",
)
SUGGESTIONS = (
    "Nên kẻ vạch rõ phần vỉa hè dành cho người đi bộ.",
    "Tăng kiểm tra vào giờ cao điểm buổi sáng.",
    "Bố trí bãi giữ xe tập trung cho khách của các quán.",
    "",
    "",
)
HEADER = [
    "nguoi_tra_loi/gioi_tinh",
    "nguoi_tra_loi/nhom_tuoi",
    "nguoi_tra_loi/khu_pho",
    "nguoi_tra_loi/nghe_nghiep",
    "nguoi_tra_loi/so_nam",
    "bi_lan_chiem",
    "hinh_thuc",
    "hai_long",
    "thu_phi",
    "ly_do",
    "gop_y",
    "_uuid",
    "weight",
]


def _pick(rng: random.Random, shares: dict[str, float]) -> str:
    return rng.choices(list(shares), weights=list(shares.values()))[0]


def _row(ctx: ShowcaseContext, index: int, rng: random.Random) -> list[str]:
    age = _pick(rng, SAMPLE_AGE)
    occupation = "huu_tri" if age == "55" and rng.random() < 0.6 else _pick(rng, OCCUPATIONS)
    support = rng.random() < SUPPORT[occupation] * (0.7 if age == "55" else 1.0)
    opinion = "ung_ho" if support else rng.choice(("khong", "khong", "chua_ro"))
    encroached = rng.random() < 0.75
    uses = sorted(u for u in USES if rng.random() < 0.45) if encroached else []
    satisfaction = max(1, min(5, round(rng.gauss(2.6 if encroached else 3.6, 0.9))))
    years = min(80, int(rng.expovariate(1 / 15)))
    weight = POPULATION_AGE[age] / SAMPLE_AGE[age]
    return [
        rng.choice(("nam", "nu")),
        age,
        rng.choice(("kp1", "kp2", "kp3")),
        occupation,
        str(years),
        "co" if encroached else "khong",
        " ".join(uses or ["de_xe"]) if encroached else "",
        str(satisfaction),
        opinion,
        rng.choice(REASONS) if opinion == "khong" else "",
        rng.choice(SUGGESTIONS),
        str(ctx.stable_id("survey-response", index)),
        f"{weight:.4f}",
    ]


def write_responses(ctx: ShowcaseContext, folder: Path) -> Path:
    """A KoboToolbox-style export of the synthetic responses (same rows on every run)."""
    rng = random.Random(ctx.seed)
    path = folder / "demo_via_he_2026-responses.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(_row(ctx, i, rng) for i in range(RESPONSES))
    return path


def seed_survey(session: Session, ctx: ShowcaseContext) -> Seeded:
    survey = service.import_form(session, write_demo_form(ctx.folder))
    report = service.import_responses(
        session, survey, write_responses(ctx, ctx.folder), weight_column="weight"
    )
    if report.errors:  # the generator and the form disagree: fail loudly, not half-seeded
        raise ValueError(f"demo survey rows refused: {report.errors[:3]}")
    link = service.open_link(session, survey)
    total = repo.count_responses(session, survey.id)
    return Seeded(
        "Khảo sát",
        "Surveys",
        f"“{survey.title}” với {total} phiếu có trọng số, liên kết công khai đang mở",
        f"“{survey.title}” with {total} weighted responses, public link open",
        report.stored,
        url=f"/khao-sat/{link.token}",
    )
