"""The inzageverzoek as a background PDF export (registered in apps.py).

The object of the export is a person record. A person belongs to one team (the BSN
is unique per team, not across teams): the PDF holds what *this team* holds about
the person; a resident known to two teams gets one PDF from each.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from cases.models import Person
from cases.privacy.inzage import build_subject
from wijkteam.access import get_object_for_user
from wijkteam.exports import ExportKind
from wijkteam.inzage import collect_sections

KIND = "inzage"


def _get_for_user(request, object_id: int) -> Person:
    return get_object_for_user(request, Person, "inzage.request", pk=object_id)


def _describe(person: Person):
    return person.team, None, f"Inzageverzoek inwoner {person.pk}"


def build_context(object_id: int, version_number: int | None) -> dict:
    person = Person.objects.select_related("team", "buurt").get(pk=object_id)
    subject = build_subject(person)
    return {
        "person": person,
        "team": person.team,
        "sections": collect_sections(subject),
        "printed_at": timezone.localtime(),
    }


EXPORT_KIND = ExportKind(
    name=KIND,
    label="Inzageverzoek (AVG art. 15)",
    permission="inzage.request",
    template="cases/pdf/inzage.html",
    get_for_user=_get_for_user,
    describe=_describe,
    build_context=build_context,
    page_url=lambda person: reverse("cases:inzage") + f"?persoon={person.pk}",
    person_ids=lambda person: [person.pk],
)
