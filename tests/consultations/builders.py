"""Builders for consultation tests: tiny Pol.is exports written by hand, seeded consultations."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from opiniondesk.consultations import service
from opiniondesk.consultations.models import Consultation, ConsultationStatus

STATEMENTS = [
    "Nên mở thêm làn xe đạp trên đường chính.",
    "Cần thêm cây xanh ở khu dân cư.",
    "Chợ tạm nên chuyển ra xa trường học.",
    "Nên cấm xe tải vào giờ cao điểm.",
]


def open_consultation(session: Session, statements: list[str] = STATEMENTS) -> Consultation:
    consultation = service.create(session, title="Quy hoạch phường", question="Bạn nghĩ sao?")
    for text in statements:
        service.add_statement(session, consultation, text, by_participant=False)
    service.set_status(session, consultation, ConsultationStatus.open)
    return consultation


def two_camps_votes(people: int = 40, statements: int = 8) -> list[tuple[str, str, int]]:
    """Two clear camps: the first half agrees with the even statements and disagrees with the
    odd ones, the second half the opposite; statement 0 everyone agrees with."""
    votes = []
    for p in range(people):
        camp = p < people // 2
        for s in range(statements):
            vote = 1 if s == 0 or (s % 2 == 0) == camp else -1
            votes.append((str(p), str(s), vote))
    return votes


def write_old_layout(folder: Path) -> Path:
    """comments.csv with `datetime`, votes.csv with a changed vote, participants-votes.csv."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "summary.csv").write_text("topic,Tiny test\ngroups,2\n", encoding="utf-8")
    (folder / "comments.csv").write_text(
        "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
        "1000,x,0,0,2,0,1,First statement\n"
        "1001,x,1,0,1,1,-1,Call me on 0912345678\n"
        "1002,x,2,1,0,1,0,Third statement\n",
        encoding="utf-8",
    )
    (folder / "votes.csv").write_text(
        "timestamp,datetime,comment-id,voter-id,vote\n"
        "2000,x,0,0,1\n"
        "2001,x,1,0,1\n"
        "2002,x,0,1,-1\n"
        "2003,x,0,1,1\n"  # voter 1 changes their mind: the latest (agree) counts
        "2004,x,2,1,-1\n"
        "2005,x,1,1,-1\n",
        encoding="utf-8",
    )
    (folder / "participants-votes.csv").write_text(
        "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,2\n"
        "0,0,2,2,2,0,1,1,\n"
        "1,1,1,3,1,2,1,-1,-1\n",
        encoding="utf-8",
    )
    return folder


def write_new_layout(folder: Path) -> Path:
    """bg2050-style comments.csv and only participants-votes.csv (with xid)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "comments.csv").write_text(
        "timestamp,comment-id,author-id,agrees,disagrees,moderated,is-meta,is-seed,"
        "group-informed-consensus,comment-body\n"
        "1000,5,0,1,0,1,false,true,0.25,Statement five\n"
        "1001,7,0,0,1,1,false,true,0.25,Statement seven\n",
        encoding="utf-8",
    )
    (folder / "participants-votes.csv").write_text(
        "participant,xid,group-id,n-comments,n-votes,n-agree,n-disagree,5,7\n"
        "3,,0,0,2,1,1,1,-1\n"
        "4,,,0,1,0,0,0,\n",
        encoding="utf-8",
    )
    return folder
