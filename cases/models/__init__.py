"""The models of the cases app, one module per concept, gathered here for Django.

Django finds an app's models in `cases.models`; each concept keeps its own in
`cases/<concept>/models.py` (see docs/architecture.md).
"""

from cases.casework.models import (
    JOURNAL_EDIT_WINDOW,
    Case,
    CaseAssignment,
    CaseSettings,
    CaseStatusChange,
    JournalEntry,
    OpenCaseCount,
)
from cases.intake.models import (
    Question,
    QuestionStatusChange,
    Voorziening,
    Vraagverheldering,
)
from cases.measuring.models import (
    Correction,
    LadderMeasurement,
    LadderStep,
    MoralDeliberation,
    ZrmAssessment,
    ZrmDomainScore,
    ZrmLatestScore,
)
from cases.network.models import (
    Allocation,
    AllocationStatusChange,
    NetworkEntry,
    Provider,
    ProviderProduct,
    Referral,
    ReferralStatusChange,
    WaitingTime,
)
from cases.persons.models import Household, HouseholdMember, Person
from cases.plan.models import (
    Plan,
    PlanAction,
    PlanGoal,
    PlanGoalStatusChange,
    PlanVersion,
)

__all__ = [
    "JOURNAL_EDIT_WINDOW",
    "Allocation",
    "AllocationStatusChange",
    "Case",
    "CaseAssignment",
    "CaseSettings",
    "CaseStatusChange",
    "Correction",
    "Household",
    "HouseholdMember",
    "JournalEntry",
    "LadderMeasurement",
    "LadderStep",
    "MoralDeliberation",
    "NetworkEntry",
    "OpenCaseCount",
    "Person",
    "Plan",
    "PlanAction",
    "PlanGoal",
    "PlanGoalStatusChange",
    "PlanVersion",
    "Provider",
    "ProviderProduct",
    "Question",
    "QuestionStatusChange",
    "Referral",
    "ReferralStatusChange",
    "Voorziening",
    "Vraagverheldering",
    "WaitingTime",
    "ZrmAssessment",
    "ZrmDomainScore",
    "ZrmLatestScore",
]
