"""Models of the voordeur (persons, households, questions) and the casus."""

from cases.models.casework import Case, CaseStatusChange
from cases.models.intake import (
    Question,
    QuestionStatusChange,
    Voorziening,
    Vraagverheldering,
)
from cases.models.persons import Household, HouseholdMember, Person

__all__ = [
    "Case",
    "CaseStatusChange",
    "Household",
    "HouseholdMember",
    "Person",
    "Question",
    "QuestionStatusChange",
    "Voorziening",
    "Vraagverheldering",
]
