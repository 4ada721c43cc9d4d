"""How long an Open311 POST takes as the stored corpus grows (each POST runs the pipeline and
warms the near-duplicate index from the stored signatures), and a /api/v1/documents page.

    .venv/bin/python bench/api_open311.py [--sizes 0,2000,10000] [--posts 20]

Prints a table; figures depend on the machine (2 cores here)."""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from opiniondesk.config import Settings
from opiniondesk.ingest.raw import RawItem
from opiniondesk.open311 import service
from opiniondesk.open311.settings import Open311Settings
from opiniondesk.pipeline.ingestion import Ingestor
from opiniondesk.storage.base import utcnow
from opiniondesk.storage.engine import make_engine, make_session_factory
from opiniondesk.storage.migrate import upgrade_to_head
from opiniondesk.storage.models import ChannelKind

TEXTS = [
    "Đường {n} ở xã Tân Lập ngập sâu sau mưa, xe máy chết máy hàng loạt",
    "Giá điện tháng này tăng quá cao so với tháng {n} trước, dân kêu khổ",
    "Bãi rác gần trường học số {n} bốc mùi hôi thối, đề nghị di dời",
    "Cầu {n} xuống cấp nghiêm trọng, người dân lo sợ khi đi qua",
]


def _corpus(n: int) -> list[RawItem]:
    return [
        RawItem(
            text=f"{TEXTS[i % len(TEXTS)].format(n=i)} (ý kiến {i})",
            source="bench",
            line=i,
            external_id=f"bench-{i}",
        )
        for i in range(n)
    ]


def run(size: int, posts: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.sqlite'}"
        engine = make_engine(url)
        upgrade_to_head(engine)
        settings = Settings(home=Path(folder), database_url=url, secret_key="bench-secret")
        sessions = make_session_factory(engine)
        if size:
            with Ingestor(settings.model_copy(update={"pipeline_workers": 0}), sessions) as ing:
                ing.ingest(_corpus(size), kind=ChannelKind.feed, channel_name="bench", source="b")
        seconds = []
        for i in range(posts):
            item = service.Submission(
                service_code="traffic",
                description=f"Ổ gà lớn trên đường số {i}, gọi 0912345678",
                address_string="xã Tân Lập",
            )
            started = time.perf_counter()
            service.submit(
                item,
                settings=settings,
                open311=Open311Settings(),
                sessions=sessions,
                actor=None,
                now=utcnow(),
            )
            seconds.append(time.perf_counter() - started)
        engine.dispose()
    ordered = sorted(seconds[1:] or seconds)  # the first POST also loads the gazetteer
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="0,2000,10000")
    parser.add_argument("--posts", type=int, default=20)
    args = parser.parse_args()
    print("| stored documents | POST p50 ms | POST p95 ms |")
    print("| ---: | ---: | ---: |")
    for size in (int(s) for s in args.sizes.split(",")):
        p50, p95 = run(size, args.posts)
        print(f"| {size:,} | {p50 * 1000:.0f} | {p95 * 1000:.0f} |")


if __name__ == "__main__":
    main()
