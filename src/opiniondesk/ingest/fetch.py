"""Fetch a feed over http(s) without letting a URL reach into the office's own network.

Every hop (the URL and each redirect) is resolved and refused if any address is private,
loopback, link-local, multicast or reserved, unless settings.fetch_allow_private. The request
then goes to the checked address itself (Host header and TLS SNI keep the name), so a DNS
answer that changes between check and connect cannot redirect it. Bodies are streamed and cut
off at settings.fetch_max_bytes (after decompression, so gzip bombs stop too).
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass

import httpx

from opiniondesk.config import Settings
from opiniondesk.errors import FetchError
from opiniondesk.ingest.errors import say

MAX_REDIRECTS = 5
# A slow server dripping bytes under the read timeout must still end: whole-fetch deadline.
DEADLINE_FACTOR = 3
USER_AGENT = "opiniondesk/0.1 (feed reader)"
_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # the final URL, after redirects
    content: bytes
    content_type: str | None


def resolve_host(host: str, port: int) -> list[IPAddress]:
    """All addresses a name resolves to (tests replace this to simulate DNS)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [ipaddress.ip_address(info[4][0]) for info in infos]


def is_public(address: IPAddress) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_global and not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


def fetch_url(
    url: str, *, settings: Settings, transport: httpx.BaseTransport | None = None
) -> Fetched:
    """GET `url` safely and return its body, or raise FetchError saying what to do."""
    timeout = httpx.Timeout(settings.fetch_timeout_s)
    deadline = time.monotonic() + settings.fetch_timeout_s * DEADLINE_FACTOR
    # trust_env=False: a proxy from the environment would bypass the address checks.
    # No keep-alive: a pooled TLS connection to one IP must not serve another checked name.
    with httpx.Client(
        timeout=timeout,
        follow_redirects=False,
        trust_env=False,
        transport=transport,
        limits=httpx.Limits(max_keepalive_connections=0),
    ) as client:
        current = _parse(url, url)
        for _hop in range(MAX_REDIRECTS + 1):
            request = _pinned_request(client, current, settings, original=url)
            try:
                response = client.send(request, stream=True)
            except httpx.HTTPError as exc:
                raise FetchError(
                    _msg(url, f"không kết nối được ({exc})", f"cannot connect: {exc}")
                ) from exc
            try:
                if response.is_redirect:
                    location = response.headers.get("location", "")
                    current = _parse(str(current.join(location)), url)
                    continue
                if response.status_code >= 400:
                    raise FetchError(
                        _msg(
                            url,
                            f"máy chủ trả lỗi HTTP {response.status_code}",
                            f"server answered HTTP {response.status_code}; check the address",
                        )
                    )
                body = _read_capped(response, url, settings.fetch_max_bytes, deadline)
                return Fetched(str(current), body, response.headers.get("content-type"))
            finally:
                response.close()
    raise FetchError(
        _msg(url, f"chuyển hướng quá {MAX_REDIRECTS} lần", f"more than {MAX_REDIRECTS} redirects")
    )


def _parse(candidate: str, original: str) -> httpx.URL:
    try:
        parsed = httpx.URL(candidate)
    except httpx.InvalidURL as exc:
        raise FetchError(_msg(original, f"địa chỉ không hợp lệ {candidate!r}", str(exc))) from exc
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise FetchError(
            _msg(
                original,
                f"chỉ nhận địa chỉ http:// hoặc https://, không nhận {candidate!r}",
                f"only http:// and https:// addresses are allowed, not {candidate!r}",
            )
        )
    return parsed


def _pinned_request(
    client: httpx.Client, url: httpx.URL, settings: Settings, *, original: str
) -> httpx.Request:
    host = url.host
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        addresses = resolve_host(host, port)
    except (OSError, UnicodeError) as exc:
        raise FetchError(
            _msg(original, f"không phân giải được tên miền {host!r}", f"cannot resolve {host!r}")
        ) from exc
    if not addresses:
        raise FetchError(
            _msg(original, f"tên miền {host!r} không có địa chỉ", f"{host!r}: no address")
        )
    if not settings.fetch_allow_private:
        blocked = [a for a in addresses if not is_public(a)]
        if blocked:
            raise FetchError(
                _msg(
                    original,
                    f"{host!r} trỏ tới địa chỉ nội bộ {blocked[0]} nên bị chặn "
                    "(bật OPINIONDESK_FETCH_ALLOW_PRIVATE nếu đây là nguồn tin nội bộ tin cậy)",
                    f"{host!r} points to a private address {blocked[0]} and is refused "
                    "(set OPINIONDESK_FETCH_ALLOW_PRIVATE=true for a trusted internal feed)",
                )
            )
    headers = {"Host": url.netloc.decode("ascii"), "User-Agent": USER_AGENT, "Accept": _ACCEPT}
    return client.build_request(
        "GET",
        url.copy_with(host=str(addresses[0])),
        headers=headers,
        extensions={"sni_hostname": host} if url.scheme == "https" else {},
    )


def _read_capped(response: httpx.Response, url: str, limit: int, deadline: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchError(_too_big(url, limit))
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchError(_too_big(url, limit))
            if time.monotonic() > deadline:
                raise FetchError(_msg(url, "tải quá lâu", "download took too long; try later"))
            chunks.append(chunk)
    except httpx.HTTPError as exc:
        raise FetchError(_msg(url, f"lỗi khi tải ({exc})", f"download failed: {exc}")) from exc
    return b"".join(chunks)


def _too_big(url: str, limit: int) -> str:
    return _msg(
        url,
        f"nội dung lớn hơn giới hạn {limit:,} byte (OPINIONDESK_FETCH_MAX_BYTES)",
        f"response is larger than {limit:,} bytes (OPINIONDESK_FETCH_MAX_BYTES)",
    )


def _msg(url: str, vi: str, en: str) -> str:
    return say(f"Không tải được nguồn tin {url}: {vi}", f"cannot fetch feed {url}: {en}")
