"""The access check for documents: every view and the PDF export go through here."""

from django.http import HttpRequest

from bouwstenen.models import Document
from wijkteam.access import get_object_for_user


def get_document_for_user(request: HttpRequest, pk: int, permission: str) -> Document:
    """Another team's document: 404; own team without `permission`: 403."""
    return get_object_for_user(
        request, Document.objects.select_related("team"), permission, pk=pk
    )
