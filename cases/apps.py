from django.apps import AppConfig

from wijkteam.registry import BEHEER, CASUSSEN, GEBIED, VOORDEUR, MenuEntry


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = "Voordeur en casusregie"

    # What this app gives the core (wijkteam/registry.py).
    menu = [
        MenuEntry(
            "Intake", "cases:intake_list", "intake.view", order=20, group=VOORDEUR
        ),
        MenuEntry(
            "Mijn afspraken",
            "cases:my_appointments",
            "vraagverheldering.record",
            30,
            group=VOORDEUR,
        ),
        MenuEntry("Werkbak", "cases:werkbak", "case.assign", order=40, group=CASUSSEN),
        MenuEntry("Casussen", "cases:case_list", "case.view", order=50, group=CASUSSEN),
        MenuEntry(
            "Toekenningen",
            "cases:allocation_list",
            "case.view",
            order=60,
            group=CASUSSEN,
        ),
        # The team's own figures per buurt (cases/figures/, a page under gebieden/).
        MenuEntry(
            "Teamcijfers",
            "gebiedsanalyse:team_figures",
            "teamfigures.view",
            order=85,
            group=GEBIED,
        ),
        MenuEntry(
            "Inzageverzoek", "cases:inzage", "inzage.request", order=120, group=BEHEER
        ),
        MenuEntry(
            "Zorgaanbieders", "cases:provider_list", "beheer", order=140, group=BEHEER
        ),
        # "beheer", not signals.edit: the teamleider reaches it from the werkbak.
        MenuEntry(
            "Signalen werkbak",
            "cases:signal_settings",
            "beheer",
            order=145,
            group=BEHEER,
        ),
    ]
    home_panels = {
        "balie": "cases/home/balie.html",
        "wijkteamlid": "cases/home/wijkteamlid.html",
    }
    demo = [(20, "cases.demo.load")]
    export_kinds = [
        "cases.privacy.exports.EXPORT_KIND",  # inzageverzoek (AVG art. 15)
        "cases.plan.exports.EXPORT_KIND",  # the resident's PDF of the plan
    ]
    inzage_modules = ["cases.privacy.inzage"]
    # The team's own figures per buurt, on the gebiedsanalyse pages and PDF.
    area_urls = ["cases.figures.urls.urlpatterns"]
    area_pdf_context = ["cases.figures.reads.area_pdf_context"]
    # The report of unusual access compares with the user's own casussen.
    own_persons = ["cases.privacy.accesslog_review.own_persons"]
