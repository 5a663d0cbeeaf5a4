import datetime as dt

from django.utils import timezone

import pytest

from cases.models import Referral, WaitingTime
from cases.network.services import (
    NetworkError,
    product_add,
    referral_change_status,
    referral_create,
    referral_signals,
    waiting_time_set,
)
from cases.tests.factories import (
    CaseFactory,
    ProviderFactory,
    ProviderProductFactory,
    ReferralFactory,
)
from wijkteam.workflow import TransitionNotAllowed

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _days(n):
    return TODAY - dt.timedelta(days=n)


def test_create_keeps_norm_due_date_and_quoted_wait(team, lid):
    case = CaseFactory(team=team)
    product = ProviderProductFactory(
        provider__team=team, norm_weeks=4, current_wait_weeks=7
    )
    referral = referral_create(
        case=case, by=lid, product=product, reason="GGZ", asked_on=_days(3)
    )
    assert referral.norm_weeks == 4 and referral.quoted_wait_weeks == 7
    assert referral.due_on == _days(3) + dt.timedelta(weeks=4)
    assert [h.to_status for h in referral.status_changes.all()] == ["gevraagd"]


def test_create_refuses_a_product_of_another_team(team, other_team, lid):
    product = ProviderProductFactory(provider__team=other_team)
    with pytest.raises(NetworkError):
        referral_create(
            case=CaseFactory(team=team), by=lid, product=product, reason="x",
            asked_on=TODAY,
        )  # fmt: skip
    assert not Referral.objects.exists()


def test_start_computes_actual_waiting_time_and_breach(team, lid):
    referral = ReferralFactory(case__team=team, asked_on=_days(40), norm_weeks=4)
    started = referral_change_status(
        referral=referral, by=lid, to="gestart", on=_days(5)
    )
    assert started.started_on == _days(5)
    assert started.actual_wait_weeks == 5  # 35 days
    assert started.breach == "later gestart dan de norm"
    assert Referral.objects.started_late().filter(pk=referral.pk).exists()
    assert [h.to_status for h in started.status_changes.all()] == ["gestart"]


def test_start_before_asked_is_refused_and_saves_nothing(team, lid):
    referral = ReferralFactory(case__team=team, asked_on=_days(3))
    with pytest.raises(NetworkError):
        referral_change_status(referral=referral, by=lid, to="gestart", on=_days(9))
    referral.refresh_from_db()
    assert referral.status == "gevraagd" and not referral.status_changes.exists()


def test_transitions_table(team, lid):
    referral = ReferralFactory(case__team=team)
    with pytest.raises(TransitionNotAllowed):
        referral_change_status(referral=referral, by=lid, to="afgerond")
    referral_change_status(referral=referral, by=lid, to="geannuleerd")
    with pytest.raises(TransitionNotAllowed):
        referral_change_status(referral=referral, by=lid, to="gestart")


def test_signals_only_waiting_over_norm_of_the_team(team, other_team):
    late = ReferralFactory(case__team=team, asked_on=_days(60), norm_weeks=4)
    ReferralFactory(case__team=team, asked_on=_days(3), norm_weeks=4)
    ReferralFactory(case__team=other_team, asked_on=_days(60), norm_weeks=4)
    started = ReferralFactory(case__team=team, asked_on=_days(60), norm_weeks=4)
    Referral.objects.filter(pk=started.pk).update(status="gestart", started_on=_days(1))
    rows, count = referral_signals(team)
    assert [r.pk for r in rows] == [late.pk] and count == 1


def test_waiting_time_history_and_current(team, lid):
    product = product_add(
        provider=ProviderFactory(team=team), by=lid, name="Jeugd-GGZ",
        norm_weeks=6, wait_weeks=8,
    )  # fmt: skip
    assert product.current_wait_weeks == 8
    product = waiting_time_set(product=product, by=lid, weeks=5)
    assert product.current_wait_weeks == 5
    # A late entry of an older figure goes into the history, not the current value.
    product = waiting_time_set(product=product, by=lid, weeks=12, valid_from=_days(30))
    assert product.current_wait_weeks == 5
    assert WaitingTime.objects.filter(product=product).count() == 3
    with pytest.raises(NetworkError):
        waiting_time_set(product=product, by=lid, weeks=1, valid_from=_days(-2))
