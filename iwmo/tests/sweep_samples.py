from tests.sweep import Sample

# iWmo import runs are gemeente-wide, not a team's: there is no team-B run to hide.
# The sample points at a run that does not exist, so the sweep still checks
# anonymous -> login, POST -> 405 and unknown run -> 404.
UNKNOWN_RUN = 999_999_999


def samples(team, user) -> dict[str, Sample]:
    return {"iwmo:import_detail": Sample({"pk": UNKNOWN_RUN})}
