"""The one way to make a PDF: `render_pdf(template, context) -> bytes` (WeasyPrint).

WeasyPrint would fetch whatever a document points at: `file:///etc/passwd`, an
intranet address, a tracker on the internet. The fetcher below serves only the
application's own static files (found through Django's staticfiles finders) and
refuses every other URL. Fonts come from the system (DejaVu), never from a URL.
"""

from __future__ import annotations

import logging
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)
# WeasyPrint reports every step at INFO; keep the logs for what matters.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

# Relative URLs in a PDF template ("/static/css/pdf.css") are resolved against this
# base. The host cannot exist (RFC 6761 ".invalid"), and only the fetcher reads it.
BASE_URL = "https://wijkteam.invalid/"


class RefusedURL(ValueError):
    """A PDF asked for something outside the application's static files."""


def static_path_for(url: str) -> Path | None:
    """The local file behind an URL of our own static files, else None."""
    parts = urlsplit(url)
    base = urlsplit(BASE_URL)
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
        return None
    path = unquote(parts.path)
    if not path.startswith(settings.STATIC_URL) or "\\" in path or "\x00" in path:
        return None
    relative = path.removeprefix(settings.STATIC_URL)
    if not relative or any(part in ("", ".", "..") for part in relative.split("/")):
        return None
    found = finders.find(relative)
    if found is None and settings.STATIC_ROOT:
        candidate = Path(settings.STATIC_ROOT) / relative
        found = str(candidate) if candidate.is_file() else None
    return Path(found) if found else None


class StaticOnlyFetcher(URLFetcher):
    """Serves `<BASE_URL>/static/...` from disk; refuses everything else."""

    def __init__(self):
        super().__init__(allowed_protocols=(), fail_on_errors=False)
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        path = static_path_for(url)
        if path is None:
            self.refused.append(url)
            logger.warning("PDF: URL geweigerd: %s", url[:200])
            raise RefusedURL(f"Geweigerd: {url[:200]}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            url, path.read_bytes(), headers={"Content-Type": content_type}
        )


def render_pdf_from_string(html: str, *, fetcher: StaticOnlyFetcher | None = None):
    fetcher = fetcher or StaticOnlyFetcher()
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher)
    return document.write_pdf()


def render_pdf(template: str, context: dict) -> bytes:
    """Render a Django template (autoescaped: user text stays text) to PDF bytes."""
    html = render_to_string(template, context)
    return render_pdf_from_string(html)
