from wijkteam.access import current_team, roles_by_team, roles_in
from wijkteam.constants import Role
from wijkteam.models import Team
from wijkteam.navigation import groups_for


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    team = current_team(request)
    team_ids = list(roles_by_team(user))
    return {
        "current_team": team,
        "current_roles": [Role(r) for r in sorted(roles_in(user, team))],
        "nav_groups": groups_for(user, team, request),
        "other_teams": Team.objects.filter(pk__in=team_ids).exclude(
            pk=team.pk if team else None
        )
        if len(team_ids) > 1
        else [],
    }
