"""A small crawler over the public portal: every page reachable from /cong-khai by same-origin
links, what each page loads (stylesheets, scripts, images, frames), and its weight."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from fastapi.testclient import TestClient

ORIGIN = "http://testserver"
# element → attribute through which it makes the browser fetch something
LOADS = {
    "script": "src",
    "link": "href",
    "img": "src",
    "iframe": "src",
    "frame": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "embed": "src",
    "object": "data",
    "input": "src",
}
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


@dataclass
class Page:
    path: str
    status: int
    html: str
    loads: list[str] = field(default_factory=list)  # as written in the page
    links: list[str] = field(default_factory=list)  # <a href>
    form_actions: list[str] = field(default_factory=list)


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []
        self.links: list[str] = []
        self.forms: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        wanted = LOADS.get(tag)
        if wanted and values.get(wanted):
            self.loads.append(values[wanted])
        for candidate in values.get("srcset", "").split(","):
            if candidate.strip():
                self.loads.append(candidate.split()[0])
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])
        if tag == "form":
            self.forms.append(values.get("action", ""))


def same_origin(reference: str, base: str = ORIGIN + "/") -> bool:
    absolute = urlsplit(urljoin(base, reference))
    return f"{absolute.scheme}://{absolute.netloc}" == ORIGIN


def parse(path: str, status: int, html: str) -> Page:
    refs = _Refs()
    refs.feed(html)
    return Page(path, status, html, refs.loads, refs.links, refs.forms)


def crawl(client: TestClient, start: str = "/cong-khai", limit: int = 200) -> list[Page]:
    """Pages under /cong-khai reachable from `start`, each fetched once (query strings kept,
    language switches left out: the client's language cookie decides)."""
    seen: set[str] = set()
    queue = [start]
    pages: list[Page] = []
    while queue and len(pages) < limit:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        page = parse(path, response.status_code, response.text)
        pages.append(page)
        for link in page.links:
            absolute = urljoin(ORIGIN + path, link)
            parts = urlsplit(absolute)
            if not same_origin(absolute) or not parts.path.startswith("/cong-khai"):
                continue
            if "lang=" in parts.query:
                continue
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if target not in seen:
                queue.append(target)
    return pages


def css_references(css: str) -> list[str]:
    return [a or b for a, b in _CSS_URL.findall(css)]


def weight(client: TestClient, page: Page) -> tuple[int, dict[str, int]]:
    """Bytes of the page's HTML plus every same-origin resource it loads (and what its
    stylesheets load in turn); the map of resource → bytes."""
    sizes: dict[str, int] = {}
    pending = [urljoin(ORIGIN + page.path, ref) for ref in page.loads]
    while pending:
        url = pending.pop()
        if url in sizes or not same_origin(url):
            continue
        response = client.get(url)
        assert response.status_code == 200, (page.path, url, response.status_code)
        sizes[url] = len(response.content)
        if url.endswith(".css"):
            pending += [urljoin(url, ref) for ref in css_references(response.text)]
    return len(page.html.encode()) + sum(sizes.values()), sizes
