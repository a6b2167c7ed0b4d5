"""Links in the html report: an http(s) address typed in an entry becomes a link, escaped,
opening with ``rel="noopener noreferrer"``; nothing else typed is read, so ``javascript:``
and ``data:`` addresses and markup stay text.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from facilitator.export.html import linked


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _read(typed: str) -> tuple[list[tuple[str, dict[str, str | None]]], str]:
    parser = _Links()
    parser.feed(linked(typed))
    parser.close()
    return parser.elements, "".join(parser.text)


@pytest.mark.parametrize(
    ("typed", "hrefs"),
    [
        ("See https://example.org/a?b=1&c=2.", ["https://example.org/a?b=1&c=2"]),
        (
            "two: http://a.example, HTTPS://B.EXAMPLE/x!",
            ["http://a.example", "HTTPS://B.EXAMPLE/x"],
        ),
        (
            "(see https://en.wikipedia.org/wiki/Trust_(social))",
            ["https://en.wikipedia.org/wiki/Trust_(social)"],
        ),
        ('"https://example.org/q"', ["https://example.org/q"]),
        ('http://x.example/"onmouseover="alert(1)', ["http://x.example/"]),
        ("https://x.example/<script>alert(1)</script>", ["https://x.example/"]),
        ("javascript:alert(1)", []),
        ("JavaScript:alert('http')", []),
        ("data:text/html,<script>alert(1)</script>", []),
        ("data:text/html;base64,PHNjcmlwdD4=", []),
        ("ftp://files.example/a", []),
        ("http:// and https://", []),
        ("<a href='https://x.example'>x</a>", ["https://x.example"]),
    ],
)
def test_only_http_addresses_become_links(typed: str, hrefs: list[str]) -> None:
    elements, text = _read(typed)
    assert [tag for tag, _ in elements] == ["a"] * len(hrefs), "no element but links"
    assert [attrs["href"] for _, attrs in elements] == hrefs
    for _, attrs in elements:
        assert attrs == {"href": attrs["href"], "rel": "noopener noreferrer"}
    assert text == typed, "the text reads exactly as typed, links included"


def test_an_address_is_escaped_in_the_attribute() -> None:
    out = linked("https://x.example/?a=1&b='2'")
    assert out == (
        '<a href="https://x.example/?a=1&amp;b=&#x27;2" rel="noopener noreferrer">'
        "https://x.example/?a=1&amp;b=&#x27;2</a>&#x27;"
    )
