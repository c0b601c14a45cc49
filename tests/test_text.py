import pytest

from dashboard.text import is_safe_url, is_slug, safe_markdown, slugify, split_list


def test_slugify():
    assert slugify("Revised Treaty, 1960!") == "revised-treaty-1960"
    assert slugify("Ōkinawa reversion") == "okinawa-reversion"
    assert slugify("日米安全保障条約") == ""
    assert len(slugify("x" * 200)) == 60


def test_is_slug():
    assert is_slug("1960-treaty")
    assert not is_slug("Treaty") and not is_slug("a--b") and not is_slug("-a") and not is_slug("")


def test_split_list():
    assert split_list(" Japan ; United States;;") == ("Japan", "United States")
    assert split_list("") == ()


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://www.mofa.go.jp/", True),
        ("http://example.org/a?b=c", True),
        ("javascript:alert(1)", False),
        ("JAVASCRIPT:alert(1)", False),
        ("data:text/html,<script>", False),
        ("//example.org", False),
        ("https://", False),
        ("ftp://example.org", False),
        ("http://[::1", False),
        ("mailto:teacher@school.example", True),
        ("mailto:nobody", False),
        ('mailto:a@b.example"><script>', False),
    ],
)
def test_only_http_links_are_safe(url, safe):
    assert is_safe_url(url) is safe


def test_safe_markdown_keeps_text_emphasis_and_web_links():
    assert (
        safe_markdown("*Article 9* and [MOFA](https://www.mofa.go.jp/)")
        == "*Article 9* and [MOFA](https://www.mofa.go.jp/)"
    )


def test_safe_markdown_defuses_html_scripts_images_and_other_links():
    text = "A <script>alert(1)</script> [x](javascript:alert) ![img](https://e.org/i.png) <img src=x onerror=alert(1)>"
    safe = safe_markdown(text)
    assert "<" not in safe
    assert "javascript" not in safe and "![" not in safe
    assert "&lt;script>alert(1)&lt;/script>" in safe


def test_safe_markdown_autolinks():
    assert safe_markdown("<https://a.org/x>") == "[https://a.org/x](https://a.org/x)"
    assert safe_markdown("<javascript:x>") == "javascript:x"
