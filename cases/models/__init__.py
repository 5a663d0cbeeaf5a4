"""Models of the voordeur (persons, households, questions) and the casus."""

from cases.models.casework import (
    JOURNAL_EDIT_WINDOW,
    Case,
    CaseAssignment,
    CaseSettings,
    CaseStatusChange,
    JournalEntry,
)
from cases.models.corrections import Correction
from cases.models.intake import (
    Question,
    QuestionStatusChange,
    Voorziening,
    Vraagverheldering,
)

# measuring (issue 5: ZRM, participatieladder, moreel beraad)
from cases.models.measuring import (
    LadderMeasurement,
    LadderStep,
    MoralDeliberation,
    ZrmAssessment,
    ZrmDomainScore,
    ZrmLatestScore,
)
from cases.models.network import NetworkEntry
from cases.models.persons import Household, HouseholdMember, Person

# plan (issue 5)
from cases.models.plan import (
    Plan,
    PlanAction,
    PlanGoal,
    PlanGoalStatusChange,
    PlanVersion,
)
from cases.models.referrals import (
    Allocation,
    AllocationStatusChange,
    Provider,
    ProviderProduct,
    Referral,
    ReferralStatusChange,
    WaitingTime,
)
from cases.models.workload import OpenCaseCount

__all__ = [
    "JOURNAL_EDIT_WINDOW",
    "Case",
    "CaseAssignment",
    "CaseSettings",
    "JournalEntry",
    "CaseStatusChange",
    "Correction",
    "Household",
    "HouseholdMember",
    "OpenCaseCount",
    "Person",
    "Question",
    "QuestionStatusChange",
    "Voorziening",
    "Vraagverheldering",
    # measuring
    "LadderMeasurement",
    "LadderStep",
    "MoralDeliberation",
    "ZrmAssessment",
    "ZrmDomainScore",
    "ZrmLatestScore",
    # Netwerk en achterdeur (issue 5).
    "Allocation",
    "AllocationStatusChange",
    "NetworkEntry",
    "Provider",
    "ProviderProduct",
    "Referral",
    "ReferralStatusChange",
    "WaitingTime",
    # plan (issue 5)
    "Plan",
    "PlanAction",
    "PlanGoal",
    "PlanGoalStatusChange",
    "PlanVersion",
]
