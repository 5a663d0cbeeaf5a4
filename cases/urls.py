"""The URLs of the cases app: each concept lists its own, under the one namespace."""

from cases.casework import urls as casework
from cases.intake import urls as intake
from cases.measuring import urls as measuring
from cases.network import urls as network
from cases.persons import urls as persons
from cases.plan import urls as plan
from cases.privacy import urls as privacy

app_name = "cases"

urlpatterns = [
    *intake.urlpatterns,
    *persons.urlpatterns,
    *privacy.urlpatterns,
    *casework.urlpatterns,
    *measuring.urlpatterns,
    *network.urlpatterns,
    *plan.urlpatterns,
]
