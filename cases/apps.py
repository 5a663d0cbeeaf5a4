from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = "Voordeur en casusregie"

    def ready(self) -> None:
        from cases.plan.exports import EXPORT_KIND as PLAN_KIND
        from cases.privacy import inzage  # noqa: F401  (registers the sections)
        from cases.privacy.accesslog_review import own_persons
        from cases.privacy.exports import EXPORT_KIND as INZAGE_KIND
        from wijkteam.accesslog_review import register_own_persons
        from wijkteam.exports import register

        register(INZAGE_KIND)  # inzageverzoek (AVG art. 15)
        register(PLAN_KIND)  # plan: the resident's PDF of the plan
        # The report of unusual access compares with the user's own casussen.
        register_own_persons(own_persons)
