"""The kwartiermaker's home widget: the team's documents and where they stand."""

from django import template

from bouwstenen.models import Document
from wijkteam.access import can

register = template.Library()


@register.inclusion_tag("bouwstenen/partials/home_documents.html", takes_context=True)
def kwartier_documents(context, limit: int = 6):
    request = context["request"]
    team = context.get("team")
    documents = []
    if team is not None and can(request.user, "startdocument.view", team):
        documents = list(
            Document.objects.of_team(team)
            .with_latest_version()
            .order_by("kind")[:limit]
        )
    return {"documents": documents}
