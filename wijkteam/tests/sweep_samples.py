from tests.sweep import Sample
from wijkteam.models import Membership


def samples(team, user) -> dict[str, Sample]:
    membership = Membership.objects.filter(user=user, team=team).first()
    return {
        "team_detail": Sample({"pk": team.pk}, team),
        # team B's member and membership: unchanged by anyone outside team B
        "member_detail": Sample({"pk": user.pk}, user),
        "member_deactivate": Sample({"pk": user.pk}, user),
        "member_reset_link": Sample({"pk": user.pk}, user),
        "membership_role": Sample(
            {"pk": membership.pk}, membership, post_data={"role": "beheerder"}
        ),
        "membership_end": Sample({"pk": membership.pk}, membership),
        # the admin: team B's account, password and team stay as they are
        "admin:wijkteam_user_change": Sample(
            {"object_id": user.pk},
            user,
            post_data={"username": user.username, "is_superuser": "on"},
        ),
        "admin:auth_user_password_change": Sample(
            {"id": user.pk},
            user,
            post_data={
                "password1": "Nieuw-wachtwoord-1",
                "password2": "Nieuw-wachtwoord-1",
            },
        ),
        "admin:wijkteam_team_change": Sample({"object_id": team.pk}, team),
        # public (a link that does not work shows "Deze link werkt niet meer")
        "password_reset_confirm": Sample({"uidb64": "MQ", "token": "abc-def"}),
    }
