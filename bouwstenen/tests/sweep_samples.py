from bouwstenen.tests.factories import DocumentFactory, ExportJobFactory
from tests.sweep import Sample


def samples(team, user) -> dict[str, Sample]:
    document = DocumentFactory(team=team, created_by=user)
    job = ExportJobFactory(document=document, failed=True)
    version = document.versions.get()
    post = {"to_status": "ter_bespreking", "text": "x", "form": "doel"}
    return {
        "bouwstenen:document_detail": Sample({"pk": document.pk}, version, post),
        "bouwstenen:section_edit": Sample(
            {"pk": document.pk, "number": 1}, version, {"kenmerken": "x"}
        ),
        "bouwstenen:version_status": Sample({"pk": document.pk}, version, post),
        "bouwstenen:version_new": Sample({"pk": document.pk}, version, post),
        "bouwstenen:version_compare": Sample({"pk": document.pk}, version, post),
        "bouwstenen:comment_add": Sample({"pk": document.pk}, version, post),
        "bouwstenen:development_plan": Sample({"pk": document.pk}, version, post),
        "export_start": Sample(
            {"kind": "bouwstenen-document", "object_id": document.pk}, document
        ),
        "export_status": Sample({"token": job.token}, job),
        "export_download": Sample({"token": job.token}, job),
        "export_retry": Sample({"token": job.token}, job),
    }
