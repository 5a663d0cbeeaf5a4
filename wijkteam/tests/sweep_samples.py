from tests.sweep import Sample


def samples(team, user) -> dict[str, Sample]:
    return {"team_detail": Sample({"pk": team.pk}, team)}
