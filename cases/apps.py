from django.apps import AppConfig

from wijkteam.registry import MenuEntry


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = "Voordeur en casusregie"

    # What this app gives the core (wijkteam/registry.py).
    menu = [
        MenuEntry("Intake", "cases:intake_list", "intake.view", order=20),
        MenuEntry(
            "Mijn afspraken", "cases:my_appointments", "vraagverheldering.record", 30
        ),
        MenuEntry("Werkbak", "cases:werkbak", "case.assign", order=40),
        MenuEntry("Casussen", "cases:case_list", "case.view", order=50),
        MenuEntry("Toekenningen", "cases:allocation_list", "case.view", order=60),
        MenuEntry("Inzageverzoek", "cases:inzage", "inzage.request", order=120),
        MenuEntry("Zorgaanbieders", "cases:provider_list", "beheer", order=140),
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
