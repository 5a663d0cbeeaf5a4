"""render_pdf may fetch the application's own static files and nothing else."""

import io

import pypdf
import pytest

from wijkteam.pdf import (
    BASE_URL,
    RefusedURL,
    StaticOnlyFetcher,
    render_pdf_from_string,
    static_path_for,
)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.com/x.png",
        "https://example.com/static/css/pdf.css",
        "http://wijkteam.invalid/static/css/pdf.css",  # wrong scheme
        f"{BASE_URL}static/../wijkteam/settings.py",
        f"{BASE_URL}static/%2e%2e/manage.py",
        f"{BASE_URL}static/",
        f"{BASE_URL}media/exports/x.pdf",
        "data:text/plain,hallo",
        "ftp://example.com/x",
    ],
)
def test_fetcher_refuses_everything_outside_static(url):
    fetcher = StaticOnlyFetcher()
    with pytest.raises(RefusedURL):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


def test_fetcher_serves_own_static_file():
    response = StaticOnlyFetcher().fetch(f"{BASE_URL}static/css/pdf.css")
    assert b"@page" in response.read()
    assert response.content_type == "text/css"
    assert static_path_for(f"{BASE_URL}static/css/pdf.css").name == "pdf.css"


def test_hostile_html_renders_without_fetching_anything():
    fetcher = StaticOnlyFetcher()
    html = (
        '<html><head><link rel="stylesheet" href="http://example.com/evil.css">'
        '<style>@import url("file:///etc/hosts");</style></head><body>'
        '<img src="file:///etc/passwd"><img src="http://example.com/t.png">'
        '<p>Veilig</p><img src="https://169.254.169.254/latest/meta-data"></body></html>'
    )
    data = render_pdf_from_string(html, fetcher=fetcher)
    text = pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "Veilig" in text
    assert "root:" not in text
    assert set(fetcher.refused) == {
        "http://example.com/evil.css",
        "file:///etc/hosts",
        "file:///etc/passwd",
        "http://example.com/t.png",
        "https://169.254.169.254/latest/meta-data",
    }
