"""Writes that touch more than one row or model: `<entity>_<action>(*, ...)`.

The CBS import lives in `importer.py` (cbs_import, import_file) and `boundaries.py`
(boundaries_import); it is re-exported here so callers have one place to look.
"""

from __future__ import annotations

from django.db import transaction

from gebiedsanalyse.constants import AreaLevel
from gebiedsanalyse.importer import (  # noqa: F401  (re-export)
    ImportFout,
    boundaries_import,
    cbs_import,
    import_file,
)
from gebiedsanalyse.models import (
    Area,
    InfoMeeting,
    OutreachAction,
    ResidentGroup,
    Resource,
    SocialPlace,
)

SMALL_NUMBER = 5


def suppress_small(n: int | None) -> str:
    """A count of the team's own casework as shown to anyone: below 5 is "< 5".

    Small numbers in a buurt can point at a person, so they are never shown.
    None (no data) shows as "–"; 0 is also below 5 and shows as "< 5".
    """
    if n is None:
        return "–"
    if n < SMALL_NUMBER:
        return f"< {SMALL_NUMBER}"
    return f"{n:,}".replace(",", ".")


def _save(model, *, team, instance=None, data: dict, m2m: tuple[str, ...] = ()):
    data = dict(data)
    relations = {name: data.pop(name) for name in m2m if name in data}
    with transaction.atomic():
        if instance is None:
            instance = model(team=team)
        elif instance.team_id != team.pk:
            raise ValueError("Object hoort niet bij dit team.")
        for name, value in data.items():
            setattr(instance, name, value)
        instance.full_clean(exclude=list(relations))
        instance.save()
        for name, value in relations.items():
            getattr(instance, name).set(value)
    return instance


def social_place_save(*, team, data: dict, place: SocialPlace | None = None):
    return _save(SocialPlace, team=team, instance=place, data=data)


def resource_save(*, team, data: dict, resource: Resource | None = None):
    return _save(Resource, team=team, instance=resource, data=data)


def resident_group_save(*, team, data: dict, group: ResidentGroup | None = None):
    return _save(
        ResidentGroup, team=team, instance=group, data=data, m2m=("focus_members",)
    )


def outreach_action_save(*, team, data: dict, action: OutreachAction | None = None):
    return _save(OutreachAction, team=team, instance=action, data=data)


def info_meeting_save(*, team, data: dict, meeting: InfoMeeting | None = None):
    return _save(InfoMeeting, team=team, instance=meeting, data=data)


def team_areas_set(*, team, wijken, buurten) -> set[int]:
    """Link the team to exactly these wijken and buurten (a wijk with all its
    buurten); links to a gemeente or the country stay. Returns the linked ids."""
    wanted = {a.pk for a in wijken} | {a.pk for a in buurten}
    wanted |= set(
        Area.objects.filter(level=AreaLevel.BUURT, parent__in=list(wijken)).values_list(
            "pk", flat=True
        )
    )
    links = Area.teams.through.objects
    with transaction.atomic():
        links.filter(
            team=team, area__level__in=[AreaLevel.WIJK, AreaLevel.BUURT]
        ).exclude(area_id__in=wanted).delete()
        have = set(links.filter(team=team).values_list("area_id", flat=True))
        links.bulk_create(
            [links.model(team=team, area_id=pk) for pk in sorted(wanted - have)]
        )
    return wanted
