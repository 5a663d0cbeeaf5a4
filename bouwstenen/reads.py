"""Reading a document version: sections, questions, answers and completeness.

Used by the pages, the comparison and the PDF, so they all show the same thing.
A fixed number of queries, whatever the number of sections or questions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from bouwstenen.models import Answer, Choice, DocumentVersion, KeyQuestion, Section
from gebiedsanalyse.models import Area
from gebiedsanalyse.reads import area_page


@dataclass
class QuestionContent:
    question: KeyQuestion
    text: str = ""
    chosen: list[Choice] = field(default_factory=list)

    @property
    def answered(self) -> bool:
        return bool(self.text.strip() or self.chosen)

    @property
    def chosen_codes(self) -> list[str]:
        return [c.code for c in self.chosen]

    @property
    def summary(self) -> str:
        """One comparable string: the choices, then the text."""
        labels = "; ".join(c.label for c in self.chosen)
        return "\n".join(part for part in (labels, self.text.strip()) if part)


@dataclass
class SectionContent:
    section: Section
    questions: list[QuestionContent]

    @property
    def answered(self) -> int:
        return sum(q.answered for q in self.questions)

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.total) if self.total else 100

    @property
    def complete(self) -> bool:
        return self.answered == self.total


@dataclass
class VersionContent:
    version: DocumentVersion | None
    sections: list[SectionContent]

    @property
    def answered(self) -> int:
        return sum(s.answered for s in self.sections)

    @property
    def total(self) -> int:
        return sum(s.total for s in self.sections)

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.total) if self.total else 100

    def section(self, number: int) -> SectionContent | None:
        return next((s for s in self.sections if s.section.number == number), None)


def sections_of(kind: str):
    return Section.objects.filter(document_kind=kind).prefetch_related(
        Prefetch(
            "questions",
            queryset=KeyQuestion.objects.order_by("order").prefetch_related(
                Prefetch("choices", queryset=Choice.objects.order_by("order"))
            ),
        )
    )


def version_content(version: DocumentVersion | None, *, kind: str) -> VersionContent:
    answers: dict[int, Answer] = {}
    if version is not None:
        answers = {
            a.question_id: a
            for a in Answer.objects.filter(version=version).prefetch_related(
                Prefetch("choices", queryset=Choice.objects.order_by("order"))
            )
        }
    sections = []
    for section in sections_of(kind):
        items = []
        for question in section.questions.all():
            answer = answers.get(question.pk)
            items.append(
                QuestionContent(
                    question=question,
                    text=answer.text if answer else "",
                    chosen=list(answer.choices.all()) if answer else [],
                )
            )
        sections.append(SectionContent(section=section, questions=items))
    return VersionContent(version=version, sections=sections)


# The gebiedsanalyse's key figures of an area, shown next to the Opgave bouwsteen and
# in its PDF, so the kwartiermaker writes with the facts in view.
#
# The one place where kwartiermaken reads the gebiedsanalyse: by CBS code, through its
# own read (`gebiedsanalyse.reads.area_page`). No area or no figures: None, and the
# pages say "gebiedsanalyse nog niet beschikbaar".

MAX_ROWS = 12


@dataclass(frozen=True)
class AreaFigures:
    title: str
    rows: list[tuple[str, str]]  # (label, value), ready to show


def area_figures(area_code: str) -> AreaFigures | None:
    area = Area.objects.filter(code=area_code).first()
    if area is None:
        return None
    page = area_page(area)
    if not page["rows"]:
        return None
    rows = []
    for row in page["rows"][:MAX_ROWS]:
        own = row["cells"][0]
        value = own["value"] + (f" ({own['share']})" if own["share"] else "")
        rows.append((row["indicator"].label, value))
    return AreaFigures(
        title=f"Kerncijfers {area.name}, CBS {page['latest']}", rows=rows
    )
