from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import Resolver404, resolve

from wijkteam.errors import not_found


class NoStoreMiddleware:
    """Pages for a logged-in user may hold personal data: browsers and proxies must
    not keep them (`Cache-Control: no-store`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response["Cache-Control"] = "no-store"
        return response


# C0 control characters and DEL, except tab, newline and carriage return. They have no
# meaning in what people type; pasted from PDFs and Word they sneak in, and NUL can
# not be stored in PostgreSQL at all.
_CONTROL_CHARACTERS = {
    c: None for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]
}


def strip_control_characters(text: str) -> str:
    return text.translate(_CONTROL_CHARACTERS)


class StripControlCharactersMiddleware:
    """Removes control characters from every submitted value (query string and form
    fields; not from uploaded files), so each form stores text the same way and none
    chokes on a NUL byte. Tab and line breaks stay."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.GET = _cleaned(request.GET)
        if request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            request.POST = _cleaned(request.POST)
        return self.get_response(request)


def _cleaned(query):
    if not any(
        strip_control_characters(value) != value
        for values in query.lists()
        for value in values[1]
    ):
        return query
    cleaned = query.copy()
    for key, values in query.lists():
        cleaned.setlist(key, [strip_control_characters(v) for v in values])
    cleaned._mutable = False
    return cleaned


class RequestSizeLimitMiddleware:
    """Refuses a request whose body is larger than the largest upload allowed (the CBS
    import, plus 1 MB for the form), by its Content-Length, before anything reads
    it. The body never reaches a temporary file."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > (settings.CBS_UPLOAD_MAX_MB + 1) * 1024 * 1024:
            return HttpResponse(
                "<!doctype html><html lang=nl><title>Niet verwerkt</title>"
                "<h1>Niet verwerkt</h1><p>Wat u verstuurde is te groot en is niet "
                "opgeslagen: een bestand mag hoogstens "
                f"{settings.CBS_UPLOAD_MAX_MB} MB zijn. Kies een kleiner bestand en "
                "probeer het opnieuw.</p>",
                status=413,
                content_type="text/html; charset=utf-8",
            )
        return self.get_response(request)


class DemoErrorPagesMiddleware:
    """In demo mode (WIJKTEAM_DEMO, which `make run` starts with DEBUG on) a page
    that is not found or refused is the Dutch page with the menu, as in production,
    not Django's English debug page that lists every URL pattern. Plain development
    (DEBUG without demo mode) keeps the debug page; 403 is Dutch either way.

    Placed before DeniedAccessLogMiddleware in MIDDLEWARE, so that one still logs
    the refusal first (exception middleware runs bottom-up)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def _active(self) -> bool:
        return settings.DEBUG and settings.DEMO_MODE

    def __call__(self, request):
        if self._active():
            try:
                resolve(request.path_info)
            except Resolver404:
                return not_found(request)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if self._active() and isinstance(exception, Http404):
            return not_found(request, exception)
        return None
