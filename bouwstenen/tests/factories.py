import factory
from factory.django import DjangoModelFactory

from bouwstenen import services
from bouwstenen.constants import DocumentKind, VersionStatus
from bouwstenen.models import Document, Section
from wijkteam.models import ExportJob
from wijkteam.tests.factories import TeamFactory, UserFactory


class DocumentFactory(DjangoModelFactory):
    """A document through the service (version 1 in concept), optionally answered
    (`answers={code: (text, [choice codes])}`) and moved on (`vastgesteld=True`)."""

    class Meta:
        model = Document

    team = factory.SubFactory(TeamFactory)
    kind = DocumentKind.STARTDOCUMENT
    title = factory.Sequence(lambda n: f"Startdocument {n}")
    area_code = "WK059910"
    area_name = "Feijenoord"
    created_by = factory.SubFactory(UserFactory)

    class Params:
        plan = factory.Trait(
            kind=DocumentKind.PLAN_VAN_AANPAK,
            title=factory.Sequence(lambda n: f"Plan van aanpak {n}"),
        )
        vastgesteld = factory.Trait(status=VersionStatus.VASTGESTELD)

    # Not model fields: _create takes them out and acts on them.
    answers = None
    status = VersionStatus.CONCEPT

    @classmethod
    def _create(cls, model_class, *args, answers=None, status=None, **kwargs):
        user = kwargs.pop("created_by")
        document = services.document_create(user=user, **kwargs)
        if answers:
            fill(document, answers, user)
        version = document.versions.get()
        if status in (VersionStatus.TER_BESPREKING, VersionStatus.VASTGESTELD):
            services.version_change_status(
                version=version, to_status=VersionStatus.TER_BESPREKING, user=user
            )
        if status == VersionStatus.VASTGESTELD:
            services.version_change_status(version=version, to_status=status, user=user)
        return document


def fill(document, answers: dict, user) -> None:
    for section in Section.objects.filter(document_kind=document.kind):
        codes = set(section.questions.values_list("code", flat=True))
        subset = {code: value for code, value in answers.items() if code in codes}
        if subset:
            services.section_save(
                document=document, section=section, answers=subset, user=user
            )


class ExportJobFactory(DjangoModelFactory):
    class Meta:
        model = ExportJob

    team = factory.SelfAttribute("document.team")
    requested_by = factory.SubFactory(UserFactory)
    kind = "bouwstenen-document"
    object_id = factory.SelfAttribute("document.pk")
    version = 1
    title = factory.SelfAttribute("document.title")

    class Params:
        document = factory.SubFactory(DocumentFactory)
        failed = factory.Trait(status="failed", error="Testfout")
        done = factory.Trait(status="done")
