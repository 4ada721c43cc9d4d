"""RSS/Atom from files and URLs: HTML stripped, XXE harmless, private addresses refused."""

from __future__ import annotations

import ipaddress
import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from opiniondesk.config import Settings
from opiniondesk.errors import FetchError
from opiniondesk.ingest import fetch
from opiniondesk.ingest.errors import ReaderError
from opiniondesk.ingest.html_text import html_to_text
from opiniondesk.ingest.raw import RawItem, RowError
from opiniondesk.ingest.readers import open_source

DATA = Path(__file__).parent.parent / "data" / "ingest"
FEED = (DATA / "feed.rss").read_bytes()
DEFAULT = Settings(_env_file=None)
LOCAL_OK = Settings(_env_file=None, fetch_allow_private=True, fetch_timeout_s=5)


def test_rss_file() -> None:
    records = list(open_source(DATA / "feed.rss", settings=DEFAULT))
    first, title_only, empty = records
    assert isinstance(first, RawItem)
    assert first.text == "Mưa lớn gây sạt lở nghiêm trọng.\nGiao thông bị chia cắt & ách tắc."
    assert first.title == "Sạt lở đường tỉnh 123"
    assert first.url == "https://news.example.org/a/1" and first.external_id == "tin-1"
    assert first.published_at is not None and first.published_at.isoformat() == (
        "2024-05-01T01:00:00+00:00"
    )
    assert isinstance(title_only, RawItem) and title_only.text == "Chỉ có tiêu đề"
    assert title_only.external_id == "https://news.example.org/a/2"  # no guid: the link
    assert isinstance(empty, RowError) and empty.line == 3


def test_atom_file() -> None:
    (item,) = open_source(DATA / "feed.atom", settings=DEFAULT)
    assert isinstance(item, RawItem)
    assert item.text == "Phí gửi xe ở bệnh viện quá cao"
    assert item.external_id == "urn:uuid:entry-1" and item.url == "https://gopy.example.org/1"


def test_external_entities_are_not_resolved() -> None:
    records = list(open_source(DATA / "feed_xxe.rss", settings=DEFAULT))
    passwd = Path("/etc/passwd").read_text(encoding="utf-8", errors="replace")
    first_line = passwd.splitlines()[0]
    assert first_line and all(first_line not in repr(r) for r in records)
    assert all("lollol" not in repr(r) for r in records)  # nested entities not expanded


def test_broken_feed_is_a_reader_error() -> None:
    with pytest.raises(ReaderError, match="RSS/Atom"):
        list(open_source(DATA / "feed_broken.xml", settings=DEFAULT))


def test_html_to_text_drops_scripts_and_keeps_paragraphs() -> None:
    markup = "<div>Một<br>Hai</div><script>x()</script><style>a{}</style><p>Ba &amp; bốn</p>"
    assert html_to_text(markup) == "Một\nHai\nBa & bốn"


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/feed.xml":
            self._send(200, FEED, {"Content-Type": "application/rss+xml"})
        elif self.path == "/old":
            self._send(302, b"", {"Location": "/feed.xml"})
        elif self.path == "/loop":
            self._send(302, b"", {"Location": "/loop"})
        elif self.path == "/big":  # no Content-Length: only streaming can notice
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"<rss>" + b"x" * 50_000)
        elif self.path == "/big-declared":
            self._send(200, b"x" * 50_000, {})
        else:
            self._send(404, b"", {})

    def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_feed_url_when_private_addresses_are_allowed(server: str) -> None:
    items = list(open_source(f"{server}/feed.xml", settings=LOCAL_OK))
    assert isinstance(items[0], RawItem) and items[0].title == "Sạt lở đường tỉnh 123"
    assert items[0].source == f"{server}/feed.xml"


def test_loopback_is_refused_by_default(server: str) -> None:
    with pytest.raises(FetchError, match=r"127\.0\.0\.1"):
        list(open_source(f"{server}/feed.xml", settings=DEFAULT))


def test_redirects_are_followed_and_limited(server: str) -> None:
    fetched = fetch.fetch_url(f"{server}/old", settings=LOCAL_OK)
    assert fetched.url.endswith("/feed.xml") and fetched.content == FEED
    with pytest.raises(FetchError, match="redirect"):
        fetch.fetch_url(f"{server}/loop", settings=LOCAL_OK)


def test_size_cap(server: str) -> None:
    small = Settings(_env_file=None, fetch_allow_private=True, fetch_max_bytes=10_000)
    for path in ("/big", "/big-declared"):
        with pytest.raises(FetchError, match="10,000"):
            fetch.fetch_url(f"{server}{path}", settings=small)


def test_http_error_status(server: str) -> None:
    with pytest.raises(FetchError, match="404"):
        fetch.fetch_url(f"{server}/missing", settings=LOCAL_OK)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/feed", "gopher://x"])
def test_only_http_schemes(url: str) -> None:
    with pytest.raises(FetchError, match="http"):
        fetch.fetch_url(url, settings=DEFAULT)


def test_redirect_to_loopback_from_public_host_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A public feed that redirects inward must not reach the inside: every hop is checked."""
    public = ipaddress.ip_address("93.184.216.34")

    def fake_resolve(host: str, port: int) -> list[fetch.IPAddress]:
        return [public] if host == "feeds.example.org" else [ipaddress.ip_address(host)]

    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(f"{request.url.host} {request.headers['host']}")
        if request.headers["host"] == "feeds.example.org":
            return httpx.Response(302, headers={"Location": "http://127.0.0.1:8080/admin"})
        return httpx.Response(200, content=b"secret")

    monkeypatch.setattr(fetch, "resolve_host", fake_resolve)
    with pytest.raises(FetchError, match=r"127\.0\.0\.1"):
        fetch.fetch_url(
            "http://feeds.example.org/rss", settings=DEFAULT, transport=httpx.MockTransport(handler)
        )
    # The request went to the checked address with the name in Host, and never inside.
    assert seen == ["93.184.216.34 feeds.example.org"]


def test_name_resolving_to_a_private_address_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        fetch, "resolve_host", lambda host, port: [ipaddress.ip_address("10.1.2.3")]
    )
    with pytest.raises(FetchError, match=r"10\.1\.2\.3"):
        fetch.fetch_url("https://intranet.example.org/rss", settings=DEFAULT)


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True),
        ("2001:4860:4860::8888", True),
        ("127.0.0.1", False),
        ("10.0.0.1", False),
        ("172.16.5.4", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # cloud metadata
        ("100.64.0.1", False),  # carrier-grade NAT
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("240.0.0.1", False),
        ("::1", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("::ffff:127.0.0.1", False),
    ],
)
def test_is_public(address: str, public: bool) -> None:
    assert fetch.is_public(ipaddress.ip_address(address)) is public


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, Path]]:
    """An HTTPS server on 127.0.0.1 whose certificate names feeds.test (made with openssl)."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl command not available")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=feeds.test", "-addext", "subjectAltName=DNS:feeds.test",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1], cert
    httpd.shutdown()
    httpd.server_close()


def test_https_pinned_to_checked_address_still_verifies_the_name(
    tls_server: tuple[int, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    port, cert = tls_server
    monkeypatch.setattr(fetch, "resolve_host", lambda host, p: [ipaddress.ip_address("127.0.0.1")])
    trusting = httpx.HTTPTransport(verify=ssl.create_default_context(cafile=str(cert)))
    fetched = fetch.fetch_url(
        f"https://feeds.test:{port}/feed.xml", settings=LOCAL_OK, transport=trusting
    )
    assert fetched.content == FEED
    # The certificate names feeds.test, so the same server under another name must fail.
    monkeypatch.setattr(fetch, "resolve_host", lambda host, p: [ipaddress.ip_address("127.0.0.1")])
    other = httpx.HTTPTransport(verify=ssl.create_default_context(cafile=str(cert)))
    with pytest.raises(FetchError):
        fetch.fetch_url(f"https://other.test:{port}/feed.xml", settings=LOCAL_OK, transport=other)
