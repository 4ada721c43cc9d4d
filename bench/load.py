"""Benchmark: the dashboard and the explorer's search under 50 concurrent users.

Usage: python bench/load.py [--users 50] [--seconds 30] [--home DIR] [--no-write] [--profile]

Builds the demo desk (`opiniondesk demo --no-serve`, OPINIONDESK_HOME in a temp folder unless
--home names one that already holds it), starts `opiniondesk serve` as a subprocess on a free
port of 127.0.0.1, signs in once as the national demo analyst, then lets `--users` virtual users
(httpx.AsyncClient, sharing that session) each loop over GET / and GET /explorer?q=<word> for
`--seconds` seconds. Prints requests, errors and p50/p95/p99 latency per page and writes a table
to docs/benchmarks.md between the load markers. All traffic goes to 127.0.0.1 only, and the run
ends by itself. --profile also profiles one dashboard and one search request in-process with
cProfile and prints where the time goes.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import os
import platform
import pstats
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"
BEGIN, END = "<!-- bench:load:begin -->", "<!-- bench:load:end -->"
CLI = Path(sys.executable).parent / "opiniondesk"
ANALYST = "chuyenvien"  # national analyst of the demo accounts (accounts/demo.py)
TARGET_P95_MS = 300.0
ALONE_SECONDS = 10.0
# Everyday words of the demo corpus, with and without diacritics (search ignores them).
WORDS = ["rác", "ngập", "đường", "dien", "hoc phi", "sạt lở", "nước", "y te"]
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(
        default_factory=lambda: {"dashboard": [], "search": []}
    )
    errors: dict[str, int] = field(default_factory=lambda: {"dashboard": 0, "search": 0})


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _build_demo(home: Path) -> None:
    if (home / "demo-password.txt").exists():
        return
    env = {**os.environ, "OPINIONDESK_HOME": str(home)}
    print("building the demo desk …", flush=True)
    subprocess.run([str(CLI), "demo", "--no-serve"], env=env, check=True, capture_output=True)


def _start_server(home: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "OPINIONDESK_HOME": str(home)}
    server = subprocess.Popen(
        [str(CLI), "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(
                f"opiniondesk serve stopped: {server.stderr and server.stderr.read()!r}"
            )
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    server.terminate()
    raise SystemExit("opiniondesk serve did not answer /healthz within 60 s")


def _sign_in(base: str, password: str) -> httpx.Cookies:
    with httpx.Client(base_url=base, headers={"Origin": base}) as client:
        page = client.get("/login")
        match = _CSRF.search(page.text)
        if not match:
            raise SystemExit("no csrf_token on /login")
        response = client.post(
            "/login",
            data={"username": ANALYST, "password": password, "next": "/", "csrf_token": match[1]},
        )
        if response.status_code != 303:
            raise SystemExit(f"sign-in as {ANALYST} failed: {response.status_code}")
        return client.cookies


async def _user(n: int, base: str, cookies: httpx.Cookies, stop_at: float, tally: Tally) -> None:
    async with httpx.AsyncClient(base_url=base, cookies=cookies, timeout=30) as client:
        i = n
        while time.monotonic() < stop_at:
            for page, path in (
                ("dashboard", "/"),
                ("search", f"/explorer?q={WORDS[i % len(WORDS)]}"),
            ):
                started = time.perf_counter()
                try:
                    response = await client.get(path)
                    ok = response.status_code == 200
                except httpx.HTTPError:
                    ok = False
                tally.latencies[page].append((time.perf_counter() - started) * 1000)
                if not ok:
                    tally.errors[page] += 1
            i += 1


async def _load(base: str, cookies: httpx.Cookies, users: int, seconds: float) -> Tally:
    tally = Tally()
    stop_at = time.monotonic() + seconds
    await asyncio.gather(*(_user(n, base, cookies, stop_at, tally) for n in range(users)))
    return tally


def _percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


Row = tuple[str, str, int, int, float, float, float, float]


def _rows(tally: Tally, seconds: float, load: str) -> list[Row]:
    return [
        (
            load,
            page,
            len(values),
            tally.errors[page],
            len(values) / seconds,
            _percentile(values, 50),
            _percentile(values, 95),
            _percentile(values, 99),
        )
        for page, values in tally.latencies.items()
    ]


def _profile(home: Path) -> str:
    """One dashboard and one search request in-process, under cProfile.

    FastAPI runs sync endpoints and dependencies in worker threads, which cProfile does not
    follow; for the profile they run inline on the event loop's thread instead.
    """
    os.environ["OPINIONDESK_HOME"] = str(home)
    sys.path.insert(0, str(ROOT / "src"))
    import anyio.to_thread

    from opiniondesk.cli.context import desk
    from opiniondesk.web.app import create_app

    async def inline(func: Any, *args: Any, **_: Any) -> Any:
        return func(*args)

    anyio.to_thread.run_sync = inline  # type: ignore[assignment]
    d = desk()
    app = create_app(d.settings, engine=d.engine)
    password = (home / "demo-password.txt").read_text(encoding="utf-8").strip()
    out = io.StringIO()

    async def run() -> None:
        transport = httpx.ASGITransport(app=app)
        base = "http://127.0.0.1"
        async with httpx.AsyncClient(
            transport=transport, base_url=base, headers={"Origin": base}
        ) as client:
            token = _CSRF.search((await client.get("/login")).text)
            assert token, "no csrf_token on /login"
            await client.post(
                "/login",
                data={"username": ANALYST, "password": password, "csrf_token": token[1]},
            )
            for path in ("/", f"/explorer?q={WORDS[0]}"):
                await client.get(path)  # warm caches first, as the server under load has them
                profiler = cProfile.Profile()
                profiler.enable()
                response = await client.get(path)
                profiler.disable()
                assert response.status_code == 200, (path, response.status_code)
                print(f"\n=== {path} ===", file=out)
                stats = pstats.Stats(profiler, stream=out)
                stats.sort_stats("cumulative").print_stats(r"opiniondesk|sqlalchemy|jinja2", 30)
                summary.append(_where_time_goes(path, stats))

    summary: list[str] = []
    asyncio.run(run())
    print(out.getvalue())
    return "\n".join(summary)


def _where_time_goes(path: str, stats: pstats.Stats) -> str:
    """The project's functions that take the most of one request, for the markdown."""
    table: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    total = max(ct for _, _, _, ct, _ in table.values())
    sql = sum(tt for (file, _, name), (_, _, tt, _, _) in table.items() if "sqlite3" in name)
    ours = sorted(
        (
            (ct, f"{Path(file).parent.name}/{Path(file).name}:{name}")
            for (file, _, name), (_, _, _, ct, _) in table.items()
            if "/src/opiniondesk/" in file and ct < total * 0.9  # not the middleware wrappers
        ),
        reverse=True,
    )[:5]
    parts = ", ".join(f"`{where}` {ct * 1000:.0f} ms" for ct, where in ours)
    return (
        f"- `GET {path}` in-process under cProfile: {total * 1000:.0f} ms in all, "
        f"SQLite {sql * 1000:.0f} ms; largest parts: {parts}."
    )


def _table(rows: list[Row], args: argparse.Namespace) -> str:
    command = f"python bench/load.py --users {args.users} --seconds {args.seconds:g}"
    lines = [
        "## Web load: dashboard and search / Tải web: tổng quan và tra cứu",
        "",
        f"`{command}` — {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}; demo desk "
        "(`opiniondesk demo --no-serve`, SQLite), one `opiniondesk serve` process (uvicorn, one "
        f"worker); {args.users} httpx users for {args.seconds:g} s, then 1 user for "
        f"{ALONE_SECONDS:g} s, each looping over GET / and GET /explorer?q=<word> without pause, "
        "signed in as the national demo analyst; the load generator shares the machine. "
        f"Target p95 < {TARGET_P95_MS:g} ms at {args.users} users.",
        "",
        "| load | page | requests | errors | req/s | p50 ms | p95 ms | p99 ms | p95 < target |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for load, page, count, errors, rate, p50, p95, p99 in rows:
        verdict = "yes" if p95 < TARGET_P95_MS else "no"
        lines.append(
            f"| {load} | {page} | {count} | {errors} | {rate:.1f} | {p50:.0f} | {p95:.0f} "
            f"| {p99:.0f} | {verdict} |"
        )
    loaded = [r for r in rows if r[0] == f"{args.users} users"]
    served = sum(r[4] for r in loaded)
    if served and any(r[6] >= TARGET_P95_MS for r in loaded):
        # closed loop without think time: Little's law ties waiting to throughput
        lines += [
            "",
            f"Reading: at {args.users} users the single server process answered {served:.0f} "
            f"requests/s in all, so each user waits about {args.users / served:.2f} s per "
            f"request (users ÷ throughput). A p95 under {TARGET_P95_MS:g} ms at this load needs "
            f"roughly {args.users / (TARGET_P95_MS / 1000):.0f} requests/s, "
            f"{args.users / (TARGET_P95_MS / 1000) / served:.1f}× what was measured.",
        ]
    return "\n".join(lines)


def _write(section: str) -> None:
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    block = f"{BEGIN}\n{section}\n{END}"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    DOC.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--home", type=Path, help="a demo desk to reuse (built when empty)")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = args.home or Path(tmp)
        home.mkdir(parents=True, exist_ok=True)
        _build_demo(home)
        password = (home / "demo-password.txt").read_text(encoding="utf-8").strip()
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = _start_server(home, port)
        try:
            cookies = _sign_in(base, password)
            print(f"{args.users} users for {args.seconds:g} s against {base} …", flush=True)
            tally = asyncio.run(_load(base, cookies, args.users, args.seconds))
            # one user alone: the server's own time per request, without queueing
            alone = asyncio.run(_load(base, cookies, 1, ALONE_SECONDS))
        finally:
            server.terminate()
            server.wait(timeout=30)
        rows = _rows(tally, args.seconds, f"{args.users} users")
        rows += _rows(alone, ALONE_SECONDS, "1 user")
        table = _table(rows, args)
        if args.profile:
            table += "\n\nWhere one request's time goes (`--profile`):\n\n" + _profile(home)
        print(table)
    if not args.no_write:
        _write(table)


if __name__ == "__main__":
    main()
