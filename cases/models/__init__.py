"""Models of the voordeur (persons, households, questions) and the casus."""

from cases.models.casework import (
    JOURNAL_EDIT_WINDOW,
    Case,
    CaseAssignment,
    CaseSettings,
    CaseStatusChange,
    JournalEntry,
)
from cases.models.intake import (
    Question,
    QuestionStatusChange,
    Voorziening,
    Vraagverheldering,
)
from cases.models.persons import Household, HouseholdMember, Person

__all__ = [
    "JOURNAL_EDIT_WINDOW",
    "Case",
    "CaseAssignment",
    "CaseSettings",
    "JournalEntry",
    "CaseStatusChange",
    "Household",
    "HouseholdMember",
    "Person",
    "Question",
    "QuestionStatusChange",
    "Voorziening",
    "Vraagverheldering",
]
