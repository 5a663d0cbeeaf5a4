"""URL sweeps, generated from the URLconf.

Every named URL pattern is visited. A pattern with parameters needs a sample: an
object of *team B* that the sweep can point the URL at. Each app lists its samples in
`<app>/tests/sweep_samples.py`:

    def samples(team, user) -> dict[str, Sample]:
        # team: a team the sweeping user is NOT in; user: a member of that team
        case = CaseFactory(team=team)
        return {"cases:detail": Sample({"pk": case.pk}, case)}

A new URL without a sample fails the suite (test_every_url_has_a_sample).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module

from django.forms.models import model_to_dict
from django.urls import URLPattern, URLResolver, get_resolver, reverse

# Reachable without logging in. Everything else must send an anonymous visitor to login.
# password_reset_confirm: the link a beheerder made, opened before logging in.
PUBLIC = {
    "login", "logout", "healthz", "password_reset_confirm", "admin:login",
    "admin:logout",
}  # fmt: skip
# Django's admin is swept too, as one block: it has its own login page, lets only
# staff in (with a second factor), and decides by model, not by team. Anonymous
# visitors and every role are sent to its login (test_url_sweeps.py,
# test_role_matrix.py::test_no_role_reaches_the_admin); its parameters are filled
# with placeholders, since access is decided before any lookup.
ADMIN = "admin:"
APPS = ("wijkteam", "cases", "gebiedsanalyse", "bouwstenen", "iwmo")


@dataclass
class Sample:
    kwargs: dict
    obj: object | None = None  # a team-B object that must be unchanged afterwards
    post_data: dict = field(default_factory=lambda: {"note": "x", "status": "x"})

    def snapshot(self):
        if self.obj is None:
            return None
        fresh = type(self.obj)._default_manager.get(pk=self.obj.pk)
        return model_to_dict(fresh)


def url_patterns(resolver=None, namespace: str = ""):
    """(name, pattern) for every pattern. The admin's unnamed ones (a redirect
    from an object's address to its change page, the catch-all) are left out: they
    answer like the named ones."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from url_patterns(entry, inner)
        elif isinstance(entry, URLPattern):
            if entry.name is None and namespace.startswith(ADMIN):
                continue
            yield f"{namespace}{entry.name}" if entry.name else None, entry


def is_admin(name: str | None) -> bool:
    return bool(name) and name.startswith(ADMIN)


def admin_kwargs(pattern: URLPattern) -> dict:
    """Placeholders: an app the admin knows, object 1."""
    return {p: "wijkteam" if p == "app_label" else "1" for p in parameters(pattern)}


def parameters(pattern: URLPattern) -> set[str]:
    return set(
        getattr(pattern.pattern, "converters", {}) or pattern.pattern.regex.groupindex
    )


def collect_samples(team, user) -> dict[str, Sample]:
    samples: dict[str, Sample] = {}
    for app in APPS:
        try:
            module = import_module(f"{app}.tests.sweep_samples")
        except ModuleNotFoundError as exc:
            if exc.name != f"{app}.tests.sweep_samples" and exc.name != f"{app}.tests":
                raise
            continue
        samples.update(module.samples(team, user))
    return samples


def url_for(name: str, pattern: URLPattern, samples: dict[str, Sample]) -> str:
    if parameters(pattern):
        if is_admin(name) and name not in samples:
            return reverse(name, kwargs=admin_kwargs(pattern))
        return reverse(name, kwargs=samples[name].kwargs)
    return reverse(name)
