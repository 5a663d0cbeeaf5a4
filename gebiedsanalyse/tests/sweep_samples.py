from gebiedsanalyse.tests.factories import (
    AreaFactory,
    InfoMeetingFactory,
    OutreachActionFactory,
    ResidentGroupFactory,
    ResourceFactory,
    SocialPlaceFactory,
)
from tests.sweep import Sample

# Area pages show public CBS data to every signed-in user, whatever the team: there
# is no team-B area to hide. Their samples point at a code that does not exist, so
# the sweep still checks anonymous -> login, POST -> 405 and unknown code -> 404.
# The team-owned data (sociale kaart, hulpbronnen, wijkanalyse) uses team B objects.
UNKNOWN_AREA = "BU99999999"


def samples(team, user) -> dict[str, Sample]:
    area = AreaFactory(code="BU98765401", name="Buurt van team B")
    area.teams.add(team)
    place = SocialPlaceFactory(team=team, area=area)
    resource = ResourceFactory(team=team, area=area)
    group = ResidentGroupFactory(team=team)
    action = OutreachActionFactory(team=team, group=group)
    meeting = InfoMeetingFactory(team=team)
    edit = {"name": "gewijzigd", "title": "gewijzigd", "goal": "x", "kind": "mkb"}
    return {
        "gebiedsanalyse:area_detail": Sample({"code": UNKNOWN_AREA}),
        "gebiedsanalyse:area_csv": Sample({"code": UNKNOWN_AREA}),
        "gebiedsanalyse:place_edit": Sample({"pk": place.pk}, place, edit),
        "gebiedsanalyse:resource_edit": Sample({"pk": resource.pk}, resource, edit),
        "gebiedsanalyse:group_edit": Sample({"pk": group.pk}, group, edit),
        "gebiedsanalyse:action_edit": Sample({"pk": action.pk}, action, edit),
        "gebiedsanalyse:meeting_edit": Sample({"pk": meeting.pk}, meeting, edit),
    }
