from django.core.management import call_command

from bouwstenen.models import Answer, DevelopmentGoal, Document, KeyQuestion, Section


def test_demo_data_is_complete_and_idempotent(db):
    call_command("demo_data", force=True)
    counts = (
        Document.objects.count(),
        Answer.objects.count(),
        DevelopmentGoal.objects.count(),
    )
    call_command("demo_data", force=True)
    assert (
        Document.objects.count(),
        Answer.objects.count(),
        DevelopmentGoal.objects.count(),
    ) == counts
    start = Document.objects.get(kind="startdocument")
    assert list(start.versions.values_list("number", "status")) == [
        (2, "concept"),
        (1, "vastgesteld"),
    ]
    plan = Document.objects.get(kind="plan_van_aanpak")
    assert plan.versions.get().answers.count() == 22
    assert start.versions.get(number=1).answers.count() == 37


def test_flushed_questions_are_restored_by_demo_data(db):
    Section.objects.all().delete()
    call_command("demo_data", force=True)
    assert Section.objects.count() == 12
    assert KeyQuestion.objects.count() == 59
