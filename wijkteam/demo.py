"""Demo data: the gemeente Rotterdam with three wijkteams, a member per role in each.

Idempotent: a second run finds everything in place and changes nothing. Accounts of
the first team have the stable names `balie`, `wijkteamlid`, `teamleider`,
`kwartiermaker`, `beheerder`; `wijkteamlid2` works in the second team. Password: demo.
Each app adds its own demo data with the loader named by `demo` on its AppConfig
(wijkteam/registry.py), `load(context)`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wijkteam.constants import Role
from wijkteam.models import Membership, Team, User
from wijkteam.registry import demo_loaders

DEMO_PASSWORD = "demo"

TEAMS = [
    {
        "name": "Wijkteam Feijenoord",
        "location_name": "Informatiepunt Feijenoord",
        "street": "Oranjeboomstraat 12",
        "postcode": "3071 SK",
        "phone": "010 123 45 01",
        "email": "feijenoord@wijkteam.example",
    },
    {
        "name": "Wijkteam Delfshaven",
        "location_name": "Informatiepunt Delfshaven",
        "street": "Schiedamseweg 100",
        "postcode": "3026 AH",
        "phone": "010 123 45 02",
        "email": "delfshaven@wijkteam.example",
    },
    {
        "name": "Wijkteam Charlois",
        "location_name": "Informatiepunt Charlois",
        "street": "Wolphaertsbocht 200",
        "postcode": "3083 MS",
        "phone": "010 123 45 03",
        "email": "charlois@wijkteam.example",
    },
]
OPENING_HOURS = (
    "Maandag t/m donderdag 9.00–17.00 uur (inloop 9.00–12.00 uur)\n"
    "Vrijdag 9.00–12.00 uur\n"
    "Buiten deze tijden: bel 14 010"
)
CRISIS = (
    "Bij direct gevaar: bel 112.\n"
    "Crisisdienst GGZ: bel de huisarts of de huisartsenpost.\n"
    "Huiselijk geweld of kindermishandeling: Veilig Thuis 0800-2000.\n"
    "Meld het daarna direct bij de teamleider van dienst."
)

# (username suffix per team, first name, last name, role, moederorganisatie)
PEOPLE = [
    [
        ("balie", "Sanne", "de Vries", Role.BALIE, "Gemeente Rotterdam"),
        ("wijkteamlid", "Youssef", "El Amrani", Role.WIJKTEAMLID, "Welzijn Rotterdam"),
        ("teamleider", "Marieke", "Jansen", Role.TEAMLEIDER, "Gemeente Rotterdam"),
        ("kwartiermaker", "Peter", "Bakker", Role.KWARTIERMAKER, "Gemeente Rotterdam"),
        ("beheerder", "Fatma", "Yilmaz", Role.BEHEERDER, "Gemeente Rotterdam"),
        ("wijkteamlid_b", "Ingrid", "Smit", Role.WIJKTEAMLID, "Jeugd- en gezinsteam"),
        ("wijkteamlid_c", "Ahmed", "Boukhari", Role.WIJKTEAMLID, "Schuldhulp Rijnmond"),
    ],
    [
        ("balie2", "Kees", "Mulder", Role.BALIE, "Gemeente Rotterdam"),
        ("wijkteamlid2", "Lotte", "Visser", Role.WIJKTEAMLID, "Welzijn Rotterdam"),
        ("teamleider2", "Ruben", "de Boer", Role.TEAMLEIDER, "Gemeente Rotterdam"),
        (
            "kwartiermaker2",
            "Noor",
            "Hendriks",
            Role.KWARTIERMAKER,
            "Gemeente Rotterdam",
        ),
        ("beheerder2", "Tim", "Dekker", Role.BEHEERDER, "Gemeente Rotterdam"),
    ],
    [
        ("balie3", "Anouk", "Peters", Role.BALIE, "Gemeente Rotterdam"),
        ("wijkteamlid3", "Mohamed", "Aydin", Role.WIJKTEAMLID, "Welzijn Rotterdam"),
        ("teamleider3", "Esther", "van Dijk", Role.TEAMLEIDER, "Gemeente Rotterdam"),
        ("kwartiermaker3", "Bas", "Willems", Role.KWARTIERMAKER, "Gemeente Rotterdam"),
        ("beheerder3", "Linda", "Bos", Role.BEHEERDER, "Gemeente Rotterdam"),
    ],
]
DEMO_ACCOUNTS = [
    "balie", "wijkteamlid", "teamleider", "kwartiermaker", "beheerder", "wijkteamlid2",
]  # fmt: skip

BEHEER_GROUP = "Functioneel beheer"
# Code lists only (each app adds its own, e.g. cases' voorzieningen). No users,
# teams or memberships: `change_user` lets one tick is_superuser, and a membership
# of another team opens that team's casussen. Beheerders manage their own team's
# people in /beheer/medewerkers/; the access log has its own viewer.
BEHEER_PERMISSIONS: list[tuple[str, str, tuple[str, ...]]] = []


@dataclass
class DemoContext:
    teams: list[Team] = field(default_factory=list)
    users: dict[str, User] = field(default_factory=dict)
    created: int = 0

    @property
    def team(self) -> Team:
        """The first team, where the named demo accounts work."""
        return self.teams[0]

    def user(self, username: str) -> User:
        return self.users[username]


def _beheer_group() -> Group:
    group, _ = Group.objects.get_or_create(name=BEHEER_GROUP)
    wanted = []
    for app_label, model, actions in BEHEER_PERMISSIONS:
        for action in actions:
            wanted.append(
                Permission.objects.get(
                    content_type__app_label=app_label, codename=f"{action}_{model}"
                )
            )
    group.permissions.add(*wanted)
    return group


@transaction.atomic
def load() -> DemoContext:
    context = DemoContext()
    group = _beheer_group()
    for team_data, people in zip(TEAMS, PEOPLE, strict=True):
        team, created = Team.objects.get_or_create(
            name=team_data["name"],
            defaults={
                **team_data,
                "gemeente": "Rotterdam",
                "city": "Rotterdam",
                "opening_hours": OPENING_HOURS,
                "crisis_instructions": CRISIS,
            },
        )
        context.created += created
        context.teams.append(team)
        for username, first, last, role, employer in people:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username}@wijkteam.example",
                    "is_staff": role == Role.BEHEERDER,
                },
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save(update_fields=["password"])
                if role == Role.BEHEERDER:
                    user.groups.add(group)
                context.created += 1
            Membership.objects.get_or_create(
                user=user,
                team=team,
                role=role,
                defaults={"moederorganisatie": employer},
            )
            context.users[username] = user
    for load_app_demo in demo_loaders():
        load_app_demo(context)
    return context
