"""Admin for functioneel beheer: the gemeente adapts the kernvragen and choices here."""

from django.contrib import admin

from bouwstenen.models import Choice, Document, KeyQuestion, Section


class KeyQuestionInline(admin.TabularInline):
    model = KeyQuestion
    extra = 0
    fields = ["order", "code", "heading", "text", "kind"]
    show_change_link = True


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 1
    fields = ["order", "code", "label", "description"]


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "document_kind"]
    list_filter = ["document_kind"]
    inlines = [KeyQuestionInline]


@admin.register(KeyQuestion)
class KeyQuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "section", "order", "kind"]
    list_filter = ["section__document_kind", "section"]
    search_fields = ["text"]
    inlines = [ChoiceInline]


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "team", "area_code", "created_at"]
    list_filter = ["kind", "team"]
    readonly_fields = ["created_by", "created_at"]
